package io.github.tcvod.exception;

/** The resource is temporarily unavailable (code family {@code ResourceUnavailable}); {@link #isRetryable()} says whether to retry. */
public class ResourceUnavailableException extends VodServiceException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public ResourceUnavailableException(ErrorDetails details) {
    super(details);
  }
}
