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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * WireMock transformer that plays the VOD template actions (Describe, Create, Modify, Delete),
 * ProcessImageAsync and DescribeTaskDetail against a {@link TemplateStore} and {@link ImageTasks}:
 * it reads {@code X-TC-Action} and the JSON body, enforces the spec's limits (read from the spec
 * when it is made, see {@link ApiSpec}) with the documented error codes, and answers with a fresh
 * RequestId.
 */
public final class VodActions implements ResponseDefinitionTransformerV2 {
  /** Transformer name, for stubs that want it. */
  public static final String NAME = "vod-emulator";

  /**
   * Templates an account may hold: not in the spec (the docs give 50 in one place and 100 in the
   * error text; the error text wins), so the emulator's own assumption.
   */
  static final int MAX_USER_TEMPLATES = 100;

  private static final String DESCRIBE = "DescribeProcessImageAsyncTemplates";
  private static final String CREATE = "CreateProcessImageAsyncTemplate";
  private static final String MODIFY = "ModifyProcessImageAsyncTemplate";
  private static final String DELETE = "DeleteProcessImageAsyncTemplate";
  private static final String PROCESS = "ProcessImageAsync";
  private static final String DESCRIBE_TASK = "DescribeTaskDetail";

  private final ApiSpec spec = ApiSpec.bundled();
  private final Map<String, Integer> rateLimits = spec.rateLimits();
  private final TemplateStore store;
  private final ImageTasks tasks;
  private final Map<String, String> sessions = new java.util.HashMap<>();
  private final Map<String, Bucket> buckets;

  /** A token bucket of one second's worth of requests, as the service throttles. */
  private static final class Bucket {
    private final double perSecond;
    private double tokens;
    private long last = System.nanoTime();

    Bucket(double perSecond) {
      this.perSecond = perSecond;
      this.tokens = perSecond;
    }

    synchronized boolean take() {
      long now = System.nanoTime();
      tokens = Math.min(perSecond, tokens + (now - last) / 1e9 * perSecond);
      last = now;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }

  /** Plays against the bundled templates (for WireMock standalone {@code --extensions}). */
  public VodActions() {
    this(TemplateStore.withBundledTemplates());
  }

  /** @param store the templates to serve, with the documented rate limits enforced */
  public VodActions(TemplateStore store) {
    this(store, true);
  }

  /**
   * @param store the templates to serve
   * @param enforceRateLimits whether to answer RequestLimitExceeded beyond the documented rates
   */
  public VodActions(TemplateStore store, boolean enforceRateLimits) {
    this(store, new ImageTasks(), enforceRateLimits);
  }

  /**
   * @param store the templates to serve
   * @param tasks the image tasks ProcessImageAsync starts and DescribeTaskDetail reports
   * @param enforceRateLimits whether to answer RequestLimitExceeded beyond the documented rates
   */
  public VodActions(TemplateStore store, ImageTasks tasks, boolean enforceRateLimits) {
    this.store = store;
    this.tasks = tasks;
    this.buckets = new java.util.HashMap<>();
    if (enforceRateLimits) {
      rateLimits.forEach((action, rate) -> buckets.put(action, new Bucket(rate)));
    }
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    String action = request.getHeader("X-TC-Action");
    if (action == null) {
      return ApiAnswers.error("MissingParameter", "The request is missing the X-TC-Action header.");
    }
    String version = spec.version(action);
    if (!version.equals(request.getHeader("X-TC-Version"))) {
      return ApiAnswers.error("NoSuchVersion", "The API version is missing or unknown; use " + version + ".");
    }
    Bucket bucket = buckets.get(action);
    if (bucket != null && !bucket.take()) {
      return ApiAnswers.error("RequestLimitExceeded", "Your current request times equals to `"
          + rateLimits.get(action) + "` in a second, which exceeds the frequency limit `" + rateLimits.get(action)
          + "` for a second. Please reduce the frequency of calls.");
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
        case DESCRIBE:
          return describe(body);
        case CREATE:
          return create(body);
        case MODIFY:
          return modify(body);
        case DELETE:
          return delete(body);
        case PROCESS:
          return processImage(body);
        case DESCRIBE_TASK:
          return describeTask(body, baseUrl(request));
        default:
          return ApiAnswers.error("InvalidAction", "The action " + action + " does not exist.");
      }
    } catch (ApiError e) {
      return ApiAnswers.error(e.code, e.getMessage());
    }
  }

