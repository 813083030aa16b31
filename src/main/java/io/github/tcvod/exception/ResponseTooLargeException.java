package io.github.tcvod.exception;

/**
 * The answer's body, decompressed, was larger than the client's limit
 * ({@code ClientBuilder.maxResponseBodySize}); reading stopped at the limit. Code
 * {@code ClientError.ResponseTooLarge}. Not retryable.
 */
public class ResponseTooLargeException extends MalformedResponseException {
  private static final long serialVersionUID = 1L;

  /** Error code of this class. */
  public static final String CODE = "ClientError.ResponseTooLarge";

  /** @param details what is known about the answer */
  public ResponseTooLargeException(ErrorDetails details) {
    super(details, null);
  }
}
