package io.github.tcvod.exception;

/**
 * The answer had an HTTP status other than 200 and no API error in its body, as gateways and
 * proxies send, redirects included (the SDK never follows one). Code {@code ClientError.HttpStatus}.
 * Retryable for 429 (throttling) and for 502, 503 and 504.
 */
public class HttpStatusException extends VodClientException {
  private static final long serialVersionUID = 1L;

  /** Error code of this class. */
  public static final String CODE = "ClientError.HttpStatus";

  /** @param details what is known about the answer, its status included */
  public HttpStatusException(ErrorDetails details) {
    super(details, null);
  }

  /** @return true for 429 Too Many Requests and the gateway statuses 502, 503 and 504 */
  @Override
  public boolean isRetryable() {
    int status = httpStatus();
    return status == 429 || status == 502 || status == 503 || status == 504;
  }
}
