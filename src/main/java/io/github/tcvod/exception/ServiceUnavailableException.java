package io.github.tcvod.exception;

/** The service is temporarily unavailable (code family {@code ServiceUnavailable}); {@link #isRetryable()} says whether to retry. */
public class ServiceUnavailableException extends VodServiceException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public ServiceUnavailableException(ErrorDetails details) {
    super(details);
  }
}
