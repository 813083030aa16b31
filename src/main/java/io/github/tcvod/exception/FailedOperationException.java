package io.github.tcvod.exception;

/** The operation failed (code family {@code FailedOperation}). */
public class FailedOperationException extends VodServiceException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public FailedOperationException(ErrorDetails details) {
    super(details);
  }
}
