package io.github.tcvod.exception;

/** A parameter has a wrong format or type (code family {@code InvalidParameter}). */
public class InvalidParameterException extends ParameterException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public InvalidParameterException(ErrorDetails details) {
    super(details);
  }
}
