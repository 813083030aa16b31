package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.emulator.VodEmulator;
import io.github.tcvod.emulator.VodEmulatorExtension;
import io.github.tcvod.exception.ResourceNotFoundException;
import io.github.tcvod.model.DeleteProcessImageAsyncTemplateRequest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TemplateCatalogTest {
  @RegisterExtension
  static VodEmulatorExtension vod = new VodEmulatorExtension();

  private VodClient client() {
    return VodClient.builder().endpoint(vod.emulator().endpoint())
        .credentials(Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY)).build();
  }

  @Test
  void listsEveryTemplateThroughThePublishedSdk() {
    try (VodClient client = client()) {
      assertEquals(Arrays.asList("test3", "SuperResolution2x", "WebPCompress", "ForegroundCutOut"),
          new TemplateCatalog(client).names());
    }
  }

  @Test
  void typedErrorsComeThrough() {
    try (VodClient client = client()) {
      assertEquals("ResourceNotFound.TemplateNotExist", assertThrows(ResourceNotFoundException.class,
          () -> client.deleteProcessImageAsyncTemplate(DeleteProcessImageAsyncTemplateRequest.builder().definition(424242L).build()))
          .errorCode());
    }
  }

  /** The SDK's optional swagger-annotations dependency is not here, and the models work without it. */
  @Test
  void swaggerAnnotationsAreAbsentAndHarmless() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("io.swagger.v3.oas.annotations.media.Schema"));
  }
}
