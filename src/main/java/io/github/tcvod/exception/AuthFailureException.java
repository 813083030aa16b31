package io.github.tcvod.exception;

/** Authentication failed: bad, expired or unauthorized credentials or signature (code family {@code AuthFailure}). */
public class AuthFailureException extends VodServiceException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public AuthFailureException(ErrorDetails details) {
    super(details);
  }
}
