package io.github.tcvod.exception;

/**
 * The call's deadline ({@code CallOptions.timeout}) passed before an answer arrived: while waiting
 * for a rate-limit token, backing off, or in an attempt. Code {@code ClientError.Deadline}. The
 * last failure, if any, is the cause; earlier ones are suppressed exceptions.
 */
public class DeadlineExceededException extends VodClientException {
  private static final long serialVersionUID = 1L;

  /** Error code of this class. */
  public static final String CODE = "ClientError.Deadline";

  /**
   * @param details what is known
   * @param cause the last failure, or null
   */
  public DeadlineExceededException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
