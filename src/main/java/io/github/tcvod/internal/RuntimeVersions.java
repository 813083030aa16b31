package io.github.tcvod.internal;

import io.github.tcvod.InternalApi;
import io.github.tcvod.exception.ErrorDetails;
import io.github.tcvod.exception.VodClientException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Checks, when a client is built, that the OkHttp and Gson the class path resolved to are ones the
 * SDK works with. The SDK leaves the choice of version to the user's build (so that Maven and
 * Gradle mediate with the OkHttp the application already has); a graph that picked one too old
 * would otherwise fail at the first call with a {@link NoSuchMethodError} far from its cause.
 */
@InternalApi
public final class RuntimeVersions {
  /** Error code of the exception thrown for an unusable dependency. */
  public static final String ERROR_CODE = "ClientError.Dependency";
  /** The oldest OkHttp with every API the SDK uses ({@code Call.timeout()}, call timeouts). */
  static final String OKHTTP_MINIMUM = "3.12.0";
  /** The oldest Gson with every API the SDK uses ({@code JsonParser.parseString}). */
  static final String GSON_MINIMUM = "2.8.6";
  /** Reported when a library does not say its version (shaded, trimmed); never a failure. */
  static final String UNKNOWN = "unknown";

  private static final String OKHTTP_CLIENT_CLASS = "okhttp3/OkHttpClient.class";
  private static volatile boolean verified;

  private RuntimeVersions() {
  }

  /**
   * Checks the OkHttp and Gson on this class path once.
   *
   * @throws VodClientException naming the version found, the minimum and the fix
   */
  public static void verify() {
    if (!verified) {
      check(okHttpVersion(), gsonVersion(), okHttpCopies());
      verified = true;
    }
  }

  /**
   * @param okhttp the OkHttp version found, or {@link #UNKNOWN}
   * @param gson the Gson version found, or {@link #UNKNOWN}
   * @param okhttpJars the class-path entries holding {@code okhttp3.OkHttpClient}
   * @throws VodClientException when a version is older than its minimum or OkHttp is there twice
   */
  static void check(String okhttp, String gson, List<String> okhttpJars) {
    if (isOlder(okhttp, OKHTTP_MINIMUM)) {
      throw failure("OkHttp " + okhttp + " is on the class path, but tcvod-sdk needs OkHttp " + OKHTTP_MINIMUM
          + " or later (3.12 through 5.x work). Another dependency brought the old one and the build picked it:"
          + " find it with 'mvn dependency:tree -Dincludes=com.squareup.okhttp3' (Gradle: 'dependencyInsight"
          + " --dependency okhttp') and exclude com.squareup.okhttp3:okhttp from it, or declare"
          + " com.squareup.okhttp3:okhttp " + OKHTTP_MINIMUM + " or later in your own dependencies");
    }
    if (isOlder(gson, GSON_MINIMUM)) {
      throw failure("Gson " + gson + " is on the class path, but tcvod-sdk needs Gson " + GSON_MINIMUM
          + " or later. Another dependency brought the old one and the build picked it: find it with"
          + " 'mvn dependency:tree -Dincludes=com.google.code.gson' (Gradle: 'dependencyInsight --dependency gson')"
          + " and exclude com.google.code.gson:gson from it, or declare com.google.code.gson:gson "
          + GSON_MINIMUM + " or later in your own dependencies");
    }
    if (okhttpJars.size() > 1) {
      throw failure("OkHttp is on the class path more than once (" + String.join(", ", okhttpJars)
          + "), so its classes may come from different versions. Keep one: with okhttp-jvm 5.x, exclude"
          + " com.squareup.okhttp3:okhttp from io.github.tcvod:tcvod-sdk (or import com.squareup.okhttp3:okhttp-bom);"
          + " otherwise find the second copy with 'mvn dependency:tree -Dincludes=com.squareup.okhttp3'");
    }
  }

  /**
   * @param found a version such as {@code 3.14.9} or {@code 5.0.0-alpha.14}, or {@link #UNKNOWN}
   * @param minimum the oldest accepted version
   * @return whether found is known and older than minimum (pre-release suffixes are ignored)
   */
  static boolean isOlder(String found, String minimum) {
    int[] have = numbers(found);
    if (have.length == 0) {
      return false;
    }
    int[] need = numbers(minimum);
    for (int i = 0; i < need.length; i++) {
      int part = i < have.length ? have[i] : 0;
      if (part != need[i]) {
        return part < need[i];
      }
    }
    return false;
  }

