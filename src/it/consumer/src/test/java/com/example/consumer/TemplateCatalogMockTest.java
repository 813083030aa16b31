package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.tcvod.VodClient;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import io.github.tcvod.model.ProcessImageAsyncTemplateItem;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The application's code tested with a Mockito mock of the client: no server, no credentials. */
class TemplateCatalogMockTest {
  @Test
  void namesComeFromEveryPageOfTheMockedClient() {
    VodClient vod = mock(VodClient.class);
    when(vod.describeProcessImageAsyncTemplatesPaginator(any())).thenCallRealMethod();
    when(vod.describeProcessImageAsyncTemplates(any(DescribeProcessImageAsyncTemplatesRequest.class))).thenAnswer(call -> {
      DescribeProcessImageAsyncTemplatesRequest request = call.getArgument(0);
      return request.offset() == 0
          ? page(item(1, "one"), item(2, "two"))
          : page(item(3, "three"));
    });
    assertEquals(Arrays.asList("one", "two", "three"), new TemplateCatalog(vod).names());
  }

  private static ProcessImageAsyncTemplateItem item(long definition, String name) {
    return ProcessImageAsyncTemplateItem.builder().definition(definition).name(name).build();
  }

  private static DescribeProcessImageAsyncTemplatesResponse page(ProcessImageAsyncTemplateItem... items) {
    return DescribeProcessImageAsyncTemplatesResponse.builder().totalCount(3L).processImageAsyncTemplateSet(items).build();
  }
}
