package io.github.tcvod.exception;

/**
 * The request was refused because of its parameters: the common parent of the code families
 * {@code InvalidParameter}, {@code InvalidParameterValue}, {@code MissingParameter} and
 * {@code UnknownParameter}, so that one catch handles every "bad request" answer.
 */
public abstract class ParameterException extends VodServiceException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  protected ParameterException(ErrorDetails details) {
    super(details);
  }
}
