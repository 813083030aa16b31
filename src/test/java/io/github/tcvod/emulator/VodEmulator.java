package io.github.tcvod.emulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.util.Collections;

/**
 * A local stand-in for the VOD endpoint, on 127.0.0.1 and a free port: it checks TC3 signatures,
 * throttles at the documented rates, and plays the template actions against an in-memory
 * {@link TemplateStore}. Start it with
 * {@link #start()}, point a client at {@link #endpoint()} with {@link #SECRET_ID} and
 * {@link #SECRET_KEY}, and {@link #close()} it after.
 */
public final class VodEmulator implements AutoCloseable {
  /** SecretId the emulator accepts. */
  public static final String SECRET_ID = "AKIDtcvodEmulator000000000000000";
  /** SecretKey the emulator accepts. */
  public static final String SECRET_KEY = "tcvodEmulatorSecretKey0000000000";

  private final WireMockServer server;
  private final TemplateStore store;
  private final ImageTasks tasks = new ImageTasks();

  private VodEmulator(TemplateStore store, Clock clock, boolean enforceRateLimits) {
    this.store = store;
    this.server = new WireMockServer(wireMockConfig()
        .bindAddress("127.0.0.1")
        .dynamicPort()
        .disableRequestJournal()
        .extensions(new SignatureVerifyingFilter(Collections.singletonMap(SECRET_ID, SECRET_KEY), clock),
            new VodActions(store, tasks, enforceRateLimits)));
  }

  /** @return a running emulator with the bundled templates, checking timestamps against the system clock */
  public static VodEmulator start() {
    return start(TemplateStore.withBundledTemplates(), Clock.systemUTC());
  }

  /**
   * @param store the templates to serve
   * @param clock the server's clock for the 5-minute timestamp window
   * @return a running emulator
   */
  public static VodEmulator start(TemplateStore store, Clock clock) {
    return start(store, clock, true);
  }

  /**
   * @param store the templates to serve
   * @param clock the server's clock for the 5-minute timestamp window
   * @param enforceRateLimits whether calls beyond an action's rate in the spec ({@code x-tc-rate-limit},
   *     20/s for DescribeProcessImageAsyncTemplates) get {@code RequestLimitExceeded}, as from the service
   * @return a running emulator
   */
  public static VodEmulator start(TemplateStore store, Clock clock, boolean enforceRateLimits) {
    VodEmulator emulator = new VodEmulator(store, clock, enforceRateLimits);
    emulator.server.start();
    emulator.server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withTransformers(VodActions.NAME)));
    return emulator;
  }

  /** @return the endpoint URL, e.g. {@code http://127.0.0.1:53127} */
  public String endpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  /** @return the templates being served */
  public TemplateStore store() {
    return store;
  }

  /** @return the image tasks: set their clock, schedule and failures here */
  public ImageTasks tasks() {
    return tasks;
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop();
  }
}
