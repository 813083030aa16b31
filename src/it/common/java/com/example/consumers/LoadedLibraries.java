package com.example.consumers;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * What this JVM actually loaded, found the way a user would check it and independently of the
 * SDK's own check: OkHttp's version constant (4.x and later) or user agent (3.x), Gson's Maven
 * descriptor, and every class-path entry that holds an okhttp3 client.
 */
final class LoadedLibraries {
  private LoadedLibraries() {
  }

  static String okHttpVersion() throws ReflectiveOperationException {
    try {
      Field version = Class.forName("okhttp3.OkHttp").getField("VERSION");
      return (String) version.get(null);
    } catch (ClassNotFoundException e) {
      String userAgent = (String) Class.forName("okhttp3.internal.Version").getMethod("userAgent").invoke(null);
      return userAgent.substring(userAgent.indexOf('/') + 1);
    }
  }

  static String gsonVersion() throws IOException {
    try (InputStream in = com.google.gson.Gson.class.getResourceAsStream("/META-INF/maven/com.google.code.gson/gson/pom.properties")) {
      Properties descriptor = new Properties();
      descriptor.load(in);
      return descriptor.getProperty("version");
    }
  }

  /** @return the file name of each jar (or the directory) holding okhttp3.OkHttpClient */
  static List<String> okHttpJars() throws IOException {
    List<String> jars = new ArrayList<>();
    for (URL url : Collections.list(okhttp3.OkHttpClient.class.getClassLoader().getResources("okhttp3/OkHttpClient.class"))) {
      String text = url.toString();
      String entry = text.contains("!/") ? text.substring(0, text.indexOf("!/")) : text;
      jars.add(entry.substring(entry.lastIndexOf('/') + 1));
    }
    return jars;
  }
}
