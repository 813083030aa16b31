package io.github.tcvod.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonIOException;
import com.google.gson.stream.JsonWriter;
import io.github.tcvod.InternalApi;
import java.io.IOException;

/** The one Gson of the SDK: thread-safe, shared by every client. */
@InternalApi
public final class Json {
  /** Omits nulls when writing, ignores unknown fields when reading, writes non-ASCII text as UTF-8. */
  public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  /** A request body is written into this thread's buffer and copied out once. */
  private static final ThreadLocal<Utf8Writer> WRITERS = ThreadLocal.withInitial(Utf8Writer::new);

  private Json() {
  }

  /**
   * Serializes straight to UTF-8, without the intermediate String of {@code toJson(Object)}: the
   * same bytes as {@code gson.toJson(value).getBytes(UTF_8)}.
   *
   * @param gson the Gson instance
   * @param value a non-null object
   * @return its JSON, UTF-8 encoded
   */
  public static byte[] toUtf8(Gson gson, Object value) {
    Utf8Writer out = WRITERS.get();
    if (out.inUse) {
      // an adapter serializing something itself, on the same thread: give it a writer of its own
      out = new Utf8Writer();
    }
    out.inUse = true;
    try {
      JsonWriter writer = gson.newJsonWriter(out);
      gson.toJson(value, value.getClass(), writer);
      writer.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new JsonIOException(e);
    } finally {
      out.reset();
    }
  }
}
