package io.github.tcvod.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.emulator.SignatureVerifyingFilter;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.internal.Json;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
  private static final Gson GSON = new Gson();

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
          .extensions(new SignatureVerifyingFilter(
              Collections.singletonMap(VodTestServer.SECRET_ID, VodTestServer.SECRET_KEY),
              Clock.fixed(VodTestServer.NOW, ZoneOffset.UTC))))
      .build();

  @TestFactory
  Stream<DynamicTest> contractCases() throws IOException, URISyntaxException {
    Path folder = Paths.get(ContractTest.class.getResource("/contract/cases").toURI());
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
    assertFalse(files.isEmpty(), "no contract cases found");
    return files.stream().map(file -> {
      ContractCase contract = read(file);
      assertNotNull(contract.description, file + " has no description");
      return DynamicTest.dynamicTest(contract.description, file.toUri(), () -> run(contract));
    });
  }

  private static ContractCase read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return GSON.fromJson(reader, ContractCase.class);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void run(ContractCase contract) throws Exception {
    server.resetAll();
    if (contract.answer != null) {
      server.stubFor(post(urlEqualTo("/")).willReturn(answer(contract.answer)));
    }
    Object result = null;
    Throwable failure = null;
    try (VodClient vod = client(contract)) {
      Object request = buildRequest(contract);
      Method call = VodClient.class.getMethod(lowerFirst(contract.action), request.getClass());
      result = call.invoke(vod, request);
    } catch (InvocationTargetException e) {
      failure = e.getCause();
    } catch (IllegalArgumentException e) {
      failure = e;
    }
    ContractCase.Expect expect = contract.expect;
    List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
    assertEquals(expect.requests == null ? 1 : expect.requests, requests.size(), "requests the server saw");
    if (expect.request != null) {
      checkWireRequest(expect.request, requests.get(0));
    }
    if (expect.error != null) {
      checkFailure(expect.error, failure);
      return;
    }
    if (failure != null) {
      throw new AssertionError("the call failed: " + failure, failure);
    }
    if (expect.result != null) {
      assertEquals(withoutNulls(expect.result), Json.GSON.toJsonTree(result), "the typed result as JSON");
    }
    if (expect.typed != null) {
      for (ContractCase.TypedCheck check : expect.typed) {
        assertEquals(check.equals, String.valueOf(follow(result, check.path)), check.path);
      }
    }
  }

  private static VodClient client(ContractCase contract) {
    VodClient.Builder builder = VodTestServer.clientOf(server.getPort())
        .clock(Clock.offset(Clock.fixed(VodTestServer.NOW, ZoneOffset.UTC), Duration.ofSeconds(contract.clientClockOffsetSeconds)))
        .readTimeout(Duration.ofSeconds(2));
    if (contract.clientSecretKey != null) {
      builder.credentials(Credentials.of(VodTestServer.SECRET_ID, contract.clientSecretKey));
    }
    return builder.build();
  }

  /** Reads the input into the action's request class, then rebuilds it so that its checks run. */
  private static Object buildRequest(ContractCase contract) throws ReflectiveOperationException {
    Class<?> type = Class.forName("io.github.tcvod.model." + contract.action + "Request");
    Object parsed = Json.GSON.fromJson(contract.input == null ? new JsonObject() : contract.input, type);
    Object builder = type.getMethod("toBuilder").invoke(parsed);
    try {
      return builder.getClass().getMethod("build").invoke(builder);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException) {
        throw (IllegalArgumentException) e.getCause();
      }
      throw e;
    }
  }

  private static ResponseDefinitionBuilder answer(ContractCase.Answer answer) {
    ResponseDefinitionBuilder response = aResponse().withStatus(answer.status);
    if (answer.fault != null) {
      return response.withFault(Fault.valueOf(answer.fault));
    }
    if (answer.headers != null) {
      answer.headers.forEach(response::withHeader);
    }
    if (answer.bodyJson != null) {
      response.withBody(GSON.toJson(answer.bodyJson));
    } else if (answer.body != null) {
      response.withBody(answer.body);
    }
    return response;
  }

  private static void checkWireRequest(ContractCase.WireRequest expected, LoggedRequest actual) {
    if (expected.headers != null) {
      for (Map.Entry<String, String> header : expected.headers.entrySet()) {
        String value = actual.getHeader(header.getKey());
        if (header.getValue() == null) {
          assertNull(value, header.getKey() + " must be absent");
        } else if ("*".equals(header.getValue())) {
          assertNotNull(value, header.getKey() + " must be present");
        } else {
          assertEquals(header.getValue(), value, header.getKey());
        }
      }
    }
    if (expected.body != null) {
      assertEquals(expected.body, JsonParser.parseString(actual.getBodyAsString()), "request body");
    }
  }

  private static void checkFailure(ContractCase.Failure expected, Throwable failure) {
    if (failure == null) {
      fail("expected " + expected.type + " but the call succeeded");
    }
    assertEquals(expected.type, failure.getClass().getSimpleName(), String.valueOf(failure));
    if (expected.messageContains != null) {
      assertTrue(failure.getMessage().contains(expected.messageContains), failure.getMessage());
    }
    if (!(failure instanceof VodException)) {
      return;
    }
    VodException e = (VodException) failure;
    if (expected.code != null) {
      assertEquals(expected.code, e.errorCode());
    }
    if (expected.requestId != null) {
      assertEquals(expected.requestId, e.requestId());
    }
    if (expected.httpStatus != null) {
      assertEquals(expected.httpStatus, e.httpStatus());
    }
    if (expected.retryable != null) {
      assertEquals(expected.retryable, e.isRetryable());
    }
    assertFalse(e.getMessage().contains(VodTestServer.SECRET_KEY));
  }

  /** Follows {@code a.b[2].c}: each name is a no-argument accessor, [n] indexes a list. */
  private static Object follow(Object root, String path) throws ReflectiveOperationException {
    Object current = root;
    for (String step : path.split("\\.")) {
      String name = step.contains("[") ? step.substring(0, step.indexOf('[')) : step;
      Class<?> type = current instanceof List ? List.class : current.getClass();
      current = type.getMethod(name).invoke(current);
      if (step.contains("[")) {
        int index = Integer.parseInt(step.substring(step.indexOf('[') + 1, step.indexOf(']')));
        current = ((List<?>) current).get(index);
      }
    }
    return current;
  }

  private static String lowerFirst(String text) {
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static JsonElement withoutNulls(JsonElement element) {
    if (element.isJsonObject()) {
      JsonObject copy = new JsonObject();
      element.getAsJsonObject().entrySet().stream().filter(e -> !e.getValue().isJsonNull())
          .forEach(e -> copy.add(e.getKey(), withoutNulls(e.getValue())));
      return copy;
    }
    if (element.isJsonArray()) {
      JsonArray copy = new JsonArray();
      element.getAsJsonArray().forEach(item -> copy.add(withoutNulls(item)));
      return copy;
    }
    return element;
  }
}
