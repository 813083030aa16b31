package io.github.tcvod.exception;

/**
 * No usable credentials: none were found where the provider looked, a credentials file is
 * malformed, or temporary credentials expired and could not be refreshed. Code {@code ClientError.Credentials}; the message names every place that was
 * searched and never contains a secret.
 */
public class CredentialsException extends VodClientException {
  private static final long serialVersionUID = 1L;

  /** Error code of this class. */
  public static final String CODE = "ClientError.Credentials";

  /** @param message where the provider looked and what it found */
  public CredentialsException(String message) {
    super(ErrorDetails.of(CODE, message, null, 0, null), null);
  }

  /**
   * @param message where the provider looked and what went wrong
   * @param cause the failure of the source, e.g. of a refresh from STS or the metadata service
   */
  public CredentialsException(String message, Throwable cause) {
    super(ErrorDetails.of(CODE, message, null, 0, null), cause);
  }
}
