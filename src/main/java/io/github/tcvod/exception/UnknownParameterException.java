package io.github.tcvod.exception;

/** The request carries a parameter the action does not define (code family {@code UnknownParameter}). */
public class UnknownParameterException extends ParameterException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public UnknownParameterException(ErrorDetails details) {
    super(details);
  }
}
