package io.github.tcvod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.exception.AuthFailureException;
import io.github.tcvod.exception.FailedOperationException;
import io.github.tcvod.exception.HttpStatusException;
import io.github.tcvod.exception.InternalErrorException;
import io.github.tcvod.exception.InvalidParameterException;
import io.github.tcvod.exception.InvalidParameterValueException;
import io.github.tcvod.exception.LimitExceededException;
import io.github.tcvod.exception.MalformedResponseException;
import io.github.tcvod.exception.MissingParameterException;
import io.github.tcvod.exception.ParameterException;
import io.github.tcvod.exception.RequestLimitExceededException;
import io.github.tcvod.exception.ResourceInUseException;
import io.github.tcvod.exception.ResourceNotFoundException;
import io.github.tcvod.exception.ResourceUnavailableException;
import io.github.tcvod.exception.ServiceUnavailableException;
import io.github.tcvod.exception.TransportException;
import io.github.tcvod.exception.UnauthorizedOperationException;
import io.github.tcvod.exception.UnknownParameterException;
import io.github.tcvod.exception.VodClientException;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.exception.VodServiceException;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a call can fail becomes a typed exception with code, request id and HTTP status. */
class ErrorMappingTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMock();

  private static final String REQUEST_ID = "5f1b3d2c-0000-4a4a-9c9c-000000000001";

  private VodException failWith(int status, String body) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)));
    return call();
  }

  private VodException call() {
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).readTimeout(Duration.ofSeconds(2)).build()) {
      return assertThrows(VodException.class, () -> vod.describeProcessImageAsyncTemplates(
          DescribeProcessImageAsyncTemplatesRequest.builder().subAppId(221073L).build()));
    }
  }

  private static String apiError(String code) {
    return "{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"message of " + code + "\"},"
        + "\"RequestId\":\"" + REQUEST_ID + "\"}}";
  }

  static Stream<Arguments> codes() {
    return Stream.of(
        // documented by DescribeProcessImageAsyncTemplates
        Arguments.of("FailedOperation", FailedOperationException.class, false),
        Arguments.of("InternalError", InternalErrorException.class, true),
        Arguments.of("InvalidParameter", InvalidParameterException.class, false),
        Arguments.of("LimitExceeded.TooMuchTemplate", LimitExceededException.class, false),
        Arguments.of("ResourceNotFound", ResourceNotFoundException.class, false),
        Arguments.of("ResourceNotFound.TemplateNotExist", ResourceNotFoundException.class, false),
        Arguments.of("UnauthorizedOperation", UnauthorizedOperationException.class, false),
        // common codes of API 3.0
        Arguments.of("AuthFailure.SignatureFailure", AuthFailureException.class, false),
        Arguments.of("AuthFailure.SignatureExpire", AuthFailureException.class, false),
        Arguments.of("AuthFailure.SecretIdNotFound", AuthFailureException.class, false),
        Arguments.of("AuthFailure.TokenFailure", AuthFailureException.class, false),
        Arguments.of("AuthFailure.UnauthorizedOperation", AuthFailureException.class, false),
        Arguments.of("InvalidParameterValue", InvalidParameterValueException.class, false),
        Arguments.of("InvalidParameterValue.Name", InvalidParameterValueException.class, false),
        Arguments.of("MissingParameter", MissingParameterException.class, false),
        Arguments.of("UnknownParameter", UnknownParameterException.class, false),
        Arguments.of("LimitExceeded", LimitExceededException.class, false),
        Arguments.of("RequestLimitExceeded", RequestLimitExceededException.class, true),
        Arguments.of("RequestLimitExceeded.UinLimitExceeded", RequestLimitExceededException.class, true),
        Arguments.of("RequestLimitExceeded.IPLimitExceeded", RequestLimitExceededException.class, true),
        Arguments.of("ServiceUnavailable", ServiceUnavailableException.class, true),
        Arguments.of("ResourceUnavailable", ResourceUnavailableException.class, false),
        Arguments.of("ResourceInUse", ResourceInUseException.class, false),
        // a sub-code this SDK never heard of still maps to its family
        Arguments.of("ResourceNotFound.Foo", ResourceNotFoundException.class, false),
        // an unknown family falls back to the base class
        Arguments.of("ActionOffline", VodServiceException.class, false),
        Arguments.of("InvalidAction", VodServiceException.class, false),
        Arguments.of("UnsupportedRegion", VodServiceException.class, false));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("codes")
  void apiErrorCodeMapsToItsFamily(String code, Class<? extends VodServiceException> type, boolean retryable) {
    VodException e = failWith(200, apiError(code));
    assertSame(type, e.getClass());
    assertEquals(code, e.errorCode());
    assertEquals("message of " + code, e.errorMessage());
    assertEquals(REQUEST_ID, e.requestId());
    assertEquals(200, e.httpStatus());
    assertEquals("DescribeProcessImageAsyncTemplates", e.action());
    assertEquals(retryable, e.isRetryable());
    assertTrue(e.getMessage().contains(code) && e.getMessage().contains(REQUEST_ID), e.getMessage());
  }

  @Test
  void parameterFamiliesShareAParent() {
    assertTrue(failWith(200, apiError("MissingParameter")) instanceof ParameterException);
    assertTrue(failWith(200, apiError("InvalidParameterValue.Comment")) instanceof ParameterException);
    VodServiceException e = (VodServiceException) failWith(200, apiError("InvalidParameterValue.Comment"));
    assertEquals("Comment", e.subCode());
    assertNull(((VodServiceException) failWith(200, apiError("InternalError"))).subCode());
  }

  @Test
  void apiErrorInANon200AnswerKeepsItsCodeAndStatus() {
    VodException e = failWith(500, apiError("InternalError"));
    assertSame(InternalErrorException.class, e.getClass());
    assertEquals(500, e.httpStatus());
    assertEquals(REQUEST_ID, e.requestId());
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("HTML from a gateway", 502, "<html><body><h1>502 Bad Gateway</h1>secret-ish page</body></html>",
            HttpStatusException.class, true),
        Arguments.of("empty 503", 503, "", HttpStatusException.class, true),
        Arguments.of("404 text", 404, "no such route", HttpStatusException.class, false),
        Arguments.of("empty 200", 200, "", MalformedResponseException.class, false),
        Arguments.of("not JSON", 200, "<html>oops</html>", MalformedResponseException.class, false),
        Arguments.of("truncated JSON", 200, "{\"Response\":{\"TotalCount\":1,\"ProcessImageAsyncTemplateSet\":[{\"Defin",
            MalformedResponseException.class, false),
        Arguments.of("no Response", 200, "{\"TotalCount\":1,\"RequestId\":\"x\"}", MalformedResponseException.class, false),
        Arguments.of("Response null", 200, "{\"Response\":null}", MalformedResponseException.class, false),
        Arguments.of("JSON array", 200, "[1,2,3]", MalformedResponseException.class, false),
        Arguments.of("Error without Code", 200, "{\"Response\":{\"Error\":{\"Message\":\"m\"},\"RequestId\":\"x\"}}",
            MalformedResponseException.class, false),
        Arguments.of("Error not an object", 200, "{\"Response\":{\"Error\":\"boom\",\"RequestId\":\"x\"}}",
            MalformedResponseException.class, false),
        Arguments.of("wrong field type", 200, "{\"Response\":{\"TotalCount\":\"many\",\"RequestId\":\"x\"}}",
            MalformedResponseException.class, false),
        Arguments.of("object where a list belongs", 200,
            "{\"Response\":{\"ProcessImageAsyncTemplateSet\":{\"a\":1},\"RequestId\":\"x\"}}", MalformedResponseException.class, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void badAnswerBecomesAClientException(String description, int status, String body,
      Class<? extends VodClientException> type, boolean retryable) {
    VodException e = failWith(status, body);
    assertSame(type, e.getClass(), description);
    assertEquals(status, e.httpStatus());
    assertEquals(retryable, e.isRetryable());
    assertTrue(e.errorCode().startsWith("ClientError."));
    if (!body.isEmpty()) {
      assertFalse(e.getMessage().contains(body), "the message must not quote the body");
    }
    assertFalse(e.getMessage().contains("secret-ish"));
  }

  @Test
  void requestIdIsKeptWhenTheBodyHasOne() {
    VodException e = failWith(200, "{\"Response\":{\"TotalCount\":\"many\",\"RequestId\":\"" + REQUEST_ID + "\"}}");
    assertEquals(REQUEST_ID, e.requestId());
  }

  @Test
  void connectionResetBecomesATransportException() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    VodException e = call();
    assertSame(TransportException.class, e.getClass());
    assertTrue(e.isRetryable());
    assertEquals(0, e.httpStatus());
    assertTrue(e.getCause() instanceof java.io.IOException);
  }

  @Test
  void readTimeoutBecomesATransportException() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(4_000).withBody(apiError("InternalError"))));
    VodException e = call();
    assertSame(TransportException.class, e.getClass());
    assertTrue(e.getCause() instanceof java.io.InterruptedIOException, String.valueOf(e.getCause()));
  }

  @Test
  void refusedConnectionBecomesATransportException() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (VodClient vod = VodTestServer.clientOf(closedPort).build()) {
      TransportException e = assertThrows(TransportException.class, () -> vod.describeProcessImageAsyncTemplates(
          DescribeProcessImageAsyncTemplatesRequest.builder().build()));
      assertNull(e.requestId());
      assertEquals(TransportException.CODE, e.errorCode());
    }
  }

  @Test
  void bodyCutShortAfterTheHeadersKeepsTheStatus() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    VodException e = call();
    assertSame(TransportException.class, e.getClass());
    assertEquals(200, e.httpStatus());
  }
}
