package com.example.jpms;

import io.github.tcvod.VodClient;
import io.github.tcvod.auth.Credentials;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.ProcessImageAsyncTemplateItem;
import java.util.ArrayList;
import java.util.List;

/** Application code in a named module. */
public final class TemplateNames {
  private TemplateNames() {
  }

  /**
   * @param endpoint the service's endpoint
   * @param credentials the key
   * @return the names of every template
   */
  public static List<String> all(String endpoint, Credentials credentials) {
    List<String> names = new ArrayList<>();
    try (VodClient vod = VodClient.builder().endpoint(endpoint).credentials(credentials).build()) {
      for (ProcessImageAsyncTemplateItem item : vod.describeProcessImageAsyncTemplatesPaginator(
          DescribeProcessImageAsyncTemplatesRequest.builder().build()).items()) {
        names.add(item.name());
      }
    }
    return names;
  }
}
