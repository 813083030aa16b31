package io.github.tcvod.exception;

/** A parameter has a value the service refuses (code family {@code InvalidParameterValue}). */
public class InvalidParameterValueException extends ParameterException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public InvalidParameterValueException(ErrorDetails details) {
    super(details);
  }
}
