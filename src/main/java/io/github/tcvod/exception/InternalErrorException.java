package io.github.tcvod.exception;

/** The service failed internally (code family {@code InternalError}); {@link #isRetryable()} says whether to retry. */
public class InternalErrorException extends VodServiceException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public InternalErrorException(ErrorDetails details) {
    super(details);
  }
}
