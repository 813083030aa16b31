package io.github.tcvod.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tcvod.exception.CredentialsException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The workflow example against the emulator: template, task, wait, output URL, cleanup. */
class ProcessImageTest {
  private static final Duration WATCHDOG = Duration.ofSeconds(90);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return assertTimeoutPreemptively(WATCHDOG, () -> new ProcessImage(new PrintStream(out, true), new PrintStream(err, true), () -> {
      throw new CredentialsException("none in this test");
    }).run(args));
  }

  private String out() {
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private String err() {
    return new String(err.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void printsTheOutputUrlOnTheEmulatorAndDeletesTheTemplate() {
    assertEquals(0, run("--poll-ms", "50", "--url", "https://example.com/dog.jpg", "--format", "WebP"));
    String url = out().trim();
    assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/vod-output/1500000-ProcessImageAsync-[0-9a-f]+\\.webp"), url);
    Matcher created = Pattern.compile("Created template (\\d+)").matcher(err());
    assertTrue(created.find(), err());
    assertTrue(err().contains("No Tencent Cloud credentials found: using the embedded VOD emulator"), err());
    assertTrue(err().contains("Deleted template " + created.group(1)), err());
  }

  @Test
  void jsonPrintsTheFinalTask() {
    assertEquals(0, run("--emulator", "--json", "--poll-ms", "50"));
    JsonObject task = JsonParser.parseString(out()).getAsJsonObject();
    assertEquals("FINISH", task.get("Status").getAsString());
    JsonObject detail = task.getAsJsonObject("ProcessImageAsyncTask");
    assertEquals(0, detail.get("ErrCode").getAsLong());
    assertEquals(100, detail.get("Progress").getAsLong());
    assertEquals("https://example.com/images/cat.png", detail.getAsJsonObject("Input").get("Url").getAsString());
    assertTrue(detail.getAsJsonObject("Output").getAsJsonObject("FileInfo").get("FileUrl").getAsString().endsWith(".png"));
  }

  @Test
  void aBadOptionExitsWith2BeforeAnyCall() {
    assertEquals(2, run("--max-wait", "0"));
    assertTrue(err().contains("--max-wait must be at least 1, was 0"), err());
    assertEquals(2, run("--format"));
    assertTrue(err().contains("--format needs a value"), err());
    assertEquals("", out());
  }

  @Test
  void aFailedTaskExitsWith1WithItsCodeAndStillDeletesTheTemplate() {
    ProcessImage example = new ProcessImage(new PrintStream(out, true), new PrintStream(err, true), () -> {
      throw new CredentialsException("none in this test");
    }, emulator -> emulator.tasks().failNext(70000, "Source image could not be downloaded."));
    assertEquals(1, (int) assertTimeoutPreemptively(WATCHDOG, () -> example.run(new String[] {"--poll-ms", "50"})));
    assertTrue(err().matches("(?s).*error: task 1500000-ProcessImageAsync-[0-9a-f]+ failed with ErrCode 70000: "
        + "Source image could not be downloaded\\..*"), err());
    Matcher created = Pattern.compile("Created template (\\d+)").matcher(err());
    assertTrue(created.find(), err());
    assertTrue(err().contains("Deleted template " + created.group(1)), err());
    assertEquals("", out());
  }
}
