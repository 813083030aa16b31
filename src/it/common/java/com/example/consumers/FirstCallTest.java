package com.example.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.emulator.VodEmulator;
import io.github.tcvod.emulator.VodEmulatorExtension;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The call that died with NoSuchMethodError when two OkHttp copies met: it goes through, signed, and parses. */
class FirstCallTest {
  @RegisterExtension
  static VodEmulatorExtension vod = new VodEmulatorExtension();

  @Test
  void theFirstCallWorks() {
    try (VodClient client = VodClient.builder().endpoint(vod.emulator().endpoint())
        .credentials(Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY)).build()) {
      DescribeProcessImageAsyncTemplatesResponse page = client.describeProcessImageAsyncTemplates(
          DescribeProcessImageAsyncTemplatesRequest.builder().definitions(7L).build());
      assertEquals(1L, page.totalCount());
      assertEquals("test3", page.processImageAsyncTemplateSet().get(0).name());
    }
  }
}
