package io.github.tcvod.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tcvod.emulator.CredentialsEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary credentials on a machine whose clock is behind the service's. */
class SkewedClockCredentialsTest {
  private static final String ROLE_ARN = "qcs::cam::uin/100000000001:roleName/tcvod-test-role";
  private static final Duration SKEW = Duration.ofHours(3);

  @TempDir
  Path dir;

  /** The service's time. */
  private final MutableClock service = new MutableClock(Instant.now());
  /** This machine's time, three hours behind. */
  private final MutableClock local = new MutableClock(service.instant().minus(SKEW));
  private final CredentialsEmulator emulator = CredentialsEmulator.start(service);

  @AfterEach
  void stop() {
    emulator.close();
  }

  private void advance(Duration step) {
    service.advance(step);
    local.advance(step);
  }

  @Test
  void oidcCredentialsAreRefreshedBeforeTheyReallyExpireWhenTheLocalClockIsBehind() throws IOException {
    Path token = Files.write(dir.resolve("token"), "oidc-token-1".getBytes(StandardCharsets.UTF_8));
    emulator.lifetime(Duration.ofHours(2));
    try (OidcRoleArnCredentialsProvider provider = OidcRoleArnCredentialsProvider.builder().providerId("tke-oidc")
        .roleArn(ROLE_ARN).tokenFile(token).duration(Duration.ofHours(2)).endpoint(emulator.stsEndpoint())
        .clock(local).build()) {
      assertEquals("AKIDtmp1", provider.resolveCredentials().secretId());
      advance(Duration.ofMinutes(114));
      assertEquals("AKIDtmp1", provider.resolveCredentials().secretId(), "6 minutes left: not yet due");
      advance(Duration.ofMinutes(2));
      // ExpiredTime says 3 h 4 min are left by the local clock, but only 2 h were granted 1 h 56 min ago.
      assertEquals("AKIDtmp2", provider.resolveCredentials().secretId(), "refreshed 5 minutes before the real expiry");
      assertEquals(2, emulator.stsCalls());
    }
  }
  @Test
  void oidcCredentialsAreUsedAndRefreshedOnTimeWhenTheLocalClockIsAheadByMoreThanTheirLifetime() throws IOException {
    local.set(service.instant().plus(SKEW));
    Path token = Files.write(dir.resolve("token"), "oidc-token-1".getBytes(StandardCharsets.UTF_8));
    emulator.lifetime(Duration.ofHours(2));
    try (OidcRoleArnCredentialsProvider provider = OidcRoleArnCredentialsProvider.builder().providerId("tke-oidc")
        .roleArn(ROLE_ARN).tokenFile(token).duration(Duration.ofHours(2)).endpoint(emulator.stsEndpoint())
        .clock(local).build()) {
      // ExpiredTime is an hour ago by the local clock, yet STS has just granted two hours.
      assertEquals("AKIDtmp1", provider.resolveCredentials().secretId());
      advance(Duration.ofMinutes(114));
      assertEquals("AKIDtmp1", provider.resolveCredentials().secretId(), "6 minutes left: not yet due");
      assertEquals(1, emulator.stsCalls(), "not fetched again at every call");
      advance(Duration.ofMinutes(2));
      assertEquals("AKIDtmp2", provider.resolveCredentials().secretId(), "refreshed 5 minutes before the real expiry");
      assertEquals(2, emulator.stsCalls());
    }
  }
}
