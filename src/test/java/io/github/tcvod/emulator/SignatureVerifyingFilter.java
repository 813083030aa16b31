package io.github.tcvod.emulator;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;

/**
 * WireMock request filter that answers like the service when a request's TC3 signature is wrong
 * ({@code AuthFailure.SignatureFailure}), stale ({@code AuthFailure.SignatureExpire}) or made with
 * an unknown key, and lets valid requests through to the stubs. Its no-argument constructor knows
 * the emulator's key and the real clock, for {@code --extensions} in WireMock standalone.
 */
public final class SignatureVerifyingFilter implements StubRequestFilterV2 {
  /** Extension name. */
  public static final String NAME = "tc3-signature";

  private static final String STS_VERSION = "2018-08-13";

  private final Tc3SignatureChecker checker;
  private final Tc3SignatureChecker stsChecker;
  private final Clock clock;

  /** Accepts {@link VodEmulator#SECRET_ID} with {@link VodEmulator#SECRET_KEY}, on the system clock. */
  public SignatureVerifyingFilter() {
    this(Collections.singletonMap(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY), Clock.systemUTC());
  }

  /**
   * @param secretKeysById the keys to accept
   * @param clock the server's clock, against which timestamps are checked
   */
  public SignatureVerifyingFilter(Map<String, String> secretKeysById, Clock clock) {
    this.checker = new Tc3SignatureChecker(secretKeysById, "vod");
    this.stsChecker = new Tc3SignatureChecker(secretKeysById, "sts");
    this.clock = clock;
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    java.time.Instant now = clock.instant();
    // The same endpoint also stands in for STS (contract cases with "service": "sts"), whose calls are
    // told apart by their API version; its AssumeRoleWithWebIdentity is the one action sent unsigned.
    boolean sts = STS_VERSION.equals(request.getHeader("X-TC-Version"));
    if (sts && "AssumeRoleWithWebIdentity".equals(request.getHeader("X-TC-Action"))
        && "SKIP".equals(request.getHeader("Authorization"))) {
      return RequestFilterAction.continueWith(request);
    }
    Tc3SignatureChecker.Verdict verdict = (sts ? stsChecker : checker).check(request::getHeader, request.getBody(), now);
    return verdict.valid() ? RequestFilterAction.continueWith(request)
        : RequestFilterAction.stopWith(ApiAnswers.error(verdict.code, verdict.message, now));
  }

  @Override
  public String getName() {
    return NAME;
  }
}
