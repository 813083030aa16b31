package io.github.tcvod.internal.http;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.tcvod.InternalApi;
import io.github.tcvod.exception.ErrorDetails;
import io.github.tcvod.exception.HttpStatusException;
import io.github.tcvod.exception.MalformedResponseException;
import io.github.tcvod.exception.VodException;
import io.github.tcvod.internal.SafeText;
import io.github.tcvod.internal.json.ByteJsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an answer into the action's response object or the matching exception. Messages describe
 * what was wrong with the answer and never quote its body or headers.
 */
@InternalApi
public final class ResponseReader {
  private final Gson gson;
  /** Gson's own lookup makes a TypeToken per call: each response type's adapter is looked up once. */
  private final ConcurrentHashMap<Class<?>, TypeAdapter<?>> adapters = new ConcurrentHashMap<>();

  /** @param gson binds the {@code Response} object to the response type */
  public ResponseReader(Gson gson) {
    this.gson = gson;
  }

  /**
   * @param action the action's name, for messages
   * @param status the HTTP status
   * @param body the whole body
   * @param responseType the action's response type
   * @param <T> the action's response type
   * @return the response object
   * @throws VodException for an API error, a non-200 status or a malformed body
   */
  public <T> T read(String action, int status, byte[] body, Class<T> responseType) {
    return read(action, status, body, body.length, responseType);
  }

  /**
   * @param action the action's name, for messages
   * @param status the HTTP status
   * @param body holds the body from its start; only read during the call
   * @param length the body's length
   * @param responseType the action's response type
   * @param <T> the action's response type
   * @return the response object
   * @throws VodException for an API error, a non-200 status or a malformed body
   */
  public <T> T read(String action, int status, byte[] body, int length, Class<T> responseType) {
    if (status == 200) {
      T value = bindFromBytes(body, length, responseType);
      if (value != null) {
        return value;
      }
    }
    // Everything else, rare, as it always was: on a body of its own.
    return readWithGson(action, status, length == body.length ? body : Arrays.copyOf(body, length), responseType);
  }

  /**
   * The answer read with Gson's own reader and, for errors and malformed bodies, a JSON tree: what
   * the byte reader leaves to it is answered exactly as before the byte reader existed.
   */
  <T> T readWithGson(String action, int status, byte[] whole, Class<T> responseType) {
    if (status == 200) {
      try {
        T value = bindStreaming(whole, responseType, true);
        if (value != null) {
          return value;
        }
      } catch (IOException | RuntimeException | StackOverflowError e) {
        // the tree path below says exactly what is wrong
      }
    }
    return readThroughTree(action, status, whole, responseType);
  }

  /**
   * The common answer, a plainly well-formed body with one Response object and no error, bound
   * with this thread's {@link ByteJsonReader}. Returns null for anything else: what
   * {@link #bindStreaming(byte[], Class, boolean)} returns null for, and whatever the byte reader
   * leaves to Gson. Nothing it refuses is ever answered here, so messages and paths stay Gson's.
   */
  <T> T bindFromBytes(byte[] body, int length, Class<T> responseType) {
    ByteJsonReader reader = ByteJsonReader.open(body, 0, length);
    try {
      reader.watchName("Error", 2);
      T value = bindEnvelope(reader, responseType);
      // An adapter may have caught what the reader threw and gone on: what it bound then means nothing.
      return !reader.refused() && !reader.watchedNameSeen() ? value : null;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return null;
    } finally {
      reader.close();
    }
  }

