package io.github.tcvod.contract;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.emulator.SignatureVerifyingFilter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The SDK's contract cases as JUnit 5 dynamic tests, for this build and for any project that has
 * the SDK and its {@code tests} classifier (with WireMock and JUnit) on its test class path: so a
 * user can replay the whole suite against the OkHttp and Gson their own dependency graph resolved.
 *
 * <pre>
 * &#64;RegisterExtension static WireMockExtension server = ContractSuite.server();
 * &#64;TestFactory Stream&lt;DynamicTest&gt; contract() { return ContractSuite.cases(server); }
 * </pre>
 */
public final class ContractSuite {
  /** Secret id the cases sign with. */
  public static final String SECRET_ID = "AKIDtestSECRETID0000000000000000";
  /** Secret key the cases sign with; never appears in any output. */
  public static final String SECRET_KEY = "testSecretKeyThatMustNeverLeak0";
  /** Fixed time of the cases' requests: 2026-01-26T09:21:49Z. */
  public static final Instant NOW = Instant.parse("2026-01-26T09:21:49Z");

  private ContractSuite() {
  }

  /** @return WireMock on 127.0.0.1 that verifies TC3 signatures made with the cases' key at {@link #NOW} */
  public static WireMockExtension server() {
    return WireMockExtension.newInstance().options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
        .extensions(new SignatureVerifyingFilter(Collections.singletonMap(SECRET_ID, SECRET_KEY), Clock.fixed(NOW, ZoneOffset.UTC))))
        .build();
  }

  /**
   * @param server the extension made by {@link #server()}
   * @return one test per case file of {@code contract/cases}, named by its description
   * @throws IOException when the case files cannot be listed
   * @throws URISyntaxException never for a class-path resource
   */
  public static Stream<DynamicTest> cases(WireMockExtension server) throws IOException, URISyntaxException {
    ContractRunner runner = new ContractRunner(server, SECRET_ID, SECRET_KEY, null, null);
    return ContractRunner.caseFiles().stream().map(file -> {
      ContractCase contract = ContractRunner.read(file);
      assertNotNull(contract.description, file + " has no description");
      return DynamicTest.dynamicTest(contract.description, file.toUri(), () -> runner.run(contract));
    });
  }
}
