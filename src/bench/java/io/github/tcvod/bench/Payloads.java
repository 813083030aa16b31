package io.github.tcvod.bench;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The answers the benchmarks read: the seed page's example and a generated page. */
final class Payloads {
  private Payloads() {
  }

  static byte[] seedResponse() {
    try (InputStream in = Payloads.class.getResourceAsStream("/seed/describe-response.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the JSON without the whitespace between its tokens */
  static byte[] compact(byte[] json) {
    return JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A page of {@code n} templates shaped like the seed's, with every enhancement set. */
  static byte[] pageOf(int n) {
    StringBuilder json = new StringBuilder("{\"Response\":{\"TotalCount\":").append(n * 3).append(",\"ProcessImageAsyncTemplateSet\":[");
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"Comment\":\"comment ").append(i).append("\",\"CreateTime\":\"2026-01-20T03:02:33Z\",\"Definition\":")
          .append(10_000 + i).append(",\"Name\":\"template-").append(i).append("\",\"ProcessImageConfigure\":{")
          .append("\"EncodeConfig\":{\"Format\":\"PNG\",\"Quality\":100},\"EnhanceConfig\":{")
          .append("\"AdvancedSuperResolution\":{\"Height\":720,\"Mode\":\"percent\",\"Percent\":2,\"Switch\":\"ON\",\"Type\":\"standard\",\"Width\":1280},")
          .append("\"ColorEnhance\":{\"Switch\":\"ON\",\"Type\":\"weak\"},\"Denoise\":{\"Switch\":\"ON\",\"Type\":\"weak\"},")
          .append("\"FaceEnhance\":{\"Intensity\":1,\"Switch\":\"ON\"},\"ImageQualityEnhance\":{\"Switch\":\"ON\",\"Type\":\"weak\"},")
          .append("\"LowLightEnhance\":{\"Switch\":\"ON\",\"Type\":\"normal\"},\"SharpEnhance\":{\"Intensity\":1,\"Switch\":\"ON\"},")
          .append("\"SuperResolution\":null}},\"Type\":\"Custom\",\"UpdateTime\":\"2026-01-26T09:21:49Z\"}");
    }
    return json.append("],\"RequestId\":\"08cfed0c-2b5a-41bf-b0dd-b1985db203d8\"}}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
