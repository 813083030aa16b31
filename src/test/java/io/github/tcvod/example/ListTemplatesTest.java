package io.github.tcvod.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.CredentialsProvider;
import io.github.tcvod.emulator.VodEmulator;
import io.github.tcvod.exception.CredentialsException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The example program against the emulator: table, JSON, and its one-line failures. */
class ListTemplatesTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return runWith(() -> {
      throw new CredentialsException("none in this test");
    }, args);
  }

  private int runWith(CredentialsProvider credentials, String... args) {
    return new ListTemplates(new PrintStream(out, true), new PrintStream(err, true), credentials).run(args);
  }

  private String out() {
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private String err() {
    return new String(err.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void printsAnAlignedTableOfTheEmulatorsTemplates() {
    assertEquals(0, run("--emulator"));
    String[] lines = out().split("\n");
    assertTrue(lines[0].startsWith("ID  NAME"), lines[0]);
    assertTrue(out().contains("7   test3"), out());
    assertTrue(out().contains("AdvancedSuperResolution,Denoise,ImageQuality,Color,Sharp,Face,LowLight"), out());
    assertTrue(out().contains("AiCutOut(foreground)"), out());
    assertTrue(out().contains("Templates 1-4 of 4."), out());
    int updated = lines[0].indexOf("UPDATED");
    assertEquals(updated, lines[1].indexOf("2026-01-26T09:21:49Z") == -1 ? lines[1].lastIndexOf("20") : lines[1].indexOf("2026-01-26T09:21:49Z"));
    assertTrue(err().startsWith("Using the embedded VOD emulator at http://127.0.0.1:"), err());
    assertEquals(1, err().split("\n").length);
  }

  @Test
  void filtersAndPages() {
    assertEquals(0, run("--emulator", "--definitions", "7,30", "--limit", "1", "--offset", "1"));
    assertTrue(out().contains("ForegroundCutOut"), out());
    assertFalse(out().contains("test3"), out());
    assertTrue(out().contains("Templates 2-2 of 2."), out());
  }

  @Test
  void jsonSwitchPrintsTheResponse() {
    assertEquals(0, run("--emulator", "--json", "--definitions", "7"));
    assertTrue(out().contains("\"Name\": \"test3\""), out());
    assertTrue(out().contains("\"RequestId\""), out());
  }

  @Test
  void badOptionsAreOneLineAndExitTwo() {
    assertEquals(2, run("--limit", "lots"));
    assertTrue(err().startsWith("error: --limit takes a whole number, not 'lots'"), err());
    err.reset();
    assertEquals(2, run("--limit", "101"));
    assertTrue(err().startsWith("error: DescribeProcessImageAsyncTemplatesRequest.Limit must be at most 100, was 101"), err());
    err.reset();
    assertEquals(2, run("--colour"));
    assertTrue(err().startsWith("error: unknown option --colour"), err());
  }

  @Test
  void withoutCredentialsTheEmulatorIsStartedAndSaysSo() {
    assertEquals(0, run("--limit", "2"));
    assertTrue(err().startsWith("No Tencent Cloud credentials found: using the embedded VOD emulator at http://127.0.0.1:"), err());
    assertTrue(out().contains("Templates 1-2 of 4."), out());
  }

  @Test
  void networkErrorIsOneLineWithTheCodeAndExitOne() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    assertEquals(1, runWith(CredentialsProvider.of(Credentials.of("id", "key")), "--endpoint", "http://127.0.0.1:" + closedPort));
    assertTrue(err().startsWith("error: ClientError.Transport: "), err());
    assertTrue(err().trim().endsWith("(RequestId none)"), err());
    assertFalse(err().contains("\tat "), "no stack trace by default");
  }

  @Test
  void authErrorIsOneLineWithTheCodeAndRequestId() {
    try (VodEmulator emulator = VodEmulator.start()) {
      assertEquals(1, runWith(CredentialsProvider.of(Credentials.of(VodEmulator.SECRET_ID, "wrong")),
          "--endpoint", emulator.endpoint()));
    }
    assertTrue(err().matches("error: AuthFailure.SignatureFailure: .* \\(RequestId [0-9a-f-]{36}\\)\\s*"), err());
    assertEquals(1, err().trim().split("\n").length);
  }

  @Test
  void debugSwitchAddsTheStackTrace() {
    try (VodEmulator emulator = VodEmulator.start()) {
      assertEquals(1, runWith(CredentialsProvider.of(Credentials.of(VodEmulator.SECRET_ID, "wrong")),
          "--endpoint", emulator.endpoint(), "--debug"));
    }
    assertTrue(err().contains("\tat "), err());
  }
}
