package com.example.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.emulator.VodEmulator;
import io.github.tcvod.emulator.VodEmulatorExtension;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OkHttp 5 asks every answer's body for its type (its cache interceptor, cache or no cache), and
 * its body parses the header anew each time: on OkHttp 5 the SDK hands the answers of one type
 * the one parsed type; OkHttp 3 and 4 never ask, and the SDK leaves their answers alone.
 */
class AnswerTypeTest {
  @RegisterExtension
  static VodEmulatorExtension vod = new VodEmulatorExtension();

  @Test
  void answersOfOneTypeShareItsParseOnOkHttp5Only() throws Exception {
    List<MediaType> seen = new ArrayList<>();
    // A caller's network interceptor runs outside the SDK's: it sees the answers as OkHttp's cache interceptor does.
    OkHttpClient callers = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      okhttp3.Response response = chain.proceed(chain.request());
      synchronized (seen) {
        seen.add(response.body().contentType());
      }
      return response;
    }).build();
    try (VodClient client = VodClient.builder().endpoint(vod.emulator().endpoint()).httpClient(callers)
        .credentials(Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY)).build()) {
      for (int i = 0; i < 2; i++) {
        client.describeProcessImageAsyncTemplates(DescribeProcessImageAsyncTemplatesRequest.builder().build());
      }
    } finally {
      callers.dispatcher().executorService().shutdown();
      callers.connectionPool().evictAll();
    }
    assertEquals(2, seen.size());
    assertEquals("application/json", seen.get(0).type() + "/" + seen.get(0).subtype());
    assertEquals(seen.get(0), seen.get(1));
    if (LoadedLibraries.okHttpVersion().startsWith("5.")) {
      assertSame(seen.get(0), seen.get(1), "OkHttp 5: the type parsed once");
    } else {
      assertNotSame(seen.get(0), seen.get(1), "OkHttp 3 and 4: the answers as OkHttp made them");
    }
  }
}
