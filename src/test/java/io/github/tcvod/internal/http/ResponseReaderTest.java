package io.github.tcvod.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tcvod.exception.ResourceNotFoundException;
import io.github.tcvod.exception.VodServiceException;
import io.github.tcvod.internal.Json;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one-pass read from bytes: the same answers as decoding to a String and scanning for errors first. */
class ResponseReaderTest {
  private final ResponseReader reader = new ResponseReader(Json.GSON);

  private DescribeProcessImageAsyncTemplatesResponse read(byte[] body) {
    return reader.read("DescribeProcessImageAsyncTemplates", 200, body, DescribeProcessImageAsyncTemplatesResponse.class);
  }

  @Test
  void bytesThatAreNotUtf8AreReplacedAsTheJdkDecoderDoes() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] head = "{\"Response\":{\"RequestId\":\"r".getBytes(StandardCharsets.UTF_8);
    body.write(head, 0, head.length);
    body.write(0xc3);
    body.write(0xff);
    body.write(0xe4);
    body.write(0xb8);
    byte[] tail = "\u4e2d\",\"TotalCount\":1}}".getBytes(StandardCharsets.UTF_8);
    body.write(tail, 0, tail.length);
    String expected = new String(body.toByteArray(), StandardCharsets.UTF_8);
    expected = expected.substring(expected.indexOf("\"r") + 1, expected.indexOf("\",\"Total"));

    DescribeProcessImageAsyncTemplatesResponse response = read(body.toByteArray());

    assertEquals(expected, response.requestId());
    assertEquals(1L, response.totalCount());
  }

  @Test
  void supplementaryCharactersReadIntact() {
    String id = "\ud83d\ude00-\u4e2d";
    assertEquals(id, read(("{\"Response\":{\"RequestId\":\"" + id + "\"}}").getBytes(StandardCharsets.UTF_8)).requestId());
  }

  /** The error is noticed during the one pass, after fields that bind, and whatever the spelling of its name. */
  @Test
  void anErrorMemberOfResponseIsAnApiErrorHoweverItIsSpelledAndWhereverItStands() {
    for (String name : new String[] {"Error", "\\u0045rror", "\\u0045\\u0072ror"}) {
      String body = "{\"Response\":{\"TotalCount\":3,\"RequestId\":\"req-1\",\"" + name
          + "\":{\"Code\":\"ResourceNotFound\",\"Message\":\"no such template\"}}}";
      VodServiceException e = assertThrows(ResourceNotFoundException.class, () -> read(body.getBytes(StandardCharsets.UTF_8)));
      assertEquals("req-1", e.requestId());
    }
  }

  @Test
  void anErrorMemberOutsideResponseOrNestedDeeperIsNotAnApiError() {
    String body = "{\"Error\":{\"Code\":\"ResourceNotFound\"},\"Response\":{\"TotalCount\":2,"
        + "\"ProcessImageAsyncTemplateSet\":[{\"Error\":{\"Code\":\"ResourceNotFound\"}}],\"RequestId\":\"Error\"}}";
    DescribeProcessImageAsyncTemplatesResponse response = read(body.getBytes(StandardCharsets.UTF_8));
    assertEquals(2L, response.totalCount());
    assertEquals("Error", response.requestId());
  }

  @Test
  void aNullErrorIsNoError() {
    String body = "{\"Response\":{\"Error\":null,\"TotalCount\":4}}";
    assertEquals(4L, read(body.getBytes(StandardCharsets.UTF_8)).totalCount());
  }
}
