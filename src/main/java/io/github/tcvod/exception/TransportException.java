package io.github.tcvod.exception;

/**
 * The HTTP exchange failed: connection refused or reset, timeout, or a body cut short. Code
 * {@code ClientError.Transport}; the cause is the I/O failure. Retryable.
 */
public class TransportException extends VodClientException {
  private static final long serialVersionUID = 1L;

  /** Error code of this class. */
  public static final String CODE = "ClientError.Transport";

  /**
   * @param details what is known about the failure
   * @param cause the I/O failure
   */
  public TransportException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }

  /** @return true: transport failures are usually transient */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
