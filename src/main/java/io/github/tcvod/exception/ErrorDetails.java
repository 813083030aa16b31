package io.github.tcvod.exception;

/**
 * What is known about a failed call: the error code and message, the request id, the HTTP status
 * and the action. Fields that were not received are null (0 for the status).
 */
public final class ErrorDetails {
  private final String code;
  private final String message;
  private final String requestId;
  private final int httpStatus;
  private final String action;

  private ErrorDetails(String code, String message, String requestId, int httpStatus, String action) {
    this.code = code;
    this.message = message;
    this.requestId = requestId;
    this.httpStatus = httpStatus;
    this.action = action;
  }

  /**
   * @param code the error code, e.g. {@code ResourceNotFound.TemplateNotExist}
   * @param message the human-readable message
   * @param requestId the request id, or null when none was received
   * @param httpStatus the HTTP status, or 0 when no HTTP answer was received
   * @param action the action that failed, e.g. {@code DescribeProcessImageAsyncTemplates}
   * @return the details
   */
  public static ErrorDetails of(String code, String message, String requestId, int httpStatus, String action) {
    return new ErrorDetails(code, message, requestId, httpStatus, action);
  }

  /** @return the error code */
  public String code() {
    return code;
  }

  /** @return the human-readable message */
  public String message() {
    return message;
  }

  /** @return the request id, or null */
  public String requestId() {
    return requestId;
  }

  /** @return the HTTP status, or 0 */
  public int httpStatus() {
    return httpStatus;
  }

  /** @return the action, or null */
  public String action() {
    return action;
  }
}
