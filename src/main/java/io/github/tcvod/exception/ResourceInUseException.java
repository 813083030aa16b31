package io.github.tcvod.exception;

/** The resource is in use (code family {@code ResourceInUse}). */
public class ResourceInUseException extends VodServiceException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public ResourceInUseException(ErrorDetails details) {
    super(details);
  }
}
