package io.github.tcvod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What goes into the main jar: Java 8 bytecode only, and no test support. */
class PackagingTest {
  private static final Path CLASSES = Paths.get("target", "classes");

  @Test
  void everyMainClassIsJava8Bytecode() throws IOException {
    Map<String, Integer> notJava8 = new TreeMap<>();
    List<Path> classes;
    try (Stream<Path> files = Files.walk(CLASSES)) {
      classes = files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
    }
    assertTrue(classes.size() > 50, "found the compiled classes: " + classes.size());
    for (Path file : classes) {
      try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
        assertEquals(0xCAFEBABE, data.readInt(), file + " is a class file");
        data.readUnsignedShort();
        int major = data.readUnsignedShort();
        if (major != 52) {
          notJava8.put(CLASSES.relativize(file).toString(), major);
        }
      }
    }
    assertEquals(Map.of(), notJava8, "class files whose major version is not 52 (Java 8)");
  }

  @Test
  void mainOutputHoldsNoTestSupport() throws IOException {
    try (Stream<Path> files = Files.walk(CLASSES)) {
      assertFalse(files.anyMatch(p -> p.toString().contains("emulator") || p.toString().contains("wiremock")));
    }
  }
}