  private static int[] numbers(String version) {
    List<Integer> parts = new ArrayList<>();
    if (version != null) {
      for (String part : version.split("[.-]")) {
        if (part.isEmpty() || !part.chars().allMatch(Character::isDigit) || part.length() > 9) {
          break;
        }
        parts.add(Integer.parseInt(part));
      }
    }
    int[] result = new int[parts.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = parts.get(i);
    }
    return result;
  }

  private static VodClientException failure(String message) {
    return new VodClientException(ErrorDetails.of(ERROR_CODE, message, null, 0, null), null);
  }

  /**
   * @return whether the OkHttp loaded asks an answer's body for its type on every call (OkHttp 5's
   *     cache interceptor does, cache or no cache), or does not say its version
   */
  public static boolean okHttpAsksEveryAnswerItsType() {
    return asksEveryAnswerItsType(okHttpVersion());
  }

  /** @param okhttp an OkHttp version, or {@link #UNKNOWN} */
  static boolean asksEveryAnswerItsType(String okhttp) {
    return !isOlder(okhttp, "5.0.0");
  }

  /** @return the version of the OkHttp loaded: {@code OkHttp.VERSION} from 4.0, the user agent before */
  static String okHttpVersion() {
    String version = staticString("okhttp3.OkHttp", "VERSION");
    if (version == null) {
      String userAgent = staticCall("okhttp3.internal.Version", "userAgent");
      version = userAgent != null && userAgent.startsWith("okhttp/") ? userAgent.substring("okhttp/".length()) : null;
    }
    return version == null ? UNKNOWN : version;
  }

  /**
   * @return the version of the Gson loaded: its build constant, else (on the module path, where
   *     that package is not exported) the Maven descriptor in its jar
   */
  static String gsonVersion() {
    String version = staticString("com.google.gson.internal.GsonBuildConfig", "VERSION");
    if (version == null) {
      Properties descriptor = new Properties();
      try (InputStream in = com.google.gson.Gson.class.getResourceAsStream(
          "/META-INF/maven/com.google.code.gson/gson/pom.properties")) {
        if (in != null) {
          descriptor.load(in);
          version = descriptor.getProperty("version");
        }
      } catch (IOException e) {
        version = null;
      }
    }
    return version == null ? UNKNOWN : version;
  }

  /** @return the distinct class-path entries (jar file names) that hold {@code okhttp3.OkHttpClient} */
  static List<String> okHttpCopies() {
    ClassLoader loader = okhttp3.OkHttpClient.class.getClassLoader();
    if (loader == null) {
      return Collections.emptyList();
    }
    Set<String> jars = new LinkedHashSet<>();
    try {
      Enumeration<URL> found = loader.getResources(OKHTTP_CLIENT_CLASS);
      while (found.hasMoreElements()) {
        jars.add(entryName(found.nextElement()));
      }
    } catch (IOException e) {
      return Collections.emptyList();
    }
    return new ArrayList<>(jars);
  }

  /**
   * @return the jar's file name of a {@code jar:file:/x/okhttp-4.12.0.jar!/okhttp3/...} URL, else
   *     the directory or other location the class was found in
   */
  static String entryName(URL resource) {
    String text = resource.toString();
    int bang = text.indexOf("!/");
    if (bang < 0) {
      return text.endsWith(OKHTTP_CLIENT_CLASS) ? text.substring(0, text.length() - OKHTTP_CLIENT_CLASS.length()) : text;
    }
    String jar = text.substring(0, bang);
    return jar.substring(jar.lastIndexOf('/') + 1);
  }

  private static String staticString(String className, String fieldName) {
    try {
      Field field = Class.forName(className, false, RuntimeVersions.class.getClassLoader()).getField(fieldName);
      Object value = field.get(null);
      return value instanceof String ? (String) value : null;
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  private static String staticCall(String className, String methodName) {
    try {
      Method method = Class.forName(className, false, RuntimeVersions.class.getClassLoader()).getMethod(methodName);
      Object value = method.invoke(null);
      return value instanceof String ? (String) value : null;
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
