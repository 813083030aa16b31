package io.github.tcvod.contract;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.emulator.SignatureVerifyingFilter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole contract suite with a sentinel secret key and session token and the request logger
 * on: neither sentinel may appear in a log line, an exception's message or stack trace, or the
 * {@code toString()} of anything the calls produced.
 */
class SecretHygieneTest {
  private static final String SENTINEL_ID = "AKIDsentinelSecretId000000000000";
  private static final String SENTINEL_KEY = "SENTINEL-SECRET-KEY-3f9c1e";
  private static final String SENTINEL_TOKEN = "SENTINEL-SESSION-TOKEN-7b2d4a";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
          .extensions(new SignatureVerifyingFilter(Collections.singletonMap(SENTINEL_ID, SENTINEL_KEY),
              Clock.fixed(VodTestServer.NOW, ZoneOffset.UTC))))
      .build();

  @Test
  void sentinelsNeverAppearInLogsExceptionsOrToString() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    ContractRunner runner = new ContractRunner(server, SENTINEL_ID, SENTINEL_KEY, SENTINEL_TOKEN, log::add)
        .ignoringHeaders("X-TC-Token");
    List<String> produced = new ArrayList<>();
    int cases = 0;
    for (Path file : ContractRunner.caseFiles()) {
      Object outcome = runner.run(ContractRunner.read(file));
      cases++;
      if (outcome instanceof Throwable) {
        StringWriter trace = new StringWriter();
        ((Throwable) outcome).printStackTrace(new PrintWriter(trace));
        produced.add(trace.toString());
      } else {
        produced.add(String.valueOf(outcome));
      }
    }
    produced.add(Credentials.of(SENTINEL_ID, SENTINEL_KEY, SENTINEL_TOKEN).toString());
    produced.addAll(log);

    assertTrue(cases > 50, "the whole suite ran");
    assertTrue(log.stream().anyMatch(line -> line.startsWith("    X-TC-Token: <redacted>")), "the token header was logged, redacted");
    assertTrue(log.stream().anyMatch(line -> line.contains("Signature=<redacted>")), "the signature was logged, redacted");
    for (String text : produced) {
      assertFalse(text.contains(SENTINEL_KEY), "secret key leaked: " + text);
      assertFalse(text.contains(SENTINEL_TOKEN), "session token leaked: " + text);
    }
  }
}
