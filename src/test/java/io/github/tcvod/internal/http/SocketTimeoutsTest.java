package io.github.tcvod.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.Provider;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.junit.jupiter.api.Test;

class SocketTimeoutsTest {
  private static final HttpUrl ENDPOINT = HttpUrl.get("https://vod.tencentcloudapi.com/");
  private static final SocketWatchdog WATCHDOG = new SocketWatchdog(TimeUnit.MILLISECONDS.toNanos(1234),
      TimeUnit.MILLISECONDS.toNanos(4321), System::nanoTime);

  private static ProxySelector selecting(Proxy... proxies) {
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return Arrays.asList(proxies);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {
      }
    };
  }

  /** A selector that answers "no proxy" and notes what it was asked about. */
  private static ProxySelector recording(AtomicReference<URI> asked) {
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        asked.set(uri);
        return Collections.singletonList(Proxy.NO_PROXY);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {
      }
    };
  }

  private static final Proxy SOCKS = new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved("socks.example", 1080));
  private static final Proxy HTTP = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.example", 8080));

  @Test
  void okHttpIsToldNoTimeoutsAndTheSocketsKeepTheSdks() throws IOException {
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    SocketTimeouts.apply(builder, WATCHDOG, true);
    OkHttpClient http = builder.build();
    assertEquals(0, http.readTimeoutMillis(), "no Okio timeout around each read");
    assertEquals(0, http.writeTimeoutMillis(), "no Okio timeout around each write");
    assertEquals(Collections.singletonList(Protocol.HTTP_1_1), http.protocols(),
        "HTTP/2 asks its reader's socket for no timeout, and would get the SDK's");
    try (Socket socket = http.socketFactory().createSocket()) {
      assertTrue(socket instanceof TimedSocket, "the watchdog keeps the timeouts of the factory's sockets");
      assertEquals(0, socket.getSoTimeout(), "reads block without SO_TIMEOUT, which would make the JDK poll first");
    }
  }

  @Test
  void whereTheSocketsCannotKeepThemOkHttpKeepsTheTimeouts() {
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    SocketFactory original = builder.build().socketFactory();
    SocketTimeouts.apply(builder, WATCHDOG, false);
    OkHttpClient http = builder.build();
    assertEquals(1234, http.readTimeoutMillis(), "a SOCKS socket, or TLS that is not the JDK's");
    assertEquals(4321, http.writeTimeoutMillis());
    assertSame(original, http.socketFactory());
    assertTrue(http.protocols().contains(Protocol.HTTP_2));
  }

  @Test
  void whetherASocksProxyMayBeUsed() {
    assertFalse(SocketTimeouts.throughSocksProxy(null, ENDPOINT));
    assertFalse(SocketTimeouts.throughSocksProxy(selecting(Proxy.NO_PROXY), ENDPOINT));
    assertFalse(SocketTimeouts.throughSocksProxy(selecting(HTTP, Proxy.NO_PROXY), ENDPOINT));
    assertTrue(SocketTimeouts.throughSocksProxy(selecting(HTTP, SOCKS), ENDPOINT));
    ProxySelector failing = new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        throw new IllegalStateException("no idea");
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {
      }
    };
    assertTrue(SocketTimeouts.throughSocksProxy(failing, ENDPOINT), "a selector that cannot say may say SOCKS later");
    AtomicReference<URI> asked = new AtomicReference<>();
    assertFalse(SocketTimeouts.throughSocksProxy(recording(asked), HttpUrl.get("http://[::1]:8080/")));
    assertEquals("[::1]", asked.get().getHost(), "an IPv6 endpoint is asked about as a well-formed URI");
  }

  @Test
  void theJdksTlsIsRecognizedAndTheDecisionFollowsTheEndpoint() {
    assertTrue(SocketTimeouts.tlsSocketsAreTheJdks(), "this JVM's TLS is the JDK's own");
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    SocketTimeouts.apply(builder, WATCHDOG, HttpUrl.get("http://127.0.0.1:8080/"));
    assertEquals(0, builder.build().readTimeoutMillis(), "no proxy here: the sockets keep the timeouts");
  }

  @Test
  void theSelectorIsAskedAboutTheEndpoint() {
    AtomicReference<URI> asked = new AtomicReference<>();
    SocketTimeouts.throughSocksProxy(recording(asked), HttpUrl.get("http://127.0.0.1:8080/"));
    assertEquals(URI.create("http://127.0.0.1:8080/"), asked.get());
  }

  @Test
  void connectedSocketsOfTheFactoryTimeOutTheirReads() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), this::connectAndReadNothing);
  }

  private void connectAndReadNothing() throws Exception {
    SocketWatchdog watchdog = new SocketWatchdog(TimeUnit.MILLISECONDS.toNanos(200), TimeUnit.SECONDS.toNanos(1),
        System::nanoTime);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    watchdog.bind((task, delay) -> {
      scheduler.schedule(task, delay, TimeUnit.NANOSECONDS);
      return true;
    });
    SocketFactory factory = new SocketTimeouts.Factory(watchdog);
    // The backlog takes the four connections, never accepted: the kernel completes them.
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      int port = server.getLocalPort();
      InetAddress loopback = InetAddress.getLoopbackAddress();
      List<Socket> sockets = Arrays.asList(factory.createSocket(loopback, port),
          factory.createSocket(loopback.getHostAddress(), port),
          factory.createSocket(loopback, port, loopback, 0),
          factory.createSocket(loopback.getHostAddress(), port, loopback, 0));
      try {
        for (Socket socket : sockets) {
          assertTrue(socket.isConnected());
          assertEquals(port, socket.getPort());
          assertTrue(socket instanceof TimedSocket);
        }
        Socket first = sockets.get(0);
        long start = System.nanoTime();
        assertThrows(SocketTimeoutException.class, () -> first.getInputStream().read());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 150 && millis < 5_000, "the read waited " + millis + " ms for a 200 ms timeout");
      } finally {
        for (Socket socket : sockets) {
          socket.close();
        }
        scheduler.shutdownNow();
      }
    }
  }

  @Test
  void aSocketBoundToALocalPortUsesIt() throws IOException {
    int localPort = freePort();
    SocketWatchdog watchdog = new SocketWatchdog(1_000_000_000L, 1_000_000_000L, System::nanoTime);
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
         Socket socket = new SocketTimeouts.Factory(watchdog).createSocket(InetAddress.getLoopbackAddress(),
             server.getLocalPort(), InetAddress.getLoopbackAddress(), localPort)) {
      assertEquals(localPort, socket.getLocalPort());
    }
  }

  @Test
  void aSocketThatCannotConnectIsClosedAndForgotten() throws IOException {
    int closedPort = freePort();
    SocketWatchdog watchdog = new SocketWatchdog(1_000_000_000L, 1_000_000_000L, System::nanoTime);
    SocketFactory factory = new SocketTimeouts.Factory(watchdog);
    assertThrows(IOException.class, () -> factory.createSocket(InetAddress.getLoopbackAddress(), closedPort));
    assertEquals(0, watchdog.size(), "the socket was closed, so the watchdog let go of it");
  }

  /** @return a port of 127.0.0.1 that a server had a moment ago, now closed */
  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  private static Provider provider(String name) {
    return new Provider(name, "1.0", "a test provider") {
      private static final long serialVersionUID = 1L;
    };
  }

  @Test
  void onlyTheJdksOwnTlsCountsAsTheJdks() {
    Provider[] jdk = {provider("SUN"), provider("SunJSSE")};
    assertTrue(SocketTimeouts.tlsSocketsAreTheJdks("OpenJDK 64-Bit Server VM", jdk, () -> "SunJSSE"));
    assertFalse(SocketTimeouts.tlsSocketsAreTheJdks("Dalvik", jdk, () -> "SunJSSE"), "Android");
    for (String first : new String[] {"Conscrypt", "BC", "OpenJSSE"}) {
      assertFalse(SocketTimeouts.tlsSocketsAreTheJdks("OpenJDK 64-Bit Server VM", new Provider[] {provider(first), jdk[1]},
          () -> "SunJSSE"), "OkHttp prefers " + first + " when it comes first");
    }
    assertTrue(SocketTimeouts.tlsSocketsAreTheJdks("OpenJDK 64-Bit Server VM", new Provider[0], () -> "SunJSSE"));
    assertFalse(SocketTimeouts.tlsSocketsAreTheJdks("OpenJDK 64-Bit Server VM", jdk, () -> "SunPKCS11-NSS"),
        "TLS of another provider");
    assertFalse(SocketTimeouts.tlsSocketsAreTheJdks("OpenJDK 64-Bit Server VM", jdk, () -> {
      throw new java.security.NoSuchAlgorithmException("no TLS");
    }));
  }

  @Test
  void theSocketsKeepTheTimeoutsUnlessASocksProxyOrTlsOfAnotherKindIsInTheWay() {
    HttpUrl http = HttpUrl.get("http://127.0.0.1:8080/");
    assertTrue(SocketTimeouts.socketsCanKeepTimeouts(selecting(Proxy.NO_PROXY), ENDPOINT, () -> true));
    assertFalse(SocketTimeouts.socketsCanKeepTimeouts(selecting(Proxy.NO_PROXY), ENDPOINT, () -> false), "HTTPS, TLS not the JDK's");
    assertTrue(SocketTimeouts.socketsCanKeepTimeouts(selecting(Proxy.NO_PROXY), http, () -> false), "no TLS on plain HTTP");
    assertFalse(SocketTimeouts.socketsCanKeepTimeouts(selecting(SOCKS), http, () -> true));
    assertFalse(SocketTimeouts.socketsCanKeepTimeouts(selecting(SOCKS), ENDPOINT, () -> true));
  }
}
