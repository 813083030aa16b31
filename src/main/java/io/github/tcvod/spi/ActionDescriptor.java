package io.github.tcvod.spi;

/**
 * What the spec says about one action ({@code x-tc-*} extensions), as a generated client passes it
 * to {@link ClientRuntime}: the core needs nothing else to know about any one action.
 */
public final class ActionDescriptor {
  private final String name;
  private final String version;
  private final String service;
  private final boolean idempotent;
  private final int rateLimitPerSecond;
  private final boolean unsigned;

  private ActionDescriptor(Builder builder) {
    this.name = builder.name;
    this.version = builder.version;
    this.service = builder.service;
    this.idempotent = builder.idempotent;
    this.rateLimitPerSecond = builder.rateLimitPerSecond;
    this.unsigned = builder.unsigned;
  }

  /**
   * @param name the action name sent as X-TC-Action
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** @return the action name sent as X-TC-Action */
  public String name() {
    return name;
  }

  /** @return the API version sent as X-TC-Version */
  public String version() {
    return version;
  }

  /** @return the signing service of the credential scope */
  public String service() {
    return service;
  }

  /** @return whether repeating the call cannot change state */
  public boolean idempotent() {
    return idempotent;
  }

  /** @return the documented requests per second, or 0 when undocumented */
  public int rateLimitPerSecond() {
    return rateLimitPerSecond;
  }

  /** @return whether the action is sent without a signature ({@code Authorization: SKIP}) and needs no credentials */
  public boolean unsigned() {
    return unsigned;
  }

  @Override
  public String toString() {
    return name + "@" + version;
  }

  /** Builder of {@link ActionDescriptor}. */
  public static final class Builder {
    private final String name;
    private String version;
    private String service;
    private boolean idempotent;
    private int rateLimitPerSecond;
    private boolean unsigned;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * @param version the API version
     * @return this builder
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * @param service the signing service
     * @return this builder
     */
    public Builder service(String service) {
      this.service = service;
      return this;
    }

    /**
     * @param idempotent whether repeating the call cannot change state
     * @return this builder
     */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /**
     * @param rateLimitPerSecond the documented requests per second
     * @return this builder
     */
    public Builder rateLimitPerSecond(int rateLimitPerSecond) {
      this.rateLimitPerSecond = rateLimitPerSecond;
      return this;
    }

    /**
     * @param unsigned whether the action is sent without a signature, as the spec's {@code x-tc-unsigned} says
     * @return this builder
     */
    public Builder unsigned(boolean unsigned) {
      this.unsigned = unsigned;
      return this;
    }

    /** @return the descriptor */
    public ActionDescriptor build() {
      Validate.required("action name", name);
      Validate.required(name + " version", version);
      Validate.required(name + " service", service);
      return new ActionDescriptor(this);
    }
  }
}
