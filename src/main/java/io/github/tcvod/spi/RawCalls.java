package io.github.tcvod.spi;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import io.github.tcvod.CallOptions;
import io.github.tcvod.internal.SafeText;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * What a generated client needs to call an action by name ({@code call(action, json)}): the
 * descriptor of the action, from the spec when it holds the action, else built on the fly with the
 * client's API version and signing service, not idempotent unless the caller says so
 * ({@link CallOptions#withIdempotent(boolean)}), and without a documented rate. The call then runs
 * through {@link ClientRuntime} like any other, with {@link JsonObject} as request and response type.
 */
public final class RawCalls {
  private static final TypeAdapter<JsonElement> JSON_TREE = new Gson().getAdapter(JsonElement.class);
  /** API 3.0 action names: a letter, then letters and digits, e.g. {@code DescribeMediaInfos}. */
  private static final Pattern ACTION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,127}");
  /**
   * The deepest nesting of objects and arrays a request, or a free-form value read, may have: what
   * Gson's reader (2.11 and later) accepts, so a tree passes where its text would, and far more than
   * any action takes.
   */
  static final int MAX_NESTING = 255;
  /**
   * The most values a request may hold: each is at least one byte of JSON, and the service takes
   * bodies of at most 10 MB. Bounds the look at a tree whose parts are shared many times over.
   */
  static final int MAX_VALUES = 10 * 1024 * 1024;

  private final String version;
  private final String service;
  private final Map<String, ActionDescriptor> known = new HashMap<>();

  /**
   * @param version the API version of the client's service, sent as X-TC-Version
   * @param service the signing service of the client's service
   * @param actions the actions of the spec
   */
  public RawCalls(String version, String service, ActionDescriptor... actions) {
    Validate.required("version", version);
    Validate.required("service", service);
    this.version = version;
    this.service = service;
    for (ActionDescriptor action : actions) {
      known.put(action.name(), action);
    }
  }

  /**
   * @param action the action's name, as X-TC-Action
   * @param options the call's options, or null
   * @return the descriptor of the call
   * @throws IllegalArgumentException when the name is not an API 3.0 action name (not quoted back)
   */
  public ActionDescriptor describe(String action, CallOptions options) {
    if (action == null || !ACTION_NAME.matcher(action).matches()) {
      throw new IllegalArgumentException("action must be an API 3.0 action name: a letter, then letters and digits,"
          + " at most 128 characters, like DescribeMediaInfos");
    }
    boolean declaredIdempotent = options != null && options.idempotent();
    ActionDescriptor spec = known.get(action);
    if (spec != null && (spec.idempotent() || !declaredIdempotent)) {
      return spec;
    }
    ActionDescriptor.Builder builder = ActionDescriptor.builder(action).idempotent(declaredIdempotent);
    if (spec == null) {
      return builder.version(version).service(service).build();
    }
    return builder.version(spec.version()).service(spec.service()).rateLimitPerSecond(spec.rateLimitPerSecond())
        .unsigned(spec.unsigned()).build();
  }

  /**
   * @param runtime the client's runtime
   * @param action the action's name
   * @param request the request parameters
   * @param options the call's options, or null
   * @return the answer's {@code Response} object
   * @throws IllegalArgumentException when the name or the request is unusable, before anything is sent
   * @throws io.github.tcvod.exception.VodException when the call fails
   */
  public JsonObject invoke(ClientRuntime runtime, String action, JsonObject request, CallOptions options) {
    ActionDescriptor descriptor = describe(action, options);
    checkTree(action, request);
    return runtime.invoke(descriptor, request, JsonObject.class, options);
  }

  /**
   * @param runtime the client's runtime
   * @param action the action's name
   * @param request the request parameters
   * @param options the call's options, or null
   * @return a future of the answer's {@code Response} object, failed like the typed methods' futures,
   *     also when the name is unusable
   */
  public CompletableFuture<JsonObject> invokeAsync(ClientRuntime runtime, String action, JsonObject request,
      CallOptions options) {
    ActionDescriptor descriptor;
    try {
      descriptor = describe(action, options);
      checkTree(action, request);
    } catch (IllegalArgumentException e) {
      CompletableFuture<JsonObject> failed = new CompletableFuture<>();
      failed.completeExceptionally(e);
      return failed;
    }
    return runtime.invokeAsync(descriptor, request, JsonObject.class, options);
  }

  /**
   * Refuses, before anything is serialized, a request tree built in code that its JSON text could
   * not be: Gson writes a tree recursively, so one nested too deeply, or holding itself, threw
   * {@link StackOverflowError} out of the call (and out of {@code callAsync} instead of failing its
   * future), and a NaN or infinite number went out as text no JSON parser takes. Walks the tree
   * without recursion, at most {@link #MAX_VALUES} values, so a shared part is not walked forever.
   *
   * @param action the action's name, for the message
   * @param request the request, or null (refused later, as for the typed methods)
   * @throws IllegalArgumentException naming the limit, or the member holding the number (not its value)
   */
  static void checkTree(String action, JsonObject request) {
    if (request == null) {
      return;
    }
    Deque<JsonElement> elements = new ArrayDeque<>();
    Deque<Integer> nestings = new ArrayDeque<>();
    Deque<String> names = new ArrayDeque<>();
    elements.push(request);
    nestings.push(1);
    names.push("");
    long values = 0;
    while (!elements.isEmpty()) {
      JsonElement element = elements.pop();
      int nesting = nestings.pop();
      String name = names.pop();
      if (++values > MAX_VALUES) {
        throw new IllegalArgumentException(action + ": request holds more than " + MAX_VALUES
            + " values, more than the 10 MB body the service accepts");
      }
      if (element.isJsonObject() || element.isJsonArray()) {
        if (nesting > MAX_NESTING) {
          throw new IllegalArgumentException(action + ": request nests objects and arrays deeper than " + MAX_NESTING
              + " levels (or holds itself)");
        }
        if (element.isJsonObject()) {
          for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
            elements.push(member.getValue());
            nestings.push(nesting + 1);
            names.push(member.getKey());
          }
        } else {
          for (JsonElement item : (JsonArray) element) {
            elements.push(item);
            nestings.push(nesting + 1);
            names.push(name);
          }
        }
      } else if (element.isJsonPrimitive() && ((JsonPrimitive) element).isNumber()) {
        // Only a double or float can be NaN or infinite; a BigDecimal such as 1e400 is valid JSON as it is.
        Number number = element.getAsNumber();
        if ((number instanceof Double || number instanceof Float)
            && (Double.isNaN(number.doubleValue()) || Double.isInfinite(number.doubleValue()))) {
          throw new IllegalArgumentException(action + ": request member " + SafeText.of(name, 128)
              + " holds a number JSON cannot carry (NaN or infinite)");
        }
      }
    }
  }

  /**
   * @param action the action's name, for the message
   * @param json the request as JSON text
   * @return the request as a JSON object
   * @throws IllegalArgumentException when the text is null or not one JSON object (the text is not quoted back)
   */
  public static JsonObject parseObject(String action, String json) {
    if (json == null) {
      throw new IllegalArgumentException(action + ": request must not be null");
    }
    JsonElement parsed;
    // Strict, unlike JsonParser: text that is not JSON is refused, not guessed at.
    try (JsonReader reader = new JsonReader(new StringReader(json))) {
      parsed = JSON_TREE.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new IllegalArgumentException(action + ": request must be one JSON object, with nothing after it");
      }
    } catch (IOException | JsonParseException | IllegalStateException | StackOverflowError e) {
      throw new IllegalArgumentException(action + ": request is not valid JSON (" + e.getClass().getSimpleName() + ")");
    }
    if (!parsed.isJsonObject()) {
      throw new IllegalArgumentException(action + ": request must be a JSON object, like {}");
    }
    return parsed.getAsJsonObject();
  }
}
