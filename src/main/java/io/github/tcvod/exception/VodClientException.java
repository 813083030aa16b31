package io.github.tcvod.exception;

/**
 * The call failed on the client's side: no valid answer arrived. Its {@link #errorCode()} starts
 * with {@code ClientError.}; the HTTP status and request id are set when they were received.
 */
public class VodClientException extends VodException {
  private static final long serialVersionUID = 1L;

  /**
   * @param details what is known about the failure
   * @param cause the underlying failure, or null
   */
  public VodClientException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
