package io.github.tcvod.internal;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import java.util.List;

/** Helpers of the Gson adapters that the templates generate for each model. */
public final class JsonAdapters {
  private JsonAdapters() {
  }

  /**
   * @param gson the Gson instance
   * @param item the item type
   * @param <T> the item type
   * @return the adapter of {@code List<T>}, which reads an ArrayList
   */
  @SuppressWarnings("unchecked")
  public static <T> TypeAdapter<List<T>> listOf(Gson gson, Class<T> item) {
    return (TypeAdapter<List<T>>) gson.getAdapter(TypeToken.getParameterized(List.class, item));
  }
}
