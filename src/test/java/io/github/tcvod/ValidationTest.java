package io.github.tcvod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.tcvod.model.AdvancedSuperResolutionConfig;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.ImageEncodeConfig;
import io.github.tcvod.model.PatternConfig;
import io.github.tcvod.model.ProcessImageAsyncTemplateItem;
import io.github.tcvod.model.SharpEnhanceInfo;
import io.github.tcvod.model.SuperResolutionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Out-of-range input is refused with a message naming field and limit, and nothing is sent. */
class ValidationTest {
  @RegisterExtension
  static WireMockExtension server = VodTestServer.wireMock();

  @AfterEach
  void nothingWasSent() {
    assertEquals(0, server.findAll(anyRequestedFor(anyUrl())).size(), "no request may reach the server");
  }

  static Stream<Arguments> invalid() {
    List<Long> tooMany = new ArrayList<>();
    LongStream.rangeClosed(1, 101).forEach(tooMany::add);
    return Stream.of(
        Arguments.of("DescribeProcessImageAsyncTemplatesRequest.Limit must be at most 100, was 101",
            (Supplier<Object>) () -> DescribeProcessImageAsyncTemplatesRequest.builder().limit(101L).build()),
        Arguments.of("DescribeProcessImageAsyncTemplatesRequest.Limit must be at least 0, was -1",
            (Supplier<Object>) () -> DescribeProcessImageAsyncTemplatesRequest.builder().limit(-1L).build()),
        Arguments.of("DescribeProcessImageAsyncTemplatesRequest.Offset must be at least 0, was -1",
            (Supplier<Object>) () -> DescribeProcessImageAsyncTemplatesRequest.builder().offset(-1L).build()),
        Arguments.of("DescribeProcessImageAsyncTemplatesRequest.SubAppId must be at least 0, was -5",
            (Supplier<Object>) () -> DescribeProcessImageAsyncTemplatesRequest.builder().subAppId(-5L).build()),
        Arguments.of("DescribeProcessImageAsyncTemplatesRequest.Definitions must have at most 100 items, had 101",
            (Supplier<Object>) () -> DescribeProcessImageAsyncTemplatesRequest.builder().definitions(tooMany).build()),
        Arguments.of("ImageEncodeConfig.Quality must be at least 1, was 0",
            (Supplier<Object>) () -> ImageEncodeConfig.builder().quality(0L).build()),
        Arguments.of("ImageEncodeConfig.Quality must be at most 100, was 101",
            (Supplier<Object>) () -> ImageEncodeConfig.builder().quality(101L).build()),
        Arguments.of("AdvancedSuperResolutionConfig.Width must be at most 4096, was 4097",
            (Supplier<Object>) () -> AdvancedSuperResolutionConfig.builder().width(4097L).build()),
        Arguments.of("AdvancedSuperResolutionConfig.Percent must be a finite number, was NaN",
            (Supplier<Object>) () -> AdvancedSuperResolutionConfig.builder().percent(Double.NaN).build()),
        Arguments.of("SharpEnhanceInfo.Intensity must be at most 1.0, was 1.5",
            (Supplier<Object>) () -> SharpEnhanceInfo.builder().switchValue(SharpEnhanceInfo.Switch.ON).intensity(1.5).build()),
        Arguments.of("SharpEnhanceInfo.Switch is required",
            (Supplier<Object>) () -> SharpEnhanceInfo.builder().intensity(0.5).build()),
        Arguments.of("SuperResolutionInfo.Size must be at most 2, was 3",
            (Supplier<Object>) () -> SuperResolutionInfo.builder().switchValue("ON").size(3L).build()),
        Arguments.of("PatternConfig.EdgeSamplingStep must be at least 1, was 0",
            (Supplier<Object>) () -> PatternConfig.builder().edgeSamplingStep(0L).build()),
        Arguments.of("PatternConfig.OpaqueThreshold must be at most 255, was 256",
            (Supplier<Object>) () -> PatternConfig.builder().opaqueThreshold(256L).build()),
        Arguments.of("ProcessImageAsyncTemplateItem.Name must have at most 64 characters, had 65",
            (Supplier<Object>) () -> ProcessImageAsyncTemplateItem.builder().name(repeat("名", 65)).build()),
        Arguments.of("ImageEncodeConfig.Format: UNKNOWN_TO_SDK_VERSION cannot be sent; pass the raw value as a String",
            (Supplier<Object>) () -> ImageEncodeConfig.builder().format(ImageEncodeConfig.Format.UNKNOWN_TO_SDK_VERSION)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void outOfRangeValueIsRefusedBeforeSending(String message, Supplier<Object> build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
    assertEquals(message, e.getMessage());
  }

  @Test
  void limitsThemselvesAreAccepted() {
    List<Long> hundred = new ArrayList<>();
    LongStream.rangeClosed(1, 100).forEach(hundred::add);
    DescribeProcessImageAsyncTemplatesRequest request = DescribeProcessImageAsyncTemplatesRequest.builder()
        .limit(100L).offset(0L).definitions(hundred).build();
    assertEquals(100, request.definitions().size());
    assertEquals(64, ProcessImageAsyncTemplateItem.builder().name(repeat("名", 64)).build().name().length());
    assertEquals(1.0, SharpEnhanceInfo.builder().switchValue("ON").intensity(1.0).build().intensity());
  }

  @Test
  void nullRequestIsRefusedBeforeSending() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    try (VodClient vod = VodTestServer.clientOf(server.getPort()).build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> vod.describeProcessImageAsyncTemplates(null));
      assertEquals("DescribeProcessImageAsyncTemplates: request must not be null", e.getMessage());
    }
  }

  @Test
  void builderOptionsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> VodClient.builder().endpoint("http://127.0.0.1:1/v2"));
    assertThrows(IllegalArgumentException.class, () -> VodClient.builder().endpoint(" "));
    assertThrows(IllegalArgumentException.class, () -> VodClient.builder().language("fr-FR"));
    assertThrows(IllegalArgumentException.class, () -> VodClient.builder().readTimeout(java.time.Duration.ZERO));
  }

  private static String repeat(String text, int times) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < times; i++) {
      out.append(text);
    }
    return out.toString();
  }
}
