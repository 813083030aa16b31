package io.github.tcvod.exception;

/**
 * The HTTP exchange failed: connection refused or reset, timeout, or a body cut short. Code
 * {@code ClientError.Transport}; the cause is the I/O failure.
 */
public class TransportException extends VodClientException {
  private static final long serialVersionUID = 1L;

  /** Error code of this class. */
  public static final String CODE = "ClientError.Transport";

  /**
   * @param details what is known about the failure
   * @param cause the I/O failure
   */
  public TransportException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }

  /**
   * @return true for timeouts, resets, connections closed early and bodies cut short; false for
   *     an unknown host, TLS failures and other HTTP protocol violations, which a repeat will not mend
   */
  @Override
  public boolean isRetryable() {
    for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ProtocolException && httpStatus() != 0 && isEndOfStream(cause)) {
        // The answer's head arrived and its body broke off: the connection failed, not the protocol.
        return true;
      }
      if (cause instanceof java.net.UnknownHostException || cause instanceof javax.net.ssl.SSLException
          || cause instanceof java.net.ProtocolException) {
        return false;
      }
    }
    return true;
  }

  /** OkHttp's words, from 3.12 to 5.x, for a body shorter than its length or missing its last chunk. */
  private static boolean isEndOfStream(Throwable cause) {
    return cause.getMessage() != null && cause.getMessage().startsWith("unexpected end of stream");
  }
}
