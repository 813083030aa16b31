package io.github.tcvod.internal.json;

import com.google.gson.stream.JsonReader;
import io.github.tcvod.InternalApi;
import java.io.IOException;

/**
 * A model's members as {@link ByteJsonReader#readModel} reads them: looked up by the bytes of
 * their names, each of a kind the reader reads itself or hands to the member's own reader, and
 * the model made once from all their values.
 */
@InternalApi
public interface ModelShape {
  /** A String, read as {@code JsonAdapters.readString} reads it. */
  int STRING = 0;
  /** A Long, read as {@code JsonAdapters.readLong} reads it. */
  int LONG = 1;
  /** A Double, read as {@code JsonAdapters.readDouble} reads it. */
  int DOUBLE = 2;
  /** An Integer, read as {@code JsonAdapters.readInteger} reads it. */
  int INTEGER = 3;
  /** A Boolean, read as {@code JsonAdapters.readBoolean} reads it. */
  int BOOLEAN = 4;
  /** A nested model, see {@link #nested}. */
  int MODEL = 5;
  /** A list of a nested model, as {@code JsonAdapters.readList} reads it. */
  int MODEL_LIST = 6;
  /** Anything else, read by {@link #read}. */
  int OTHER = 7;

  /**
   * @param bytes holds the name, every byte ASCII
   * @param start its first byte
   * @param end the byte after it
   * @param hash its {@link String#hashCode()}
   * @return the member's position, or -1 for a name the model does not know
   */
  int indexOf(byte[] bytes, int start, int end, int hash);

  /** @return the member's position, or -1 for a name the model does not know */
  int indexOf(String name);

  /**
   * A service writes a model's members in the same order in every answer, so the name after a
   * member is usually the one that followed it before, and can be matched where it stands, with
   * no hash and no lookup.
   *
   * @param previous the member just read, or -1 at the start of the object
   * @return the member that followed it in the first answer where anything did, or -1
   */
  int expectedAfter(int previous);

  /**
   * @param member a member that {@link #expectedAfter} gave
   * @param bytes the document
   * @param start the byte after a name's opening quote
   * @param end the end of the document
   * @return the position of the name's closing quote when the name there is the member's, spelled
   *     without escapes; else -1
   */
  int nameEnd(int member, byte[] bytes, int start, int end);

  /**
   * Notes which member followed which, once: the first order seen stays, so the tables, which
   * every thread reads, are not written again by each answer that differs.
   *
   * @param previous the member read before, or -1 at the start of the object
   * @param member the member read after it
   */
  void followed(int previous, int member);

  /** @return the JSON name of the member at a position */
  String name(int member);

  /** @return the kind of the member at a position */
  int kind(int member);

  /** @return the shape of the model of a member of kind {@link #MODEL} or {@link #MODEL_LIST} */
  ModelShape nested(int member);

  /**
   * @param member a member of kind {@link #OTHER}
   * @param in positioned at its value
   * @return the value
   * @throws IOException on malformed JSON
   */
  Object read(int member, JsonReader in) throws IOException;

  /** @return how many members the model has */
  int size();

  /**
   * @param values each member's value at its position plus one ({@code values[0]} is not used),
   *     null where absent
   * @return the model
   */
  Object build(Object[] values);
}
