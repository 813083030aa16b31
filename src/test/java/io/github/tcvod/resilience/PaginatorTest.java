package io.github.tcvod.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tcvod.VodClient;
import io.github.tcvod.VodTestServer;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.emulator.VodEmulator;
import io.github.tcvod.emulator.VodEmulatorExtension;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import io.github.tcvod.model.ProcessImageAsyncTemplateItem;
import io.github.tcvod.paging.OffsetPaginator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaginatorTest {
  @RegisterExtension
  static VodEmulatorExtension emulator = new VodEmulatorExtension();

  /** Answers every page in full and claims a TotalCount that keeps growing. */
  static final class GrowingServer implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent event) {
      JsonObject body = JsonParser.parseString(event.getRequest().getBodyAsString()).getAsJsonObject();
      long offset = body.has("Offset") ? body.get("Offset").getAsLong() : 0;
      long limit = body.get("Limit").getAsLong();
      StringBuilder items = new StringBuilder();
      for (long i = 0; i < limit; i++) {
        items.append(i == 0 ? "" : ",").append("{\"Definition\":").append(offset + i).append('}');
      }
      return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(200)
          .withBody("{\"Response\":{\"TotalCount\":" + (offset + 3 * limit)
              + ",\"ProcessImageAsyncTemplateSet\":[" + items + "],\"RequestId\":\"r\"}}").build();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return "growing";
    }
  }

  @RegisterExtension
  static WireMockExtension growing = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().extensions(new GrowingServer()))
      .build();

  private VodClient emulatorClient() {
    return VodClient.builder().endpoint(emulator.emulator().endpoint())
        .credentials(Credentials.of(VodEmulator.SECRET_ID, VodEmulator.SECRET_KEY)).build();
  }

  @Test
  void aTotalCountNearTheLargestLongDoesNotEndPagingEarly() {
    // (total + pageSize - 1) overflowed: the bound on pages went negative and paging stopped after one page.
    List<Long> offsets = new ArrayList<>();
    OffsetPaginator<List<Integer>, Integer> pages = new OffsetPaginator<>(0, 2, (offset, limit) -> {
      offsets.add(offset);
      return offset < 6 ? Arrays.asList(1, 2) : new ArrayList<>();
    }, page -> page, page -> Long.MAX_VALUE);
    int items = 0;
    for (Integer item : pages.items()) {
      items += item;
    }
    assertEquals(9, items);
    assertEquals(Arrays.asList(0L, 2L, 4L, 6L), offsets);
  }

  @Test
  void aTotalCountThatKeepsGrowingStopsOnePageAfterWhatTheFirstCalledFor() {
    // Always 100 more than fetched so far: only the bound from the first TotalCount ends it.
    List<Long> offsets = new ArrayList<>();
    OffsetPaginator<List<Integer>, Integer> pages = new OffsetPaginator<>(2, 3, (offset, limit) -> {
      offsets.add(offset);
      return Arrays.asList(1, 2, 3);
    }, page -> page, page -> offsets.get(offsets.size() - 1) + 100);
    int count = 0;
    for (List<Integer> page : pages) {
      count++;
    }
    // the first TotalCount, 102, leaves 100 items after offset 2: 34 pages of 3, then one more
    assertEquals(35, count);
    assertEquals(Long.valueOf(2 + 34 * 3), offsets.get(offsets.size() - 1));
    assertThrows(IllegalArgumentException.class, () -> new OffsetPaginator<List<Integer>, Integer>(0, 0,
        (offset, limit) -> null, page -> page, page -> 0L));
  }

  @Test
  void itemsOfEveryPageInOrder() {
    try (VodClient vod = emulatorClient()) {
      OffsetPaginator<DescribeProcessImageAsyncTemplatesResponse, ProcessImageAsyncTemplateItem> pages =
          vod.describeProcessImageAsyncTemplatesPaginator(DescribeProcessImageAsyncTemplatesRequest.builder().limit(1L).build());
      List<Long> ids = pages.stream().map(ProcessImageAsyncTemplateItem::definition).collect(Collectors.toList());
      assertEquals(Arrays.asList(7L, 10L, 20L, 30L), ids);
      List<Integer> sizes = new ArrayList<>();
      pages.forEach(page -> sizes.add(page.processImageAsyncTemplateSet().size()));
      assertEquals(Arrays.asList(1, 1, 1, 1), sizes, "stops at TotalCount without an extra call");
    }
  }

  @Test
  void defaultPageSizeIsTheLargestAllowed() {
    try (VodClient vod = emulatorClient()) {
      List<DescribeProcessImageAsyncTemplatesResponse> pages = new ArrayList<>();
      vod.describeProcessImageAsyncTemplatesPaginator(DescribeProcessImageAsyncTemplatesRequest.builder().build()).forEach(pages::add);
      assertEquals(1, pages.size());
      assertEquals(4, pages.get(0).processImageAsyncTemplateSet().size());
    }
  }

  @Test
  void filterAndStartOffsetAreKept() {
    try (VodClient vod = emulatorClient()) {
      List<Long> ids = new ArrayList<>();
      vod.describeProcessImageAsyncTemplatesPaginator(DescribeProcessImageAsyncTemplatesRequest.builder()
          .definitions(10L, 20L, 30L, 404L).offset(1L).limit(1L).build()).items().forEach(item -> ids.add(item.definition()));
      assertEquals(Arrays.asList(20L, 30L), ids);
    }
  }

  @Test
  void nothingIsFetchedUntilIterated() {
    try (VodClient vod = VodTestServer.clientOf(growing.getPort()).build()) {
      vod.describeProcessImageAsyncTemplatesPaginator(DescribeProcessImageAsyncTemplatesRequest.builder().build());
    }
    assertEquals(0, growing.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void aCountThatKeepsGrowingCannotLoopForever() {
    growing.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withTransformers("growing")));
    try (VodClient vod = VodTestServer.clientOf(growing.getPort()).build()) {
      long items = vod.describeProcessImageAsyncTemplatesPaginator(
          DescribeProcessImageAsyncTemplatesRequest.builder().limit(10L).build()).stream().count();
      assertEquals(40, items, "the first TotalCount (30) called for 3 pages; one more is allowed");
    }
    assertEquals(4, growing.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void anEmptyPageEndsIteration() {
    growing.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(
        "{\"Response\":{\"TotalCount\":500,\"ProcessImageAsyncTemplateSet\":[],\"RequestId\":\"r\"}}")));
    try (VodClient vod = VodTestServer.clientOf(growing.getPort()).build()) {
      assertEquals(0, vod.describeProcessImageAsyncTemplatesPaginator(
          DescribeProcessImageAsyncTemplatesRequest.builder().build()).stream().count());
    }
    assertEquals(1, growing.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void aPageWithoutItsListIsAnEmptyPageNotANullPointerException() {
    // stream() took a null list for an empty one, but the page iterator read its size first.
    List<Long> offsets = new ArrayList<>();
    OffsetPaginator<String, Integer> pages = new OffsetPaginator<>(0, 10, (offset, limit) -> {
      offsets.add(offset);
      return "a page without its list";
    }, page -> null, page -> 25L);
    assertEquals(0, pages.stream().count());
    List<String> seen = new ArrayList<>();
    pages.forEach(seen::add);
    assertEquals(Arrays.asList("a page without its list"), seen, "the page is still seen, and ends the paging");
    assertEquals(Arrays.asList(0L, 0L), offsets, "one fetch per iteration");
  }
}
