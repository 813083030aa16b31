package io.github.tcvod.exception;

/** The service is temporarily unavailable (code family {@code ServiceUnavailable}); retry with backoff. */
public class ServiceUnavailableException extends VodServiceException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public ServiceUnavailableException(ErrorDetails details) {
    super(details);
  }

  /** @return true: this failure is transient */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
