package io.github.tcvod.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import io.github.tcvod.ClientBuilder;
import io.github.tcvod.RateLimit;
import io.github.tcvod.RetryPolicy;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.RequestLogger;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.internal.Json;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
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

/**
 * Replays the case files of {@code contract/cases} through a WireMock server, one at a time,
 * with the client's credentials and logger chosen by the test that uses it.
 */
final class ContractRunner {
  private static final Gson GSON = new Gson();

  private final WireMockExtension server;
  private final String secretId;
  private final String secretKey;
  private final String sessionToken;
  private final RequestLogger logger;
  private final java.util.Set<String> ignoredHeaders = new java.util.HashSet<>();

  /**
   * @param server WireMock with a signature filter that knows the given key
   * @param secretId the client's SecretId
   * @param secretKey the client's SecretKey
   * @param sessionToken the client's session token, or null
   * @param logger the client's request logger, or null
   */
  ContractRunner(WireMockExtension server, String secretId, String secretKey, String sessionToken, RequestLogger logger) {
    this.server = server;
    this.secretId = secretId;
    this.secretKey = secretKey;
    this.sessionToken = sessionToken;
    this.logger = logger;
  }

  /**
   * @param names request headers whose expectations are skipped, e.g. X-TC-Token when the runner's
   *     credentials carry a token the cases do not expect
   * @return this runner
   */
  ContractRunner ignoringHeaders(String... names) {
    for (String name : names) {
      ignoredHeaders.add(name.toLowerCase(java.util.Locale.ROOT));
    }
    return this;
  }

  /** @return every case file, sorted by name */
  static List<Path> caseFiles() throws IOException, URISyntaxException {
    URI location = ContractRunner.class.getResource("/contract/cases").toURI();
    // From the tests jar of a consumer project the cases are entries of a jar.
    Path folder = "jar".equals(location.getScheme()) ? jarFileSystem(location).provider().getPath(location) : Paths.get(location);
    try (Stream<Path> listing = Files.list(folder)) {
      List<Path> files = listing.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
      assertFalse(files.isEmpty(), "no contract cases found");
      return files;
    }
  }

  private static synchronized FileSystem jarFileSystem(URI location) throws IOException {
    try {
      return FileSystems.getFileSystem(location);
    } catch (FileSystemNotFoundException e) {
      return FileSystems.newFileSystem(location, Collections.emptyMap());
    }
  }

  static ContractCase read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return GSON.fromJson(reader, ContractCase.class);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * @param contract the case
   * @return the outcome: the result or the failure of the call
   */
  Object run(ContractCase contract) throws Exception {
    server.resetAll();
    if (contract.answer != null) {
      server.stubFor(post(urlEqualTo("/")).willReturn(answer(contract.answer)));
    }
    Object result = null;
    Throwable failure = null;
    try (AutoCloseable client = client(contract)) {
      if (contract.call) {
        JsonObject input = contract.input == null ? new JsonObject() : contract.input;
        result = client.getClass().getMethod("call", String.class, JsonObject.class).invoke(client, contract.action, input);
      } else {
        Object request = buildRequest(contract);
        Method call = client.getClass().getMethod(lowerFirst(contract.action), request.getClass());
        result = call.invoke(client, request);
      }
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
      return failure;
    }
    if (failure != null) {
      throw new AssertionError("the call failed: " + failure, failure);
    }
    if (expect.result != null) {
      assertEquals(withoutNulls(expect.result), contract.call ? result : Json.GSON.toJsonTree(result),
          contract.call ? "the Response object" : "the typed result as JSON");
    }
    if (expect.typed != null) {
      for (ContractCase.TypedCheck check : expect.typed) {
        assertEquals(check.equals, String.valueOf(follow(result, check.path)), check.path);
      }
    }
    return result;
  }

  /** The generated client of the case's service: VodClient unless the case names another ({@code "service": "sts"}). */
  private AutoCloseable client(ContractCase contract) throws ReflectiveOperationException {
    ClientBuilder<?> builder = (ClientBuilder<?>) Class.forName(apiPackage(contract) + "." + serviceName(contract) + "Client")
        .getMethod("builder").invoke(null);
    builder.endpoint("http://127.0.0.1:" + server.getPort())
        .retryPolicy(RetryPolicy.none())
        .rateLimit(RateLimit.disabled())
        .clock(Clock.offset(Clock.fixed(ContractSuite.NOW, ZoneOffset.UTC), Duration.ofSeconds(contract.clientClockOffsetSeconds)))
        // Bounds a hung case without failing the first one, which a cold WireMock on a busy machine can take seconds to answer.
        .readTimeout(Duration.ofSeconds(10))
        .credentials(Credentials.of(secretId, contract.clientSecretKey != null ? contract.clientSecretKey : secretKey, sessionToken))
        .requestLogger(logger);
    return (AutoCloseable) builder.getClass().getMethod("build").invoke(builder);
  }

  private static String apiPackage(ContractCase contract) {
    return contract.service == null ? "io.github.tcvod" : "io.github.tcvod." + contract.service;
  }

  private static String serviceName(ContractCase contract) {
    return contract.service == null ? "Vod" : Character.toUpperCase(contract.service.charAt(0)) + contract.service.substring(1);
  }

  /** Reads the input into the action's request class, then rebuilds it so that its checks run. */
  private static Object buildRequest(ContractCase contract) throws ReflectiveOperationException {
    Class<?> type = Class.forName(apiPackage(contract) + ".model." + contract.action + "Request");
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

  private void checkWireRequest(ContractCase.WireRequest expected, LoggedRequest actual) {
    if (expected.headers != null) {
      for (Map.Entry<String, String> header : expected.headers.entrySet()) {
        if (ignoredHeaders.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
          continue;
        }
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

  private void checkFailure(ContractCase.Failure expected, Throwable failure) {
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
    assertFalse(e.getMessage().contains(secretKey));
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
