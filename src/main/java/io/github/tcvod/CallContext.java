package io.github.tcvod;

/**
 * The call a {@link CallListener} event belongs to: the same instance for every event of one call,
 * from {@link CallListener#callStarted} to {@link CallListener#callEnded}, so a listener can keep
 * per-call state (a timer sample, a span) in its {@linkplain #attribute(String) attributes}.
 * Thread-safe: the events of an asynchronous call arrive on the HTTP client's and the SDK's threads.
 */
public interface CallContext {
  /** @return the action name sent as {@code X-TC-Action}, e.g. {@code DescribeProcessImageAsyncTemplates} */
  String action();

  /** @return the API version sent as {@code X-TC-Version} */
  String apiVersion();

  /** @return the signing service, e.g. {@code vod} */
  String service();

  /** @return whether the call was made through an {@code ...Async} method */
  boolean async();

  /**
   * @param key a name chosen by the listener; prefix it with the listener's package to avoid clashes
   * @return the value stored under it for this call, or null
   */
  Object attribute(String key);

  /**
   * @param key a name chosen by the listener
   * @param value the value to keep for the rest of this call; null removes it
   */
  void attribute(String key, Object value);
}
