/**
 * The client: {@code VodClient} (an interface generated from the spec, built by
 * {@code VodClient.builder()}), the options its builder shares with every generated client
 * ({@link io.github.tcvod.ClientBuilder}, {@link io.github.tcvod.RetryPolicy},
 * {@link io.github.tcvod.RateLimit}, {@link io.github.tcvod.RequestLogger}) and per-call options
 * ({@link io.github.tcvod.CallOptions}). Start here.
 */
package io.github.tcvod;
