package io.github.tcvod.waiter;

import io.github.tcvod.exception.ErrorDetails;
import io.github.tcvod.exception.VodException;

/**
 * A waiter gave up: the work ended in failure ({@link WaiterFailureException}) or did not end in
 * time ({@link WaiterTimeoutException}). Carries the id of the resource waited for and the last
 * answer of the poll action.
 */
public abstract class WaiterException extends VodException {
  private static final long serialVersionUID = 1L;

  private final transient String resourceId;
  private final transient Object lastState;

  /**
   * @param details the error code and message, the poll action and the last request id
   * @param resourceId the id waited for, e.g. a task id
   * @param lastState the last answer of the poll action, or null when none arrived
   * @param cause the last poll's failure, or null
   */
  protected WaiterException(ErrorDetails details, String resourceId, Object lastState, Throwable cause) {
    super(details, cause);
    this.resourceId = resourceId;
    this.lastState = lastState;
  }

  /** @return the id waited for, e.g. the task id */
  public String resourceId() {
    return resourceId;
  }

  /** @return the last answer of the poll action (e.g. a {@code DescribeTaskDetailResponse}), or null when none arrived */
  public Object lastState() {
    return lastState;
  }

  /**
   * @param type the poll action's response class
   * @param <T> the response type
   * @return the last answer as that type, or null when none arrived
   * @throws ClassCastException when the last answer is of another type
   */
  public <T> T lastState(Class<T> type) {
    return type.cast(lastState);
  }
}
