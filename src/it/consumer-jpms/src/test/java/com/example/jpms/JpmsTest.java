package com.example.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.emulator.VodEmulator;
import io.github.tcvod.emulator.VodEmulatorExtension;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpmsTest {
  @RegisterExtension
  static VodEmulatorExtension vod = new VodEmulatorExtension();

  @Test
  void theApplicationAndTheSdkRunAsNamedModules() {
    System.out.println("[tcvod-consumer-jpms] " + TemplateNames.class.getModule() + " reads " + VodClient.class.getModule()
        + ", OkHttp in " + okhttp3.OkHttpClient.class.getModule() + ", Gson in " + com.google.gson.Gson.class.getModule());
    assertEquals("com.example.jpms", TemplateNames.class.getModule().getName());
    assertEquals("io.github.tcvod", VodClient.class.getModule().getName());
    // Maven puts only what module-info requires on the module path; the SDK, an automatic module,
    // reads OkHttp and Gson from the class path (README: Dependencies and conflicts, JPMS).
    assertTrue(TemplateNames.class.getModule().canRead(VodClient.class.getModule()));
    assertTrue(VodClient.class.getModule().canRead(okhttp3.OkHttpClient.class.getModule()));
    assertTrue(VodClient.class.getModule().canRead(com.google.gson.Gson.class.getModule()));
  }

  @Test
  void theModuleCallsTheService() {
    assertEquals(Arrays.asList("test3", "SuperResolution2x", "WebPCompress", "ForegroundCutOut"),
        TemplateNames.all(vod.emulator().endpoint(), Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY)));
  }
}
