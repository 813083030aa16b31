package io.github.tcvod.internal.json;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.tcvod.InternalApi;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link JsonReader} that reads strict, plainly well-formed JSON straight from UTF-8 bytes, for
 * the generated adapters and Gson's own (which only know the {@code JsonReader} API): every public
 * reading method is overridden, so Gson's char buffer behind it is never used, and one instance
 * serves a thread from call to call instead of a new reader, with its 2 KB buffer, per body. Member
 * names come from a {@link NameCache}, so a name seen before allocates nothing.
 *
 * <p>It does not try to be Gson: anything it does not plainly handle (malformed or truncated JSON,
 * bytes that are not well-formed UTF-8, lenient-only syntax, a name with escapes, a number that is
 * not a plain integer where one is asked for, a token of another kind than the one asked for, deep
 * nesting, Gson's map adapter, which reaches into {@code JsonReader}'s private state) makes it
 * throw {@link Unsupported}, after which every method throws it again and {@link #refused()} says
 * so. The caller then reads the document again with Gson's own reader, which answers exactly as it
 * always did, errors and their messages included. Whatever it returns is what Gson's reader
 * returns for the same document and calls, for every Gson from 2.8.6 on.
 */
@InternalApi
public final class ByteJsonReader extends JsonReader {
  // The scopes of the stack, as in Gson's JsonScope.
  private static final int EMPTY_ARRAY = 1;
  private static final int NONEMPTY_ARRAY = 2;
  private static final int EMPTY_OBJECT = 3;
  private static final int DANGLING_NAME = 4;
  private static final int NONEMPTY_OBJECT = 5;
  private static final int EMPTY_DOCUMENT = 6;
  private static final int NONEMPTY_DOCUMENT = 7;
  private static final int CLOSED = 8;

  // What the last peek found; its bytes are already behind the position.
  private static final int PEEKED_NONE = 0;
  private static final int PEEKED_BEGIN_OBJECT = 1;
  private static final int PEEKED_END_OBJECT = 2;
  private static final int PEEKED_BEGIN_ARRAY = 3;
  private static final int PEEKED_END_ARRAY = 4;
  private static final int PEEKED_TRUE = 5;
  private static final int PEEKED_FALSE = 6;
  private static final int PEEKED_NULL = 7;
  private static final int PEEKED_STRING = 8;
  private static final int PEEKED_NAME = 9;
  private static final int PEEKED_NUMBER = 10;
  private static final int PEEKED_EOF = 11;

  /**
   * Objects and arrays nested deeper are left to Gson (whose newer versions refuse more than 255):
   * a response of the API nests far less, and the stack stays a fixed size.
   */
  static final int MAX_DEPTH = 64;
  /** Longer numbers are left to Gson, which gives up on those longer than its buffer. */
  static final int MAX_NUMBER_LENGTH = 128;
  /** The decoding buffer of strings with escapes is kept up to this many chars, not a huge one. */
  static final int KEPT_SCRATCH_CHARS = 4096;
  /** String values of at most this many ASCII bytes come from {@link #shortValues}. */
  static final int MAX_CACHED_VALUE_LENGTH = 16;
  /** Decimals with at most this many digits fit a double's mantissa exactly, see {@link #nextDouble()}. */
  private static final int EXACT_DECIMAL_DIGITS = 15;
  private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
      1e13, 1e14, 1e15};

  private static final ThreadLocal<ByteJsonReader> PER_THREAD = new ThreadLocal<>();

  private final NameCache names = new NameCache();
  /**
   * Short string values: switches, enum values, formats ({@code "ON"}, {@code "weak"}, {@code "PNG"})
   * recur in every answer. Longer ones (dates, ids, names, and any key or token) are made anew.
   */
  private final NameCache shortValues = new NameCache(false);
  private final int[] stack = new int[MAX_DEPTH + 1];
  private final String[] pathNames = new String[MAX_DEPTH + 1];
  private final int[] pathIndices = new int[MAX_DEPTH + 1];
  /** The member values of the object being read at each nesting, see {@link #memberValues}. */
  private final Object[][] valuesByDepth = new Object[MAX_DEPTH + 1][];
  private int depth;
  /** The deepest {@link #depth} since the last {@link #close()}: the path names it wipes lie below it. */
  private int deepest;

  private byte[] in;
  private int pos;
  private int end;
  private int peeked;
  /** The bytes of the peeked string or name between its quotes, or of the peeked number. */
  private int tokenStart;
  private int tokenEnd;
  private boolean tokenAscii;
  private boolean tokenEscaped;
  /** Whether {@link #nameHash} holds the hash of the peeked name, scanned by {@link #scanName()}'s plain-ASCII loop. */
  private boolean nameHashed;
  private int nameHash;
  /** Whether the peeked number is an integer that Gson reads as a long without going through a double. */
  private boolean numberIsLong;
  private long numberLong;
  /** Whether the peeked number has no exponent and at most {@link #EXACT_DECIMAL_DIGITS} digits. */
  private boolean numberIsShortDecimal;

  private char[] scratch;
  private boolean refused;
  private boolean inUse;
  private String watchedName;
  private int watchedNesting;
  private boolean watchedNameSeen;

  private ByteJsonReader(ParentInput parentInput) {
    super(parentInput);
    parentInput.owner = this;
    stack[0] = CLOSED;
    depth = 1;
  }

  /**
   * @param bytes holds the document, UTF-8
   * @param offset where it starts
   * @param length its length in bytes
   * @return this thread's reader, set to read the document; a new one when this thread's is open
   *     (an adapter reading JSON of its own while the document is read). Close it after use: that
   *     lets go of the document and frees the reader for the next one.
   */
  public static ByteJsonReader open(byte[] bytes, int offset, int length) {
    if (offset < 0 || length < 0 || offset > bytes.length - length) {
      throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + " of " + bytes.length);
    }
    ByteJsonReader reader = PER_THREAD.get();
    if (reader == null) {
      reader = new ByteJsonReader(new ParentInput());
      PER_THREAD.set(reader);
    } else if (reader.inUse) {
      reader = new ByteJsonReader(new ParentInput());
    }
    reader.reset(bytes, offset, offset + length);
    return reader;
  }

  private void reset(byte[] bytes, int start, int limit) {
    in = bytes;
    pos = start;
    end = limit;
    depth = 1;
    stack[0] = EMPTY_DOCUMENT;
    pathIndices[0] = 0;
    pathNames[0] = null;
    peeked = PEEKED_NONE;
    refused = false;
    inUse = true;
    watchedName = null;
    watchedNameSeen = false;
  }

  /**
   * Notes, as {@link #watchedNameSeen()}, whether {@link #nextName()} returns {@code name} in an
   * object at {@code nesting} (the document's top value is at 1, a member of it at 2).
   *
   * @param name the member name
   * @param nesting the nesting of the object holding it
   */
  public void watchName(String name, int nesting) {
    watchedName = name;
    watchedNesting = nesting;
  }

  /** @return whether the name given to {@link #watchName} was read where it was watched for */
  public boolean watchedNameSeen() {
    return watchedNameSeen;
  }

  /** @return whether the document, or a call made on this reader, was left to Gson: what was read means nothing */
  public boolean refused() {
    return refused;
  }

  @Override
  public void beginArray() throws IOException {
    expect(PEEKED_BEGIN_ARRAY);
    push(EMPTY_ARRAY);
    pathIndices[depth - 1] = 0;
  }

  @Override
  public void endArray() throws IOException {
    expect(PEEKED_END_ARRAY);
    depth--;
    pathIndices[depth - 1]++;
  }

  @Override
  public void beginObject() throws IOException {
    expect(PEEKED_BEGIN_OBJECT);
    push(EMPTY_OBJECT);
    pathNames[depth - 1] = null;
  }

  @Override
  public void endObject() throws IOException {
    expect(PEEKED_END_OBJECT);
    depth--;
    pathNames[depth] = null;
    pathIndices[depth - 1]++;
  }

  @Override
  public boolean hasNext() throws IOException {
    int p = peeked();
    if (p == PEEKED_EOF) {
      // Gson 2.8 answers true here, later versions false: let Gson answer.
      throw refuse();
    }
    return p != PEEKED_END_OBJECT && p != PEEKED_END_ARRAY;
  }

  @Override
  public JsonToken peek() throws IOException {
    switch (peeked()) {
      case PEEKED_BEGIN_OBJECT:
        return JsonToken.BEGIN_OBJECT;
      case PEEKED_END_OBJECT:
        return JsonToken.END_OBJECT;
      case PEEKED_BEGIN_ARRAY:
        return JsonToken.BEGIN_ARRAY;
      case PEEKED_END_ARRAY:
        return JsonToken.END_ARRAY;
      case PEEKED_TRUE:
      case PEEKED_FALSE:
        return JsonToken.BOOLEAN;
      case PEEKED_NULL:
        return JsonToken.NULL;
      case PEEKED_STRING:
        return JsonToken.STRING;
      case PEEKED_NAME:
        return JsonToken.NAME;
      case PEEKED_NUMBER:
        return JsonToken.NUMBER;
      default:
        return JsonToken.END_DOCUMENT;
    }
  }

  @Override
  public String nextName() throws IOException {
    if (peeked() != PEEKED_NAME || tokenEscaped) {
      throw refuse();
    }
    String name = nameHashed ? names.name(in, tokenStart, tokenEnd, nameHash)
        : names.name(in, tokenStart, tokenEnd, tokenAscii);
    peeked = PEEKED_NONE;
    named(name);
    return name;
  }

  /** Notes the name just read for the path and for {@link #watchName}. */
  private void named(String name) {
    pathNames[depth - 1] = name;
    if (watchedName != null && depth - 1 == watchedNesting && watchedName.equals(name)) {
      watchedNameSeen = true;
    }
  }

  /**
   * Reads a model, or null for JSON null, as {@code JsonAdapters.readModel} reads it through the
   * {@link JsonReader} API (and with the same refusals), but straight from the bytes: members of
   * the kinds of {@link ModelShape} are bound without a peek, a String per name or a call per
   * value; anything else is read by the member's own reader, and unknown members are skipped, in
   * the usual way.
   *
   * @param shape the model's members
   * @return the model, or null
   * @throws IOException as the {@link JsonReader} methods do
   */
  public Object readModel(ModelShape shape) throws IOException {
    int p = peeked();
    if (p == PEEKED_NULL) {
      consumedValue();
      return null;
    }
    if (p != PEEKED_BEGIN_OBJECT) {
      throw refuse();
    }
    peeked = PEEKED_NONE;
    return objectMembers(shape);
  }

  /**
   * The members of an object whose brace is behind, then its end; leaves its value consumed. The
   * object's values array is wiped whether the object is built or abandoned.
   */
  private Object objectMembers(ModelShape shape) throws IOException {
    push(EMPTY_OBJECT);
    pathNames[depth - 1] = null;
    int size = shape.size();
    Object[] values = memberValues(size);
    try {
      return objectMembers(shape, values);
    } finally {
      // Built or abandoned, the values are not the next object's, nor the thread's to keep.
      Arrays.fill(values, 1, size + 1, null);
    }
  }

  /**
   * The loop of {@link #objectMembers(ModelShape)}. One method on purpose, reading the values too:
   * at this size (over 325 bytes of bytecode, HotSpot's {@code FreqInlineSize}) C2 does not inline
   * it into its callers, so a nested object runs the one compiled copy of this loop instead of a
   * copy inlined at each nesting. Inlined, the loop compiled to 60 KB of machine code that a call's
   * other work evicted from the CPU's caches between two answers: 1.26x raw OkHttp's CPU per call on
   * four loopback threads, against 1.19x not inlined (BENCHMARKS.md).
   */
  private Object objectMembers(ModelShape shape, Object[] values) throws IOException {
    int c = nextNonWhitespace();
    int previous = -1;
    if (c != '}') {
      while (true) {
        if (c != '"') {
          throw refuse();
        }
        pos++;
        int member = expectedMember(shape, previous);
        if (member < 0) {
          member = scannedMember(shape, previous);
        }
        if (member >= 0) {
          previous = member;
        }
        int kind = member < 0 ? -1 : shape.kind(member);
        if (kind < 0 || kind == ModelShape.OTHER) {
          // The usual way: the state machine reads the colon and the value.
          stack[depth - 1] = DANGLING_NAME;
          if (kind < 0) {
            skipValue();
          } else {
            values[member + 1] = shape.read(member, this);
          }
        } else {
          // As JsonAdapters.read... of the kind reads the value, refusing what they refuse: the
          // usual token of each kind here, the rest (null, Gson's conversions) in unusualValue.
          stack[depth - 1] = NONEMPTY_OBJECT;
          separator(nextNonWhitespace(), ':');
          c = nextNonWhitespace();
          boolean number = c == '-' || c >= '0' && c <= '9';
          Object value;
          if (kind == ModelShape.STRING && c == '"') {
            pos++;
            value = stringValue();
          } else if (kind == ModelShape.LONG && number) {
            scanNumber();
            if (!numberIsLong) {
              throw refuse();
            }
            value = numberLong;
          } else if (kind == ModelShape.DOUBLE && number) {
            scanNumber();
            value = numberAsDouble();
          } else if (kind == ModelShape.MODEL && c == '{') {
            pos++;
            value = objectMembers(shape.nested(member));
          } else if (kind == ModelShape.MODEL_LIST && c == '[') {
            pos++;
            value = modelList(shape.nested(member));
          } else {
            value = unusualValue(kind);
          }
          values[member + 1] = value;
          pathIndices[depth - 1]++;
        }
        c = nextNonWhitespace();
        if (c == '}') {
          break;
        }
        separator(c, ',');
        c = nextNonWhitespace();
      }
    }
    pos++;
    Object model = shape.build(values);
    depth--;
    pathIndices[depth - 1]++;
    return model;
  }

  /**
   * The member that usually follows {@code previous}, when its name stands after the opening quote
   * at {@link #pos}: consumed with its closing quote, and noted as {@link #memberOf} notes a name.
   *
   * @return the member, or -1 when another name (or the same spelled with escapes) stands there
   */
  private int expectedMember(ModelShape shape, int previous) {
    int expected = shape.expectedAfter(previous);
    if (expected < 0) {
      return -1;
    }
    int close = shape.nameEnd(expected, in, pos, end);
    if (close < 0) {
      return -1;
    }
    pos = close + 1;
    named(shape.name(expected));
    return expected;
  }

  /**
   * The member whose name stands after the opening quote at {@link #pos}, scanned and looked up;
   * the model's table learns that it followed {@code previous} (see {@link ModelShape#followed}).
   *
   * @return the member's position in {@code shape}, or -1 for a name the model does not know
   */
  private int scannedMember(ModelShape shape, int previous) throws IOException {
    scanName();
    int member = memberOf(shape);
    if (member >= 0) {
      shape.followed(previous, member);
    }
    return member;
  }

  /**
   * The member whose name {@link #scanName()} just scanned, read as {@link #nextName()} reads it
   * but without a String for a plain ASCII name the model knows: that one is found by its bytes,
   * with the hash worked out while it was scanned.
   *
   * @return the member's position in {@code shape}, or -1 for a name the model does not know
   */
  private int memberOf(ModelShape shape) throws IOException {
    int member;
    String name;
    if (nameHashed) {
      member = shape.indexOf(in, tokenStart, tokenEnd, nameHash);
      name = member >= 0 ? shape.name(member) : names.name(in, tokenStart, tokenEnd, nameHash);
    } else {
      if (tokenEscaped) {
        throw refuse();
      }
      name = names.name(in, tokenStart, tokenEnd, tokenAscii);
      member = shape.indexOf(name);
    }
    named(name);
    return member;
  }

  /**
   * @return the array of member values of the object at {@link #depth}, one per nesting and thread,
   *     empty: each object's is wiped after use, and on {@link #close()}
   */
  private Object[] memberValues(int size) {
    Object[] values = valuesByDepth[depth - 1];
    if (values == null || values.length <= size) {
      values = new Object[size + 1];
      valuesByDepth[depth - 1] = values;
    }
    return values;
  }

  /**
   * A string value whose quote is behind, as {@link #decodeString()} gives it after
   * {@link #scanString()}: printable ASCII, nearly every value, is hashed for the value cache in
   * the pass that finds its end; anything else is scanned again with every check.
   */
  private String stringValue() throws IOException {
    byte[] bytes = in;
    int limit = end;
    int start = pos;
    int hash = 0;
    for (int p = start; p < limit; p++) {
      int b = bytes[p];
      if (b == '"') {
        pos = p + 1;
        int length = p - start;
        if (length == 0) {
          return "";
        }
        return length <= MAX_CACHED_VALUE_LENGTH ? shortValues.name(bytes, start, p, hash)
            : new String(bytes, start, length, StandardCharsets.US_ASCII);
      }
      if (b < 0x20 || b == '\\') {
        // a negative byte (non-ASCII) too
        break;
      }
      hash = 31 * hash + b;
    }
    scanString();
    return decodeString();
  }

  /**
   * A value that is not of its kind's usual token (those {@link #objectMembers} reads itself), or
   * of a kind without one: null, and the conversions of Gson's readers.
   */
  private Object unusualValue(int kind) throws IOException {
    int token = valueToken(NONEMPTY_OBJECT);
    if (token == PEEKED_NULL) {
      return null;
    }
    if (kind == ModelShape.STRING) {
      // Gson gives a number's text as it stands, and a boolean's as Boolean.toString does.
      if (token == PEEKED_NUMBER) {
        return numberText();
      } else if (token == PEEKED_TRUE || token == PEEKED_FALSE) {
        return token == PEEKED_TRUE ? "true" : "false";
      }
    } else if (kind == ModelShape.INTEGER) {
      if (token == PEEKED_NUMBER && numberIsLong && (int) numberLong == numberLong) {
        return (int) numberLong;
      }
    } else if (kind == ModelShape.BOOLEAN) {
      if (token == PEEKED_TRUE || token == PEEKED_FALSE) {
        return token == PEEKED_TRUE;
      } else if (token == PEEKED_STRING) {
        return Boolean.parseBoolean(decodeString());
      }
    }
    throw refuse();
  }

  /** The items of an array whose bracket is behind, each a model or null (left out), then its end. */
  private List<Object> modelList(ModelShape shape) throws IOException {
    push(EMPTY_ARRAY);
    pathIndices[depth - 1] = 0;
    List<Object> list = new ArrayList<>();
    int c = nextNonWhitespace();
    if (c != ']') {
      while (true) {
        int token = valueToken(NONEMPTY_ARRAY);
        if (token == PEEKED_BEGIN_OBJECT) {
          stack[depth - 1] = NONEMPTY_ARRAY;
          list.add(objectMembers(shape));
        } else if (token == PEEKED_NULL) {
          pathIndices[depth - 1]++;
        } else {
          throw refuse();
        }
        c = nextNonWhitespace();
        if (c == ']') {
          break;
        }
        separator(c, ',');
      }
    }
    pos++;
    depth--;
    pathIndices[depth - 1]++;
    return list;
  }

  @Override
  public String nextString() throws IOException {
    int p = peeked();
    String value;
    if (p == PEEKED_STRING) {
      value = decodeString();
    } else if (p == PEEKED_NUMBER) {
      // Gson gives a number's text as it stands (an integer that fits a long has no other spelling).
      value = numberText();
    } else {
      throw refuse();
    }
    consumedValue();
    return value;
  }

  @Override
  public boolean nextBoolean() throws IOException {
    int p = peeked();
    if (p != PEEKED_TRUE && p != PEEKED_FALSE) {
      throw refuse();
    }
    consumedValue();
    return p == PEEKED_TRUE;
  }

  @Override
  public void nextNull() throws IOException {
    expect(PEEKED_NULL);
    pathIndices[depth - 1]++;
  }

  /**
   * Gson gives an integer that fits a long as {@code (double) value}, any other number as
   * {@code Double.parseDouble} of its text. A decimal of at most 15 digits without an exponent is
   * an exact long divided by an exact power of ten, and IEEE division rounds that quotient
   * correctly, as parseDouble rounds the decimal: the same double, without the text.
   */
  @Override
  public double nextDouble() throws IOException {
    if (peeked() != PEEKED_NUMBER) {
      throw refuse();
    }
    double value = numberAsDouble();
    consumedValue();
    return value;
  }

  /** @return the scanned number as Gson's {@code nextDouble} gives it */
  private double numberAsDouble() throws IOException {
    if (numberIsLong) {
      return (double) numberLong;
    } else if (numberIsShortDecimal) {
      return shortDecimal();
    }
    double value = Double.parseDouble(numberText());
    if (Double.isInfinite(value)) {
      // Gson refuses it as JSON that forbids infinities
      throw refuse();
    }
    return value;
  }

  /** @return the scanned number's text */
  private String numberText() {
    return new String(in, tokenStart, tokenEnd - tokenStart, StandardCharsets.US_ASCII);
  }

  @Override
  public long nextLong() throws IOException {
    if (peeked() != PEEKED_NUMBER || !numberIsLong) {
      throw refuse();
    }
    consumedValue();
    return numberLong;
  }

  @Override
  public int nextInt() throws IOException {
    if (peeked() != PEEKED_NUMBER || !numberIsLong || (int) numberLong != numberLong) {
      throw refuse();
    }
    consumedValue();
    return (int) numberLong;
  }

  /** Skips the next value, checking it as strictly as reading it would; a name or an end is left to Gson. */
  @Override
  public void skipValue() throws IOException {
    int open = 0;
    do {
      int p = peeked();
      if (p == PEEKED_BEGIN_ARRAY) {
        push(EMPTY_ARRAY);
        open++;
      } else if (p == PEEKED_BEGIN_OBJECT) {
        push(EMPTY_OBJECT);
        open++;
      } else if (p == PEEKED_END_ARRAY || p == PEEKED_END_OBJECT) {
        if (open == 0) {
          throw refuse();
        }
        depth--;
        open--;
      } else if (p == PEEKED_EOF || p == PEEKED_NAME && open == 0) {
        throw refuse();
      }
      // a scalar or a name inside the value: its bytes are already behind the position
      peeked = PEEKED_NONE;
    } while (open != 0);
    pathIndices[depth - 1]++;
  }

  /** Lets go of the document; the reader is then free for the next one on its thread. */
  @Override
  public void close() {
    in = null;
    peeked = PEEKED_NONE;
    Arrays.fill(pathNames, 0, deepest, null);
    for (int i = 0; i < deepest; i++) {
      if (valuesByDepth[i] != null) {
        Arrays.fill(valuesByDepth[i], null);
      }
    }
    deepest = 0;
    stack[0] = CLOSED;
    depth = 1;
    if (scratch != null && scratch.length > KEPT_SCRATCH_CHARS) {
      scratch = null;
    }
    inUse = false;
  }

  @Override
  public String getPath() {
    return path(false);
  }

  /**
   * Overrides the method of Gson 2.10 and later (not declared by 2.8, hence no annotation).
   *
   * @return the path of the value read last
   */
  public String getPreviousPath() {
    return path(true);
  }

  @Override
  public String toString() {
    return "ByteJsonReader at byte " + pos + " path " + getPath();
  }

  /** Gson's path: {@code $}, then {@code [index]} per array and {@code .name} per object. */
  private String path(boolean previous) {
    StringBuilder path = new StringBuilder().append('$');
    for (int i = 0; i < depth; i++) {
      int scope = stack[i];
      if (scope == EMPTY_ARRAY || scope == NONEMPTY_ARRAY) {
        int index = pathIndices[i];
        if (previous && index > 0 && i == depth - 1) {
          index--;
        }
        path.append('[').append(index).append(']');
      } else if (scope == EMPTY_OBJECT || scope == DANGLING_NAME || scope == NONEMPTY_OBJECT) {
        path.append('.');
        if (pathNames[i] != null) {
          path.append(pathNames[i]);
        }
      }
    }
    return path.toString();
  }

  private void expect(int token) throws IOException {
    if (peeked() != token) {
      throw refuse();
    }
    peeked = PEEKED_NONE;
  }

  private void consumedValue() {
    peeked = PEEKED_NONE;
    pathIndices[depth - 1]++;
  }

  private void push(int scope) throws IOException {
    if (depth == stack.length) {
      throw refuse();
    }
    stack[depth++] = scope;
    if (depth > deepest) {
      deepest = depth;
    }
  }

  private int peeked() throws IOException {
    if (refused) {
      throw new Unsupported();
    }
    int p = peeked;
    return p != PEEKED_NONE ? p : doPeek();
  }

  /** Reads up to the next token, as Gson's doPeek does in strict mode, refusing what it would not take. */
  private int doPeek() throws IOException {
    int scope = stack[depth - 1];
    switch (scope) {
      case EMPTY_ARRAY:
        stack[depth - 1] = NONEMPTY_ARRAY;
        break;
      case NONEMPTY_ARRAY: {
        int c = nextNonWhitespace();
        if (c == ']') {
          pos++;
          return peeked = PEEKED_END_ARRAY;
        }
        separator(c, ',');
        break;
      }
      case EMPTY_OBJECT:
      case NONEMPTY_OBJECT: {
        stack[depth - 1] = DANGLING_NAME;
        int c = nextNonWhitespace();
        if (c == '}') {
          // "{}" or the end after a member; "{"a":1,}" is lenient-only and refused below
          pos++;
          return peeked = PEEKED_END_OBJECT;
        }
        if (scope == NONEMPTY_OBJECT) {
          separator(c, ',');
          c = nextNonWhitespace();
        }
        if (c != '"') {
          throw refuse();
        }
        pos++;
        scanName();
        return peeked = PEEKED_NAME;
      }
      case DANGLING_NAME:
        stack[depth - 1] = NONEMPTY_OBJECT;
        separator(nextNonWhitespace(), ':');
        break;
      case EMPTY_DOCUMENT:
        stack[depth - 1] = NONEMPTY_DOCUMENT;
        break;
      case NONEMPTY_DOCUMENT:
        if (nextNonWhitespace() == -1) {
          return peeked = PEEKED_EOF;
        }
        throw refuse();
      default:
        throw refuse();
    }

    return peeked = valueToken(scope);
  }

  /**
   * Reads the first token of a value, its separator already behind: a string or number is
   * scanned, a keyword checked, a bracket consumed.
   *
   * @param scope the scope the value is in: only in an empty array may it be the end
   * @return what it found, a {@code PEEKED_} constant
   */
  private int valueToken(int scope) throws IOException {
    int c = nextNonWhitespace();
    switch (c) {
      case ']':
        if (scope != EMPTY_ARRAY) {
          throw refuse();
        }
        pos++;
        return PEEKED_END_ARRAY;
      case '[':
        pos++;
        return PEEKED_BEGIN_ARRAY;
      case '{':
        pos++;
        return PEEKED_BEGIN_OBJECT;
      case '"':
        pos++;
        scanString();
        return PEEKED_STRING;
      case 't':
        return keyword("true", PEEKED_TRUE);
      case 'f':
        return keyword("false", PEEKED_FALSE);
      case 'n':
        return keyword("null", PEEKED_NULL);
      default:
        if (c == '-' || c >= '0' && c <= '9') {
          return scanNumber();
        }
        throw refuse();
    }
  }

  private void separator(int c, char expected) throws IOException {
    if (c != expected) {
      throw refuse();
    }
    pos++;
  }

  /** @return the next byte that is not JSON whitespace, not consumed, or -1 at the end */
  private int nextNonWhitespace() {
    byte[] bytes = in;
    int p = pos;
    while (p < end) {
      int c = bytes[p];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        pos = p;
        return c & 0xff;
      }
      p++;
    }
    pos = p;
    return -1;
  }

  /**
   * Only the lower-case spelling (Gson also takes TRUE and Null), followed by what may follow a
   * value in strict JSON (Gson reads on into a longer literal, or refuses some characters as lenient).
   */
  private int keyword(String keyword, int token) throws IOException {
    int length = keyword.length();
    if (pos + length > end) {
      throw refuse();
    }
    for (int i = 0; i < length; i++) {
      if (in[pos + i] != keyword.charAt(i)) {
        throw refuse();
      }
    }
    int after = pos + length;
    if (after < end && !endsValue(in[after])) {
      throw refuse();
    }
    pos = after;
    return token;
  }

  private static boolean endsValue(byte c) {
    return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /**
   * Scans a string or name, the position after its opening quote, to after its closing quote.
   * Refuses control characters (Gson 2.8 takes them raw, later strict modes not), escapes other
   * than JSON's, and bytes that are not well-formed UTF-8 (Gson's caller replaces them).
   */
  private void scanString() throws IOException {
    byte[] bytes = in;
    int limit = end;
    int p = pos;
    boolean ascii = true;
    boolean escaped = false;
    while (true) {
      if (p >= limit) {
        throw refuse();
      }
      int b = bytes[p];
      if (b == '"') {
        break;
      }
      if (b == '\\') {
        escaped = true;
        p = escapeEnd(bytes, p, limit);
      } else if (b >= 0) {
        if (b < 0x20) {
          throw refuse();
        }
        p++;
      } else {
        ascii = false;
        p += utf8Length(bytes, p, limit);
      }
    }
    tokenStart = pos;
    tokenEnd = p;
    tokenAscii = ascii;
    tokenEscaped = escaped;
    pos = p + 1;
  }

  /**
   * Scans a name as {@link #scanString()} does; a name of printable ASCII only (nearly every name)
   * gets its hash for the {@link NameCache} in the same pass, instead of a second pass over its
   * bytes. At the first byte that is anything else (an escape, a control or non-ASCII byte, the
   * end), {@link #scanString()} scans it again from the start, with every check of its own.
   */
  private void scanName() throws IOException {
    byte[] bytes = in;
    int limit = end;
    int p = pos;
    int hash = 0;
    while (p < limit) {
      int b = bytes[p];
      if (b == '"') {
        tokenStart = pos;
        tokenEnd = p;
        tokenAscii = true;
        tokenEscaped = false;
        nameHashed = true;
        nameHash = hash;
        pos = p + 1;
        return;
      }
      if (b < 0x20 || b == '\\') {
        // a negative byte (non-ASCII) too
        break;
      }
      hash = 31 * hash + b;
      p++;
    }
    nameHashed = false;
    scanString();
  }

  /** @return the index after the escape sequence starting at {@code p} */
  private int escapeEnd(byte[] bytes, int p, int limit) throws IOException {
    if (p + 1 >= limit) {
      throw refuse();
    }
    switch (bytes[p + 1]) {
      case '"':
      case '\\':
      case '/':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        return p + 2;
      case 'u':
        if (p + 6 > limit) {
          throw refuse();
        }
        for (int i = p + 2; i < p + 6; i++) {
          if (hexValue(bytes[i]) < 0) {
            throw refuse();
          }
        }
        return p + 6;
      default:
        throw refuse();
    }
  }

  private static int hexValue(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    } else if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** @return the length of the well-formed UTF-8 sequence of a non-ASCII character at {@code p} */
  private int utf8Length(byte[] bytes, int p, int limit) throws IOException {
    int codePoint = Utf8.decode(bytes, p, limit);
    if (codePoint == Utf8.MALFORMED) {
      throw refuse();
    }
    return Utf8.encodedLength(codePoint);
  }

  private String decodeString() {
    int length = tokenEnd - tokenStart;
    if (length == 0) {
      return "";
    }
    if (!tokenEscaped && tokenAscii && length <= MAX_CACHED_VALUE_LENGTH) {
      return shortValues.ascii(in, tokenStart, tokenEnd);
    }
    if (!tokenEscaped) {
      // well-formed UTF-8, checked by the scan: the JDK's decoder gives the chars Gson's reader would
      return new String(in, tokenStart, length, tokenAscii ? StandardCharsets.US_ASCII : StandardCharsets.UTF_8);
    }
    // Never more chars than bytes: an escape is 2 or 6 bytes for 1 char, a UTF-8 sequence at least as many bytes as chars.
    char[] chars = scratch;
    if (chars == null || chars.length < length) {
      chars = new char[Math.max(length, 64)];
      scratch = chars;
    }
    byte[] bytes = in;
    int count = 0;
    int p = tokenStart;
    while (p < tokenEnd) {
      int b = bytes[p];
      if (b == '\\') {
        chars[count++] = unescape(bytes, p);
        p += bytes[p + 1] == 'u' ? 6 : 2;
      } else if (b >= 0) {
        chars[count++] = (char) b;
        p++;
      } else {
        // well-formed, checked by the scan
        int codePoint = Utf8.decode(bytes, p, tokenEnd);
        count += Character.toChars(codePoint, chars, count);
        p += Utf8.encodedLength(codePoint);
      }
    }
    return new String(chars, 0, count);
  }

  /** The char of a checked escape sequence at {@code p}. */
  private static char unescape(byte[] bytes, int p) {
    byte escaped = bytes[p + 1];
    switch (escaped) {
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        return (char) (hexValue(bytes[p + 2]) << 12 | hexValue(bytes[p + 3]) << 8 | hexValue(bytes[p + 4]) << 4
            | hexValue(bytes[p + 5]));
      default:
        return (char) escaped;
    }
  }

  /**
   * Scans a number of strict JSON's grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?},
   * which is what Gson takes in strict mode (leading zeros, a bare sign or point, hex are lenient-only).
   */
  private int scanNumber() throws IOException {
    byte[] bytes = in;
    int limit = end;
    int start = pos;
    int p = start;
    boolean negative = bytes[p] == '-';
    if (negative) {
      p++;
    }
    if (p >= limit || !isDigit(bytes[p])) {
      throw refuse();
    }
    // accumulated negative, as Gson does, so that Long.MIN_VALUE fits
    long value = 0;
    boolean fitsLong = true;
    if (bytes[p] == '0') {
      p++;
    } else {
      for (; p < limit && isDigit(bytes[p]); p++) {
        if (value == 0 && !fitsLong) {
          // Digits that wrapped the value to 0: Gson takes the next digit for a leading zero and refuses the number.
          throw refuse();
        }
        int digit = bytes[p] - '0';
        if (value < Long.MIN_VALUE / 10 || value * 10 < Long.MIN_VALUE + digit) {
          fitsLong = false;
        }
        value = value * 10 - digit;
      }
    }
    int digits = p - start - (negative ? 1 : 0);
    boolean integral = true;
    boolean exponent = false;
    if (p < limit && bytes[p] == '.') {
      integral = false;
      int fraction = ++p;
      while (p < limit && isDigit(bytes[p])) {
        p++;
      }
      if (p == fraction) {
        throw refuse();
      }
      digits += p - fraction;
    }
    if (p < limit && (bytes[p] == 'e' || bytes[p] == 'E')) {
      integral = false;
      exponent = true;
      p++;
      if (p < limit && (bytes[p] == '+' || bytes[p] == '-')) {
        p++;
      }
      int exponentStart = p;
      while (p < limit && isDigit(bytes[p])) {
        p++;
      }
      if (p == exponentStart) {
        throw refuse();
      }
    }
    if (p - start > MAX_NUMBER_LENGTH || p < limit && !endsValue(bytes[p])) {
      throw refuse();
    }
    if (integral && negative && value == 0) {
      // "-0": a long 0 for some Gson versions, a double -0.0 for others
      throw refuse();
    }
    tokenStart = start;
    tokenEnd = p;
    pos = p;
    // Gson reads integers beyond a long through a double.
    numberIsLong = integral && fitsLong && (negative || value != Long.MIN_VALUE);
    numberLong = negative ? value : -value;
    numberIsShortDecimal = !exponent && digits <= EXACT_DECIMAL_DIGITS;
    return PEEKED_NUMBER;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** The number of the peeked short decimal: its digits as a long, divided by ten to the number of its fraction digits. */
  private double shortDecimal() {
    byte[] bytes = in;
    long mantissa = 0;
    int fractionDigits = 0;
    boolean fraction = false;
    for (int p = bytes[tokenStart] == '-' ? tokenStart + 1 : tokenStart; p < tokenEnd; p++) {
      byte c = bytes[p];
      if (c == '.') {
        fraction = true;
      } else {
        mantissa = mantissa * 10 + (c - '0');
        if (fraction) {
          fractionDigits++;
        }
      }
    }
    double value = mantissa / POWERS_OF_TEN[fractionDigits];
    return bytes[tokenStart] == '-' ? -value : value;
  }

  private IOException refuse() {
    refused = true;
    return new Unsupported();
  }

  /**
   * The document, or the way it is read, is beyond what this reader handles: read it with Gson's
   * reader. Without a stack trace: it only redirects the caller.
   */
  static final class Unsupported extends IOException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super("left to Gson's JsonReader");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /**
   * What Gson's own reading code would read from, had it to: only Gson's map adapter gets there
   * (through {@code JsonReaderInternalAccess.promoteNameToValue}, which works on the private state
   * of {@code JsonReader}), and the document is then left to Gson.
   */
  private static final class ParentInput extends Reader {
    ByteJsonReader owner;

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      throw owner.refuse();
    }

    @Override
    public void close() {
    }
  }

  /** @return how many member values the reader holds (for tests: none stays with the thread once closed) */
  int heldValues() {
    int held = 0;
    for (Object[] values : valuesByDepth) {
      for (int i = 0; values != null && i < values.length; i++) {
        held += values[i] != null ? 1 : 0;
      }
    }
    return held;
  }

  /** @return the document being read, or null once closed (for tests: nothing big stays with the thread) */
  byte[] document() {
    return in;
  }

  /** @return the capacity of the decoding buffer kept (for tests) */
  int scratchCapacity() {
    return scratch == null ? 0 : scratch.length;
  }
}
