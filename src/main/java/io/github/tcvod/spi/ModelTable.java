package io.github.tcvod.spi;

import com.google.gson.stream.JsonReader;
import io.github.tcvod.internal.json.ModelShape;
import io.github.tcvod.spi.JsonAdapters.ValueReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a model's JSON members are and how they are bound, as data: the templates generate one
 * table per model, and {@link JsonAdapters#readModel} reads every model with the same loop. A
 * loop per model, as a {@code switch} on member names, compiles (with the models nested in it
 * inlined) to tens of kilobytes of machine code per model, which a call's other work pushes out
 * of the CPU's caches between two answers; one loop driven by tables stays small, and matches
 * member names against bytes without a String per name.
 *
 * <p>Immutable once built; the tables of nested models are looked up when first needed, so that
 * models may refer to each other in any order.
 *
 * @param <M> the model
 */
public final class ModelTable<M> {
  /**
   * Makes the model of its members' values.
   *
   * @param <M> the model
   */
  @FunctionalInterface
  public interface Factory<M> {
    /**
     * @param values each member's value, of the member's type, at the member's position in the
     *     table counted from 1 ({@code values[0]} is not used); null where the member was absent or
     *     null. Only valid during the call: the reader wipes and reuses the array
     * @return the model
     */
    M build(Object[] values);
  }

  /** One member: its JSON name and its kind (see {@link ModelShape}). Made by the factories of {@link ModelTable}. */
  public static final class Member {
    final String name;
    final int kind;
    /** The reader of a member of kind {@link ModelShape#OTHER}; the others' are the readers' own. */
    final ValueReader<?> reader;
    final Supplier<ModelTable<?>> nested;

    private Member(String name, int kind, ValueReader<?> reader, Supplier<ModelTable<?>> nested) {
      this.name = name;
      this.kind = kind;
      this.reader = reader;
      this.nested = nested;
    }
  }

  private final Factory<M> factory;
  private final Member[] members;
  private final ModelTable<?>[] nested;
  /** Member names as ASCII bytes, and an open-addressing index of them by {@link String#hashCode()}. */
  private final byte[][] nameBytes;
  private final int[] slots;
  private final int[] slotHashes;
  private final Map<String, Integer> byName = new HashMap<>();
  /** At {@code previous + 1}: the member expected after {@code previous}, or -1 (see {@link ModelShape#expectedAfter}). */
  private final int[] successors;
  /** The table as {@link JsonAdapters#readModel} and the SDK's byte reader read it. */
  final ModelShape shape = new ModelShape() {
    @Override
    public int indexOf(byte[] bytes, int start, int end, int hash) {
      return ModelTable.this.indexOf(bytes, start, end, hash);
    }

    @Override
    public int indexOf(String name) {
      return ModelTable.this.indexOf(name);
    }

    @Override
    public int expectedAfter(int previous) {
      return successors[previous + 1];
    }

    @Override
    public int nameEnd(int member, byte[] bytes, int start, int end) {
      byte[] name = nameBytes[member];
      int close = start + name.length;
      return close < end && bytes[close] == '"' && sameBytes(name, bytes, start) ? close : -1;
    }

    @Override
    public void followed(int previous, int member) {
      // Only ASCII names are matched as bytes. One holding a quote, backslash or control character is
      // never learned: JSON escapes those, and the byte reader refuses escaped names.
      // Benign race: two threads may each write a member that followed; either is checked before use.
      if (successors[previous + 1] == -1 && nameBytes[member] != null) {
        successors[previous + 1] = member;
      }
    }

    @Override
    public String name(int member) {
      return members[member].name;
    }

    @Override
    public int kind(int member) {
      return members[member].kind;
    }

    @Override
    public ModelShape nested(int member) {
      return ModelTable.this.nested(member).shape;
    }

    @Override
    public Object read(int member, JsonReader in) throws IOException {
      return members[member].reader.read(in);
    }

    @Override
    public int size() {
      return members.length;
    }

    @Override
    public Object build(Object[] values) {
      return factory.build(values);
    }
  };

  private ModelTable(Factory<M> factory, Member[] members) {
    this.factory = factory;
    this.members = members.clone();
    this.nested = new ModelTable<?>[members.length];
    this.nameBytes = new byte[members.length][];
    int size = Integer.highestOneBit(Math.max(4, members.length * 4) - 1) << 1;
    this.slots = new int[size];
    this.slotHashes = new int[size];
    this.successors = new int[members.length + 1];
    Arrays.fill(successors, -1);
    for (int i = 0; i < members.length; i++) {
      Member member = members[i];
      if (byName.put(member.name, i) != null) {
        throw new IllegalArgumentException("member " + member.name + " twice");
      }
      byte[] bytes = member.name.getBytes(StandardCharsets.UTF_8);
      nameBytes[i] = bytes.length == member.name.length() ? bytes : null;
      if (nameBytes[i] != null) {
        int slot = member.name.hashCode() & (size - 1);
        while (slots[slot] != 0) {
          slot = (slot + 1) & (size - 1);
        }
        slots[slot] = i + 1;
        slotHashes[slot] = member.name.hashCode();
      }
    }
  }

  /**
   * @param factory makes the model of its members' values
   * @param members the model's members, each once, in the order {@code factory} finds their values
   * @param <M> the model
   * @return the table
   * @throws IllegalArgumentException when a name repeats
   */
  public static <M> ModelTable<M> of(Factory<M> factory, Member... members) {
    return new ModelTable<>(factory, members);
  }

  /**
   * @param name the JSON name
   * @param type {@code String}, {@code Long}, {@code Double}, {@code Integer}, {@code Boolean} or {@code Object}
   *     (free-form), read as {@code JsonAdapters.read...} reads it
   * @return the member
   * @throws IllegalArgumentException for any other type
   */
  public static Member scalar(String name, Class<?> type) {
    if (type == String.class) {
      return new Member(name, ModelShape.STRING, null, null);
    } else if (type == Long.class) {
      return new Member(name, ModelShape.LONG, null, null);
    } else if (type == Double.class) {
      return new Member(name, ModelShape.DOUBLE, null, null);
    } else if (type == Integer.class) {
      return new Member(name, ModelShape.INTEGER, null, null);
    } else if (type == Boolean.class) {
      return new Member(name, ModelShape.BOOLEAN, null, null);
    } else if (type == Object.class) {
      return new Member(name, ModelShape.OTHER, JsonAdapters::readObject, null);
    }
    throw new IllegalArgumentException(name + ": no scalar of type " + type.getName());
  }

  /**
   * @param name the JSON name
   * @param table the nested model's table, looked up when first needed
   * @return the member
   */
  public static Member model(String name, Supplier<ModelTable<?>> table) {
    return new Member(name, ModelShape.MODEL, null, table);
  }

  /**
   * @param name the JSON name
   * @param table the table of the list's model, looked up when first needed
   * @return the member: a list as {@link JsonAdapters#readList} reads it
   */
  public static Member modelList(String name, Supplier<ModelTable<?>> table) {
    return new Member(name, ModelShape.MODEL_LIST, null, table);
  }

  /**
   * @param name the JSON name
   * @param reader reads the value (maps, lists of anything but models, lists of lists)
   * @return the member
   */
  public static Member other(String name, ValueReader<?> reader) {
    return new Member(name, ModelShape.OTHER, reader, null);
  }

  /**
   * @param values the values a {@link Factory} is given
   * @param position a member's position, counted from 1
   * @param <T> the member's type, as the table declared it
   * @return the member's value, or null
   */
  @SuppressWarnings("unchecked")
  public static <T> T member(Object[] values, int position) {
    return (T) values[position];
  }

  /** @return the table of a member of kind {@link ModelShape#MODEL} or {@link ModelShape#MODEL_LIST} */
  private ModelTable<?> nested(int member) {
    ModelTable<?> table = nested[member];
    if (table == null) {
      // Benign race: every thread finds the same table.
      table = members[member].nested.get();
      nested[member] = table;
    }
    return table;
  }

  /** @return the member's position, or -1 for a name the model does not know */
  private int indexOf(String name) {
    Integer index = byName.get(name);
    return index == null ? -1 : index;
  }

  /**
   * @param bytes holds the name, ASCII
   * @param start its first byte
   * @param end the byte after it
   * @param hash its {@link String#hashCode()}
   * @return the member's position, or -1 for a name the model does not know
   */
  private int indexOf(byte[] bytes, int start, int end, int hash) {
    int mask = slots.length - 1;
    int length = end - start;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      if (slotHashes[slot] == hash) {
        byte[] name = nameBytes[entry - 1];
        if (name.length == length && sameBytes(name, bytes, start)) {
          return entry - 1;
        }
      }
    }
  }

  private static boolean sameBytes(byte[] name, byte[] bytes, int start) {
    for (int i = 0; i < name.length; i++) {
      if (name[i] != bytes[start + i]) {
        return false;
      }
    }
    return true;
  }
}
