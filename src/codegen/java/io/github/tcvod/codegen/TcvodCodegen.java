package io.github.tcvod.codegen;

import com.google.common.collect.ImmutableMap;
import com.samskivert.mustache.Mustache;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.EnumVarMap;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;

/**
 * The stock Java generator plus what our templates need to turn any text of a spec into safe Java:
 * the lambdas {@code javadoc} (text inside a doc comment) and {@code javaString} (text inside a
 * string literal), and each operation's summary as written ({@code vendorExtensions.x-raw-summary}:
 * the generator keeps only an escaped copy). Templates apply the lambdas to raw text
 * ({@code unescapedDescription}, {@code unescapedNotes}, vendor extensions), so a description
 * reads in the Javadoc as the service wrote it, whatever it contains. Every Java file it writes
 * keeps only the imports its code uses: the templates import what any model may need, and
 * Mustache cannot tell which of them one model does.
 *
 * <p>Loaded by openapi-generator-maven-plugin from a jar the build compiles first (profile
 * {@code regenerate} in pom.xml) and by the tests from their class path (PomCodegen).
 */
public class TcvodCodegen extends JavaClientCodegen {
  /** Where an operation's unescaped summary is kept for the templates. */
  static final String RAW_SUMMARY = "x-raw-summary";

  @Override
  public String getName() {
    return "tcvod-java";
  }

  @Override
  protected ImmutableMap.Builder<String, Mustache.Lambda> addMustacheLambdas() {
    return super.addMustacheLambdas()
        .put("javadoc", (fragment, out) -> out.write(javadoc(fragment.execute())))
        .put("javaString", (fragment, out) -> out.write(javaString(fragment.execute())))
        .put("javadocCode", (fragment, out) -> out.write(javadocCode(fragment.execute())))
        .put("memberName", (fragment, out) -> out.write(memberName(fragment.execute())));
  }

  /**
   * Accessor and setter names that are methods every model already has, its own or
   * {@code Object}'s: a member named so would not compile ({@code Table} as {@code table()} beside
   * the static {@code table()}, {@code Wait} overriding the final {@code wait()}) or would
   * override one ({@code ToString}).
   */
  static final Set<String> MODEL_METHODS = new HashSet<>(java.util.Arrays.asList("builder", "toBuilder", "validate", "table",
      "readJson", "writeJson", "fromMembers", "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait",
      "clone", "finalize"));

  /**
   * The last step of the member naming rule ({@code memberName.mustache}), after camel-casing and
   * the keyword mapping: a name that is a method of every model gets the keywords' {@code Value}
   * suffix ({@code Table} is {@code tableValue()}), and a name starting with a digit, which no Java
   * identifier may, gets a {@code _} prefix ({@code 3DConfig} is {@code _3dConfig()}, as its field).
   *
   * @param camel the camel-cased member name
   * @return a Java identifier that clashes with no method of a model
   */
  static String memberName(String camel) {
    if (MODEL_METHODS.contains(camel)) {
      return camel + "Value";
    }
    return !camel.isEmpty() && Character.isDigit(camel.charAt(0)) ? "_" + camel : camel;
  }

  /** Post-processing is where unused imports go, so it is always on. */
  @Override
  public boolean isEnablePostProcessFile() {
    return true;
  }

