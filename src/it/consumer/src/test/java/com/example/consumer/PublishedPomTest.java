package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The POM that `mvn deploy` published is what a consumer needs and nothing else. */
class PublishedPomTest {
  private static Path deployedPom() throws Exception {
    Path folder = Paths.get(System.getProperty("tcvod.staging.directory"), "io", "github", "tcvod", "tcvod-sdk",
        System.getProperty("tcvod.version"));
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> poms = files.filter(p -> p.toString().endsWith(".pom")).sorted().collect(Collectors.toList());
      assertFalse(poms.isEmpty(), "a POM deployed in " + folder);
      return poms.get(poms.size() - 1);
    }
  }

  @Test
  void isFlattened() throws Exception {
    String text = new String(Files.readAllBytes(deployedPom()), StandardCharsets.UTF_8);
    for (String absent : new String[] {"<build>", "<profiles>", "<distributionManagement>", "<repositories>",
        "<properties>", "<dependencyManagement>", "<parent>", "${"}) {
      assertFalse(text.contains(absent), "the published POM has no " + absent);
    }
    for (String present : new String[] {"<name>", "<description>", "<url>", "<licenses>", "<developers>", "<scm>"}) {
      assertTrue(text.contains(present), "the published POM has " + present + " (Maven Central requires it)");
    }
  }

  @Test
  void dependsOnTheClassicOkHttpAndGsonOnly() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    Document pom = factory.newDocumentBuilder().parse(deployedPom().toFile());
    NodeList dependencies = pom.getElementsByTagName("dependency");
    List<String> declared = new ArrayList<>();
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      declared.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId") + ":" + text(dependency, "scope")
          + ("true".equals(text(dependency, "optional")) ? ":optional" : ""));
    }
    assertEquals(List.of("com.squareup.okhttp3:okhttp:compile", "com.google.code.gson:gson:compile",
        "io.swagger.core.v3:swagger-annotations:compile:optional"), declared);
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }
}
