package io.github.tcvod.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.internal.Json;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape zoo ({@code src/test/resources/golden/zoo.yaml}): every shape an API 3.0 model can
 * take, generated with the POM's settings, compared with its golden files, compiled for Java 8
 * with lint as errors, run through javadoc with doclint, and every model is built, validated,
 * serialized and parsed back.
 */
class ShapeZooTest {
  static final Path SPEC = Paths.get("src/test/resources/golden/zoo.yaml");
  static final Path EXPECTED = Paths.get("src/test/resources/golden/zoo-expected");
  static final Path ACTUAL = Paths.get("target/zoo-actual");
  static final Path CLASSES = Paths.get("target/zoo-classes");
  static final String API_PACKAGE = "com.example.zoo";
  static final String MODEL_PACKAGE = "com.example.zoo.model";

  private static Map<String, String> generated;
  private static URLClassLoader loader;

  @BeforeAll
  static void generateAndCompile() throws Exception {
    generated = PomCodegen.generate(PomCodegen.primary(), SPEC, ACTUAL, API_PACKAGE, MODEL_PACKAGE);
    JavaTools.compile(ACTUAL, CLASSES);
    loader = new URLClassLoader(new URL[] {CLASSES.toUri().toURL()}, ShapeZooTest.class.getClassLoader());
  }

  @AfterAll
  static void close() throws Exception {
    loader.close();
  }

  @Test
  void matchesItsGoldenFiles() throws Exception {
    GoldenFiles.updateIfAsked(EXPECTED, generated);
    GoldenFiles.assertSame("golden files of " + SPEC, PomCodegen.readJava(EXPECTED), generated, TemplateGoldenTest.UPDATE);
  }

  @Test
  void everyModelBuildsSerializesAndParsesBackEqual() throws Exception {
    List<Class<?>> models = ZooModels.models(loader, generated.keySet(), MODEL_PACKAGE);
    assertTrue(models.size() >= 25, "models: " + models);
    for (Class<?> model : models) {
      Object value = ZooModels.sample(model, 0);
      String json = Json.GSON.toJson(value);
      Object parsed = Json.GSON.fromJson(json, model);
      assertEquals(value, parsed, model.getSimpleName() + " from " + json);
      assertEquals(json, Json.GSON.toJson(parsed), model.getSimpleName());
      assertEquals(value.hashCode(), parsed.hashCode(), model.getSimpleName());
    }
  }

  @Test
  void everyModelValidatesOnBuildNamingTheField() throws Exception {
    for (Class<?> model : ZooModels.models(loader, generated.keySet(), MODEL_PACKAGE)) {
      Object builder = model.getMethod("builder").invoke(null);
      try {
        builder.getClass().getMethod("build").invoke(builder);
      } catch (InvocationTargetException e) {
        assertEquals(IllegalArgumentException.class, e.getCause().getClass(), model.getSimpleName());
        assertTrue(e.getCause().getMessage().startsWith(model.getSimpleName() + "."), e.getCause().getMessage());
      }
    }
    Class<?> scalars = loader.loadClass(MODEL_PACKAGE + ".Scalars");
    Object builder = scalars.getMethod("builder").invoke(null);
    scalars.getMethod("builder").getReturnType().getMethod("text", String.class).invoke(builder, "ok");
    builder.getClass().getMethod("int32", Integer.class).invoke(builder, 6);
    InvocationTargetException tooBig = assertThrows(InvocationTargetException.class,
        () -> builder.getClass().getMethod("build").invoke(builder));
    assertEquals("Scalars.Int32 must be at most 5, was 6", tooBig.getCause().getMessage());
  }

  @Test
  void floatsKeepEveryDigitTheServiceSent() throws Exception {
    Class<?> scalars = loader.loadClass(MODEL_PACKAGE + ".Scalars");
    String json = "{\"Text\":\"t\",\"Ratio\":59.990001678467}";
    Object parsed = Json.GSON.fromJson(json, scalars);
    assertEquals(59.990001678467, scalars.getMethod("ratio").invoke(parsed));
    assertEquals(json, Json.GSON.toJson(parsed));
  }

  @Test
  void enumListsKeepValuesThisVersionDoesNotKnow() throws Exception {
    Class<?> containers = loader.loadClass(MODEL_PACKAGE + ".Containers");
    String json = "{\"Modes\":[\"ON\",\"NEW\"]}";
    Object parsed = Json.GSON.fromJson(json, containers);
    assertEquals("[ON, UNKNOWN_TO_SDK_VERSION]", String.valueOf(containers.getMethod("modes").invoke(parsed)));
    assertEquals(Arrays.asList("ON", "NEW"), containers.getMethod("modesAsStrings").invoke(parsed));
    assertEquals(json, Json.GSON.toJson(parsed));
  }

  @Test
  void acronymAndDigitNamesReadAsAJavaUserExpects() throws Exception {
    for (String accessor : new String[] {"aiAnalysisTemplateSet", "hasAiAnalysisTemplateSet"}) {
      loader.loadClass(MODEL_PACKAGE + ".DescribeAIAnalysisTemplatesResponse").getMethod(accessor);
    }
    for (String accessor : new String[] {"llmComprehendTemplateSet", "hasLlmComprehendTemplateSet"}) {
      loader.loadClass(MODEL_PACKAGE + ".DescribeLLMComprehendTemplatesResponse").getMethod(accessor);
    }
    for (String accessor : new String[] {"url", "url2", "md5", "h265Config"}) {
      loader.loadClass(MODEL_PACKAGE + ".AIAnalysisTemplateItem").getMethod(accessor);
    }
    for (String accessor : new String[] {"switchValue", "defaultValue", "packageValue", "classValue", "objectValue", "string", "type"}) {
      loader.loadClass(MODEL_PACKAGE + ".Keywords").getMethod(accessor);
    }
    loader.loadClass(MODEL_PACKAGE + ".H265Config").getMethod("tehdConfig");
  }

  @Test
  void javadocPassesDoclint() throws Exception {
    JavaTools.javadoc(ACTUAL, Paths.get("target/zoo-javadoc"));
  }
}