  @Override
  public void postProcessFile(File file, String fileType) {
    if (file != null && file.getName().endsWith(".java")) {
      try {
        String source = new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
        String pruned = withoutUnusedImports(source);
        if (!pruned.equals(source)) {
          Files.write(file.toPath(), pruned.getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // No call to the stock behaviour, which runs a formatter named by the environment
    // (JAVA_POST_PROCESS_FILE): generated/ must be the same on every machine.
  }

  private static final Pattern IMPORT = Pattern.compile("(?m)^import (static )?[\\w.]+\\.(\\w+);\\R");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_$][\\w$]*");
  /** Comments and literals, except what Javadoc resolves: the type of a link, a see or a throws. */
  private static final Pattern NOT_CODE = Pattern.compile(
      "//[^\\n]*|/\\*(?s:.*?)\\*/|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'");
  private static final Pattern JAVADOC_REFERENCE = Pattern.compile("\\{@link(?:plain)?\\s+([\\w.$]+)|@(?:see|throws|exception)\\s+([\\w.$]+)");

  /**
   * @param source a Java compilation unit
   * @return the same text without the single-type imports whose simple name its code, or a type
   *     its Javadoc links to, never mentions
   */
  static String withoutUnusedImports(String source) {
    Set<String> used = new HashSet<>();
    Matcher notCode = NOT_CODE.matcher(IMPORT.matcher(source).replaceAll(""));
    StringBuffer code = new StringBuffer();
    while (notCode.find()) {
      Matcher reference = JAVADOC_REFERENCE.matcher(notCode.group());
      while (reference.find()) {
        String name = reference.group(1) != null ? reference.group(1) : reference.group(2);
        used.add(name.split("[.#]")[0]);
      }
      notCode.appendReplacement(code, " ");
    }
    notCode.appendTail(code);
    Matcher word = WORD.matcher(code);
    while (word.find()) {
      used.add(word.group());
    }
    Matcher imports = IMPORT.matcher(source);
    StringBuffer pruned = new StringBuffer();
    while (imports.find()) {
      imports.appendReplacement(pruned, used.contains(imports.group(2)) ? Matcher.quoteReplacement(imports.group()) : "");
    }
    imports.appendTail(pruned);
    return pruned.toString();
  }

  /**
   * Two enum shapes the templates' nested enums cannot take are rewritten before any model is built:
   * an enum schema of its own (a component such as {@code OnOff: {type: string, enum: [ON, OFF]}})
   * is copied into every member that refers to it, so each gets the nested enum an inline one
   * gets (the stock generator would make a class of it that no template renders and no reader or
   * writer knows); and an enum of numbers or booleans loses its {@code enum}, which the templates
   * would turn into a string enum sent as JSON strings, and keeps its values as
   * {@code x-tc-known-values} for the Javadoc: its member is a plain {@code Long}, {@code Integer},
   * {@code Double} or {@code Boolean}, written as its schema says.
   */
  @Override
  public void preprocessOpenAPI(OpenAPI openAPI) {
    completeOperations(openAPI);
    rewriteEnums(openAPI);
    super.preprocessOpenAPI(openAPI);
  }

  static final String KNOWN_VALUES = "x-tc-known-values";

  /**
   * An action of no parameters may have no request body in the spec, and an action that answers
   * only its RequestId no response content; the templates need a request and a response type for
   * every action (the methods take a request, the core sends its JSON, {@code {}} here, and binds
   * the answer). Such an action gets {@code <Action>Request} with no members and
   * {@code <Action>Response} with {@code RequestId}, as if the spec said so.
   */
  @SuppressWarnings("rawtypes")
  static void completeOperations(OpenAPI openAPI) {
    if (openAPI.getPaths() == null) {
      return;
    }
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(new io.swagger.v3.oas.models.Components());
    }
    for (PathItem path : openAPI.getPaths().values()) {
      for (Operation operation : path.readOperations()) {
        String action = operation.getOperationId();
        if (action == null) {
          continue;
        }
        if (operation.getRequestBody() == null || jsonSchema(operation.getRequestBody().getContent()) == null) {
          String name = action + "Request";
          Schema empty = new io.swagger.v3.oas.models.media.ObjectSchema().properties(new LinkedHashMap<>())
              .description("Input of " + action + ": it has no parameters.");
          openAPI.getComponents().addSchemas(name, schemaNamed(openAPI, name, empty));
          operation.setRequestBody(new io.swagger.v3.oas.models.parameters.RequestBody().required(true).content(jsonContent(name)));
        }
        if (operation.getResponses() == null) {
          operation.setResponses(new io.swagger.v3.oas.models.responses.ApiResponses());
        }
        notFreeForm(openAPI, jsonSchema(operation.getRequestBody().getContent()));
        ApiResponse ok = operation.getResponses().get("200");
        if (ok == null || jsonSchema(ok.getContent()) == null) {
          String name = action + "Response";
          Schema requestId = new io.swagger.v3.oas.models.media.StringSchema().description("Unique id of the request.");
          openAPI.getComponents().addSchemas(name, schemaNamed(openAPI, name, new io.swagger.v3.oas.models.media.ObjectSchema()
              .addProperty("RequestId", requestId).description("Output of " + action + ": its RequestId.")));
          operation.getResponses().addApiResponse("200", (ok == null ? new ApiResponse().description("The answer.") : ok)
              .content(jsonContent(name)));
        }
        notFreeForm(openAPI, jsonSchema(operation.getResponses().get("200").getContent()));
      }
    }
  }

  /**
   * A request or response is a model of its own even when its object has no members
   * ({@code type: object} and nothing else), which the stock generator takes for a free-form
   * {@code Object}: the method would take any Object and send what Gson makes of it.
   */
  @SuppressWarnings("rawtypes")
  private static void notFreeForm(OpenAPI openAPI, Schema body) {
    if (body != null && body.get$ref() != null) {
      Schema target = schemaNamed(openAPI, body.get$ref().substring(body.get$ref().lastIndexOf('/') + 1), null);
      if (target != null && (target.getProperties() == null || target.getProperties().isEmpty())
          && target.getAdditionalProperties() == null && target.getAllOf() == null) {
        target.addExtension("x-is-free-form", false);
      }
    }
  }

  @SuppressWarnings("rawtypes")
  private static Schema jsonSchema(Content content) {
    MediaType json = content == null ? null : content.get("application/json");
    return json == null ? null : json.getSchema();
  }

  /** @return the spec's own schema of that name when it has one, else {@code fallback} */
  @SuppressWarnings("rawtypes")
  private static Schema schemaNamed(OpenAPI openAPI, String name, Schema fallback) {
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    return schemas != null && schemas.containsKey(name) ? schemas.get(name) : fallback;
  }

  private static Content jsonContent(String schema) {
    return new Content().addMediaType("application/json", new MediaType().schema(new Schema<Object>().$ref("#/components/schemas/" + schema)));
  }

  @SuppressWarnings("rawtypes")
  static void rewriteEnums(OpenAPI openAPI) {
    Map<String, Schema> schemas = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
    Map<String, Schema> enums = new LinkedHashMap<>();
    if (schemas != null) {
      schemas.forEach((name, schema) -> {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty() && schema.getProperties() == null) {
          enums.put(name, schema);
        }
      });
    }
    Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    if (schemas != null) {
      for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
        if (!enums.containsKey(entry.getKey())) {
          entry.setValue(rewrite(entry.getValue(), enums, seen));
        }
      }
    }
    if (openAPI.getPaths() != null) {
      for (PathItem path : openAPI.getPaths().values()) {
        for (Operation operation : path.readOperations()) {
          if (operation.getRequestBody() != null) {
            rewrite(operation.getRequestBody().getContent(), enums, seen);
          }
          if (operation.getResponses() != null) {
            for (ApiResponse response : operation.getResponses().values()) {
              rewrite(response.getContent(), enums, seen);
            }
          }
        }
      }
    }
    if (schemas != null) {
      enums.keySet().forEach(schemas::remove);
    }
  }

