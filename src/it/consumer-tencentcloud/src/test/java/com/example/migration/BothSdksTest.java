package com.example.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.emulator.VodEmulator;
import io.github.tcvod.emulator.VodEmulatorExtension;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A team mid-migration: the official SDK and tcvod-sdk call the same (emulated) service from one JVM. */
class BothSdksTest {
  @RegisterExtension
  static VodEmulatorExtension vod = new VodEmulatorExtension();

  @Test
  void bothSdksCallTheServiceInOneJvm() throws Exception {
    URI endpoint = URI.create(vod.emulator().endpoint());
    HttpProfile http = new HttpProfile();
    http.setProtocol(HttpProfile.REQ_HTTP);
    // The official SDK takes the signing service from the endpoint's first label, so it keeps the
    // real host name and reaches the emulator as its HTTP proxy (no name is resolved, nothing leaves 127.0.0.1).
    http.setEndpoint("vod.tencentcloudapi.com");
    http.setProxyHost(endpoint.getHost());
    http.setProxyPort(endpoint.getPort());
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    CommonClient official = new CommonClient("vod", "2018-07-17",
        new Credential(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY), "ap-guangzhou", profile);
    String answer = official.call("DescribeProcessImageAsyncTemplates", "{\"Definitions\":[7]}");
    assertTrue(answer.contains("\"test3\""), "the official SDK's answer names template 7: " + answer.length() + " chars");

    try (VodClient client = VodClient.builder().endpoint(vod.emulator().endpoint())
        .credentials(Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY)).build()) {
      assertEquals("test3", client.describeProcessImageAsyncTemplates(
          DescribeProcessImageAsyncTemplatesRequest.builder().definitions(7L).build())
          .processImageAsyncTemplateSet().get(0).name());
    }
  }
}
