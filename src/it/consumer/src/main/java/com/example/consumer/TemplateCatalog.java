package com.example.consumer;

import io.github.tcvod.VodClient;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.ProcessImageAsyncTemplateItem;
import java.util.ArrayList;
import java.util.List;

/** Application code, compiled for Java 8 against the published SDK. */
public final class TemplateCatalog {
  private final VodClient vod;

  public TemplateCatalog(VodClient vod) {
    this.vod = vod;
  }

  /** @return the names of every template, all pages */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (ProcessImageAsyncTemplateItem item : vod.describeProcessImageAsyncTemplatesPaginator(
        DescribeProcessImageAsyncTemplatesRequest.builder().limit(2L).build()).items()) {
      names.add(item.name());
    }
    return names;
  }
}