  @SuppressWarnings("rawtypes")
  private static void rewrite(Content content, Map<String, Schema> enums, Set<Schema> seen) {
    if (content != null) {
      for (MediaType media : content.values()) {
        media.setSchema(rewrite(media.getSchema(), enums, seen));
      }
    }
  }

  /** @return the schema to use instead of {@code schema}: a copy of an enum it refers to, or itself rewritten */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema rewrite(Schema schema, Map<String, Schema> enums, Set<Schema> seen) {
    if (schema == null) {
      return null;
    }
    if (schema.get$ref() != null) {
      String ref = schema.get$ref();
      Schema target = enums.get(ref.substring(ref.lastIndexOf('/') + 1));
      return target == null ? schema : rewrite(copyOfEnum(target, schema), enums, seen);
    }
    if (!seen.add(schema)) {
      return schema;
    }
    if (schema.getProperties() != null) {
      for (Map.Entry<String, Schema> property : ((Map<String, Schema>) schema.getProperties()).entrySet()) {
        property.setValue(rewrite(property.getValue(), enums, seen));
      }
    }
    schema.setItems(rewrite(schema.getItems(), enums, seen));
    if (schema.getAdditionalProperties() instanceof Schema) {
      schema.setAdditionalProperties(rewrite((Schema) schema.getAdditionalProperties(), enums, seen));
    }
    for (List<Schema> composed : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
      if (composed != null) {
        composed.replaceAll(part -> rewrite(part, enums, seen));
      }
    }
    boolean string = schema.getType() == null || "string".equals(schema.getType());
    if (schema.getEnum() != null && !string) {
      schema.addExtension(KNOWN_VALUES, schema.getEnum().stream().map(String::valueOf).collect(Collectors.joining(", ")));
      schema.setEnum(null);
    }
    return schema;
  }

