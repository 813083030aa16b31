package io.github.tcvod.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.github.tcvod.InternalApi;

/** The one Gson of the SDK: thread-safe, shared by every client. */
@InternalApi
public final class Json {
  /** Omits nulls when writing, ignores unknown fields when reading, writes non-ASCII text as UTF-8. */
  public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private Json() {
  }
}
