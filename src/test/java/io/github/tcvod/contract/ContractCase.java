package io.github.tcvod.contract;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/** One file of {@code src/test/resources/contract/cases}: a call, the canned answer, and what must follow. */
final class ContractCase {
  String description;
  /** The service whose generated client runs the case, e.g. {@code sts}; VOD when absent. */
  String service;
  String action;
  /**
   * Sends the action by name, {@code call(action, input)}, instead of the typed method: the input
   * goes as given and {@code expect.result} is the Response object as answered.
   */
  boolean call;
  JsonObject input;
  /** Signs with this secret key instead of the server's, to provoke AuthFailure.SignatureFailure. */
  String clientSecretKey;
  /** Shifts the client's clock, to provoke AuthFailure.SignatureExpire. */
  long clientClockOffsetSeconds;
  Answer answer;
  Expect expect;

  static final class Answer {
    int status = 200;
    Map<String, String> headers;
    /** The body as text, for bodies that are not JSON. */
    String body;
    /** The body as JSON. */
    JsonElement bodyJson;
    /** A WireMock fault name instead of an answer, e.g. CONNECTION_RESET_BY_PEER. */
    String fault;
  }

  static final class Expect {
    Integer requests;
    WireRequest request;
    JsonObject result;
    List<TypedCheck> typed;
    Failure error;
  }

  static final class WireRequest {
    /** Header values; "*" means present with any value, null means absent. */
    Map<String, String> headers;
    JsonElement body;
  }

  static final class TypedCheck {
    /** Accessor chain from the response, e.g. {@code processImageAsyncTemplateSet[0].name}. */
    String path;
    /** Expected value as text ({@code String.valueOf}); "null" for null. */
    String equals;
  }

  static final class Failure {
    /** Simple name of the exception class. */
    String type;
    String code;
    String requestId;
    Integer httpStatus;
    Boolean retryable;
    /** Text the message must contain. */
    String messageContains;
  }
}
