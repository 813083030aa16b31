package io.github.tcvod.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.exception.InvalidParameterValueException;
import io.github.tcvod.exception.LimitExceededException;
import io.github.tcvod.exception.ResourceNotFoundException;
import io.github.tcvod.model.CreateProcessImageAsyncTemplateRequest;
import io.github.tcvod.model.DeleteProcessImageAsyncTemplateRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.ImageEncodeConfig;
import io.github.tcvod.model.ModifyProcessImageAsyncTemplateRequest;
import io.github.tcvod.model.ProcessImageAsyncRequest;
import io.github.tcvod.model.ProcessImageAsyncTask;
import io.github.tcvod.model.ProcessImageAsyncTaskInput;
import io.github.tcvod.model.ProcessImageAsyncTemplateItem;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Create, modify and delete change what describe returns; ProcessImageAsync starts tasks. */
class TemplateLifecycleTest {
  private static VodClient client(VodEmulator emulator) {
    return VodClient.builder().endpoint(emulator.endpoint())
        .credentials(Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY)).build();
  }

  private static ProcessImageAsyncTemplateItem find(VodClient vod, long definition) {
    return vod.describeProcessImageAsyncTemplates(DescribeProcessImageAsyncTemplatesRequest.builder().definitions(definition).build())
        .processImageAsyncTemplateSet().stream().findFirst().orElse(null);
  }

  @Test
  void createModifyDeleteAreSeenByDescribe() {
    try (VodEmulator emulator = VodEmulator.start(); VodClient vod = client(emulator)) {
      long definition = vod.createProcessImageAsyncTemplate(CreateProcessImageAsyncTemplateRequest.builder()
          .name("thumbnails").comment("small WebP")
          .processImageConfigure(ProcessImageAsyncTask.builder()
              .encodeConfig(ImageEncodeConfig.builder().format(ImageEncodeConfig.Format.WEB_P).quality(60L).build()).build())
          .build()).definition();
      assertTrue(definition >= 10_001, "user templates get ids from 10001");
      ProcessImageAsyncTemplateItem created = find(vod, definition);
      assertEquals("thumbnails", created.name());
      assertEquals("Custom", created.type());
      assertEquals(ImageEncodeConfig.Format.WEB_P, created.processImageConfigure().encodeConfig().format());
      assertEquals(5L, vod.describeProcessImageAsyncTemplates(DescribeProcessImageAsyncTemplatesRequest.builder().build()).totalCount());

      assertNotNull(vod.modifyProcessImageAsyncTemplate(ModifyProcessImageAsyncTemplateRequest.builder()
          .definition(definition).name("thumbs").build()).requestId());
      ProcessImageAsyncTemplateItem modified = find(vod, definition);
      assertEquals("thumbs", modified.name());
      assertEquals("small WebP", modified.comment(), "fields left out keep their values");
      assertEquals(60L, modified.processImageConfigure().encodeConfig().quality());

      vod.deleteProcessImageAsyncTemplate(DeleteProcessImageAsyncTemplateRequest.builder().definition(definition).build());
      assertEquals(null, find(vod, definition));
      assertEquals(4L, vod.describeProcessImageAsyncTemplates(DescribeProcessImageAsyncTemplatesRequest.builder().build()).totalCount());
      ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class, () -> vod.deleteProcessImageAsyncTemplate(
          DeleteProcessImageAsyncTemplateRequest.builder().definition(definition).build()));
      assertEquals("ResourceNotFound.TemplateNotExist", gone.errorCode());
    }
  }

  @Test
  void presetsCannotBeDeletedAndTheTemplateCountIsLimited() {
    TemplateStore store = TemplateStore.withBundledTemplates();
    try (VodEmulator emulator = VodEmulator.start(store, Clock.systemUTC()); VodClient vod = client(emulator)) {
      assertEquals("InvalidParameterValue.DeleteDefaultTemplate", assertThrows(InvalidParameterValueException.class,
          () -> vod.deleteProcessImageAsyncTemplate(DeleteProcessImageAsyncTemplateRequest.builder().definition(10L).build())).errorCode());
      CreateProcessImageAsyncTemplateRequest create = CreateProcessImageAsyncTemplateRequest.builder()
          .processImageConfigure(ProcessImageAsyncTask.builder().build()).build();
      for (int i = 0; i < VodActions.MAX_USER_TEMPLATES; i++) {
        vod.createProcessImageAsyncTemplate(create);
      }
      assertEquals("LimitExceeded.TooMuchTemplate",
          assertThrows(LimitExceededException.class, () -> vod.createProcessImageAsyncTemplate(create)).errorCode());
      assertEquals(1, assertThrows(LimitExceededException.class, () -> vod.createProcessImageAsyncTemplate(create)).attempts(),
          "Create is not idempotent: never retried");
    }
  }

  @Test
  void processImageAsyncStartsATaskAndDeduplicatesBySession() {
    try (VodEmulator emulator = VodEmulator.start(); VodClient vod = client(emulator)) {
      ProcessImageAsyncRequest request = ProcessImageAsyncRequest.builder().subAppId(221073L)
          .url("https://example.com/cat.png").imageTaskInput(ProcessImageAsyncTaskInput.builder().definition(7L).build())
          .sessionId("upload-42").build();
      String first = vod.processImageAsync(request).taskId();
      assertTrue(first.startsWith("1500000-ProcessImageAsync-"), first);
      assertEquals(first, vod.processImageAsync(request).taskId(), "same SessionId, same task");
      assertNotEquals(first, vod.processImageAsync(request.toBuilder().sessionId("upload-43").build()).taskId());
      assertEquals("InvalidParameterValue.FileId", assertThrows(InvalidParameterValueException.class,
          () -> vod.processImageAsync(request.toBuilder().url(null).fileId("not-a-file").build())).errorCode());
    }
  }
}
