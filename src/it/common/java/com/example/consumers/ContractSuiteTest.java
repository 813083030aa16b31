package com.example.consumers;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.contract.ContractSuite;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK's whole contract suite, from its tests classifier, on this consumer's OkHttp and Gson. */
class ContractSuiteTest {
  @RegisterExtension
  static WireMockExtension server = ContractSuite.server();

  @TestFactory
  Stream<DynamicTest> contractCases() throws Exception {
    return ContractSuite.cases(server);
  }
}
