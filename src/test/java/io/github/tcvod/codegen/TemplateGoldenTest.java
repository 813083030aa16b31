package io.github.tcvod.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Runs {@code templates/} over a small fixed spec with two actions, with the generator settings
 * of the POM's openapi-generator execution, and compares the output with the committed golden
 * files under {@code src/test/resources/golden/expected}. A template change shows up here as a
 * readable diff; {@code mvn verify -DupdateGoldens=true} rewrites the golden files.
 */
class TemplateGoldenTest {
  private static final Path SPEC = Paths.get("src/test/resources/golden/widgets.yaml");
  private static final Path EXPECTED = Paths.get("src/test/resources/golden/expected");
  private static final Path ACTUAL = Paths.get("target/golden-actual");

  @Test
  void templatesProduceTheGoldenFiles() throws Exception {
    Map<String, String> actual = generate();
    assertTrue(actual.size() >= 6, "generated " + actual.keySet());
    if (Boolean.getBoolean("updateGoldens")) {
      deleteRecursively(EXPECTED);
      for (Map.Entry<String, String> file : actual.entrySet()) {
        Path target = EXPECTED.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    Map<String, String> expected = read(EXPECTED);
    assertEquals(expected.keySet(), actual.keySet(), "generated files (rerun with -DupdateGoldens=true after a deliberate change)");
    for (String name : expected.keySet()) {
      assertEquals(expected.get(name), actual.get(name), name + " differs from its golden file");
    }
  }

  @Test
  void generatedCodeCompilesAgainstTheCore() throws Exception {
    generate();
    List<String> sources;
    try (Stream<Path> files = Files.walk(ACTUAL)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
    }
    Path classes = Paths.get("target/golden-classes");
    deleteRecursively(classes);
    Files.createDirectories(classes);
    List<String> arguments = new ArrayList<>();
    arguments.add("--release");
    arguments.add("8");
    arguments.add("-Xlint:-options");
    arguments.add("-classpath");
    arguments.add(System.getProperty("java.class.path"));
    arguments.add("-d");
    arguments.add(classes.toString());
    arguments.addAll(sources);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    int status = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        errors.write(b);
      }
    }), arguments.toArray(new String[0]));
    assertEquals(0, status, errors.toString());
  }

  /** Generates into target/golden-actual with the POM's settings; returns relative path to text. */
  private static Map<String, String> generate() throws Exception {
    deleteRecursively(ACTUAL);
    Map<String, String> pom = pomGeneratorSettings();
    // The configuration file names the extra per-API templates (e.g. the waiters).
    CodegenConfigurator configurator = CodegenConfigurator.fromFile(pom.get("configurationFile").replace("${project.basedir}/", ""))
        .setInputSpec(SPEC.toString())
        .setGeneratorName(pom.get("generatorName"))
        .setTemplateDir(pom.get("templateDirectory").replace("${project.basedir}/", ""))
        .setOutputDir(ACTUAL.toString())
        .setApiPackage("com.example.widgets")
        .setModelPackage("com.example.widgets.model")
        .setInvokerPackage(pom.get("invokerPackage"))
        .setApiNameSuffix(pom.get("apiNameSuffix"))
        .setValidateSpec(true);
    for (String mapping : pom.get("reservedWordsMappings").split(",")) {
      String[] pair = mapping.split("=");
      configurator.addAdditionalReservedWordMapping(pair[0].trim(), pair[1].trim());
    }
    for (Map.Entry<String, String> option : configOptions().entrySet()) {
      configurator.addAdditionalProperty(option.getKey(), option.getValue());
    }
    if ("false".equals(pom.get("generateSupportingFiles"))) {
      // As the Maven plugin does: naming models and apis (empty: all of them) leaves supporting files out.
      configurator.addGlobalProperty("models", "");
      configurator.addGlobalProperty("apis", "");
    }
    for (String flag : new String[] {"generateApiTests", "generateModelTests", "generateApiDocumentation", "generateModelDocumentation"}) {
      configurator.addGlobalProperty(globalName(flag), pom.get(flag));
    }
    DefaultGenerator generator = new DefaultGenerator();
    generator.opts(configurator.toClientOptInput()).generate();
    return read(ACTUAL);
  }

  private static String globalName(String pomFlag) {
    switch (pomFlag) {
      case "generateApiTests":
        return "apiTests";
      case "generateModelTests":
        return "modelTests";
      case "generateApiDocumentation":
        return "apiDocs";
      default:
        return "modelDocs";
    }
  }

  /** The simple settings of the openapi-generator execution in pom.xml: one source of truth. */
  private static Map<String, String> pomGeneratorSettings() throws Exception {
    Element configuration = generatorConfiguration();
    Map<String, String> settings = new HashMap<>();
    NodeList children = configuration.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element && ((Element) child).getElementsByTagName("*").getLength() == 0) {
        settings.put(child.getNodeName(), child.getTextContent().trim());
      }
    }
    return settings;
  }

  private static Map<String, String> configOptions() throws Exception {
    Map<String, String> options = new TreeMap<>();
    NodeList children = ((Element) generatorConfiguration().getElementsByTagName("configOptions").item(0)).getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element) {
        options.put(children.item(i).getNodeName(), children.item(i).getTextContent().trim());
      }
    }
    return options;
  }

  private static Element generatorConfiguration() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Paths.get("pom.xml").toFile());
    NodeList plugins = pom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      if ("openapi-generator-maven-plugin".equals(plugin.getElementsByTagName("artifactId").item(0).getTextContent().trim())) {
        return (Element) plugin.getElementsByTagName("configuration").item(0);
      }
    }
    throw new AssertionError("pom.xml has no openapi-generator-maven-plugin");
  }

  private static Map<String, String> read(Path root) throws IOException {
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

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(path);
      }
    }
  }
}
