package io.github.tcvod.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonIOException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonWriter;
import io.github.tcvod.InternalApi;
import java.io.IOException;

/** The one Gson of the SDK: thread-safe, shared by every client. */
@InternalApi
public final class Json {
  /** Omits nulls when writing, ignores unknown fields when reading, writes non-ASCII text as UTF-8. */
  public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  /**
   * {@link #GSON}'s adapter of each class, found once: {@code Gson.toJson} looks it up on every call
   * through a new {@code TypeToken}.
   */
  private static final ClassValue<TypeAdapter<?>> ADAPTERS = new ClassValue<TypeAdapter<?>>() {
    @Override
    protected TypeAdapter<?> computeValue(Class<?> type) {
      return GSON.getAdapter(type);
    }
  };

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
    boolean written = false;
    try {
      if (gson == GSON) {
        write(out, value);
      } else {
        JsonWriter writer = gson.newJsonWriter(out);
        gson.toJson(value, value.getClass(), writer);
        writer.flush();
      }
      written = true;
      return out.toByteArray();
    } catch (IOException e) {
      throw new JsonIOException(e);
    } finally {
      out.reset(written);
    }
  }

  /**
   * What {@code GSON.toJson(value, value.getClass(), writer)} does, with the thread's writer kept
   * lenient, as Gson makes it for the length of that call ({@code newJsonWriter} already gives it
   * GSON's HTML escaping and nulls): lenient, it takes one top-level value after another.
   */
  @SuppressWarnings({"unchecked", "deprecation"})
  private static void write(Utf8Writer out, Object value) throws IOException {
    JsonWriter writer = out.jsonWriter;
    if (writer == null) {
      writer = GSON.newJsonWriter(out);
      writer.setLenient(true);
      out.jsonWriter = writer;
    }
    ((TypeAdapter<Object>) ADAPTERS.get(value.getClass())).write(writer, value);
  }
}
