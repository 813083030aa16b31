package io.github.tcvod.exception;

import io.github.tcvod.internal.ExceptionAccess;

/**
 * Root of every failure of a call: an error code returned by the service
 * ({@link VodServiceException}) or a failure on the client's side ({@link VodClientException}).
 * Unchecked. Carries the error code, request id, HTTP status and whether a retry may succeed.
 */
public class VodException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorDetails details;
  private transient volatile int attempts = 1;

  static {
    // The core records the attempt count through this, so that no public mutator exists.
    ExceptionAccess.register((exception, attempts) -> exception.attempts = attempts);
  }

  /**
   * @param details what is known about the failure
   * @param cause the underlying failure, or null
   */
  protected VodException(ErrorDetails details, Throwable cause) {
    super(describe(details), cause);
    this.details = details;
  }

  private static String describe(ErrorDetails d) {
    StringBuilder text = new StringBuilder();
    text.append(d.code()).append(": ").append(d.message()).append(" (");
    if (d.action() != null) {
      text.append("action ").append(d.action()).append(", ");
    }
    text.append(d.httpStatus() == 0 ? "no HTTP response" : "HTTP " + d.httpStatus());
    text.append(", RequestId ").append(d.requestId() == null ? "none" : d.requestId()).append(')');
    return text.toString();
  }

  /** @return the error code, e.g. {@code ResourceNotFound.TemplateNotExist}; client-side codes start with {@code ClientError.} */
  public String errorCode() {
    return details.code();
  }

  /** @return the human-readable message, which may change over time: match on {@link #errorCode()} instead */
  public String errorMessage() {
    return details.message();
  }

  /** @return the request id to quote to support, or null when the service sent none */
  public String requestId() {
    return details.requestId();
  }

  /** @return the HTTP status of the answer, or 0 when no HTTP answer arrived */
  public int httpStatus() {
    return details.httpStatus();
  }

  /** @return the action that failed */
  public String action() {
    return details.action();
  }

  /** @return how many attempts the call made before it failed with this exception */
  public int attempts() {
    return attempts;
  }

  /** @return the description, with the number of attempts when there were more than one */
  @Override
  public String getMessage() {
    return attempts > 1 ? super.getMessage() + " after " + attempts + " attempts" : super.getMessage();
  }

  /**
   * @return whether the same call may succeed if repeated later: true for throttling, internal
   *     errors, unavailability and transport failures. Whether repeating is safe also depends on the
   *     action being idempotent.
   */
  public boolean isRetryable() {
    return false;
  }
}
