package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import java.io.IOException;

/**
 * What code the SDK calls back from inside an HTTP call (a {@link io.github.tcvod.auth.Tc3Signer})
 * threw, carried out of the call as the only kind of exception every supported OkHttp hands an
 * asynchronous call's callback: OkHttp 3 lets any other escape its dispatcher thread without calling
 * back, and the call would never end. The SDK ends the call with the cause, as a failure of that
 * code and not of the transport.
 */
@InternalApi
public final class HookFailure extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param cause what the code threw */
  public HookFailure(RuntimeException cause) {
    super("code called back during the HTTP call failed (" + cause.getClass().getName() + ")", cause);
  }

  @Override
  public synchronized RuntimeException getCause() {
    return (RuntimeException) super.getCause();
  }
}
