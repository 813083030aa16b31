package io.github.tcvod.waiter;

import io.github.tcvod.exception.ErrorDetails;

/**
 * The work waited for had not ended when the maximum wait or the deadline ran out.
 * {@link #lastState()} is the last answer seen (null when no poll got one), {@link #lastStatus()}
 * its status, {@link #polls()} the number of polls made; the cause is the last poll's failure, if any.
 */
public class WaiterTimeoutException extends WaiterException {
  private static final long serialVersionUID = 1L;

  /** Error code of this exception. */
  public static final String CODE = "ClientError.WaiterTimeout";

  private final transient String lastStatus;
  private final transient int polls;

  /**
   * @param details the error code {@link #CODE}, a message, the poll action and the last request id
   * @param resourceId the id waited for
   * @param lastState the last answer of the poll action, or null
   * @param lastStatus the status in that answer, or null
   * @param polls polls made
   * @param cause the last poll's failure, or null
   */
  public WaiterTimeoutException(ErrorDetails details, String resourceId, Object lastState, String lastStatus,
      int polls, Throwable cause) {
    super(details, resourceId, lastState, cause);
    this.lastStatus = lastStatus;
    this.polls = polls;
  }

  /** @return the status in the last answer, e.g. {@code PROCESSING}, or null when none arrived */
  public String lastStatus() {
    return lastStatus;
  }

  /** @return how many polls were made */
  public int polls() {
    return polls;
  }
}