  private ResponseDefinition describe(JsonObject body) {
    allowOnly(body, "SubAppId", "Definitions", "Offset", "Limit");
    integer(body, spec.requestField(DESCRIBE, "SubAppId"), 0);
    Set<Long> definitions = null;
    JsonElement ids = body.get("Definitions");
    if (ids != null && !ids.isJsonNull()) {
      if (!ids.isJsonArray()) {
        throw new ApiError("InvalidParameter", "Definitions must be an array of integers.");
      }
      int maxItems = spec.requestField(DESCRIBE, "Definitions").maxItems();
      if (ids.getAsJsonArray().size() > maxItems) {
        throw new ApiError("InvalidParameterValue", "Definitions may hold at most " + maxItems + " items.");
      }
      definitions = new HashSet<>();
      for (JsonElement id : ids.getAsJsonArray()) {
        definitions.add(asInteger("Definitions", id));
      }
    }
    long offset = integer(body, spec.requestField(DESCRIBE, "Offset"), 0);
    long limit = integer(body, spec.requestField(DESCRIBE, "Limit"), Long.MAX_VALUE);
    return ApiAnswers.success(store.page(definitions, offset, limit));
  }

  private ResponseDefinition create(JsonObject body) {
    allowOnly(body, "ProcessImageConfigure", "SubAppId", "Name", "Comment");
    integer(body, spec.requestField(CREATE, "SubAppId"), 0);
    JsonObject configure = object(body, "ProcessImageConfigure", true);
    String name = text(body, spec.requestField(CREATE, "Name"), "InvalidParameterValue.Name");
    String comment = text(body, spec.requestField(CREATE, "Comment"), "InvalidParameterValue.Comment");
    JsonObject template = new JsonObject();
    synchronized (store) {
      if (store.userTemplates() >= MAX_USER_TEMPLATES) {
        throw new ApiError("LimitExceeded.TooMuchTemplate", "The number of templates exceeds the upper limit of " + MAX_USER_TEMPLATES + ".");
      }
      long definition = store.nextUserDefinition();
      String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      template.addProperty("Definition", definition);
      template.addProperty("Type", "Custom");
      template.addProperty("Name", name == null ? "" : name);
      template.addProperty("Comment", comment == null ? "" : comment);
      template.addProperty("CreateTime", now);
      template.addProperty("UpdateTime", now);
      template.add("ProcessImageConfigure", configure);
      store.put(template);
    }
    JsonObject result = new JsonObject();
    result.add("Definition", template.get("Definition"));
    return ApiAnswers.success(result);
  }

