package io.github.tcvod.emulator;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.util.UUID;

/** API 3.0 answers: HTTP 200 and a {@code Response} envelope with a fresh RequestId. */
final class ApiAnswers {
  static final Gson GSON = new Gson();

  private ApiAnswers() {
  }

  static ResponseDefinition success(JsonObject fields) {
    JsonObject response = fields.deepCopy();
    response.addProperty("RequestId", UUID.randomUUID().toString());
    return envelope(response).build();
  }

  static ResponseDefinition error(String code, String message) {
    return error(code, message, null);
  }

  /** An error answer carrying the server's {@code Date}, as the service sends with AuthFailure.SignatureExpire. */
  static ResponseDefinition error(String code, String message, java.time.Instant serverTime) {
    JsonObject error = new JsonObject();
    error.addProperty("Code", code);
    error.addProperty("Message", message);
    JsonObject response = new JsonObject();
    response.add("Error", error);
    response.addProperty("RequestId", UUID.randomUUID().toString());
    ResponseDefinitionBuilder answer = envelope(response);
    if (serverTime != null) {
      answer.withHeader("Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
          serverTime.atZone(java.time.ZoneOffset.UTC)));
    }
    return answer.build();
  }

  private static ResponseDefinitionBuilder envelope(JsonObject response) {
    JsonObject root = new JsonObject();
    root.add("Response", response);
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(GSON.toJson(root));
  }
}
