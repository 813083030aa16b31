package io.github.tcvod.exception;

/** A quota was exceeded (code family {@code LimitExceeded}); asking again will not help. */
public class LimitExceededException extends VodServiceException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public LimitExceededException(ErrorDetails details) {
    super(details);
  }
}
