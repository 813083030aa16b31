package io.github.tcvod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.tcvod.exception.ErrorDetails;
import io.github.tcvod.exception.ResourceNotFoundException;
import io.github.tcvod.model.DeleteProcessImageAsyncTemplateRequest;
import io.github.tcvod.model.DeleteProcessImageAsyncTemplateResponse;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import io.github.tcvod.model.ProcessImageAsyncTemplateItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A user's unit tests of code that takes a {@link VodClient}: the client is an interface, so a test
 * replaces it with a hand-written class (no library) or with Mockito, and never starts a server.
 */
class VodClientMockingTest {
  /** Application code under test: it only knows the interface. */
  static final class TemplateJanitor {
    private final VodClient vod;

    TemplateJanitor(VodClient vod) {
      this.vod = vod;
    }

    List<String> allNames() {
      return vod.describeProcessImageAsyncTemplatesPaginator(DescribeProcessImageAsyncTemplatesRequest.builder().limit(2L).build())
          .stream().map(ProcessImageAsyncTemplateItem::name).collect(Collectors.toList());
    }

    boolean deleteIfPresent(long definition) {
      try {
        vod.deleteProcessImageAsyncTemplate(DeleteProcessImageAsyncTemplateRequest.builder().definition(definition).build());
        return true;
      } catch (ResourceNotFoundException e) {
        return false;
      }
    }
  }

  private static final List<String> NAMES = Arrays.asList("alpha", "beta", "gamma");

  private static DescribeProcessImageAsyncTemplatesResponse page(long offset, long limit) {
    List<ProcessImageAsyncTemplateItem> items = new ArrayList<>();
    for (long i = offset; i < Math.min(NAMES.size(), offset + limit); i++) {
      items.add(ProcessImageAsyncTemplateItem.builder().definition(10_001 + i).name(NAMES.get((int) i)).build());
    }
    return DescribeProcessImageAsyncTemplatesResponse.builder().totalCount((long) NAMES.size())
        .processImageAsyncTemplateSet(items).requestId("stub").build();
  }

  private static ResourceNotFoundException notFound() {
    return new ResourceNotFoundException(ErrorDetails.of("ResourceNotFound.TemplateNotExist", "no such template",
        "req-1", 200, "DeleteProcessImageAsyncTemplate"));
  }

  /** A plain stub: overrides the two methods the code under test reaches, and nothing else. */
  static final class StubVod implements VodClient {
    final List<Long> deleted = new ArrayList<>();

    @Override
    public DescribeProcessImageAsyncTemplatesResponse describeProcessImageAsyncTemplates(
        DescribeProcessImageAsyncTemplatesRequest request, CallOptions options) {
      return page(request.offset(), request.limit());
    }

    @Override
    public DeleteProcessImageAsyncTemplateResponse deleteProcessImageAsyncTemplate(
        DeleteProcessImageAsyncTemplateRequest request, CallOptions options) {
      if (request.definition() == 404L) {
        throw notFound();
      }
      deleted.add(request.definition());
      return DeleteProcessImageAsyncTemplateResponse.builder().requestId("stub").build();
    }
  }

  @Test
  void aHandWrittenStubDrivesTheOverloadsAndThePaginator() {
    StubVod stub = new StubVod();
    TemplateJanitor janitor = new TemplateJanitor(stub);

    assertEquals(NAMES, janitor.allNames(), "the paginator's default method pages through the stub");
    assertTrue(janitor.deleteIfPresent(10_002));
    assertFalse(janitor.deleteIfPresent(404));
    assertEquals(Arrays.asList(10_002L), stub.deleted);
    stub.close();
  }

  @Test
  void aMethodTheStubDoesNotOverrideSaysWhichOne() {
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> new StubVod().processImageAsyncAsync(null));
    assertEquals("VodClient.processImageAsyncAsync is not implemented by " + StubVod.class.getName(), e.getMessage());
  }

  @Test
  void mockitoMocksTheInterface() {
    VodClient vod = mock(VodClient.class);
    when(vod.describeProcessImageAsyncTemplatesPaginator(any())).thenCallRealMethod();
    when(vod.describeProcessImageAsyncTemplates(any(DescribeProcessImageAsyncTemplatesRequest.class)))
        .thenAnswer(call -> {
          DescribeProcessImageAsyncTemplatesRequest request = call.getArgument(0);
          return page(request.offset(), request.limit());
        });
    when(vod.deleteProcessImageAsyncTemplate(argThat(r -> r != null && r.definition() == 404L))).thenThrow(notFound());
    TemplateJanitor janitor = new TemplateJanitor(vod);

    assertEquals(NAMES, janitor.allNames());
    assertFalse(janitor.deleteIfPresent(404));
    assertTrue(janitor.deleteIfPresent(10_001));
    verify(vod, times(2)).describeProcessImageAsyncTemplates(any(DescribeProcessImageAsyncTemplatesRequest.class));
    verify(vod).deleteProcessImageAsyncTemplate(argThat(r -> r != null && r.definition() == 10_001L));
  }

  @Test
  void theBuiltClientIsNotAPublicClass() {
    try (VodClient vod = VodClient.builder().credentials(io.github.tcvod.auth.Credentials.of("id", "key")).build()) {
      assertFalse(java.lang.reflect.Modifier.isPublic(vod.getClass().getModifiers()), vod.getClass().getName());
      assertTrue(vod instanceof VodClient);
    }
  }
}
