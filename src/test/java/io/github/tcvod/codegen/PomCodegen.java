package io.github.tcvod.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Runs openapi-generator in a test exactly as the POM's openapi-generator-maven-plugin executions
 * do: the POM is the one source of the generator's settings (plugin-level configuration merged with
 * each execution's), so the golden, zoo, scale and staleness tests cannot drift from the real build.
 */
final class PomCodegen {
  static final String REGENERATE = "mvn -B -ntp generate-sources -Dcodegen.skip=false";

  private PomCodegen() {
  }

  /** One {@code <execution>} of the generator plugin, with the plugin-level settings merged in. */
  static final class Execution {
    final String id;
    /** Simple settings (inputSpec, output, apiPackage, ...) with {@code ${project.basedir}/} removed. */
    final Map<String, String> settings = new LinkedHashMap<>();
    /** Nested maps: configOptions, globalProperties, typeMappings, ... */
    final Map<String, Map<String, String>> maps = new LinkedHashMap<>();

    Execution(String id) {
      this.id = id;
    }

    String setting(String name) {
      return settings.get(name);
    }

    Map<String, String> map(String name) {
      return maps.getOrDefault(name, new TreeMap<>());
    }
  }

  /** @return every execution of openapi-generator-maven-plugin in pom.xml, in POM order */
  static List<Execution> executions() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Paths.get("pom.xml").toFile());
    NodeList plugins = pom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      if (!"openapi-generator-maven-plugin".equals(child(plugin, "artifactId").getTextContent().trim())) {
        continue;
      }
      Element shared = child(plugin, "configuration");
      List<Execution> result = new ArrayList<>();
      Element executions = child(plugin, "executions");
      for (Element execution : children(executions)) {
        Element idElement = child(execution, "id");
        Execution merged = new Execution(idElement == null ? "default" : idElement.getTextContent().trim());
        read(shared, merged);
        read(child(execution, "configuration"), merged);
        result.add(merged);
      }
      return result;
    }
    throw new AssertionError("pom.xml has no openapi-generator-maven-plugin");
  }

  /** @return the execution whose inputSpec is {@code spec/vod.yaml}: its settings drive the fixture specs */
  static Execution primary() throws Exception {
    for (Execution execution : executions()) {
      if (execution.setting("inputSpec").endsWith("spec/vod.yaml")) {
        return execution;
      }
    }
    throw new AssertionError("no openapi-generator execution for spec/vod.yaml in pom.xml");
  }

  private static void read(Element configuration, Execution into) {
    if (configuration == null) {
      return;
    }
    for (Element setting : children(configuration)) {
      List<Element> entries = children(setting);
      if (entries.isEmpty()) {
        into.settings.put(setting.getNodeName(), setting.getTextContent().trim().replace("${project.basedir}/", ""));
      } else {
        Map<String, String> map = into.maps.computeIfAbsent(setting.getNodeName(), k -> new TreeMap<>());
        for (Element entry : entries) {
          map.put(entry.getNodeName(), entry.getTextContent().trim());
        }
      }
    }
  }

  /**
   * Generates {@code spec} with the settings of {@code execution}, into {@code output} (emptied
   * first), with other packages when given.
   *
   * @return relative path to text of every generated {@code .java} file
   */
  static Map<String, String> generate(Execution execution, Path spec, Path output, String apiPackage, String modelPackage)
      throws IOException {
    deleteRecursively(output);
    return generateInto(execution, spec, output, apiPackage, modelPackage);
  }

  /** As {@link #generate}, without emptying {@code output} first (executions that share an output). */
  static Map<String, String> generateInto(Execution execution, Path spec, Path output, String apiPackage, String modelPackage)
      throws IOException {
    // The configuration file first, as the Maven plugin reads it: its files: section adds templates.
    String configurationFile = execution.setting("configurationFile");
    CodegenConfigurator configurator = configurationFile == null ? new CodegenConfigurator()
        : CodegenConfigurator.fromFile(configurationFile);
    if (configurator == null) {
      throw new IllegalStateException("pom.xml names a configurationFile that cannot be read: " + configurationFile);
    }
    configurator
        .setInputSpec(spec.toString())
        .setGeneratorName(execution.setting("generatorName"))
        .setTemplateDir(execution.setting("templateDirectory"))
        .setOutputDir(output.toString())
        .setApiPackage(apiPackage == null ? execution.setting("apiPackage") : apiPackage)
        .setModelPackage(modelPackage == null ? execution.setting("modelPackage") : modelPackage)
        .setInvokerPackage(execution.setting("invokerPackage"))
        .setValidateSpec(true);
    if (execution.setting("apiNameSuffix") != null) {
      configurator.setApiNameSuffix(execution.setting("apiNameSuffix"));
    }
    for (Map.Entry<String, String> pair : pairs(execution.setting("reservedWordsMappings")).entrySet()) {
      configurator.addAdditionalReservedWordMapping(pair.getKey(), pair.getValue());
    }
    for (Map.Entry<String, String> pair : pairs(execution.setting("typeMappings")).entrySet()) {
      configurator.addTypeMapping(pair.getKey(), pair.getValue());
    }
    for (Map.Entry<String, String> pair : pairs(execution.setting("modelNameMappings")).entrySet()) {
      configurator.addModelNameMapping(pair.getKey(), pair.getValue());
    }
    for (Map.Entry<String, String> pair : pairs(execution.setting("nameMappings")).entrySet()) {
      configurator.addNameMapping(pair.getKey(), pair.getValue());
    }
    for (Map.Entry<String, String> pair : pairs(execution.setting("importMappings")).entrySet()) {
      configurator.addImportMapping(pair.getKey(), pair.getValue());
    }
    for (Map.Entry<String, String> option : execution.map("configOptions").entrySet()) {
      configurator.addAdditionalProperty(option.getKey(), option.getValue());
    }
    for (Map.Entry<String, String> property : execution.map("globalProperties").entrySet()) {
      configurator.addGlobalProperty(property.getKey(), property.getValue());
    }
    if ("false".equals(execution.setting("generateSupportingFiles"))) {
      // As the Maven plugin does: naming models and apis (empty: all of them) leaves supporting files out.
      configurator.addGlobalProperty("models", "");
      configurator.addGlobalProperty("apis", "");
    }
    configurator.addGlobalProperty("apiTests", flag(execution, "generateApiTests"));
    configurator.addGlobalProperty("modelTests", flag(execution, "generateModelTests"));
    configurator.addGlobalProperty("apiDocs", flag(execution, "generateApiDocumentation"));
    configurator.addGlobalProperty("modelDocs", flag(execution, "generateModelDocumentation"));
    new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
    return readJava(output);
  }

  private static String flag(Execution execution, String name) {
    String value = execution.setting(name);
    return value == null ? "true" : value;
  }

  /** "a=b,c=d" as the plugin reads it. */
  private static Map<String, String> pairs(String list) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (list == null || list.isEmpty()) {
      return pairs;
    }
    for (String pair : list.split(",")) {
      String[] parts = pair.split("=", 2);
      pairs.put(parts[0].trim(), parts[1].trim());
    }
    return pairs;
  }

  static Map<String, String> readJava(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
        files.put(root.relativize(file).toString().replace('\\', '/'),
            new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(path);
      }
    }
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Element child : children(parent)) {
      if (child.getNodeName().equals(name)) {
        return child;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    if (parent == null) {
      return children;
    }
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element) {
        children.add((Element) node);
      }
    }
    return children;
  }
}
