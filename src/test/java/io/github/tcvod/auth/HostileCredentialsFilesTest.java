package io.github.tcvod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.tcvod.exception.CredentialsException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials and token files that are not what they should be: huge, or larger than their size says. */
class HostileCredentialsFilesTest {
  private static final Duration WATCHDOG = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  /** A sparse file: its size costs no disk, and reading it all would need an array larger than Java allows. */
  private Path huge(String name, long size) throws IOException {
    Path file = dir.resolve(name);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.write("[default]\nsecret_id = hugeId\nsecret_key = hugeKey\n".getBytes(StandardCharsets.UTF_8));
      raf.setLength(size);
    }
    return file;
  }

  @Test
  void aHugeProfileFileIsACredentialsExceptionNotAnOutOfMemoryError() throws IOException {
    Path file = huge("credentials", 3L << 30);
    ProfileCredentialsProvider provider = ProfileCredentialsProvider.create(file, "default");
    CredentialsException e = assertTimeoutPreemptively(WATCHDOG,
        () -> assertThrows(CredentialsException.class, provider::resolveCredentials));
    assertTrue(e.errorMessage().startsWith("profile [default] of " + file + ": "), e.errorMessage());
    assertTrue(e.errorMessage().contains("larger than"), e.errorMessage());
  }

  @Test
  void aProfileFileJustUnderTheLimitIsRead() throws IOException {
    StringBuilder text = new StringBuilder("[default]\nsecret_id = bigId\nsecret_key = bigKey\n");
    while (text.length() < 900 * 1024) {
      text.append("# a long comment line, as some generated files have\n");
    }
    Path file = Files.write(dir.resolve("credentials"), text.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals("bigId", ProfileCredentialsProvider.create(file, "default").resolveCredentials().secretId());
  }

  @Test
  void aHugeProfileFileStopsTheDefaultChainWithACredentialsException() throws IOException {
    huge("credentials", 3L << 30);
    DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().environment(name -> 
        ProfileCredentialsProvider.FILE_VARIABLE.equals(name) ? dir.resolve("credentials").toString() : null)
        .home(dir.toString()).metadataUrl("http://127.0.0.1:9/latest/meta-data/cam/security-credentials/").build();
    CredentialsException e = assertTimeoutPreemptively(WATCHDOG,
        () -> assertThrows(CredentialsException.class, chain::resolveCredentials));
    assertTrue(e.errorMessage().contains("larger than"), e.errorMessage());
  }
  @Test
  void aTokenFileThatIsAPipeIsRefusedInsteadOfBlockingEveryCaller() throws Exception {
    Path fifo = dir.resolve("token-pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is available");
    // No STS is needed: a refused token file fails before any request (port 9 answers nothing).
    OidcRoleArnCredentialsProvider provider = OidcRoleArnCredentialsProvider.builder().providerId("tke-oidc")
        .roleArn("qcs::cam::uin/100000000001:roleName/tcvod-test-role").tokenFile(fifo)
        .endpoint("http://127.0.0.1:9").build();
    try {
      CredentialsException e = assertTimeoutPreemptively(WATCHDOG,
          () -> assertThrows(CredentialsException.class, provider::resolveCredentials));
      assertTrue(e.getCause().getMessage().contains("token file " + fifo + " is not a regular file"),
          e.getCause().getMessage());
    } finally {
      // Opening the pipe read-write never blocks, and closing it ends a reader stuck in open().
      new RandomAccessFile(fifo.toFile(), "rw").close();
      provider.close();
    }
  }

  @Test
  void aTokenFileBehindSymbolicLinksAsKubernetesMountsItIsRead() throws Exception {
    Path data = Files.createDirectory(dir.resolve("..2026_12_02_data"));
    Files.write(data.resolve("token"), "oidc-token-1".getBytes(StandardCharsets.UTF_8));
    Path dataLink = Files.createSymbolicLink(dir.resolve("..data"), data.getFileName());
    Path token = Files.createSymbolicLink(dir.resolve("token"), dataLink.getFileName().resolve("token"));
    try (OidcRoleArnCredentialsProvider provider = OidcRoleArnCredentialsProvider.builder().providerId("tke-oidc")
        .roleArn("qcs::cam::uin/100000000001:roleName/tcvod-test-role").tokenFile(token)
        .endpoint("http://127.0.0.1:9").build()) {
      CredentialsException e = assertTimeoutPreemptively(WATCHDOG,
          () -> assertThrows(CredentialsException.class, provider::resolveCredentials));
      assertFalse(e.getCause().getMessage().contains("token file"), "the token was read; STS was not there: "
          + e.getCause().getMessage());
    }
  }
  @Test
  void aKeyRotatedWithinTheSameTimestampAndAtTheSameSizeIsPickedUp() throws IOException {
    // Keys have fixed lengths, so a rotated file keeps its size; on a file system whose timestamps
    // count whole seconds (or with a server clock ahead) a quick rewrite keeps the time as well.
    FileTime sameSecond = FileTime.from(Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS));
    Path file = Files.write(dir.resolve("credentials"),
        "[default]\nsecret_id=AKIDold0\nsecret_key=oldKey00\n".getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(file, sameSecond);
    ProfileCredentialsProvider provider = ProfileCredentialsProvider.create(file, "default");
    assertEquals("AKIDold0", provider.resolveCredentials().secretId());
    Files.write(file, "[default]\nsecret_id=AKIDnew0\nsecret_key=newKey00\n".getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(file, sameSecond);
    Credentials rotated = provider.resolveCredentials();
    assertEquals("AKIDnew0", rotated.secretId());
    assertEquals("newKey00", rotated.secretKey());
  }

  @Test
  void aFileUnchangedForLongIsNotReadAgain() throws IOException {
    Path file = Files.write(dir.resolve("credentials"),
        "[default]\nsecret_id=AKIDold0\nsecret_key=oldKey00\n".getBytes(StandardCharsets.UTF_8));
    FileTime longAgo = FileTime.from(Instant.now().minusSeconds(3600));
    Files.setLastModifiedTime(file, longAgo);
    ProfileCredentialsProvider provider = ProfileCredentialsProvider.create(file, "default");
    Credentials first = provider.resolveCredentials();
    assertTrue(first == provider.resolveCredentials(), "the same Credentials, from the cache");
  }
}
