package io.github.tcvod.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.internal.Json;
import io.github.tcvod.internal.json.JsonDocuments;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Binding through the byte reader gives exactly what binding through Gson's reader gives, today's
 * path ({@link ResponseReader#readWithGson}): the same model for every answer, the same exception
 * type and message for every error or malformed body, through the reader and through the client.
 */
class ByteReaderDifferentialTest {
  private static final String ACTION = "DescribeProcessImageAsyncTemplates";
  private static final Class<DescribeProcessImageAsyncTemplatesResponse> TYPE = DescribeProcessImageAsyncTemplatesResponse.class;

  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMock();

  private final ResponseReader reader = new ResponseReader(Json.GSON);

  /** @return the model, or the exception's type and message */
  private static Object outcome(Supplier<?> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private Object viaGson(int status, byte[] body) {
    return outcome(() -> reader.readWithGson(ACTION, status, body, TYPE));
  }

  /** Pads the body into a larger array, as the client's per-thread buffer holds it. */
  private Object viaBytes(int status, byte[] body) {
    byte[] padded = new byte[body.length + 17];
    java.util.Arrays.fill(padded, (byte) '}');
    System.arraycopy(body, 0, padded, 0, body.length);
    return outcome(() -> reader.read(ACTION, status, padded, body.length, TYPE));
  }

  private void assertSameOutcome(int status, byte[] body) {
    assertEquals(viaGson(status, body), viaBytes(status, body), () -> new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] seed() throws IOException {
    return Files.readAllBytes(Paths.get("src", "test", "resources", "seed", "describe-response.json"));
  }

  @Test
  void theSeedResponseBindsThroughTheByteReaderToTheSameModel() throws IOException {
    byte[] seed = seed();
    DescribeProcessImageAsyncTemplatesResponse fast = reader.bindFromBytes(seed, seed.length, TYPE);
    assertNotNull(fast);
    assertEquals(reader.readWithGson(ACTION, 200, seed, TYPE), fast);
    assertEquals(Json.GSON.toJson(reader.readWithGson(ACTION, 200, seed, TYPE)), Json.GSON.toJson(fast));
  }

  /** Every contract case's answer, read as this action's response (what does not belong is skipped). */
  @Test
  void everyContractAnswerHasTheSameOutcome() throws IOException {
    List<Path> cases;
    try (Stream<Path> files = Files.list(Paths.get("src", "test", "resources", "contract", "cases"))) {
      cases = files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
    assertTrue(cases.size() > 100);
    int fast = 0;
    for (Path file : cases) {
      JsonObject answer = JsonParser.parseString(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
          .getAsJsonObject().getAsJsonObject("answer");
      if (answer == null || answer.has("fault")) {
        continue;
      }
      int status = answer.has("status") ? answer.get("status").getAsInt() : 200;
      String text = answer.has("body") ? answer.get("body").getAsString()
          : answer.has("bodyJson") ? answer.get("bodyJson").toString() : "";
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      assertSameOutcome(status, body);
      assertSameOutcome(200, body);
      if (!(viaGson(200, body) instanceof String) && !text.contains("\"Error\"")) {
        assertNotNull(reader.bindFromBytes(body, body.length, TYPE), file.toString());
        fast++;
      }
    }
    assertTrue(fast > 5, "bound through the byte reader: " + fast);
  }

  /** The seed with its values replaced at random, members dropped, nulls, unknown members of any shape. */
  @Test
  void randomAnswersBindToTheSameModelAndPlainOnesThroughTheByteReader() throws IOException {
    JsonObject seed = JsonParser.parseString(new String(seed(), StandardCharsets.UTF_8)).getAsJsonObject();
    Gson plainWriter = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    Gson escapingWriter = new GsonBuilder().serializeNulls().setPrettyPrinting().create();
    Random random = new Random(1414);
    int fast = 0;
    for (int i = 0; i < 1500; i++) {
      JsonElement document = vary(seed, random, 0);
      byte[] body = (random.nextBoolean() ? plainWriter : escapingWriter).toJson(document).getBytes(StandardCharsets.UTF_8);
      assertSameOutcome(200, body);
      if (!(viaGson(200, body) instanceof String)) {
        assertNotNull(reader.bindFromBytes(body, body.length, TYPE), () -> new String(body, StandardCharsets.UTF_8));
        fast++;
      }
    }
    assertTrue(fast > 500, "bound: " + fast);
  }

  private static JsonElement vary(JsonElement element, Random random, int depth) {
    if (element.isJsonObject()) {
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
        int dice = random.nextInt(20);
        if (dice == 0) {
          continue;
        }
        copy.add(member.getKey(), dice == 1 ? JsonNull.INSTANCE : vary(member.getValue(), random, depth + 1));
      }
      if (random.nextInt(3) == 0) {
        String name = JsonDocuments.PLAIN_NAMES[random.nextInt(JsonDocuments.PLAIN_NAMES.length)];
        // an unknown member: not one of the object's own (a float where a Long belongs is Gson's to read)
        if (!name.equals("Error") && !element.getAsJsonObject().has(name)) {
          copy.add(name, JsonParser.parseString(JsonDocuments.value(random, 3, true)));
        }
      }
      return copy;
    }
    if (element.isJsonArray()) {
      JsonArray copy = new JsonArray();
      if (random.nextInt(8) > 0) {
        int copies = 1 + random.nextInt(3);
        for (int i = 0; i < copies; i++) {
          for (JsonElement item : element.getAsJsonArray()) {
            copy.add(vary(item, random, depth + 1));
          }
        }
      }
      return copy;
    }
    if (element.isJsonPrimitive() && random.nextInt(3) == 0) {
      JsonPrimitive primitive = element.getAsJsonPrimitive();
      if (primitive.isString()) {
        return JsonParser.parseString(JsonDocuments.STRINGS[random.nextInt(JsonDocuments.STRINGS.length)]);
      }
      if (primitive.isNumber()) {
        boolean integral = !primitive.getAsString().contains(".");
        String number;
        do {
          number = JsonDocuments.PLAIN_NUMBERS[random.nextInt(JsonDocuments.PLAIN_NUMBERS.length)];
        } while (integral && !number.matches("-?[0-9]{1,18}"));
        return new JsonPrimitive(new LazilyParsedNumber(number));
      }
    }
    return element;
  }

  @Test
  void aNumberGsonRefusesFailsAlikeThroughTheByteReader() {
    // digits that wrap Gson's long to 0 and go on: strict Gson refuses the number (see ByteJsonReaderTest)
    for (String body : new String[] {"{\"Response\":{\"RequestId\":184467440737095516160}}",
        "{\"Response\":{\"Unknown\":184467440737095516160,\"TotalCount\":1}}"}) {
      assertSameOutcome(200, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void brokenAnswersFailAlikeThroughTheReader() throws IOException {
    String seed = new String(seed(), StandardCharsets.UTF_8);
    Random random = new Random(41);
    for (int i = 0; i < 1500; i++) {
      assertSameOutcome(200, JsonDocuments.broken(random, seed));
    }
    for (int i = 0; i < 1500; i++) {
      String document = "{\"Response\":" + JsonDocuments.value(random, 4, false) + "}";
      assertSameOutcome(200, JsonDocuments.broken(random, document));
      assertSameOutcome(200, document.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final String[] MALFORMED = {"", " ", "{", "{\"Response\":{\"TotalCount\":1}", "{\"Response\":{}} x",
      "{\"Response\":{}}{}", "{'Response':{}}", "{Response:{}}", "{\"Response\":{\"RequestId\":'r'}}",
      "{\"Response\":{\"TotalCount\":01}}", "{\"Response\":{\"TotalCount\":NaN}}", "{\"Response\":{\"TotalCount\":1.5}}",
      "{\"Response\":{\"TotalCount\":9223372036854775808}}", "{\"Response\":{\"TotalCount\":\"7\"}}",
      "{\"Response\":{\"TotalCount\":-0}}", "{\"Response\":{\"RequestId\":\"\\x\"}}",
      "{\"Response\":{\"RequestId\":\"\\u12\"}}", "// c\n{\"Response\":{}}", "/* c */{\"Response\":{}}",
      "\ufeff{\"Response\":{\"TotalCount\":2}}", "{\"Response\":{\"TotalCount\":2},}", "{\"Response\":[]}",
      "{\"Response\":{},\"Response\":{}}", "{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"m\"}}}",
      "{\"Response\":{\"\\u0045rror\":{\"Code\":\"ResourceNotFound\"}}}", "{\"Response\":{\"Error\":null,\"TotalCount\":3}}",
      "{\"Response\":{\"ProcessImageAsyncTemplateSet\":{}}}", "{\"Response\":{\"ProcessImageAsyncTemplateSet\":[1]}}",
      "{\"Response\":{\"TotalCount\":true}}", "[1]", "null", "\"x\"", "{\"Response\":{\"RequestId\":\"\n\"}}",
      "{\"Response\":{\"RequestId\":\"r\u0001\"}}", "{\"Response\":{\"TotalCount\":1e400}}"};

  /** Through the public client: what the byte reader leaves to Gson fails as it always did. */
  @Test
  void malformedAnswersFailAlikeThroughTheClient() throws IOException {
    Random random = new Random(7);
    String seed = new String(seed(), StandardCharsets.UTF_8);
    List<byte[]> bodies = new ArrayList<>();
    for (String text : MALFORMED) {
      bodies.add(text.getBytes(StandardCharsets.UTF_8));
    }
    for (int i = 0; i < 150; i++) {
      bodies.add(JsonDocuments.broken(random, seed));
    }
    bodies.add(seed());
    byte[][] answer = new byte[1][];
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> new Response.Builder()
        .request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
        .body(ResponseBody.create(MediaType.get("application/json"), answer[0])).build()).build();
    try (VodClient vod = VodTestServer.clientOf(1).httpClient(http).build()) {
      for (byte[] body : bodies) {
        answer[0] = body;
        assertEquals(viaGson(200, body), outcome(() -> vod.describeProcessImageAsyncTemplates(request())),
            () -> new String(body, StandardCharsets.UTF_8));
      }
    }
  }

  /** And over a real socket, WireMock on 127.0.0.1. */
  @Test
  void malformedAnswersFailAlikeOverTheWire() throws IOException {
    List<byte[]> bodies = new ArrayList<>();
    bodies.add(seed());
    for (String text : MALFORMED) {
      bodies.add(text.getBytes(StandardCharsets.UTF_8));
    }
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).credentials(Credentials.of("AKIDtest", "key")).build()) {
      for (byte[] body : bodies) {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody(body)));
        assertEquals(viaGson(200, body), outcome(() -> vod.describeProcessImageAsyncTemplates(request())),
            () -> new String(body, StandardCharsets.UTF_8));
      }
    }
  }

  private static DescribeProcessImageAsyncTemplatesRequest request() {
    return DescribeProcessImageAsyncTemplatesRequest.builder().subAppId(221073L).definitions(7L).build();
  }
}
