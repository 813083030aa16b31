package io.github.tcvod.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs one {@link VodEmulator} per test class:
 * {@code @RegisterExtension static VodEmulatorExtension vod = new VodEmulatorExtension();} then
 * {@code vod.emulator().endpoint()}, or {@code @ExtendWith(VodEmulatorExtension.class)} and a
 * {@link VodEmulator} test parameter.
 */
public final class VodEmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(VodEmulatorExtension.class);
  private final boolean enforceRateLimits;
  private VodEmulator emulator;

  /** An emulator that throttles at the documented rates, as the service does. */
  public VodEmulatorExtension() {
    this(true);
  }

  /** @param enforceRateLimits false for load tests that turn the client's own rate limit off */
  public VodEmulatorExtension(boolean enforceRateLimits) {
    this.enforceRateLimits = enforceRateLimits;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator = VodEmulator.start(TemplateStore.withBundledTemplates(), java.time.Clock.systemUTC(), enforceRateLimits);
    context.getStore(NAMESPACE).put(VodEmulator.class, emulator);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }

  /** @return the running emulator */
  public VodEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException("the emulator runs only while the test class runs");
    }
    return emulator;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == VodEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return emulator();
  }
}
