package io.github.tcvod.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.internal.Json;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

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

  /**
   * The SDK's byte reader binds every model of every shape from its own loop over the bytes
   * ({@code ByteJsonReader.readModel}); Gson's reader goes through the table member by member.
   * Whatever the byte reader does not refuse must bind to exactly what Gson's reader binds: samples
   * of every model with members dropped, nulled, given a value of another JSON type, and unknown
   * members of any shape.
   */
  @Test
  void everyModelReadsTheSameFromTheByteReaderAsFromGsons() throws Exception {
    List<Class<?>> models = ZooModels.models(loader, generated.keySet(), MODEL_PACKAGE);
    java.util.Random random = new java.util.Random(2026);
    com.google.gson.Gson writer = new com.google.gson.GsonBuilder().serializeNulls().create();
    int bound = 0;
    int documents = 0;
    for (Class<?> model : models) {
      com.google.gson.JsonElement sample = Json.GSON.toJsonTree(ZooModels.sample(model, 0));
      for (int i = 0; i < 60; i++) {
        // Both read the same bytes (a lone surrogate of a sample string does not survive UTF-8).
        byte[] bytes = writer.toJson(i == 0 ? sample : varied(sample, random)).getBytes(StandardCharsets.UTF_8);
        String json = new String(bytes, StandardCharsets.UTF_8);
        documents++;
        Object viaGson;
        try {
          viaGson = Json.GSON.fromJson(json, model);
        } catch (RuntimeException e) {
          viaGson = e.getClass().getName();
        }
        io.github.tcvod.internal.json.ByteJsonReader reader =
            io.github.tcvod.internal.json.ByteJsonReader.open(bytes, 0, bytes.length);
        try {
          Object viaBytes = Json.GSON.getAdapter(model).read(reader);
          if (!reader.refused()) {
            assertEquals(viaGson, viaBytes, model.getSimpleName() + " from " + json);
            bound++;
          }
        } catch (IOException | RuntimeException e) {
          assertTrue(reader.refused(), model.getSimpleName() + " from " + json + ": " + e);
        } finally {
          reader.close();
        }
      }
    }
    assertTrue(bound > documents / 2, "bound by the byte reader: " + bound + " of " + documents);
  }

  private static com.google.gson.JsonElement varied(com.google.gson.JsonElement element, java.util.Random random) {
    if (element.isJsonObject()) {
      com.google.gson.JsonObject copy = new com.google.gson.JsonObject();
      for (Map.Entry<String, com.google.gson.JsonElement> member : element.getAsJsonObject().entrySet()) {
        int dice = random.nextInt(12);
        if (dice == 0) {
          continue;
        }
        copy.add(member.getKey(), dice == 1 ? com.google.gson.JsonNull.INSTANCE
            : dice == 2 ? com.google.gson.JsonParser.parseString(io.github.tcvod.internal.json.JsonDocuments.value(random, 2, true))
            : varied(member.getValue(), random));
      }
      if (random.nextInt(3) == 0) {
        copy.add("Unknown" + random.nextInt(3),
            com.google.gson.JsonParser.parseString(io.github.tcvod.internal.json.JsonDocuments.value(random, 3, true)));
      }
      return copy;
    }
    if (element.isJsonArray()) {
      com.google.gson.JsonArray copy = new com.google.gson.JsonArray();
      for (com.google.gson.JsonElement item : element.getAsJsonArray()) {
        if (random.nextInt(6) == 0) {
          copy.add(com.google.gson.JsonNull.INSTANCE);
        }
        copy.add(varied(item, random));
      }
      return copy;
    }
    return element;
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
    // Exclusive limits exclude the limit itself.
    for (String[] bad : new String[][] {{"{\"Text\":\"t\",\"Positive\":0}", "Scalars.Positive must be at least 1, was 0"},
        {"{\"Text\":\"t\",\"Positive\":100}", "Scalars.Positive must be at most 99, was 100"},
        {"{\"Text\":\"t\",\"Share\":0}", "Scalars.Share must be above 0.0, was 0.0"},
        {"{\"Text\":\"t\",\"Share\":1}", "Scalars.Share must be below 1.0, was 1.0"}}) {
      Object copy = scalars.getMethod("toBuilder").invoke(Json.GSON.fromJson(bad[0], scalars));
      InvocationTargetException refused = assertThrows(InvocationTargetException.class,
          () -> copy.getClass().getMethod("build").invoke(copy), bad[0]);
      assertEquals(bad[1], refused.getCause().getMessage());
    }
    Object inside = scalars.getMethod("toBuilder").invoke(Json.GSON.fromJson("{\"Text\":\"t\",\"Positive\":99,\"Share\":0.999}", scalars));
    inside.getClass().getMethod("build").invoke(inside);
    // The limits of a list's or map's items.
    Class<?> containers = loader.loadClass(MODEL_PACKAGE + ".Containers");
    for (String[] bad : new String[][] {{"{\"Ports\":[80,0]}", "Containers.Ports[] must be at least 1, was 0"},
        {"{\"Ports\":[65536]}", "Containers.Ports[] must be at most 65535, was 65536"},
        {"{\"Tags\":[\"ok\",\"\"]}", "Containers.Tags[]"}, {"{\"Tags\":[\"123456789\"]}", "Containers.Tags[]"},
        {"{\"Weights\":{\"a\":0.5,\"b\":1.5}}", "Containers.Weights[] must be at most 1"}}) {
      Object parsed = Json.GSON.fromJson(bad[0], containers);
      Object copy = containers.getMethod("toBuilder").invoke(parsed);
      InvocationTargetException refused = assertThrows(InvocationTargetException.class,
          () -> copy.getClass().getMethod("build").invoke(copy), bad[0]);
      assertTrue(refused.getCause().getMessage().startsWith(bad[1]), refused.getCause().getMessage());
    }
    Object fine = Json.GSON.fromJson("{\"Ports\":[1,65535,null],\"Tags\":[\"a\"],\"Weights\":{\"a\":0}}", containers);
    Object copy = containers.getMethod("toBuilder").invoke(fine);
    copy.getClass().getMethod("build").invoke(copy);
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

  /**
   * An enum schema of its own, referenced from several places, is an enum of each member that
   * refers to it (typed, keeping unknown values); enums of numbers and booleans are numbers and
   * booleans on the wire, as their schema says.
   */
  @Test
  void sharedAndNonStringEnumsKeepTheirWireTypes() throws Exception {
    Class<?> enums = loader.loadClass(MODEL_PACKAGE + ".Enums");
    String json = "{\"Switch\":\"ON\",\"Switches\":[\"OFF\",\"NEW\"],\"SwitchByName\":{\"a\":\"ON\"},\"Level\":20,"
        + "\"Priority\":-1,\"Levels\":[1,3],\"Scale\":0.5,\"Forced\":true}";
    Object parsed = Json.GSON.fromJson(json, enums);
    assertEquals("ON", String.valueOf(enums.getMethod("switchValue").invoke(parsed)));
    assertTrue(enums.getMethod("switchValue").getReturnType().isEnum());
    assertEquals("[OFF, UNKNOWN_TO_SDK_VERSION]", String.valueOf(enums.getMethod("switches").invoke(parsed)));
    assertEquals(20L, enums.getMethod("level").invoke(parsed));
    assertEquals(-1, enums.getMethod("priority").invoke(parsed));
    assertEquals(Arrays.asList(1L, 3L), enums.getMethod("levels").invoke(parsed));
    assertEquals(0.5, enums.getMethod("scale").invoke(parsed));
    assertEquals(Boolean.TRUE, enums.getMethod("forced").invoke(parsed));
    assertEquals(json, Json.GSON.toJson(parsed));
    assertTrue(generated.keySet().stream().noneMatch(file -> file.endsWith("/OnOff.java") || file.endsWith("/Level.java")),
        "no class for an enum schema: " + generated.keySet());
  }

  /** Numbers of no format, string formats and values of any type keep the JSON the service sends. */
  @Test
  void formatsAndValuesOfAnyTypeKeepTheirJson() throws Exception {
    Class<?> containers = loader.loadClass(MODEL_PACKAGE + ".Containers");
    String json = "{\"Number\":59.990001678467,\"Timestamp\":\"2026-01-20T03:02:33Z\",\"Day\":\"2026-01-20\","
        + "\"Id\":\"0f0e0d0c-0b0a-0908-0706-050403020100\",\"Link\":\"https://a/b?c=d\",\"Bytes\":\"AAEC\","
        + "\"Anything\":{\"a\":[1.5,\"x\",true]},\"AnyList\":[1.5,\"x\",null,{}],\"AnyMap\":{\"k\":[false]}}";
    Object parsed = Json.GSON.fromJson(json, containers);
    assertEquals(59.990001678467, containers.getMethod("number").invoke(parsed));
    assertEquals("2026-01-20T03:02:33Z", containers.getMethod("timestamp").invoke(parsed));
    assertEquals(json.replace(",null", ""), Json.GSON.toJson(parsed).replace(",null", ""));
    Object builder = containers.getMethod("builder").invoke(null);
    builder.getClass().getMethod("number", Double.class).invoke(builder, 0.25);
    InvocationTargetException tooSmall = assertThrows(InvocationTargetException.class,
        () -> builder.getClass().getMethod("build").invoke(builder));
    assertEquals("Containers.Number must be at least 0.5, was 0.25", tooSmall.getCause().getMessage());
  }

  /**
   * Members named like methods of every model get the keywords' Value suffix, a digit-led one a
   * {@code _} prefix; members named like a local or parameter of a model's methods still count in
   * {@code equals} and {@code toBuilder}.
   */
  @Test
  void membersNamedLikeMethodsOrLocalsWorkAsAnyOther() throws Exception {
    Class<?> names = loader.loadClass(MODEL_PACKAGE + ".Names");
    for (String accessor : new String[] {"tableValue", "builderValue", "toBuilderValue", "validateValue", "hashCodeValue",
        "toStringValue", "getClassValue", "waitValue", "notifyValue", "equalsValue", "cloneValue", "finalizeValue",
        "other", "that", "_3dConfig", "hdr", "hdrAsString"}) {
      names.getMethod(accessor);
    }
    // Nested enums named like a type the model uses, the model itself or no identifier get a name of their own.
    assertEquals("StringEnum", names.getMethod("string").getReturnType().getSimpleName());
    assertEquals("NamesEnum", names.getMethod("names").getReturnType().getSimpleName());
    assertEquals("TypeEnum", names.getMethod("type").getReturnType().getSimpleName());
    assertEquals("Type", names.getMethod("typeInfo").getReturnType().getSimpleName());
    Object modes = names.getMethod("videoMode").invoke(Json.GSON.fromJson("{\"Video-Mode\":[\"B\"]}", names));
    assertEquals("[B]", String.valueOf(modes));
    String json = "{\"Table\":\"t\",\"Builder\":\"b\",\"Other\":\"o\",\"That\":\"x\",\"3DConfig\":\"c\",\"HDR\":\"HLG\"}";
    Object parsed = Json.GSON.fromJson(json, names);
    assertEquals(json, Json.GSON.toJson(parsed));
    assertEquals("HLG", String.valueOf(names.getMethod("hdr").invoke(parsed)));
    Object copy = names.getMethod("toBuilder").invoke(parsed);
    assertEquals(parsed, copy.getClass().getMethod("build").invoke(copy));
    for (String member : new String[] {"Other", "That", "Builder"}) {
      Object other = Json.GSON.fromJson(json.replace("\"" + member + "\":\"", "\"" + member + "\":\"changed "), names);
      assertTrue(!parsed.equals(other) && !other.equals(parsed), member + " counts in equals");
    }
  }

  /** An action whose spec has no request body and no response content gets an empty request and a RequestId response. */
  @Test
  void anActionWithoutBodiesHasAnEmptyRequestAndARequestIdResponse() throws Exception {
    Class<?> request = loader.loadClass(MODEL_PACKAGE + ".DescribeNothingRequest");
    Class<?> response = loader.loadClass(MODEL_PACKAGE + ".DescribeNothingResponse");
    loader.loadClass(API_PACKAGE + ".ZooClient").getMethod("describeNothing", request);
    loader.loadClass(API_PACKAGE + ".ZooClient").getMethod("describeLittle", loader.loadClass(MODEL_PACKAGE + ".DescribeLittleRequest"));
    Object empty = request.getMethod("builder").invoke(null);
    assertEquals("{}", Json.GSON.toJson(empty.getClass().getMethod("build").invoke(empty)));
    assertEquals("r-1", response.getMethod("requestId").invoke(Json.GSON.fromJson("{\"RequestId\":\"r-1\"}", response)));
  }

  /** A paged action whose Offset, Limit and TotalCount are int32 pages like one of int64. */
  @Test
  void int32PagingMembersPage() throws Exception {
    Class<?> client = loader.loadClass(API_PACKAGE + ".ZooClient");
    Class<?> request = loader.loadClass(MODEL_PACKAGE + ".DescribeSmallPagesRequest");
    Class<?> response = loader.loadClass(MODEL_PACKAGE + ".DescribeSmallPagesResponse");
    List<String> asked = new java.util.ArrayList<>();
    Object stub = java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {client}, (proxy, method, args) -> {
      if (method.getName().equals("describeSmallPages") && args.length == 2) {
        asked.add(Json.GSON.toJson(args[0]));
        int offset = (Integer) request.getMethod("offset").invoke(args[0]);
        String items = offset == 0 ? "[{\"Name\":\"a\"},{\"Name\":\"b\"}]" : "[{\"Name\":\"c\"}]";
        return Json.GSON.fromJson("{\"TotalCount\":3,\"NameSet\":" + items + "}", response);
      }
      return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
    });
    Object builder = request.getMethod("builder").invoke(null);
    builder.getClass().getMethod("limit", Integer.class).invoke(builder, 2);
    Object paginator = client.getMethod("describeSmallPagesPaginator", request)
        .invoke(stub, builder.getClass().getMethod("build").invoke(builder));
    List<Object> names = new java.util.ArrayList<>();
    for (Object item : (Iterable<?>) paginator.getClass().getMethod("items").invoke(paginator)) {
      names.add(item.getClass().getMethod("name").invoke(item));
    }
    assertEquals(Arrays.asList("a", "b", "c"), names);
    assertEquals(Arrays.asList("{\"Offset\":0,\"Limit\":2}", "{\"Offset\":2,\"Limit\":2}"), asked);
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
  void javadocPassesDoclintAndReadsAsTheSpecWrites() throws Exception {
    Path docs = Paths.get("target/zoo-javadoc");
    JavaTools.javadoc(ACTUAL, docs);
    String page = renderedText(new String(Files.readAllBytes(docs.resolve("com/example/zoo/model/Texts.html")), StandardCharsets.UTF_8));
    Map<String, Object> texts = schema("Texts");
    assertTrue(page.contains(asRendered((String) texts.get("description"))), page);
    for (Map.Entry<String, Map<String, Object>> property : properties(texts).entrySet()) {
      String description = (String) property.getValue().get("description");
      assertTrue(page.contains(asRendered(description)), property.getKey() + ": " + asRendered(description) + "\nnot in\n" + page);
    }
  }

  @Test
  void schemaAnnotationsHoldTheSpecTextExactly() throws Exception {
    Class<?> texts = loader.loadClass(MODEL_PACKAGE + ".Texts");
    Map<String, Object> spec = schema("Texts");
    assertEquals(spec.get("description"), texts.getAnnotation(Schema.class).description());
    Map<String, String> byName = new TreeMap<>();
    for (Method accessor : texts.getMethods()) {
      Schema schema = accessor.getAnnotation(Schema.class);
      if (schema != null) {
        byName.put(schema.name(), schema.description());
      }
    }
    Map<String, String> expected = new TreeMap<>();
    properties(spec).forEach((name, property) -> expected.put(name, (String) property.get("description")));
    assertEquals(expected, byName);
  }

  /** Enum values reach the constants, the @Schema annotation and the Javadoc exactly as the spec writes them. */
  @Test
  @SuppressWarnings("unchecked")
  void enumValuesReadAsTheSpecWritesThem() throws Exception {
    Class<?> type = loader.loadClass(MODEL_PACKAGE + ".EnumTexts");
    List<Object> values = (List<Object>) properties(schema("EnumTexts")).get("Accept").get("enum");
    Class<?> accept = loader.loadClass(MODEL_PACKAGE + ".EnumTexts$Accept");
    Object[] constants = accept.getEnumConstants();
    for (int i = 0; i < values.size(); i++) {
      assertEquals(values.get(i), constants[i].toString());
    }
    assertEquals(values, Arrays.asList(type.getMethod("accept").getAnnotation(Schema.class).allowableValues()));
    Path docs = Paths.get("target/zoo-javadoc-enums");
    JavaTools.javadoc(ACTUAL, docs);
    String page = renderedText(new String(Files.readAllBytes(docs.resolve("com/example/zoo/model/EnumTexts.html")), StandardCharsets.UTF_8));
    String constantsPage = renderedText(new String(Files.readAllBytes(docs.resolve("com/example/zoo/model/EnumTexts.Accept.html")), StandardCharsets.UTF_8));
    for (Object value : values) {
      String shown = value.equals("") ? "\"\"" : (String) value;
      assertTrue(page.contains(" " + shown + (value.equals("") ? "." : ",")), shown + " not in\n" + page);
      assertTrue(constantsPage.contains(shown), shown + " not in\n" + constantsPage);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schema(String name) throws IOException {
    try (InputStream in = Files.newInputStream(SPEC)) {
      Map<String, Object> spec = new Yaml().load(in);
      return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas")).get(name);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
    return (Map<String, Map<String, Object>>) schema.get("properties");
  }

  /** A description as a reader of the Javadoc sees it: one line, Markdown code spans as code. */
  private static String asRendered(String description) {
    return description.replaceAll("(?<!`)(`+)(?!`)(.+?)(?<!`)\\1(?!`)", "$2").replaceAll("\\s+", " ").trim();
  }

  /** The text of a javadoc page: markup dropped, entities decoded, white space collapsed. */
  private static String renderedText(String html) {
    String text = html.replaceAll("<[^>]*>", "");
    Matcher entity = Pattern.compile("&(#[0-9]+|[a-z]+);").matcher(text);
    StringBuffer decoded = new StringBuffer();
    while (entity.find()) {
      String name = entity.group(1);
      String character = name.startsWith("#") ? String.valueOf((char) Integer.parseInt(name.substring(1)))
          : name.equals("amp") ? "&" : name.equals("lt") ? "<" : name.equals("gt") ? ">" : name.equals("quot") ? "\"" : " ";
      entity.appendReplacement(decoded, Matcher.quoteReplacement(character));
    }
    entity.appendTail(decoded);
    return decoded.toString().replaceAll("\\s+", " ");
  }
}