  /** A fresh inline copy of an enum schema, with the referring member's description when it has one. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema copyOfEnum(Schema target, Schema reference) {
    Schema copy = new Schema();
    copy.setType(target.getType());
    copy.setFormat(target.getFormat());
    copy.setEnum(new ArrayList<>(target.getEnum()));
    copy.setDescription(reference.getDescription() != null ? reference.getDescription() : target.getDescription());
    copy.setDefault(target.getDefault());
    copy.setNullable(target.getNullable());
    copy.setDeprecated(target.getDeprecated());
    copy.setMinimum(target.getMinimum());
    copy.setMaximum(target.getMaximum());
    if (target.getExtensions() != null) {
      copy.setExtensions(new LinkedHashMap<>(target.getExtensions()));
    }
    return copy;
  }

  /**
   * A string enum constant's value is the spec's value in a Java literal, exactly: the stock
   * escape for text also breaks up comment markers, so {@code image/*} was sent as {@code image/_*}.
   */
  @Override
  public String toEnumValue(String value, String datatype) {
    return "String".equals(datatype) ? "\"" + javaString(value) + "\"" : super.toEnumValue(value, datatype);
  }

  /**
   * @param text a value, such as an enum's
   * @return the value as code in Javadoc: {@link #javadoc} text in {@code <code>}, or {@code ""}
   *     for the empty value (doclint refuses an empty {@code <code>})
   */
  static String javadocCode(String text) {
    return "<code>" + (text.isEmpty() ? "\"\"" : javadoc(text)) + "</code>";
  }

  /**
   * Each enum constant also carries its value as the spec writes it ({@code x-raw-value}), for its
   * Javadoc: {@code value} is a Java literal, quoted and escaped, and a value such as {@code *}{@code /*}
   * would end the comment it is shown in.
   */
  @Override
  protected List<EnumVarMap> buildEnumVars(List<Object> values, String dataType) {
    List<EnumVarMap> vars = super.buildEnumVars(values, dataType);
    for (int i = 0; i < vars.size() && i < values.size(); i++) {
      vars.get(i).put("x-raw-value", String.valueOf(values.get(i)));
    }
    return vars;
  }

