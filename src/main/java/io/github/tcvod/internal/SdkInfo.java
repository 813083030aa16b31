package io.github.tcvod.internal;

import io.github.tcvod.InternalApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's name and version, as sent in {@code X-TC-RequestClient}. */
@InternalApi
public final class SdkInfo {
  /** Version of this build, filtered in from the POM. */
  public static final String VERSION = load();
  /** Value of the {@code X-TC-RequestClient} header. */
  public static final String REQUEST_CLIENT = "tcvod-sdk-java/" + VERSION;

  private SdkInfo() {
  }

  private static String load() {
    Properties properties = new Properties();
    try (InputStream in = SdkInfo.class.getResourceAsStream("sdk.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }
}
