package io.github.tcvod.waiter;

import io.github.tcvod.exception.ErrorDetails;

/**
 * The work waited for finished and failed: {@link #errorCode()} is the work's own error code (for
 * an image task its {@code ErrCode}, e.g. {@code 70000}), {@link #errorMessage()} its message,
 * {@link #resourceId()} the task id and {@link #lastState()} the final answer.
 */
public class WaiterFailureException extends WaiterException {
  private static final long serialVersionUID = 1L;

  /**
   * @param details the work's error code and message, the poll action and the last request id
   * @param resourceId the id waited for
   * @param lastState the final answer of the poll action
   */
  public WaiterFailureException(ErrorDetails details, String resourceId, Object lastState) {
    super(details, resourceId, lastState, null);
  }

  /** @return the id of the task that failed; the same as {@link #resourceId()} */
  public String taskId() {
    return resourceId();
  }
}
