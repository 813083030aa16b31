package io.github.tcvod.contract;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.VodTestServer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replays every case file of {@code contract/cases} through WireMock, one dynamic test per file,
 * named by its description. WireMock checks the signature of each request with a checker that
 * shares no code with the SDK.
 */
class ContractTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMockCheckingSignatures();

  @TestFactory
  Stream<DynamicTest> contractCases() throws IOException, URISyntaxException {
    ContractRunner runner = new ContractRunner(server, VodTestServer.SECRET_ID, VodTestServer.SECRET_KEY, null, null);
    return ContractRunner.caseFiles().stream().map(file -> {
      ContractCase contract = ContractRunner.read(file);
      assertNotNull(contract.description, file + " has no description");
      return DynamicTest.dynamicTest(contract.description, file.toUri(), () -> runner.run(contract));
    });
  }
}
