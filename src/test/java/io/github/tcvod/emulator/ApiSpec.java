package io.github.tcvod.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API as the spec describes it, read when the emulator starts, so that the limits it enforces
 * (lengths, ranges, item counts, defaults, rates, versions) are the spec's and cannot drift from
 * what the SDK was generated from. The tests jar carries the spec as JSON ({@value #RESOURCE}, so
 * that reading it needs only Gson); {@code EmulatorSpecTest} fails the build when that copy and
 * {@code spec/vod.yaml} differ.
 */
final class ApiSpec {
  static final String RESOURCE = "vod-spec.json";

  private final JsonObject root;

  private ApiSpec(JsonObject root) {
    this.root = root;
  }

  /** @return the spec bundled with the emulator */
  static ApiSpec bundled() {
    try (InputStream in = ApiSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing next to " + ApiSpec.class.getName());
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return new ApiSpec(JsonParser.parseReader(reader).getAsJsonObject());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the API version of the document ({@code info.version}) */
  String apiVersion() {
    return root.getAsJsonObject("info").get("version").getAsString();
  }

  /**
   * @param action an action name
   * @return its {@code x-tc-version}, or the document's version when the spec does not hold the action
   */
  String version(String action) {
    JsonObject operation = operation(action);
    return operation == null || !operation.has("x-tc-version") ? apiVersion() : operation.get("x-tc-version").getAsString();
  }

  /** @return each action with a documented rate ({@code x-tc-rate-limit}), in requests per second */
  Map<String, Integer> rateLimits() {
    Map<String, Integer> rates = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> path : root.getAsJsonObject("paths").entrySet()) {
      JsonObject operation = path.getValue().getAsJsonObject().getAsJsonObject("post");
      if (operation != null && operation.has("x-tc-rate-limit")) {
        rates.put(operation.get("x-tc-action").getAsString(), operation.get("x-tc-rate-limit").getAsInt());
      }
    }
    return Collections.unmodifiableMap(rates);
  }

  /**
   * @param action an action the spec holds
   * @param name a field of its request
   * @return the field's schema
   * @throws IllegalStateException when the spec has no such action or field: the emulator and the
   *     spec disagree, which must fail at start rather than go unchecked
   */
  Field requestField(String action, String name) {
    JsonObject operation = operation(action);
    if (operation == null) {
      throw new IllegalStateException("the spec has no action " + action);
    }
    String ref = operation.getAsJsonObject("requestBody").getAsJsonObject("content")
        .getAsJsonObject("application/json").getAsJsonObject("schema").get("$ref").getAsString();
    return field(ref.substring(ref.lastIndexOf('/') + 1), name);
  }

  /**
   * @param schema a schema under {@code components.schemas}
   * @param name one of its properties
   * @return the property's schema
   * @throws IllegalStateException when the spec has no such schema or property
   */
  Field field(String schema, String name) {
    JsonObject schemas = root.getAsJsonObject("components").getAsJsonObject("schemas");
    JsonObject properties = schemas.has(schema) ? schemas.getAsJsonObject(schema).getAsJsonObject("properties") : null;
    if (properties == null || !properties.has(name)) {
      throw new IllegalStateException("the spec has no field " + schema + "." + name);
    }
    return new Field(name, properties.getAsJsonObject(name));
  }

  private JsonObject operation(String action) {
    JsonElement path = root.getAsJsonObject("paths").get("/#" + action);
    return path == null ? null : path.getAsJsonObject().getAsJsonObject("post");
  }

  /** One property's constraints; an absent constraint reads as no limit. */
  static final class Field {
    final String name;
    private final JsonObject schema;

    private Field(String name, JsonObject schema) {
      this.name = name;
      this.schema = schema;
    }

    long minimum() {
      return schema.has("minimum") ? schema.get("minimum").getAsLong() : Long.MIN_VALUE;
    }

    long maximum() {
      return schema.has("maximum") ? schema.get("maximum").getAsLong() : Long.MAX_VALUE;
    }

    int maxLength() {
      return schema.has("maxLength") ? schema.get("maxLength").getAsInt() : Integer.MAX_VALUE;
    }

    int maxItems() {
      return schema.has("maxItems") ? schema.get("maxItems").getAsInt() : Integer.MAX_VALUE;
    }

    /**
     * @param otherwise the value of an absent field when the spec gives no default
     * @return the spec's {@code default}, or {@code otherwise}
     */
    long defaultOr(long otherwise) {
      return schema.has("default") ? schema.get("default").getAsLong() : otherwise;
    }
  }
}
