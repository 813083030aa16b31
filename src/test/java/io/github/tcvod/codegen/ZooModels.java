package io.github.tcvod.codegen;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills every setter of a generated builder with a sample value of its type, through reflection,
 * so that one test can build, serialize and parse every model of a spec without knowing it.
 */
final class ZooModels {
  /** Has more significant digits than a float keeps: the SDK must send back exactly this. */
  static final double PRECISE = 0.990001678467;
  private static final int MAX_DEPTH = 2;

  private ZooModels() {
  }

  static boolean isModel(Class<?> type) {
    try {
      Method builder = type.getMethod("builder");
      return Modifier.isStatic(builder.getModifiers()) && Modifier.isPublic(type.getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** @return an instance with every field set (nested models to a small depth) */
  static Object sample(Class<?> model, int depth) throws Exception {
    Object builder = model.getMethod("builder").invoke(null);
    for (Method setter : builder.getClass().getMethods()) {
      if (setter.getDeclaringClass() != builder.getClass() || setter.getParameterCount() != 1 || setter.isVarArgs()
          || setter.getName().endsWith("AsStrings") || setter.getName().equals("build")) {
        continue;
      }
      Class<?> parameter = setter.getParameterTypes()[0];
      if (parameter == String.class && hasTypedOverload(builder.getClass(), setter)) {
        continue;
      }
      Object value = value(setter.getGenericParameterTypes()[0], depth);
      if (value != null) {
        setter.invoke(builder, value);
      }
    }
    return builder.getClass().getMethod("build").invoke(builder);
  }

  private static boolean hasTypedOverload(Class<?> builder, Method stringSetter) {
    for (Method other : builder.getMethods()) {
      if (other.getName().equals(stringSetter.getName()) && other.getParameterCount() == 1
          && other.getParameterTypes()[0].isEnum()) {
        return true;
      }
    }
    return false;
  }

  private static Object value(Type type, int depth) throws Exception {
    if (type instanceof ParameterizedType) {
      ParameterizedType generic = (ParameterizedType) type;
      Class<?> raw = (Class<?>) generic.getRawType();
      if (Collection.class.isAssignableFrom(raw)) {
        Object item = value(generic.getActualTypeArguments()[0], depth);
        return item == null ? Collections.emptyList() : new ArrayList<>(Collections.singletonList(item));
      }
      if (Map.class.isAssignableFrom(raw)) {
        Object item = value(generic.getActualTypeArguments()[1], depth);
        Map<String, Object> map = new LinkedHashMap<>();
        if (item != null) {
          map.put("key", item);
        }
        return map;
      }
      throw new AssertionError("no sample for " + type);
    }
    Class<?> raw = (Class<?>) type;
    if (raw == String.class) {
      return "abc";
    } else if (raw == Long.class) {
      return 3L;
    } else if (raw == Integer.class) {
      return 2;
    } else if (raw == Double.class) {
      return PRECISE;
    } else if (raw == Boolean.class) {
      return Boolean.TRUE;
    } else if (raw == Object.class) {
      return new LinkedHashMap<String, Object>();
    } else if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    } else if (isModel(raw)) {
      return depth >= MAX_DEPTH ? null : sample(raw, depth + 1);
    }
    throw new AssertionError("no sample for " + type);
  }

  static List<Class<?>> models(ClassLoader loader, Collection<String> generatedFiles, String modelPackage) throws Exception {
    List<Class<?>> models = new ArrayList<>();
    String prefix = "java/" + modelPackage.replace('.', '/') + "/";
    for (String file : generatedFiles) {
      if (file.startsWith(prefix)) {
        Class<?> type = Class.forName(modelPackage + "." + file.substring(prefix.length(), file.length() - ".java".length()),
            true, loader);
        if (isModel(type)) {
          models.add(type);
        }
      }
    }
    return models;
  }
}
