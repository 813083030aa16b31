package io.github.tcvod.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic spec the size of a whole service (VOD has about 230 actions and 1,100 types):
 * {@value #ACTIONS} actions, each with a request and a response, and {@value #SHAPES} shared types of
 * mixed shapes (scalars with limits, enums, lists of scalars, enums and objects, maps, nested and
 * recursive references, acronym- and digit-led names), so that the templates are proven at scale.
 * References point from shape s to shape s/4 (plus self-references), so chains stay a few levels
 * deep as in real services: a chain through hundreds of types makes the generator's example
 * builder nest that deep.
 */
final class ScaleSpec {
  static final int ACTIONS = 250;
  static final int SHAPES = 600;

  private ScaleSpec() {
  }

  /** @return the number of types written */
  static int write(Path file) throws IOException {
    StringBuilder yaml = new StringBuilder(4 << 20);
    yaml.append("openapi: 3.0.3\ninfo:\n  title: Scale\n  description: A synthetic service.\n  version: '2022-02-02'\n")
        .append("servers:\n  - url: https://scale.example.com\ntags:\n  - name: Scale\npaths:\n");
    for (int a = 0; a < ACTIONS; a++) {
      String action = action(a);
      boolean paged = a % 4 == 0;
      yaml.append("  /#").append(action).append(":\n    post:\n      tags: [Scale]\n")
          .append("      operationId: ").append(action).append('\n')
          .append("      summary: Action number ").append(a).append(" <b>of</b> the \"scale\" & test.\n")
          .append("      x-tc-action: ").append(action).append('\n')
          .append("      x-tc-version: '2022-02-02'\n      x-tc-service: scale\n")
          .append("      x-tc-idempotent: ").append(action.startsWith("Describe")).append('\n')
          .append("      x-tc-rate-limit: 20\n");
      if (paged) {
        yaml.append("      x-tc-paging:\n        offset: Offset\n        limit: Limit\n        maxLimit: 100\n")
            .append("        totalCount: TotalCount\n        items: ").append(itemsField(a)).append('\n')
            .append("        itemType: ").append(shape(a % SHAPES)).append('\n');
      }
      yaml.append("      x-tc-error-codes:\n        - code: InvalidParameterValue\n          description: A value is wrong.\n")
          .append("      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n")
          .append("              $ref: '#/components/schemas/").append(action).append("Request'\n")
          .append("      responses:\n        '200':\n          description: The answer.\n          content:\n")
          .append("            application/json:\n              schema:\n")
          .append("                $ref: '#/components/schemas/").append(action).append("Response'\n");
    }
    yaml.append("components:\n  schemas:\n");
    for (int a = 0; a < ACTIONS; a++) {
      String action = action(a);
      boolean paged = a % 4 == 0;
      yaml.append("    ").append(action).append("Request:\n      type: object\n      description: Input of ").append(action)
          .append(".\n      required: [SubAppId]\n      properties:\n");
      field(yaml, "SubAppId", "type: integer\n          format: int64\n          minimum: 0");
      field(yaml, "Definitions", "type: array\n          maxItems: 100\n          items:\n            type: integer\n            format: int64");
      field(yaml, "Config", "$ref: '#/components/schemas/" + shape((a * 7) % SHAPES) + "'");
      if (paged) {
        field(yaml, "Offset", "type: integer\n          format: int64\n          minimum: 0");
        field(yaml, "Limit", "type: integer\n          format: int64\n          minimum: 0\n          maximum: 100");
      }
      yaml.append("    ").append(action).append("Response:\n      type: object\n      description: Output of ").append(action)
          .append(".\n      properties:\n");
      if (paged) {
        field(yaml, "TotalCount", "type: integer\n          format: int64");
        field(yaml, itemsField(a), "type: array\n          items:\n            $ref: '#/components/schemas/" + shape(a % SHAPES) + "'");
      } else {
        field(yaml, "TaskId", "type: string");
      }
      field(yaml, "RequestId", "type: string");
    }
    for (int s = 0; s < SHAPES; s++) {
      yaml.append("    ").append(shape(s)).append(":\n      type: object\n      description: Shape ").append(s)
          .append(" with <li>markup</li>, a \"quote\" and a \\\\ backslash.\n      properties:\n");
      field(yaml, "Name", "type: string\n          maxLength: 64");
      field(yaml, "URL", "type: string");
      field(yaml, "Md5", "type: string");
      field(yaml, "Count", "type: integer\n          format: int64\n          minimum: 0\n          maximum: 4294967296");
      field(yaml, "Ratio", "type: number\n          format: float\n          minimum: 0\n          maximum: 100");
      field(yaml, "Switch", "type: string\n          enum: ['ON', 'OFF']");
      switch (s % 4) {
        case 0:
          field(yaml, "Tags", "type: array\n          items:\n            type: string");
          field(yaml, "Modes", "type: array\n          items:\n            type: string\n            enum: [Fast, Slow]");
          break;
        case 1:
          field(yaml, "Labels", "type: object\n          additionalProperties:\n            type: string");
          field(yaml, "Enabled", "type: boolean");
          break;
        case 2:
          field(yaml, "H265Config", "$ref: '#/components/schemas/" + shape(s / 4) + "'");
          break;
        default:
          field(yaml, "AIAnalysisSet", "type: array\n          items:\n            $ref: '#/components/schemas/" + shape(s / 4) + "'");
          field(yaml, "Parent", "$ref: '#/components/schemas/" + shape(s) + "'");
      }
    }
    Files.write(file, yaml.toString().getBytes(StandardCharsets.UTF_8));
    return ACTIONS * 2 + SHAPES;
  }

  private static void field(StringBuilder yaml, String name, String schema) {
    yaml.append("        ").append(name).append(":\n          ").append(schema).append("\n          description: Field ")
        .append(name).append(".\n");
  }

  static String action(int a) {
    String[] verbs = {"Describe", "Create", "Modify", "Delete", "Process"};
    String[] nouns = {"AIAnalysisTemplates", "LLMComprehendTasks", "H265Transcodes", "MediaInfos", "URLSignatures"};
    return verbs[a % verbs.length] + nouns[(a / verbs.length) % nouns.length] + a;
  }

  private static String itemsField(int a) {
    return a % 8 == 0 ? "AIItemSet" : "ItemSet";
  }

  private static String shape(int s) {
    String[] stems = {"AIConfig", "LLMSetting", "H265Option", "MediaShape"};
    return stems[s % stems.length] + s;
  }
}
