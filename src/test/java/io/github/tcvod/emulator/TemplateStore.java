package io.github.tcvod.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The emulator's in-memory image-processing templates, keyed by Definition. Thread-safe. Starts
 * with the seed page's example template (7) and presets (ids below 10000).
 */
public final class TemplateStore {
  private final TreeMap<Long, JsonObject> templates = new TreeMap<>();

  /** @return a store holding the bundled templates */
  public static TemplateStore withBundledTemplates() {
    TemplateStore store = new TemplateStore();
    try (InputStream in = TemplateStore.class.getResourceAsStream("templates.json");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      for (JsonElement item : JsonParser.parseReader(reader).getAsJsonObject().getAsJsonArray("ProcessImageAsyncTemplateSet")) {
        store.put(item.getAsJsonObject());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return store;
  }

  /** @param template a template with its Definition; replaces one with the same Definition */
  public synchronized void put(JsonObject template) {
    templates.put(template.get("Definition").getAsLong(), template.deepCopy());
  }

  /**
   * @param definition a template id
   * @return a copy of the template, or null
   */
  public synchronized JsonObject get(long definition) {
    JsonObject template = templates.get(definition);
    return template == null ? null : template.deepCopy();
  }

  /**
   * @param definition a template id
   * @return whether a template was removed
   */
  public synchronized boolean remove(long definition) {
    return templates.remove(definition) != null;
  }

  /** @return the id a new user template gets: above every id in use, and at least 10001 */
  public synchronized long nextUserDefinition() {
    long highest = templates.isEmpty() ? 0 : templates.lastKey();
    return Math.max(10_001, highest + 1);
  }

  /** @return how many templates are user templates (ids from 10000 up) */
  public synchronized int userTemplates() {
    return templates.tailMap(10_000L).size();
  }

  /** @return how many templates are stored */
  public synchronized int size() {
    return templates.size();
  }

  /**
   * @param definitions only these ids, or null for all
   * @param offset index of the first template of the page
   * @param limit templates per page
   * @return TotalCount and the page, ordered by Definition
   */
  public synchronized JsonObject page(Set<Long> definitions, long offset, long limit) {
    List<JsonObject> matches = new ArrayList<>();
    for (Map.Entry<Long, JsonObject> entry : templates.entrySet()) {
      if (definitions == null || definitions.contains(entry.getKey())) {
        matches.add(entry.getValue());
      }
    }
    JsonArray page = new JsonArray();
    for (long i = offset; i < matches.size() && i < offset + limit; i++) {
      page.add(matches.get((int) i).deepCopy());
    }
    JsonObject result = new JsonObject();
    result.addProperty("TotalCount", matches.size());
    result.add("ProcessImageAsyncTemplateSet", page);
    return result;
  }
}