  private ResponseDefinition modify(JsonObject body) {
    allowOnly(body, "Definition", "SubAppId", "Name", "Comment", "ProcessImageConfigure");
    integer(body, spec.requestField(MODIFY, "SubAppId"), 0);
    long definition = requiredInteger(body, "Definition");
    String name = text(body, spec.requestField(MODIFY, "Name"), "InvalidParameterValue.Name");
    String comment = text(body, spec.requestField(MODIFY, "Comment"), "InvalidParameterValue.Comment");
    JsonObject configure = object(body, "ProcessImageConfigure", false);
    synchronized (store) {
      JsonObject template = existing(definition);
      if ("Preset".equals(template.get("Type").getAsString())) {
        throw new ApiError("InvalidParameter", "Preset templates cannot be modified.");
      }
      if (name != null) {
        template.addProperty("Name", name);
      }
      if (comment != null) {
        template.addProperty("Comment", comment);
      }
      if (configure != null) {
        template.add("ProcessImageConfigure", configure);
      }
      template.addProperty("UpdateTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      store.put(template);
    }
    return ApiAnswers.success(new JsonObject());
  }

  private ResponseDefinition delete(JsonObject body) {
    allowOnly(body, "Definition", "SubAppId");
    integer(body, spec.requestField(DELETE, "SubAppId"), 0);
    long definition = requiredInteger(body, "Definition");
    synchronized (store) {
      JsonObject template = existing(definition);
      if ("Preset".equals(template.get("Type").getAsString())) {
        throw new ApiError("InvalidParameterValue.DeleteDefaultTemplate", "Preset templates cannot be deleted.");
      }
      store.remove(definition);
    }
    return ApiAnswers.success(new JsonObject());
  }

  private ResponseDefinition processImage(JsonObject body) {
    allowOnly(body, "SubAppId", "FileId", "Url", "Base64", "ImageTaskInput", "OutputConfig", "SessionId",
        "SessionContext", "TasksPriority", "ExtInfo");
    requiredInteger(body, "SubAppId");
    String fileId = text(body, spec.requestField(PROCESS, "FileId"), "InvalidParameter");
    String url = text(body, spec.requestField(PROCESS, "Url"), "InvalidParameter");
    String base64 = text(body, spec.requestField(PROCESS, "Base64"), "InvalidParameter");
    if ((fileId == null ? 0 : 1) + (url == null ? 0 : 1) + (base64 == null ? 0 : 1) != 1) {
      throw new ApiError("InvalidParameter", "Give exactly one of FileId, Url and Base64.");
    }
    if (fileId != null && !fileId.matches("\\d+")) {
      throw new ApiError("InvalidParameterValue.FileId", "The FileId does not exist.");
    }
    JsonObject input = object(body, "ImageTaskInput", true);
    long definition = requiredInteger(input, "Definition");
    JsonObject template = store.get(definition);
    if (template == null) {
      throw new ApiError("InvalidParameter", "The template " + definition + " does not exist.");
    }
    String sessionId = text(body, spec.requestField(PROCESS, "SessionId"), "InvalidParameterValue.SessionIdTooLong");
    text(body, spec.requestField(PROCESS, "SessionContext"), "InvalidParameterValue.SessionContextTooLong");
    integer(body, spec.requestField(PROCESS, "TasksPriority"), 0);
    String taskId;
    synchronized (sessions) {
      taskId = sessionId == null ? null : sessions.get(sessionId);
      if (taskId == null) {
        taskId = tasks.start(body, ImageTasks.fileType(url != null ? url : fileId, outputFormat(template)));
        if (sessionId != null) {
          sessions.put(sessionId, taskId);
        }
      }
    }
    JsonObject result = new JsonObject();
    result.addProperty("TaskId", taskId);
    return ApiAnswers.success(result);
  }

  private ResponseDefinition describeTask(JsonObject body, String baseUrl) {
    allowOnly(body, "TaskId", "SubAppId");
    integer(body, spec.requestField(DESCRIBE_TASK, "SubAppId"), 0);
    String taskId = text(body, spec.requestField(DESCRIBE_TASK, "TaskId"), "InvalidParameter");
    if (taskId == null) {
      throw new ApiError("MissingParameter", "The request is missing the required parameter `TaskId`.");
    }
    JsonObject detail = tasks.describe(taskId, baseUrl);
    if (detail == null) {
      throw new ApiError("ResourceNotFound", "The task " + taskId + " does not exist or was submitted more than 3 days ago.");
    }
    return ApiAnswers.success(detail);
  }

  private static String outputFormat(JsonObject template) {
    JsonElement configure = template.get("ProcessImageConfigure");
    if (configure == null || !configure.isJsonObject()) {
      return null;
    }
    JsonElement encode = configure.getAsJsonObject().get("EncodeConfig");
    if (encode == null || !encode.isJsonObject()) {
      return null;
    }
    JsonElement format = encode.getAsJsonObject().get("Format");
    return format == null || format.isJsonNull() ? null : format.getAsString();
  }

  private static String baseUrl(Request request) {
    java.net.URI uri = java.net.URI.create(request.getAbsoluteUrl());
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private JsonObject existing(long definition) {
    JsonObject template = store.get(definition);
    if (template == null) {
      throw new ApiError("ResourceNotFound.TemplateNotExist", "The template " + definition + " does not exist.");
    }
    return template;
  }

  private static long requiredInteger(JsonObject body, String name) {
    JsonElement value = body.get(name);
    if (value == null || value.isJsonNull()) {
      throw new ApiError("MissingParameter", "The request is missing the required parameter `" + name + "`.");
    }
    return asInteger(name, value);
  }

  private static JsonObject object(JsonObject body, String name, boolean required) {
    JsonElement value = body.get(name);
    if (value == null || value.isJsonNull()) {
      if (required) {
        throw new ApiError("MissingParameter", "The request is missing the required parameter `" + name + "`.");
      }
      return null;
    }
    if (!value.isJsonObject()) {
      throw new ApiError("InvalidParameter", name + " must be an object.");
    }
    return value.getAsJsonObject();
  }

  private static String text(JsonObject body, ApiSpec.Field field, String tooLongCode) {
    String name = field.name;
    int maxLength = field.maxLength();
    JsonElement value = body.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new ApiError("InvalidParameter", name + " must be a string.");
    }
    String text = value.getAsString();
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw new ApiError(tooLongCode, name + " may hold at most " + maxLength + " characters.");
    }
    return text;
  }

  private static void allowOnly(JsonObject body, String... names) {
    Set<String> allowed = new HashSet<>(Arrays.asList(names));
    for (Map.Entry<String, JsonElement> member : body.entrySet()) {
      if (!allowed.contains(member.getKey())) {
        throw new ApiError("UnknownParameter", "The parameter `" + member.getKey() + "` is not recognized.");
      }
    }
  }

  /** @param absent the value of an absent field when the spec gives no default */
  private static long integer(JsonObject body, ApiSpec.Field field, long absent) {
    String name = field.name;
    long min = field.minimum();
    long max = field.maximum();
    JsonElement value = body.get(name);
    if (value == null || value.isJsonNull()) {
      return field.defaultOr(absent);
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
