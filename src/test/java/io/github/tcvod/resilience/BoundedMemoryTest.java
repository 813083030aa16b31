package io.github.tcvod.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Huge and inflating bodies, read by a JVM with a 64 MiB heap: an unbounded read fails fast with OutOfMemoryError. */
class BoundedMemoryTest {
  @Test
  void hugeAndInflatingBodiesEndAtTheLimitInASmallHeap() throws Exception {
    Path output = Files.createTempFile("huge-body", ".txt");
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = Arrays.asList(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), HugeBodyMain.class.getName());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      boolean ended = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> child.waitFor(110, TimeUnit.SECONDS));
      String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
      assertTrue(ended, "the forked JVM ended: " + text);
      assertEquals(0, child.exitValue(), text);
      assertTrue(text.contains("200 MiB body: ClientError.ResponseTooLarge"), text);
      assertTrue(text.contains("gzip inflating to 1 GiB: ClientError.ResponseTooLarge"), text);
    } finally {
      child.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }
}
