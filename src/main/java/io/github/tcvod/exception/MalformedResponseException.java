package io.github.tcvod.exception;

/**
 * The answer could not be understood: an empty body, a body that is not JSON, a JSON document
 * without a {@code Response} object, or fields whose types do not match the action's response.
 * Code {@code ClientError.MalformedResponse}. The message never contains the body.
 */
public class MalformedResponseException extends VodClientException {
  private static final long serialVersionUID = 1L;

  /** Error code of this class. */
  public static final String CODE = "ClientError.MalformedResponse";

  /**
   * @param details what is known about the answer
   * @param cause the parse failure, or null
   */
  public MalformedResponseException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }
}
