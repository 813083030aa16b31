package io.github.tcvod.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.exception.VodClientException;
import java.net.URL;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuntimeVersionsTest {
  private static final List<String> ONE_OKHTTP = Collections.singletonList("okhttp-4.12.0.jar");

  @ParameterizedTest(name = "{0} older than {1}: {2}")
  @CsvSource({
      "3.11.0, 3.12.0, true",
      "3.12.0, 3.12.0, false",
      "3.12.13, 3.12.0, false",
      "3.9.1, 3.12.0, true",
      "4.0.0, 3.12.0, false",
      "5.0.0-alpha.14, 3.12.0, false",
      "3.12.0-SNAPSHOT, 3.12.0, false",
      "3.12, 3.12.0, false",
      "2.8.5, 2.8.6, true",
      "2.8.9, 2.8.6, false",
      "2.10, 2.8.6, false",
      "unknown, 3.12.0, false",
      "'', 3.12.0, false",
  })
  void comparesVersionsNumerically(String found, String minimum, boolean older) {
    assertEquals(older, RuntimeVersions.isOlder(found, minimum));
  }

  @Test
  void anOldOkHttpIsNamedWithTheMinimumAndTheExclusion() {
    VodClientException e = assertThrows(VodClientException.class,
        () -> RuntimeVersions.check("3.11.0", "2.13.2", ONE_OKHTTP));
    assertAll(
        () -> assertEquals(RuntimeVersions.ERROR_CODE, e.errorCode()),
        () -> assertTrue(e.getMessage().contains("OkHttp 3.11.0 is on the class path"), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("needs OkHttp 3.12.0 or later"), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("exclude com.squareup.okhttp3:okhttp from it"), e.getMessage()),
        () -> assertFalse(e.isRetryable()));
  }

  @Test
  void anOldGsonIsNamedWithTheMinimumAndTheExclusion() {
    VodClientException e = assertThrows(VodClientException.class,
        () -> RuntimeVersions.check("3.14.9", "2.8.5", ONE_OKHTTP));
    assertAll(
        () -> assertEquals(RuntimeVersions.ERROR_CODE, e.errorCode()),
        () -> assertTrue(e.getMessage().contains("Gson 2.8.5 is on the class path"), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("needs Gson 2.8.6 or later"), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("exclude com.google.code.gson:gson from it"), e.getMessage()));
  }

  @Test
  void twoOkHttpCopiesAreNamed() {
    VodClientException e = assertThrows(VodClientException.class,
        () -> RuntimeVersions.check("4.12.0", "2.13.2", Arrays.asList("okhttp-4.12.0.jar", "okhttp-jvm-5.5.1.jar")));
    assertTrue(e.getMessage().contains("(okhttp-4.12.0.jar, okhttp-jvm-5.5.1.jar)"), e.getMessage());
    assertTrue(e.getMessage().contains("exclude com.squareup.okhttp3:okhttp from io.github.tcvod:tcvod-sdk"), e.getMessage());
  }

  @Test
  void everySupportedVersionPasses() {
    for (String okhttp : Arrays.asList("3.12.0", "3.12.13", "3.14.9", "4.12.0", "5.5.1", "unknown")) {
      for (String gson : Arrays.asList("2.8.6", "2.8.9", "2.13.2", "unknown")) {
        assertDoesNotThrow(() -> RuntimeVersions.check(okhttp, gson, ONE_OKHTTP), okhttp + " / " + gson);
      }
    }
  }

  /** What this build's test class path holds, found the way build() finds it. */
  @Test
  void detectsTheLibrariesOnThisClassPath() {
    assertEquals("4.12.0", RuntimeVersions.okHttpVersion());
    assertEquals("2.13.2", RuntimeVersions.gsonVersion());
    assertEquals(Collections.singletonList("okhttp-4.12.0.jar"), RuntimeVersions.okHttpCopies());
    assertDoesNotThrow(() -> VodClient.builder().credentials(Credentials.of("id", "key")).build().close());
  }

  @Test
  void namesAJarByItsFileAndADirectoryByItsPath() throws Exception {
    assertEquals("okhttp-3.14.9.jar",
        RuntimeVersions.entryName(new URL("jar:file:/repo/com/squareup/okhttp3/okhttp/3.14.9/okhttp-3.14.9.jar!/okhttp3/OkHttpClient.class")));
    assertEquals("file:/work/classes/", RuntimeVersions.entryName(new URL("file:/work/classes/okhttp3/OkHttpClient.class")));
  }
}
