package io.github.tcvod.emulator;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * WireMock transformer that plays the VOD actions against a {@link TemplateStore}: it reads
 * {@code X-TC-Action} and the JSON body, enforces the documented limits with the documented error
 * codes, and answers with a fresh RequestId.
 */
public final class VodActions implements ResponseDefinitionTransformerV2 {
  /** Transformer name, for stubs that want it. */
  public static final String NAME = "vod-emulator";
  static final String VERSION = "2018-07-17";

  private final TemplateStore store;

  /** Plays against the bundled templates (for WireMock standalone {@code --extensions}). */
  public VodActions() {
    this(TemplateStore.withBundledTemplates());
  }

  /** @param store the templates to serve */
  public VodActions(TemplateStore store) {
    this.store = store;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    String action = request.getHeader("X-TC-Action");
    if (action == null) {
      return ApiAnswers.error("MissingParameter", "The request is missing the X-TC-Action header.");
    }
    if (!VERSION.equals(request.getHeader("X-TC-Version"))) {
      return ApiAnswers.error("NoSuchVersion", "The API version is missing or unknown; use " + VERSION + ".");
    }
    JsonObject body;
    try {
      JsonElement parsed = JsonParser.parseString(new String(request.getBody(), StandardCharsets.UTF_8));
      if (!parsed.isJsonObject()) {
        return ApiAnswers.error("InvalidParameter", "The request body must be a JSON object.");
      }
      body = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      return ApiAnswers.error("InvalidParameter", "The request body is not valid JSON.");
    }
    try {
      switch (action) {
        case "DescribeProcessImageAsyncTemplates":
          return describe(body);
        default:
          return ApiAnswers.error("InvalidAction", "The action " + action + " does not exist.");
      }
    } catch (ApiError e) {
      return ApiAnswers.error(e.code, e.getMessage());
    }
  }

  private ResponseDefinition describe(JsonObject body) {
    allowOnly(body, "SubAppId", "Definitions", "Offset", "Limit");
    integer(body, "SubAppId", 0, Long.MAX_VALUE, 0);
    Set<Long> definitions = null;
    JsonElement ids = body.get("Definitions");
    if (ids != null && !ids.isJsonNull()) {
      if (!ids.isJsonArray()) {
        throw new ApiError("InvalidParameter", "Definitions must be an array of integers.");
      }
      if (ids.getAsJsonArray().size() > 100) {
        throw new ApiError("InvalidParameterValue", "Definitions may hold at most 100 items.");
      }
      definitions = new HashSet<>();
      for (JsonElement id : ids.getAsJsonArray()) {
        definitions.add(asInteger("Definitions", id));
      }
    }
    long offset = integer(body, "Offset", 0, Long.MAX_VALUE, 0);
    long limit = integer(body, "Limit", 0, 100, 10);
    return ApiAnswers.success(store.page(definitions, offset, limit));
  }

  private static void allowOnly(JsonObject body, String... names) {
    Set<String> allowed = new HashSet<>(Arrays.asList(names));
    for (Map.Entry<String, JsonElement> member : body.entrySet()) {
      if (!allowed.contains(member.getKey())) {
        throw new ApiError("UnknownParameter", "The parameter `" + member.getKey() + "` is not recognized.");
      }
    }
  }

  private static long integer(JsonObject body, String name, long min, long max, long absent) {
    JsonElement value = body.get(name);
    if (value == null || value.isJsonNull()) {
      return absent;
    }
    long number = asInteger(name, value);
    if (number < min || number > max) {
      throw new ApiError("InvalidParameterValue", "The value of " + name + " must be between " + min + " and " + max + ".");
    }
    return number;
  }

  private static long asInteger(String name, JsonElement value) {
    try {
      if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
        return value.getAsBigDecimal().longValueExact();
      }
    } catch (ArithmeticException e) {
      // falls through: not an integer
    }
    throw new ApiError("InvalidParameter", name + " must be an integer.");
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }

  private static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;

    ApiError(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }
}
