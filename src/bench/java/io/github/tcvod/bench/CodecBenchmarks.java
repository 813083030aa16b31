package io.github.tcvod.bench;

import io.github.tcvod.auth.Credentials;
import io.github.tcvod.auth.Tc3Signer;
import io.github.tcvod.internal.Json;
import io.github.tcvod.internal.http.ResponseReader;
import io.github.tcvod.internal.json.ByteJsonReader;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesRequest;
import io.github.tcvod.model.DescribeProcessImageAsyncTemplatesResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The per-call work of the SDK apart from the network: signing, serializing the seed request and a
 * 100-item page, reading the seed response and a 100-item page. Run with {@code -prof gc} for bytes per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmarks {
  private final Credentials credentials = Credentials.of("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE");
  private final Tc3Signer cachedSigner = Tc3Signer.create();
  private final DescribeProcessImageAsyncTemplatesRequest seedRequest =
      DescribeProcessImageAsyncTemplatesRequest.builder().subAppId(221073L).definitions(7L).build();
  private final byte[] seedBody = "{\"SubAppId\":221073,\"Definitions\":[7]}".getBytes(StandardCharsets.UTF_8);
  private final ResponseReader reader = new ResponseReader(Json.GSON);
  private final byte[] seedResponse = Payloads.seedResponse();
  /** The seed response without its indentation (690 of its 1,451 bytes), as the service sends JSON. */
  private final byte[] compactSeedResponse = Payloads.compact(seedResponse);
  private final byte[] pageResponse = Payloads.pageOf(100);
  private final DescribeProcessImageAsyncTemplatesResponse page =
      reader.read("DescribeProcessImageAsyncTemplates", 200, pageResponse, DescribeProcessImageAsyncTemplatesResponse.class);
  private long timestamp = 1_769_419_309L;

  @Benchmark
  public String signWithCachedKey() {
    return cachedSigner.authorization(credentials, "vod", timestamp, "vod.intl.tencentcloudapi.com",
        "application/json; charset=utf-8", seedBody);
  }

  /** A new signer has an empty key cache: every call derives the day's key (4 extra HMACs). */
  @Benchmark
  public String signDerivingTheKey() {
    return Tc3Signer.create().authorization(credentials, "vod", timestamp, "vod.intl.tencentcloudapi.com",
        "application/json; charset=utf-8", seedBody);
  }

  @Benchmark
  public byte[] serializeSeedRequest() {
    return Json.toUtf8(Json.GSON, seedRequest);
  }

  /** Nested models, lists of models and enums: what a large request (a template with every setting) costs to write. */
  @Benchmark
  public byte[] serialize100ItemPage() {
    return Json.toUtf8(Json.GSON, page);
  }

  @Benchmark
  public DescribeProcessImageAsyncTemplatesResponse parseSeedResponse() {
    return reader.read("DescribeProcessImageAsyncTemplates", 200, seedResponse, DescribeProcessImageAsyncTemplatesResponse.class);
  }

  @Benchmark
  public DescribeProcessImageAsyncTemplatesResponse parseCompactSeedResponse() {
    return reader.read("DescribeProcessImageAsyncTemplates", 200, compactSeedResponse, DescribeProcessImageAsyncTemplatesResponse.class);
  }

  /** The byte reader's pass over the seed response alone, binding nothing: what is left of a parse is the binding. */
  @Benchmark
  public boolean scanSeedResponse() throws IOException {
    ByteJsonReader scan = ByteJsonReader.open(seedResponse, 0, seedResponse.length);
    try {
      scan.skipValue();
      return scan.refused();
    } finally {
      scan.close();
    }
  }

  @Benchmark
  public DescribeProcessImageAsyncTemplatesResponse parse100ItemPage() {
    return reader.read("DescribeProcessImageAsyncTemplates", 200, pageResponse, DescribeProcessImageAsyncTemplatesResponse.class);
  }
}
