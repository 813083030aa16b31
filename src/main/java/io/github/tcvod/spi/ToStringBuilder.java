package io.github.tcvod.spi;

/** Builds {@code Name(Field=value, ...)} for generated models, leaving out absent fields. */
public final class ToStringBuilder {
  private final StringBuilder text;
  private boolean first = true;

  private ToStringBuilder(String name) {
    this.text = new StringBuilder(name).append('(');
  }

  /**
   * @param name the type's name
   * @return a builder
   */
  public static ToStringBuilder of(String name) {
    return new ToStringBuilder(name);
  }

  /**
   * @param field the field's JSON name
   * @param value the value; null is left out
   * @return this builder
   */
  public ToStringBuilder add(String field, Object value) {
    if (value != null) {
      text.append(first ? "" : ", ").append(field).append('=').append(value);
      first = false;
    }
    return this;
  }

  /**
   * @param field the field's JSON name
   * @param value a secret (a key, a token); shown as {@code ****} when present, null is left out
   * @return this builder
   */
  public ToStringBuilder addSecret(String field, Object value) {
    return add(field, value == null ? null : "****");
  }

  /** @return the text */
  public String build() {
    return text.append(')').toString();
  }
}
