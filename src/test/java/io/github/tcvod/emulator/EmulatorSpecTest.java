package io.github.tcvod.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The emulator enforces the spec's limits, not copies of them: it reads the spec as JSON from the
 * tests jar ({@link ApiSpec}), and this test keeps that JSON equal to {@code spec/vod.yaml}
 * ({@code mvn verify -DupdateGoldens=true} rewrites it after a spec change).
 */
class EmulatorSpecTest {
  private static final Path SPEC = Paths.get("spec/vod.yaml");
  private static final Path BUNDLED = Paths.get("src/test/resources/io/github/tcvod/emulator", ApiSpec.RESOURCE);

  private static JsonNode yaml() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(SPEC.toFile());
  }

  @Test
  void bundledSpecIsTheSpec() throws Exception {
    String json = new ObjectMapper().writeValueAsString(yaml());
    String expected = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
        .toJson(JsonParser.parseString(json)) + "\n";
    if (Boolean.getBoolean("updateGoldens")) {
      Files.write(BUNDLED, expected.getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(expected, new String(Files.readAllBytes(BUNDLED), StandardCharsets.UTF_8),
        BUNDLED + " is not spec/vod.yaml as JSON: rerun with -DupdateGoldens=true after changing the spec");
  }

  @Test
  void limitsTheEmulatorEnforcesAreTheSpecs() throws Exception {
    JsonNode yaml = yaml();
    ApiSpec spec = ApiSpec.bundled();
    String schemas = "/components/schemas/";
    assertEquals(yaml.at(schemas + "DescribeProcessImageAsyncTemplatesRequest/properties/Limit/maximum").asLong(),
        spec.requestField("DescribeProcessImageAsyncTemplates", "Limit").maximum());
    assertEquals(yaml.at(schemas + "DescribeProcessImageAsyncTemplatesRequest/properties/Limit/default").asLong(),
        spec.requestField("DescribeProcessImageAsyncTemplates", "Limit").defaultOr(-1));
    assertEquals(yaml.at(schemas + "DescribeProcessImageAsyncTemplatesRequest/properties/Definitions/maxItems").asInt(),
        spec.requestField("DescribeProcessImageAsyncTemplates", "Definitions").maxItems());
    assertEquals(yaml.at(schemas + "CreateProcessImageAsyncTemplateRequest/properties/Name/maxLength").asInt(),
        spec.requestField("CreateProcessImageAsyncTemplate", "Name").maxLength());
    assertEquals(yaml.at(schemas + "ModifyProcessImageAsyncTemplateRequest/properties/Comment/maxLength").asInt(),
        spec.requestField("ModifyProcessImageAsyncTemplate", "Comment").maxLength());
    assertEquals(yaml.at(schemas + "ProcessImageAsyncRequest/properties/SessionId/maxLength").asInt(),
        spec.requestField("ProcessImageAsync", "SessionId").maxLength());
    assertEquals(yaml.at(schemas + "ProcessImageAsyncRequest/properties/SessionContext/maxLength").asInt(),
        spec.requestField("ProcessImageAsync", "SessionContext").maxLength());
    assertEquals(yaml.at(schemas + "ProcessImageAsyncRequest/properties/TasksPriority/minimum").asLong(),
        spec.requestField("ProcessImageAsync", "TasksPriority").minimum());
    assertEquals(yaml.at(schemas + "ProcessImageAsyncRequest/properties/TasksPriority/maximum").asLong(),
        spec.requestField("ProcessImageAsync", "TasksPriority").maximum());
    Map<String, Integer> rates = new TreeMap<>();
    rates.put("DescribeProcessImageAsyncTemplates", yaml.at("/paths/~1#DescribeProcessImageAsyncTemplates/post/x-tc-rate-limit").asInt());
    rates.put("DescribeTaskDetail", yaml.at("/paths/~1#DescribeTaskDetail/post/x-tc-rate-limit").asInt());
    assertEquals(rates, new TreeMap<>(spec.rateLimits()));
    assertEquals(yaml.at("/info/version").asText(), spec.version("ProcessImageAsync"));
  }

  @Test
  void aFieldTheSpecLacksStopsTheEmulatorInsteadOfGoingUnchecked() {
    ApiSpec spec = ApiSpec.bundled();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> spec.requestField("ProcessImageAsync", "NoSuchField"));
    assertTrue(e.getMessage().contains("ProcessImageAsyncRequest.NoSuchField"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> spec.requestField("NoSuchAction", "Limit"));
  }
}
