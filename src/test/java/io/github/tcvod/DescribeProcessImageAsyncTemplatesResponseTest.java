package io.github.tcvod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tcvod.internal.Json;
import io.github.tcvod.model.AdvancedSuperResolutionConfig;
import io.github.tcvod.model.ColorEnhanceInfo;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import io.github.tcvod.model.ImageDenoiseConfig;
import io.github.tcvod.model.ImageEncodeConfig;
import io.github.tcvod.model.ImageEnhanceConfig;
import io.github.tcvod.model.ImageQualityEnhanceInfo;
import io.github.tcvod.model.LowLightEnhanceInfo;
import io.github.tcvod.model.ProcessImageAsyncTemplateItem;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed's response, and responses from a newer or sloppier server, read into typed models. */
class DescribeProcessImageAsyncTemplatesResponseTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMock();

  private DescribeProcessImageAsyncTemplatesResponse answer(String body) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body)));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      return vod.describeProcessImageAsyncTemplates(DescribeProcessImageAsyncTemplatesRequest.builder().build());
    }
  }

  @Test
  void seedResponseFillsEveryTypedField() {
    DescribeProcessImageAsyncTemplatesResponse response = answer(VodTestServer.resource("seed/describe-response.json"));

    assertEquals(1L, response.totalCount());
    assertEquals("08cfed0c-2b5a-41bf-b0dd-b1985db203d8", response.requestId());
    assertEquals(1, response.processImageAsyncTemplateSet().size());
    ProcessImageAsyncTemplateItem item = response.processImageAsyncTemplateSet().get(0);
    assertEquals(7L, item.definition());
    assertEquals("test3", item.name());
    assertEquals("testcomment", item.comment());
    assertEquals("Custom", item.type());
    assertEquals("2026-01-20T03:02:33Z", item.createTime());
    assertEquals("2026-01-26T09:21:49Z", item.updateTime());

    ImageEncodeConfig encode = item.processImageConfigure().encodeConfig();
    assertEquals(ImageEncodeConfig.Format.PNG, encode.format());
    assertEquals(100L, encode.quality());

    ImageEnhanceConfig enhance = item.processImageConfigure().enhanceConfig();
    assertNull(enhance.superResolution());
    AdvancedSuperResolutionConfig advanced = enhance.advancedSuperResolution();
    assertEquals(AdvancedSuperResolutionConfig.Switch.ON, advanced.switchValue());
    assertEquals(AdvancedSuperResolutionConfig.Type.STANDARD, advanced.type());
    assertEquals(AdvancedSuperResolutionConfig.Mode.PERCENT, advanced.mode());
    assertEquals(2.0, advanced.percent());
    assertEquals(1280L, advanced.width());
    assertEquals(720L, advanced.height());
    assertNull(advanced.longSide());
    assertEquals(ColorEnhanceInfo.Switch.ON, enhance.colorEnhance().switchValue());
    assertEquals(ColorEnhanceInfo.Type.WEAK, enhance.colorEnhance().type());
    assertEquals(ImageDenoiseConfig.Switch.ON, enhance.denoise().switchValue());
    assertEquals(ImageDenoiseConfig.Type.WEAK, enhance.denoise().type());
    assertEquals(1.0, enhance.faceEnhance().intensity());
    assertEquals("ON", enhance.faceEnhance().switchValueAsString());
    assertEquals(ImageQualityEnhanceInfo.Type.WEAK, enhance.imageQualityEnhance().type());
    assertEquals(LowLightEnhanceInfo.Type.NORMAL, enhance.lowLightEnhance().type());
    assertEquals(1.0, enhance.sharpEnhance().intensity());
    assertNull(item.processImageConfigure().beautyConfig());
    assertNull(item.processImageConfigure().aiCutOutConfig());
  }

  @Test
  void seedResponseSerializesBackToAnEquivalentTree() {
    JsonObject seed = JsonParser.parseString(VodTestServer.resource("seed/describe-response.json"))
        .getAsJsonObject().getAsJsonObject("Response");
    DescribeProcessImageAsyncTemplatesResponse response = answer(VodTestServer.resource("seed/describe-response.json"));
    assertEquals(withoutNulls(seed), Json.GSON.toJsonTree(response));
  }

  @Test
  void anApplicationsOwnGsonBindsTheModelsWithTheirGeneratedAdapters() {
    // @JsonAdapter names each model's adapter, so a Gson the SDK never configured reads and writes
    // the models the same way, nested lists of models included, and serializeNulls does not make
    // unset fields appear.
    String seed = JsonParser.parseString(VodTestServer.resource("seed/describe-response.json"))
        .getAsJsonObject().getAsJsonObject("Response").toString();
    Gson own = new GsonBuilder().serializeNulls().setPrettyPrinting().create();
    DescribeProcessImageAsyncTemplatesResponse parsed = own.fromJson(seed, DescribeProcessImageAsyncTemplatesResponse.class);
    assertEquals(answer(VodTestServer.resource("seed/describe-response.json")), parsed);
    assertEquals(Json.GSON.toJsonTree(parsed), JsonParser.parseString(own.toJson(parsed)));
    assertEquals("{}", own.toJson(DescribeProcessImageAsyncTemplatesResponse.builder().build()).replaceAll("\\s", ""));
  }

  @Test
  void builderAndToBuilderGiveEqualValues() {
    DescribeProcessImageAsyncTemplatesResponse response = answer(VodTestServer.resource("seed/describe-response.json"));
    assertEquals(response, response.toBuilder().build());
    assertEquals(response.hashCode(), response.toBuilder().build().hashCode());
    assertFalse(response.equals(response.toBuilder().totalCount(2L).build()));
    assertTrue(response.toString().contains("Definition=7"));
  }

  @Test
  void unknownFieldsAtEveryLevelAreIgnored() {
    DescribeProcessImageAsyncTemplatesResponse response = answer("{\"Response\":{\"NewTopLevel\":{\"a\":[1,2]},"
        + "\"TotalCount\":1,\"RequestId\":\"r1\",\"ProcessImageAsyncTemplateSet\":[{\"Definition\":8,\"Brand\":\"new\","
        + "\"ProcessImageConfigure\":{\"Future\":true,\"EncodeConfig\":{\"Format\":\"JPEG\",\"Dpi\":300},"
        + "\"EnhanceConfig\":{\"Deblur\":{\"Switch\":\"ON\"},\"Denoise\":{\"Switch\":\"OFF\",\"Level\":3}}}}]},"
        + "\"Extra\":1}");
    ProcessImageAsyncTemplateItem item = response.processImageAsyncTemplateSet().get(0);
    assertEquals(8L, item.definition());
    assertEquals(ImageEncodeConfig.Format.JPEG, item.processImageConfigure().encodeConfig().format());
    assertEquals(ImageDenoiseConfig.Switch.OFF, item.processImageConfigure().enhanceConfig().denoise().switchValue());
  }

  @Test
  void unknownEnumValuesAreKeptRaw() {
    DescribeProcessImageAsyncTemplatesResponse response = answer("{\"Response\":{\"RequestId\":\"r\","
        + "\"ProcessImageAsyncTemplateSet\":[{\"ProcessImageConfigure\":{\"EncodeConfig\":{\"Format\":\"AVIF\"},"
        + "\"EnhanceConfig\":{\"ColorEnhance\":{\"Switch\":\"AUTO\",\"Type\":\"NORMAL\"}}}}]}}");
    ProcessImageAsyncTemplateItem item = response.processImageAsyncTemplateSet().get(0);
    ImageEncodeConfig encode = item.processImageConfigure().encodeConfig();
    assertEquals(ImageEncodeConfig.Format.UNKNOWN_TO_SDK_VERSION, encode.format());
    assertEquals("AVIF", encode.formatAsString());
    ColorEnhanceInfo color = item.processImageConfigure().enhanceConfig().colorEnhance();
    assertEquals(ColorEnhanceInfo.Switch.UNKNOWN_TO_SDK_VERSION, color.switchValue());
    assertEquals("AUTO", color.switchValueAsString());
    assertEquals(ColorEnhanceInfo.Type.UNKNOWN_TO_SDK_VERSION, color.type());
    assertEquals("NORMAL", color.typeAsString());
    assertEquals("{\"Format\":\"AVIF\"}", Json.GSON.toJson(encode), "the raw value is written back unchanged");
  }

  @Test
  void explicitNullsAreAcceptedAnywhere() {
    DescribeProcessImageAsyncTemplatesResponse response = answer("{\"Response\":{\"TotalCount\":null,\"RequestId\":\"r\","
        + "\"ProcessImageAsyncTemplateSet\":[{\"Definition\":null,\"Name\":null,\"ProcessImageConfigure\":{"
        + "\"EncodeConfig\":null,\"EnhanceConfig\":{\"SuperResolution\":null,\"Denoise\":{\"Switch\":null}},"
        + "\"BeautyConfig\":{\"BeautyEffectItems\":null,\"BeautyFilterItems\":[]},\"AiCutOutConfig\":{\"PatternConfig\":null}}}]}}");
    assertNull(response.totalCount());
    ProcessImageAsyncTemplateItem item = response.processImageAsyncTemplateSet().get(0);
    assertNull(item.definition());
    assertNull(item.processImageConfigure().encodeConfig());
    assertNull(item.processImageConfigure().enhanceConfig().denoise().switchValue());
    assertTrue(item.processImageConfigure().beautyConfig().beautyEffectItems().isEmpty());
    assertFalse(item.processImageConfigure().beautyConfig().hasBeautyEffectItems());
    assertTrue(item.processImageConfigure().beautyConfig().hasBeautyFilterItems());
    assertNull(item.processImageConfigure().aiCutOutConfig().patternConfig());
  }

  @Test
  void listsReadFromAResponseAreNeverNullAndCannotBeChanged() {
    DescribeProcessImageAsyncTemplatesResponse absent = answer("{\"Response\":{\"RequestId\":\"r\"}}");
    assertTrue(absent.processImageAsyncTemplateSet().isEmpty());
    assertFalse(absent.hasProcessImageAsyncTemplateSet());
    DescribeProcessImageAsyncTemplatesResponse nulled = answer("{\"Response\":{\"RequestId\":\"r\",\"ProcessImageAsyncTemplateSet\":null}}");
    assertTrue(nulled.processImageAsyncTemplateSet().isEmpty());
    DescribeProcessImageAsyncTemplatesResponse seed = answer(VodTestServer.resource("seed/describe-response.json"));
    assertThrows(UnsupportedOperationException.class, () -> seed.processImageAsyncTemplateSet().clear());
  }

  private static JsonElement withoutNulls(JsonElement element) {
    if (element.isJsonObject()) {
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
        if (!member.getValue().isJsonNull()) {
          copy.add(member.getKey(), withoutNulls(member.getValue()));
        }
      }
      return copy;
    }
    if (element.isJsonArray()) {
      com.google.gson.JsonArray copy = new com.google.gson.JsonArray();
      element.getAsJsonArray().forEach(item -> copy.add(withoutNulls(item)));
      return copy;
    }
    return element;
  }
}
