package io.github.tcvod.exception;

/** A required parameter is missing (code family {@code MissingParameter}). */
public class MissingParameterException extends ParameterException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public MissingParameterException(ErrorDetails details) {
    super(details);
  }
}
