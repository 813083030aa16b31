package io.github.tcvod.exception;

/** The caller was throttled (code family {@code RequestLimitExceeded}); {@link #isRetryable()} says whether to retry. */
public class RequestLimitExceededException extends VodServiceException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public RequestLimitExceededException(ErrorDetails details) {
    super(details);
  }
}
