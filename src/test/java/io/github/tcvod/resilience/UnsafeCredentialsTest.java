package io.github.tcvod.resilience;

import static io.github.tcvod.resilience.Hostile.REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.tcvod.RetryPolicy;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.exception.CredentialsException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A session token that cannot go in a header fails the call with a CredentialsException that does
 * not quote it, sync and async, before any request and without retries (whether Credentials.of
 * or the invoker refuses it).
 */
class UnsafeCredentialsTest {
  private static final String TAIL = "secret-tail-0123";

  @Test
  void tokenWithLineBreakIsRefusedUnquoted() throws Exception {
    try (RawServer server = new RawServer((n, out) -> out.write(RawServer.http("200 OK", Hostile.OK)));
         VodClient vod = VodTestServer.clientOf(server.port()).retryPolicy(RetryPolicy.defaults())
             .credentialsProvider(() -> Credentials.of(VodTestServer.SECRET_ID, VodTestServer.SECRET_KEY, "token\r\nX: " + TAIL))
             .build()) {
      CredentialsException sync = assertThrows(CredentialsException.class, () -> vod.describeProcessImageAsyncTemplates(REQUEST));
      assertFalse(trace(sync).contains(TAIL), trace(sync));
      ExecutionException async = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(ExecutionException.class,
          () -> vod.describeProcessImageAsyncTemplatesAsync(REQUEST).get(10, TimeUnit.SECONDS)));
      assertInstanceOf(CredentialsException.class, async.getCause());
      assertFalse(trace(async.getCause()).contains(TAIL), trace(async.getCause()));
      assertEquals(0, server.requests());
    }
  }

  private static String trace(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