  /**
   * Simple names a model's code uses (its imports, java.lang, its nested classes): a nested enum of
   * one of these names would hide the type from the whole model ({@code enum String}).
   */
  static final Set<String> NAMES_IN_MODELS = new HashSet<>(java.util.Arrays.asList("TypeAdapter", "JsonAdapter", "JsonReader",
      "JsonWriter", "Copies", "EnumValues", "JsonAdapters", "ModelTable", "ToStringBuilder", "Validate", "Schema", "IOException",
      "Collection", "List", "Map", "Objects", "String", "Object", "Override", "Builder", "GsonAdapter", "Long", "Integer",
      "Double", "Float", "Boolean", "Number", "Math", "Class", "Enum", "Deprecated", "SuppressWarnings", "Iterable"));

  /**
   * Names each member's nested enum ({@code x-enum-type}, which the templates use): the member's
   * API name, as before, unless that is no Java identifier ({@code Video-Mode}), or would clash
   * with the model itself, a type its code uses, or a model another member refers to (an enum
   * {@code Type} beside a member of model {@code Type}); then a Java name with an {@code Enum}
   * suffix as needed.
   */
  @Override
  public ModelsMap postProcessModels(ModelsMap models) {
    ModelsMap processed = super.postProcessModels(models);
    for (ModelMap map : processed.getModels()) {
      CodegenModel model = map.getModel();
      Set<String> taken = new HashSet<>(NAMES_IN_MODELS);
      taken.add(model.classname);
      for (CodegenProperty var : model.vars) {
        for (CodegenProperty p = var; p != null; p = p.items) {
          if (p.complexType != null) {
            taken.add(p.complexType);
          }
        }
      }
      for (CodegenProperty var : model.vars) {
        if (var.isEnum) {
          String name = javax.lang.model.SourceVersion.isName(var.baseName) ? var.baseName
              : org.openapitools.codegen.utils.StringUtils.camelize(sanitizeName(var.baseName).replaceAll("^_+", ""));
          if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "Enum" + name;
          }
          while (taken.contains(name)) {
            name = name + "Enum";
          }
          taken.add(name);
          var.vendorExtensions.put("x-enum-type", name);
        }
      }
    }
    return processed;
  }

  /**
   * A value of any type ({@code {}}, {@code items: {}}, {@code additionalProperties: true}) is an
   * {@code Object} like a free-form object, and is read and written the same way (Gson's own
   * adapter for {@code Object}); the templates know only the free-form flag, and the value of any
   * type would otherwise be handed to a writer of strings, numbers and booleans.
   */
  @Override
  public void postProcessModelProperty(CodegenModel model, CodegenProperty property) {
    super.postProcessModelProperty(model, property);
    // The nested enum is named by the API name (HDR), and so is the field of an all-capitals name;
    // in an expression a field hides a type of its name (HDR.fromValue(HDR) calls a String method).
    if (property.isEnum && property.name.equals(property.baseName)) {
      property.name = property.name + "Value";
    }
    for (CodegenProperty p = property; p != null; p = p.items) {
      if (p.isAnyType && !p.isContainer) {
        p.isFreeFormObject = true;
      }
    }
    // An exclusive limit of an integer is the inclusive one next to it (exclusiveMinimum 0 is a
    // minimum of 1), which Validate's integer checks and the Javadoc take; a number keeps it.
    if (property.isInteger || property.isLong) {
      if (property.exclusiveMinimum && property.minimum != null) {
        property.minimum = new java.math.BigDecimal(property.minimum).add(java.math.BigDecimal.ONE).toPlainString();
        property.exclusiveMinimum = false;
      }
      if (property.exclusiveMaximum && property.maximum != null) {
        property.maximum = new java.math.BigDecimal(property.maximum).subtract(java.math.BigDecimal.ONE).toPlainString();
        property.exclusiveMaximum = false;
      }
    }
  }

  @Override
  public CodegenOperation fromOperation(String path, String httpMethod, Operation operation, List<Server> servers) {
    CodegenOperation op = super.fromOperation(path, httpMethod, operation, servers);
    if (operation.getSummary() != null) {
      op.vendorExtensions.put(RAW_SUMMARY, operation.getSummary());
    }
    Object paging = op.vendorExtensions.get("x-tc-paging");
    if (paging instanceof Map && openAPI != null && operation.getRequestBody() != null) {
      // Which of Offset, Limit and TotalCount are int32 (Integer, not Long): api.mustache converts them.
      @SuppressWarnings("unchecked")
      Map<String, Object> names = (Map<String, Object>) paging;
      ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
      Schema<?> request = referenced(jsonSchema(operation.getRequestBody().getContent()));
      Schema<?> response = referenced(ok == null ? null : jsonSchema(ok.getContent()));
      names.put("x-int-offset", isInt32(request, names.get("offset")));
      names.put("x-int-limit", isInt32(request, names.get("limit")));
      names.put("x-int-total-count", isInt32(response, names.get("totalCount")));
    }
    return op;
  }

  @SuppressWarnings("rawtypes")
  private Schema<?> referenced(Schema schema) {
    if (schema != null && schema.get$ref() != null && openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
      return openAPI.getComponents().getSchemas().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
    }
    return schema;
  }

  /** @return whether the member is an integer the generator makes an Integer: int32, or no format */
  private static boolean isInt32(Schema<?> schema, Object member) {
    Schema<?> property = schema == null || schema.getProperties() == null ? null : schema.getProperties().get(String.valueOf(member));
    return property != null && "integer".equals(property.getType()) && !"int64".equals(property.getFormat());
  }

  /**
   * Text for a Javadoc comment, shown as written: markup characters become entities (the text is
   * not trusted to be valid HTML for doclint), {@code @} cannot start a block or inline tag,
   * {@code *}{@code /} cannot end the comment, a backslash cannot start a unicode escape that javac
   * would decode before parsing, and line breaks become spaces so no line escapes the comment's
   * leading asterisks. A Markdown code span (text between two backticks) becomes {@code <code>}.
   *
   * @param text raw text
   * @return the text, safe on one line of a doc comment
   */
  static String javadoc(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) != '`') {
        appendJavadocChar(out, text, i++);
        continue;
      }
      // A Markdown code span, as the spec's descriptions write values: a run of backticks up to the
      // next run of the same length (CommonMark's rule); a run with no partner stays as it is.
      int run = runOfBackticks(text, i);
      int close = closingRun(text, i + run, run);
      if (close < 0) {
        out.append(text, i, i + run);
        i += run;
        continue;
      }
      out.append("<code>");
      for (int j = i + run; j < close; j++) {
        appendJavadocChar(out, text, j);
      }
      out.append("</code>");
      i = close + run;
    }
    return out.toString();
  }

  private static int runOfBackticks(String text, int from) {
    int end = from;
    while (end < text.length() && text.charAt(end) == '`') {
      end++;
    }
    return end - from;
  }

  private static int closingRun(String text, int from, int length) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == '`') {
        int run = runOfBackticks(text, i);
        if (run == length && i > from) {
          return i;
        }
        i += run - 1;
      }
    }
    return -1;
  }

  private static void appendJavadocChar(StringBuilder out, String text, int i) {
    char c = text.charAt(i);
    switch (c) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      case '@':
        out.append("&#64;");
        break;
      case '\\':
        out.append("&#92;");
        break;
      case '/':
        out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
        break;
      case '\n':
        // A CR LF pair is one line break: one space.
        out.append(i > 0 && text.charAt(i - 1) == '\r' ? "" : " ");
        break;
      default:
        out.append(c < 0x20 || c == 0x7f ? ' ' : c);
    }
  }

  /**
   * Text for the inside of a Java string literal, kept exactly: quotes, backslashes (so no unicode
   * escape is decoded) and control characters are escaped.
   *
   * @param text raw text
   * @return the escaped text, without the surrounding quotes
   */
  static String javaString(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\%03o", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.toString();
  }
}
