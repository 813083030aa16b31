package io.github.tcvod.spi.waiter;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * What the spec says about one waiter ({@code x-tc-waiters}): the action it polls, how to read the
 * status, error code and message from the poll's answer, which values end the wait, and its default
 * timing. Built by generated code; the engine knows nothing else about the action.
 *
 * @param <R> the poll action's response
 */
public final class WaiterDefinition<R> {
  /** What one answer says about the work. */
  enum Outcome { SUCCESS, FAILURE, RUNNING }

  final String name;
  final String pollAction;
  final Function<R, Object> status;
  final Function<R, Object> errorCode;
  final Function<R, Object> errorMessage;
  final Function<R, String> requestId;
  final Set<String> doneValues;
  final Set<String> failureValues;
  final String successErrorCode;
  final Duration firstDelay;
  final Duration maxDelay;
  final Duration maxWait;

  private WaiterDefinition(Builder<R> b) {
    this.name = b.name;
    this.pollAction = b.pollAction;
    this.status = b.status;
    this.errorCode = b.errorCode == null ? r -> null : b.errorCode;
    this.errorMessage = b.errorMessage == null ? r -> null : b.errorMessage;
    this.requestId = b.requestId == null ? r -> null : b.requestId;
    this.doneValues = b.doneValues;
    this.failureValues = b.failureValues;
    this.successErrorCode = b.successErrorCode;
    this.firstDelay = b.firstDelay;
    this.maxDelay = b.maxDelay;
    this.maxWait = b.maxWait;
  }

  /**
   * @param name the waiter's name, e.g. {@code ProcessImageAsync}
   * @param pollAction the action polled, e.g. {@code DescribeTaskDetail}
   * @param <R> the poll action's response
   * @return a builder
   */
  public static <R> Builder<R> builder(String name, String pollAction) {
    return new Builder<>(name, pollAction);
  }

  String statusOf(R answer) {
    return text(status.apply(answer));
  }

  String errorCodeOf(R answer) {
    return text(errorCode.apply(answer));
  }

  String errorMessageOf(R answer) {
    return text(errorMessage.apply(answer));
  }

  // A done status with no error code at all counts as success: the service leaves it out when nothing failed.
  Outcome outcome(R answer) {
    String current = statusOf(answer);
    if (current != null && failureValues.contains(current)) {
      return Outcome.FAILURE;
    }
    if (current != null && doneValues.contains(current)) {
      String code = errorCodeOf(answer);
      return code == null || code.equals(successErrorCode) ? Outcome.SUCCESS : Outcome.FAILURE;
    }
    return Outcome.RUNNING;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /**
   * Builder of {@link WaiterDefinition}.
   *
   * @param <R> the poll action's response
   */
  public static final class Builder<R> {
    private final String name;
    private final String pollAction;
    private Function<R, Object> status;
    private Function<R, Object> errorCode;
    private Function<R, Object> errorMessage;
    private Function<R, String> requestId;
    private Set<String> doneValues = Collections.emptySet();
    private Set<String> failureValues = Collections.emptySet();
    private String successErrorCode;
    private Duration firstDelay = Duration.ofSeconds(1);
    private Duration maxDelay = Duration.ofSeconds(10);
    private Duration maxWait = Duration.ofMinutes(10);

    private Builder(String name, String pollAction) {
      this.name = name;
      this.pollAction = pollAction;
    }

    /**
     * @param status reads the status from an answer (null when absent); compared by its text
     * @return this builder
     */
    public Builder<R> status(Function<R, Object> status) {
      this.status = status;
      return this;
    }

    /**
     * @param values statuses that end the wait; success unless the error code says otherwise
     * @return this builder
     */
    public Builder<R> doneValues(String... values) {
      this.doneValues = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(values)));
      return this;
    }

    /**
     * @param values statuses that end the wait in failure whatever the error code
     * @return this builder
     */
    public Builder<R> failureValues(String... values) {
      this.failureValues = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(values)));
      return this;
    }

    /**
     * @param errorCode reads the work's error code from an answer (null when absent)
     * @param successErrorCode the code's text that means success, e.g. {@code 0}
     * @return this builder
     */
    public Builder<R> errorCode(Function<R, Object> errorCode, String successErrorCode) {
      this.errorCode = errorCode;
      this.successErrorCode = successErrorCode;
      return this;
    }

    /**
     * @param errorMessage reads the work's error message from an answer (null when absent)
     * @return this builder
     */
    public Builder<R> errorMessage(Function<R, Object> errorMessage) {
      this.errorMessage = errorMessage;
      return this;
    }

    /**
     * @param requestId reads the answer's RequestId
     * @return this builder
     */
    public Builder<R> requestId(Function<R, String> requestId) {
      this.requestId = requestId;
      return this;
    }

    /**
     * @param firstDelay default delay before the second poll
     * @param maxDelay default delay cap
     * @param maxWait default maximum wait
     * @return this builder
     */
    public Builder<R> timing(Duration firstDelay, Duration maxDelay, Duration maxWait) {
      this.firstDelay = firstDelay;
      this.maxDelay = maxDelay;
      this.maxWait = maxWait;
      return this;
    }

    /** @return the definition */
    public WaiterDefinition<R> build() {
      if (status == null) {
        throw new IllegalStateException(name + " waiter: status reader missing");
      }
      return new WaiterDefinition<>(this);
    }
  }
}