  /**
   * Binds {@code Response} straight from the bytes, in one pass, with the generated adapters (which
   * refuse, unlike a JSON tree, integers that do not fit). Returns null when there is no Response
   * object or the document does not end after it, and, when {@code nullOnError}, when the Response
   * object has an {@code Error} member (an API error needs the tree); throws on a parse or type
   * error, a {@link BindingFailure} naming the JSON path where it can.
   */
  private <T> T bindStreaming(byte[] body, Class<T> responseType, boolean nullOnError) throws IOException {
    try {
      return bindStreaming(new EnvelopeReader(new Utf8Reader(body)), responseType, nullOnError);
    } catch (IOException | RuntimeException e) {
      if (!causedByMalformedUtf8(e)) {
        throw e;
      }
      // Bytes that are not well-formed UTF-8: the JDK decodes them, replacing what is bad, as it always did.
      return bindStreaming(new EnvelopeReader(new StringReader(new String(body, StandardCharsets.UTF_8))), responseType,
          nullOnError);
    }
  }

  private static boolean causedByMalformedUtf8(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof Utf8Reader.Malformed) {
        return true;
      }
    }
    return false;
  }

  private <T> T bindStreaming(EnvelopeReader reader, Class<T> responseType, boolean nullOnError) throws IOException {
    try {
      T value = bindEnvelope(reader, responseType);
      return nullOnError && reader.responseHasError ? null : value;
    } finally {
      reader.close();
    }
  }

  /**
   * Reads the envelope {@code {"Response": {...}}}, binding the Response object with the response
   * type's adapter and skipping any other member.
   *
   * @return the bound Response object, or null when there is none or the document does not end after the envelope
   * @throws BindingFailure for a second Response member or a field of the wrong type
   */
  private <T> T bindEnvelope(JsonReader reader, Class<T> responseType) throws IOException {
    T value = null;
    boolean seen = false;
    reader.beginObject();
    while (reader.hasNext()) {
      if ("Response".equals(reader.nextName())) {
        if (seen) {
          throw new BindingFailure(null, "the body has more than one Response member", null);
        }
        seen = true;
        if (reader.peek() == JsonToken.BEGIN_OBJECT) {
          value = bindResponse(reader, responseType);
          continue;
        }
      }
      reader.skipValue();
    }
    reader.endObject();
    return reader.peek() == JsonToken.END_DOCUMENT ? value : null;
  }

  /**
   * Notes whether the Response object has an {@code Error} member while the adapters read it, so
   * that an error answer is told apart in the same pass (a name spelled with escapes included).
   */
  private static final class EnvelopeReader extends JsonReader {
    private int objectDepth;
    boolean responseHasError;

    EnvelopeReader(java.io.Reader in) {
      super(in);
    }

    @Override
    public void beginObject() throws IOException {
      super.beginObject();
      objectDepth++;
    }

    @Override
    public void endObject() throws IOException {
      super.endObject();
      objectDepth--;
    }

    @Override
    public String nextName() throws IOException {
      String name = super.nextName();
      if (objectDepth == 2 && "Error".equals(name)) {
        responseHasError = true;
      }
      return name;
    }
  }

  private <T> T bindResponse(JsonReader reader, Class<T> responseType) {
    try {
      return adapter(responseType).read(reader);
    } catch (IOException | RuntimeException e) {
      String path = reader.getPath();
      throw new BindingFailure(path.startsWith("$.") ? path.substring(2) : path,
          "a field of the Response object does not have the type " + responseType.getSimpleName() + " declares", e);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> TypeAdapter<T> adapter(Class<T> responseType) {
    TypeAdapter<?> adapter = adapters.get(responseType);
    if (adapter == null) {
      adapter = gson.getAdapter(responseType);
      adapters.putIfAbsent(responseType, adapter);
    }
    return (TypeAdapter<T>) adapter;
  }

  /** A body that parsed but does not fit the response type, with the JSON path of the field at fault. */
  private static final class BindingFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String path;

    BindingFailure(String path, String what, Throwable cause) {
      super(what, cause, false, false);
      this.path = path;
    }
  }

  private <T> T readThroughTree(String action, int status, byte[] body, Class<T> responseType) {
    EnvelopeMembers members = EnvelopeMembers.of(body);
    if (members.responses > 1) {
      throw malformed(action, status, null, "the body has more than one Response member", null);
    }
    JsonObject response = responseObject(body);
    String requestId = response == null ? null : SafeText.of(string(response, "RequestId"), 128);
    if (members.errors > 1) {
      throw malformed(action, status, requestId, "the Response object has more than one Error member", null);
    }
    JsonElement error = response == null ? null : response.get("Error");
    if (error != null && !error.isJsonNull()) {
      throw apiError(action, status, requestId, error);
    }
    if (status != 200) {
      throw new HttpStatusException(ErrorDetails.of(HttpStatusException.CODE,
          "the service answered HTTP " + status + " without an API error", requestId, status, action));
    }
    if (response == null) {
      throw malformed(action, status, null, body.length == 0 ? "the body is empty"
          : "the body is not a JSON object with a Response object", null);
    }
    try {
      T result = bindStreaming(body, responseType, false);
      if (result == null) {
        throw malformed(action, status, requestId, "the body holds more than one JSON document", null);
      }
      return result;
    } catch (BindingFailure e) {
      String where = e.path == null ? "" : " (at " + SafeText.of(e.path, 200) + ")";
      throw malformed(action, status, requestId, e.getMessage() + where, e.getCause());
    } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
      throw malformed(action, status, requestId,
          "a field of the Response object does not have the type " + responseType.getSimpleName() + " declares", e);
    }
  }

  /**
   * A JSON tree keeps the last of two equal keys, so a body with two Response members, or a
   * Response object with two Error members, is ambiguous: an error followed by {@code "Error": null}
   * would read as a success.
   */
  private static final class EnvelopeMembers {
    int responses;
    /** The Error members of the first Response object. */
    int errors;

    static EnvelopeMembers of(byte[] body) {
      EnvelopeMembers members = new EnvelopeMembers();
      try (JsonReader reader = new JsonReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
          return members;
        }
        reader.beginObject();
        while (reader.hasNext()) {
          if ("Response".equals(reader.nextName()) && ++members.responses == 1
              && reader.peek() == JsonToken.BEGIN_OBJECT) {
            members.errors = errorMembers(reader);
          } else {
            reader.skipValue();
          }
        }
      } catch (IOException | RuntimeException | StackOverflowError e) {
        // not JSON: the tree path says so
      }
      return members;
    }

    private static int errorMembers(JsonReader reader) throws IOException {
      int errors = 0;
      reader.beginObject();
      while (reader.hasNext()) {
        if ("Error".equals(reader.nextName())) {
          errors++;
        }
        reader.skipValue();
      }
      reader.endObject();
      return errors;
    }
  }

  private static JsonObject responseObject(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonElement root = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
      if (!root.isJsonObject()) {
        return null;
      }
      JsonElement response = root.getAsJsonObject().get("Response");
      return response != null && response.isJsonObject() ? response.getAsJsonObject() : null;
    } catch (JsonParseException | StackOverflowError e) {
      return null;
    }
  }

  private static VodException apiError(String action, int status, String requestId, JsonElement error) {
    String code = error.isJsonObject() ? string(error.getAsJsonObject(), "Code") : null;
    if (code == null || code.isEmpty()) {
      return malformed(action, status, requestId, "Response.Error has no Code", null);
    }
    // Server text goes into messages and logs: bounded, control characters escaped.
    String message = SafeText.of(string(error.getAsJsonObject(), "Message"));
    return ErrorMapper.toException(ErrorDetails.of(SafeText.of(code, 128), message == null ? "" : message, requestId,
        status, action));
  }

  private static String string(JsonObject object, String member) {
    JsonElement value = object.get(member);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
  }

  private static MalformedResponseException malformed(String action, int status, String requestId, String what, Throwable cause) {
    return new MalformedResponseException(ErrorDetails.of(MalformedResponseException.CODE,
        "the response cannot be read: " + what, requestId, status, action), cause);
  }
}
