package io.github.tcvod.contract;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replays every case file of {@code contract/cases} through WireMock, one dynamic test per file,
 * named by its description. WireMock checks the signature of each request with a checker that
 * shares no code with the SDK. The consumer projects under src/it run the same suite from the
 * tests jar.
 */
class ContractTest {
  @RegisterExtension
  static WireMockExtension server = ContractSuite.server();

  @TestFactory
  Stream<DynamicTest> contractCases() throws IOException, URISyntaxException {
    return ContractSuite.cases(server);
  }
}
