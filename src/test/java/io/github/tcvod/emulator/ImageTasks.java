package io.github.tcvod.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's image tasks: {@code ProcessImageAsync} starts one, {@code DescribeTaskDetail}
 * reports it. A task is {@code WAITING} for {@link #schedule(Duration, Duration) a while}, then
 * {@code PROCESSING} with its progress rising, then {@code FINISH}: with an output file on the
 * emulator's host, or with the failure given by {@link #failNext(long, String)}. Time is read from
 * a clock the test can replace ({@link #clock(Clock)}), so no test needs to sleep; tasks are
 * forgotten {@link #RETENTION} after they were created, as the service does.
 */
public final class ImageTasks {
  /** How long the service keeps a task queryable. */
  public static final Duration RETENTION = Duration.ofDays(3);

  private final Map<String, Task> tasks = new ConcurrentHashMap<>();
  private final Deque<Failure> failures = new ArrayDeque<>();
  private volatile Clock clock = Clock.systemUTC();
  private volatile Duration waiting = Duration.ofMillis(300);
  private volatile Duration processing = Duration.ofMillis(1200);

  /**
   * @param clock the clock task states are computed from (the signature check keeps its own)
   * @return this
   */
  public ImageTasks clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * Sets how long tasks created from now on stay in each state.
   *
   * @param waiting time spent WAITING
   * @param processing time spent PROCESSING
   * @return this
   */
  public ImageTasks schedule(Duration waiting, Duration processing) {
    this.waiting = waiting;
    this.processing = processing;
    return this;
  }

  /**
   * Makes the next task created fail when it finishes.
   *
   * @param errCode its ErrCode, not 0
   * @param message its Message
   * @return this
   */
  public synchronized ImageTasks failNext(long errCode, String message) {
    failures.add(new Failure(errCode, message));
    return this;
  }

  /** @return how many tasks were created and are still known */
  public int size() {
    return tasks.size();
  }

  private static final class Failure {
    final long errCode;
    final String message;

    Failure(long errCode, String message) {
      this.errCode = errCode;
      this.message = message;
    }
  }

  /** A task as ProcessImageAsync received it. */
  static final class Task {
    final String taskId = "1500000-ProcessImageAsync-" + UUID.randomUUID().toString().replace("-", "");
    Instant created;
    Duration waiting;
    Duration processing;
    long errCode;
    String message = "";
    JsonObject input = new JsonObject();
    String sessionId = "";
    String sessionContext = "";
    String fileType;
  }

  /**
   * @param request the ProcessImageAsync request, already validated
   * @param fileType the output's file type, e.g. {@code png}
   * @return the new task's id
   */
  String start(JsonObject request, String fileType) {
    Task task = new Task();
    task.created = clock.instant();
    task.waiting = waiting;
    task.processing = processing;
    task.fileType = fileType;
    synchronized (this) {
      Failure failure = failures.poll();
      if (failure != null) {
        task.errCode = failure.errCode;
        task.message = failure.message;
      }
    }
    for (String field : new String[] {"FileId", "Url", "ImageTaskInput", "OutputConfig"}) {
      JsonElement value = request.get(field);
      task.input.add(field, value == null ? JsonNull.INSTANCE : value.deepCopy());
    }
    task.sessionId = textOr(request, "SessionId");
    task.sessionContext = textOr(request, "SessionContext");
    tasks.put(task.taskId, task);
    return task.taskId;
  }

  /**
   * @param taskId the id asked for
   * @param host base URL of the emulator, for output file URLs
   * @return the DescribeTaskDetail fields, or null when no such task exists or it is too old
   */
  JsonObject describe(String taskId, String host) {
    Task task = tasks.get(taskId);
    Instant now = clock.instant();
    if (task == null) {
      return null;
    }
    if (!now.isBefore(task.created.plus(RETENTION))) {
      tasks.remove(taskId);
      return null;
    }
    Instant begin = task.created.plus(task.waiting);
    Instant finish = begin.plus(task.processing);
    String status;
    long progress;
    if (now.isBefore(begin)) {
      status = "WAITING";
      progress = 0;
    } else if (now.isBefore(finish)) {
      status = "PROCESSING";
      long total = Math.max(1, task.processing.toMillis());
      progress = 1 + 98 * Duration.between(begin, now).toMillis() / total;
    } else {
      status = "FINISH";
      progress = task.errCode == 0 ? 100 : 0;
    }
    JsonObject detail = new JsonObject();
    detail.addProperty("TaskId", task.taskId);
    detail.addProperty("Status", status);
    detail.addProperty("ErrCode", "FINISH".equals(status) ? task.errCode : 0);
    detail.addProperty("Message", "FINISH".equals(status) ? task.message : "");
    detail.addProperty("Progress", progress);
    detail.add("Input", task.input.deepCopy());
    detail.add("Output", "FINISH".equals(status) && task.errCode == 0 ? output(task, host) : JsonNull.INSTANCE);
    detail.addProperty("SessionId", task.sessionId);
    detail.addProperty("SessionContext", task.sessionContext);

    JsonObject answer = new JsonObject();
    answer.addProperty("TaskType", "ProcessImageAsync");
    answer.addProperty("Status", status);
    answer.addProperty("CreateTime", iso(task.created));
    answer.addProperty("BeginProcessTime", now.isBefore(begin) ? "" : iso(begin));
    answer.addProperty("FinishTime", now.isBefore(finish) ? "" : iso(finish));
    answer.add("ProcessImageAsyncTask", detail);
    return answer;
  }

  private static JsonObject output(Task task, String host) {
    JsonObject config = task.input.get("OutputConfig").isJsonObject() ? task.input.getAsJsonObject("OutputConfig") : new JsonObject();
    String mediaName = config.has("MediaName") && !config.get("MediaName").isJsonNull()
        ? config.get("MediaName").getAsString() : task.taskId;
    JsonObject file = new JsonObject();
    file.addProperty("MediaName", mediaName);
    file.addProperty("ClassId", config.has("ClassId") && !config.get("ClassId").isJsonNull() ? config.get("ClassId").getAsLong() : 0);
    file.addProperty("ExpireTime", config.has("ExpireTime") && !config.get("ExpireTime").isJsonNull() ? config.get("ExpireTime").getAsString() : "");
    file.addProperty("FileType", task.fileType);
    file.addProperty("FileUrl", host + "/vod-output/" + task.taskId + "." + task.fileType);
    file.addProperty("FileId", String.valueOf(5285890800000000000L + (task.taskId.hashCode() & 0x7fffffffL)));
    JsonObject meta = new JsonObject();
    meta.addProperty("Container", task.fileType);
    file.add("MetaData", meta);
    JsonObject output = new JsonObject();
    output.add("FileInfo", file);
    output.addProperty("OutputText", "");
    return output;
  }

  /**
   * @param source the source URL or file id
   * @param format the template's output format, or null
   * @return the output's file type: the template's format, else the source's extension, else {@code jpg}
   */
  static String fileType(String source, String format) {
    if (format != null && !format.isEmpty()) {
      return format.toLowerCase(Locale.ROOT).equals("jpeg") ? "jpg" : format.toLowerCase(Locale.ROOT);
    }
    if (source != null) {
      String path = source.replaceAll("[?#].*$", "");
      int dot = path.lastIndexOf('.');
      if (dot > path.lastIndexOf('/') && dot < path.length() - 1) {
        return path.substring(dot + 1).toLowerCase(Locale.ROOT);
      }
    }
    return "jpg";
  }

  private static String textOr(JsonObject body, String name) {
    JsonElement value = body.get(name);
    return value == null || value.isJsonNull() ? "" : value.getAsString();
  }

  private static String iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
