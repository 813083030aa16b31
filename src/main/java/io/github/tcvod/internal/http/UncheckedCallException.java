package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import java.io.IOException;

/**
 * An unchecked exception thrown inside an HTTP call, after the SDK's signing interceptor (by the
 * signer, a later interceptor or OkHttp itself, such as OkHttp 4's {@code IllegalStateException} on
 * two interim 1xx answers), carried out of the call as the only kind of exception every supported
 * OkHttp hands an asynchronous call's callback: OkHttp 3 lets any other escape its dispatcher
 * thread without calling back, and the call would never end. The SDK ends the call with the cause,
 * synchronous or not, as a failure that is not the transport's.
 */
@InternalApi
public final class UncheckedCallException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param cause what was thrown */
  public UncheckedCallException(RuntimeException cause) {
    super("an unchecked exception inside the HTTP call (" + cause.getClass().getName() + ")", cause);
  }

  @Override
  public synchronized RuntimeException getCause() {
    return (RuntimeException) super.getCause();
  }
}
