package io.github.tcvod.spi;

import io.github.tcvod.CallOptions;
import java.io.Closeable;
import java.util.concurrent.CompletableFuture;

/**
 * What a generated client delegates every action to: the core's signing, rate limiting, retries,
 * deadlines and error mapping behind two entry points. A generated client gets one from
 * {@link io.github.tcvod.ClientBuilder}'s {@code newRuntime()} and describes each action with an
 * {@link ActionDescriptor} built from the spec; it never sees the transport behind this interface.
 *
 * <p>Implementations are thread-safe. Applications use the generated clients, not this interface.
 */
public interface ClientRuntime extends Closeable {
  /**
   * Runs an action on the calling thread.
   *
   * @param action what the spec says about the action
   * @param request the request model, serialized as the JSON body; null is rejected
   * @param responseType the response model's class, bound from the answer's {@code Response};
   *     {@link com.google.gson.JsonObject} returns that object as answered (calls by name)
   * @param options per-call options; null means {@link CallOptions#none()}
   * @param <T> the response model
   * @return the response
   * @throws io.github.tcvod.exception.VodException when the call fails
   * @throws IllegalArgumentException when the request is null
   */
  <T> T invoke(ActionDescriptor action, Object request, Class<T> responseType, CallOptions options);

  /**
   * Runs an action without blocking the caller.
   *
   * @param action what the spec says about the action
   * @param request the request model; null completes the future exceptionally
   * @param responseType the response model's class
   * @param options per-call options; null means {@link CallOptions#none()}
   * @param <T> the response model
   * @return a future of the response, completed exceptionally with the same exceptions
   *     {@link #invoke} throws; cancelling it cancels the HTTP call in flight
   */
  <T> CompletableFuture<T> invokeAsync(ActionDescriptor action, Object request, Class<T> responseType,
      CallOptions options);

  /** Releases the connections and threads this runtime owns; a runtime is not used after. */
  @Override
  void close();
}
