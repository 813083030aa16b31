package io.github.tcvod.exception;

/** The caller may not perform this operation (code family {@code UnauthorizedOperation}). */
public class UnauthorizedOperationException extends VodServiceException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public UnauthorizedOperationException(ErrorDetails details) {
    super(details);
  }
}
