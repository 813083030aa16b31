package io.github.tcvod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.exception.VodException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the SDK publishes is what users are meant to use: no public or protected signature of a
 * public type outside the {@code internal} packages mentions an internal type, exceptions have no
 * mutator, everything public in {@code internal} is marked {@link InternalApi}, generated code
 * reaches the core only through the SPI, and every package says what it is.
 */
class PublicApiSurfaceTest {
  private static final String INTERNAL = "io.github.tcvod.internal";
  private static final List<Path> SOURCE_ROOTS = Arrays.asList(Paths.get("src/main/java"), Paths.get("generated/java"));

  @Test
  void noPublicSignatureMentionsAnInternalType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : publicApiTypes()) {
      for (String leak : internalMentions(type)) {
        leaks.add(type.getName() + ": " + leak);
      }
    }
    assertEquals(new ArrayList<String>(), leaks);
  }

  @Test
  void exceptionsHaveNoMutatorAndApiTypesNoWritableField() throws Exception {
    List<String> found = new ArrayList<>();
    for (Class<?> type : publicApiTypes()) {
      found.addAll(mutators(type));
    }
    assertEquals(new ArrayList<String>(), found);
  }

  private static List<String> mutators(Class<?> type) {
    List<String> found = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (visible(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
        found.add(type.getName() + "." + field.getName() + " is a writable field");
      }
    }
    if (Throwable.class.isAssignableFrom(type)) {
      for (Method method : type.getDeclaredMethods()) {
        // Throwable's own mutators (initCause, addSuppressed, ...) are declared by Throwable, not here.
        if (visible(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()
            && method.getReturnType() == void.class) {
          found.add(type.getName() + "." + method.getName() + " mutates an exception");
        }
      }
    }
    return found;
  }

  @Test
  void theCheckSeesTheMembersItIsAbout() throws Exception {
    // Guards the two tests above against passing vacuously: the scan must reach these members.
    Set<String> names = publicApiTypes().stream().map(Class::getName).collect(Collectors.toSet());
    assertTrue(names.containsAll(Arrays.asList("io.github.tcvod.ClientBuilder", "io.github.tcvod.VodClient",
        "io.github.tcvod.VodClient$Builder", "io.github.tcvod.exception.VodException", "io.github.tcvod.spi.ClientRuntime")), names.toString());
    assertTrue(!names.contains("io.github.tcvod.VodClientImpl"), "the generated implementation is package-private");
    assertTrue(Arrays.stream(ClientBuilder.class.getDeclaredMethods()).anyMatch(m -> Modifier.isProtected(m.getModifiers())),
        "ClientBuilder's protected hook is part of the scan");
    assertEquals(2, internalMentions(Leaky.class).size(), "a leaking signature is found: " + internalMentions(Leaky.class));
    assertEquals(2, mutators(MutableException.class).size(), mutators(MutableException.class).toString());
  }

  /** An exception with a public setter and a public writable field. */
  static class MutableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public transient int count;

    public void recordCount(int count) {
      this.count = count;
    }
  }

  /** A type that mentions an internal type in a return type and inside a type argument. */
  abstract static class Leaky {
    public abstract io.github.tcvod.internal.Json json();

    protected abstract List<? extends io.github.tcvod.internal.SdkInfo> infos();
  }

  @Test
  void everyPublicInternalTypeIsMarked() throws Exception {
    List<String> unmarked = new ArrayList<>();
    int internalTypes = 0;
    for (Class<?> type : mainTypes()) {
      if (type.getName().startsWith(INTERNAL + ".") && Modifier.isPublic(type.getModifiers())) {
        internalTypes++;
        Class<?> outermost = type;
        while (outermost.getEnclosingClass() != null) {
          outermost = outermost.getEnclosingClass();
        }
        if (!outermost.isAnnotationPresent(InternalApi.class)) {
          unmarked.add(type.getName());
        }
      }
    }
    assertTrue(internalTypes > 5, "found " + internalTypes + " internal types");
    assertEquals(new ArrayList<String>(), unmarked);
  }

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    Set<String> packages = new TreeSet<>();
    Set<String> described = new HashSet<>();
    for (Path root : SOURCE_ROOTS) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
          String name = root.relativize(file.getParent()).toString().replace('/', '.');
          packages.add(name);
          if (file.getFileName().toString().equals("package-info.java")) {
            described.add(name);
          }
        }
      }
    }
    packages.removeAll(described);
    assertEquals(new TreeSet<String>(), packages, "packages without a package-info.java");
  }

  @Test
  void generatedCodeImportsNoInternalType() throws IOException {
    List<Path> sources = new ArrayList<>();
    for (Path root : Arrays.asList(Paths.get("generated/java"), Paths.get("src/test/resources/golden/expected"))) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
      }
    }
    assertTrue(sources.size() > 10, sources.toString());
    List<String> offenders = new ArrayList<>();
    for (Path source : sources) {
      if (new String(Files.readAllBytes(source), StandardCharsets.UTF_8).contains(INTERNAL)) {
        offenders.add(source.toString());
      }
    }
    assertEquals(new ArrayList<String>(), offenders, "generated code must use io.github.tcvod.spi, not internal");
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** Public types (nested ones reachable from outside) of the main classes outside internal packages. */
  private static List<Class<?>> publicApiTypes() throws Exception {
    List<Class<?>> api = new ArrayList<>();
    for (Class<?> type : mainTypes()) {
      if (type.getName().startsWith(INTERNAL + ".") || type.isSynthetic() || type.isAnonymousClass()) {
        continue;
      }
      boolean reachable = true;
      for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
        int modifiers = c.getModifiers();
        reachable &= Modifier.isPublic(modifiers) || (Modifier.isProtected(modifiers) && c.getEnclosingClass() != null);
      }
      if (reachable) {
        api.add(type);
      }
    }
    return api;
  }

  /** Every class compiled from src/main/java and generated/java. */
  private static List<Class<?>> mainTypes() throws Exception {
    Path classes = Paths.get(VodException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList())) {
        String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (!name.endsWith("package-info") && !name.equals("module-info")) {
          types.add(Class.forName(name, false, PublicApiSurfaceTest.class.getClassLoader()));
        }
      }
    }
    return types;
  }

  private static List<String> internalMentions(Class<?> type) {
    List<String> leaks = new ArrayList<>();
    check(leaks, "superclass", type.getGenericSuperclass());
    for (Type implemented : type.getGenericInterfaces()) {
      check(leaks, "implements", implemented);
    }
    for (Field field : type.getDeclaredFields()) {
      if (visible(field.getModifiers())) {
        check(leaks, "field " + field.getName(), field.getGenericType());
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (visible(constructor.getModifiers())) {
        for (Type parameter : constructor.getGenericParameterTypes()) {
          check(leaks, "constructor parameter", parameter);
        }
        for (Type thrown : constructor.getGenericExceptionTypes()) {
          check(leaks, "constructor throws", thrown);
        }
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (visible(method.getModifiers()) && !method.isSynthetic()) {
        check(leaks, method.getName() + " returns", method.getGenericReturnType());
        for (Type parameter : method.getGenericParameterTypes()) {
          check(leaks, method.getName() + " parameter", parameter);
        }
        for (Type thrown : method.getGenericExceptionTypes()) {
          check(leaks, method.getName() + " throws", thrown);
        }
      }
    }
    return leaks;
  }

  private static void check(List<String> leaks, String where, Type type) {
    for (Class<?> mentioned : mentioned(type, new HashSet<>())) {
      if (mentioned.getName().startsWith(INTERNAL + ".")) {
        leaks.add(where + " " + mentioned.getName());
      }
    }
  }

  private static Set<Class<?>> mentioned(Type type, Set<Type> seen) {
    Set<Class<?>> classes = new HashSet<>();
    if (type == null || !seen.add(type)) {
      return classes;
    }
    if (type instanceof Class) {
      Class<?> c = (Class<?>) type;
      classes.add(c.isArray() ? c.getComponentType() : c);
    } else if (type instanceof ParameterizedType) {
      classes.addAll(mentioned(((ParameterizedType) type).getRawType(), seen));
      for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
        classes.addAll(mentioned(argument, seen));
      }
    } else if (type instanceof WildcardType) {
      for (Type bound : ((WildcardType) type).getUpperBounds()) {
        classes.addAll(mentioned(bound, seen));
      }
      for (Type bound : ((WildcardType) type).getLowerBounds()) {
        classes.addAll(mentioned(bound, seen));
      }
    } else if (type instanceof TypeVariable) {
      for (Type bound : ((TypeVariable<?>) type).getBounds()) {
        classes.addAll(mentioned(bound, seen));
      }
    } else if (type instanceof GenericArrayType) {
      classes.addAll(mentioned(((GenericArrayType) type).getGenericComponentType(), seen));
    }
    return classes;
  }
}
