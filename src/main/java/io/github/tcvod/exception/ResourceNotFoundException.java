package io.github.tcvod.exception;

/** The resource does not exist (code family {@code ResourceNotFound}). */
public class ResourceNotFoundException extends VodServiceException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public ResourceNotFoundException(ErrorDetails details) {
    super(details);
  }
}
