package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * The read and write timeouts of the SDK's own HTTP client, kept by its sockets instead of by Okio
 * and the JDK. OkHttp gives an HTTP/1.1 socket its read timeout twice: as the socket's own
 * {@code SO_TIMEOUT}, with which the JDK reads in non-blocking mode and polls before a read that
 * would wait, and as an Okio {@code AsyncTimeout} around each read, as it does with the write
 * timeout around each write. Each of those enters and leaves a queue behind one lock for the whole
 * JVM and wakes Okio's watchdog thread whenever the queue was empty: a third of raw OkHttp's CPU per
 * call in memory. Here OkHttp is told there are no read and write timeouts, so its sockets read and
 * write in blocking mode, and a {@link SocketWatchdog} ends reads and writes that block too long
 * ({@link TimedSocket}). Reads and writes are limited as before, TLS handshakes included.
 *
 * <p>HTTP/2 sets its shared reader's socket to no timeout on purpose (a stream's timeout is its
 * own), so the client speaks HTTP/1.1 only, which is all an API of small JSON posts needs. The
 * client keeps OkHttp's timeouts, as any client does, where the sockets could not keep them: where
 * a SOCKS proxy would connect the endpoint (OkHttp makes that socket itself, without the factory),
 * and for HTTPS where TLS is not the JDK's own (Android, Conscrypt and other providers may read and
 * write the file descriptor, past the socket's streams).
 */
@InternalApi
public final class SocketTimeouts {
  /** Providers whose TLS OkHttp prefers when they come first (its Conscrypt, BouncyCastle and OpenJSSE platforms). */
  private static final List<String> OTHER_TLS_PROVIDERS = Arrays.asList("Conscrypt", "BC", "OpenJSSE");

  private SocketTimeouts() {
  }

  /**
   * Sets the read and write timeouts of the SDK's own HTTP client.
   *
   * @param http the builder of a client the SDK owns, with its default socket factory
   * @param watchdog watches the reads and writes, with their timeouts (each at most 24 hours);
   *     bound to the client's scheduler later
   * @param endpoint the endpoint the client calls
   */
  public static void apply(OkHttpClient.Builder http, SocketWatchdog watchdog, HttpUrl endpoint) {
    apply(http, watchdog,
        socketsCanKeepTimeouts(ProxySelector.getDefault(), endpoint, SocketTimeouts::tlsSocketsAreTheJdks));
  }

  /**
   * @param proxies the proxy selector OkHttp will ask, or null for none
   * @param endpoint the endpoint the client calls
   * @param jdkTls whether TLS sockets will be the JDK's, asked only for HTTPS
   * @return whether the client's sockets can keep its timeouts
   */
  static boolean socketsCanKeepTimeouts(ProxySelector proxies, HttpUrl endpoint, BooleanSupplier jdkTls) {
    return !throughSocksProxy(proxies, endpoint) && (!endpoint.isHttps() || jdkTls.getAsBoolean());
  }

  /**
   * @param socketsKeepTimeouts whether the sockets keep the timeouts; if not, OkHttp does, as on any client
   */
  static void apply(OkHttpClient.Builder http, SocketWatchdog watchdog, boolean socketsKeepTimeouts) {
    if (!socketsKeepTimeouts) {
      http.readTimeout(TimeUnit.NANOSECONDS.toMillis(watchdog.readTimeoutNanos()), TimeUnit.MILLISECONDS)
          .writeTimeout(TimeUnit.NANOSECONDS.toMillis(watchdog.writeTimeoutNanos()), TimeUnit.MILLISECONDS);
      return;
    }
    http.readTimeout(0, TimeUnit.MILLISECONDS)
        .writeTimeout(0, TimeUnit.MILLISECONDS)
        .socketFactory(new Factory(watchdog))
        .protocols(Collections.singletonList(Protocol.HTTP_1_1));
  }

  /**
   * Asked once, when the client is built: a selector that starts naming a SOCKS proxy later gets
   * sockets that OkHttp makes without the factory, with no read or write timeout of their own, and
   * its calls end at the attempt limit ({@code callTimeout}).
   *
   * @param selector the proxy selector OkHttp will ask (the JVM's, on the SDK's own client), or null for none
   * @param endpoint the endpoint the client calls
   * @return whether the selector may send the endpoint through a SOCKS proxy
   */
  static boolean throughSocksProxy(ProxySelector selector, HttpUrl endpoint) {
    if (selector == null) {
      return false;
    }
    try {
      List<Proxy> proxies = selector.select(endpoint.uri());
      for (Proxy proxy : proxies) {
        if (proxy.type() == Proxy.Type.SOCKS) {
          return true;
        }
      }
      return false;
    } catch (RuntimeException e) {
      // A selector that cannot say: assume the worst and keep OkHttp's timeouts.
      return true;
    }
  }

  /**
   * Whether OkHttp's TLS sockets will be the JDK's, which read and write through the socket under
   * them (so through a {@link TimedSocket}). Conscrypt's, Android's, BouncyCastle's and OpenJSSE's
   * may reach the file descriptor directly; OkHttp picks them when their provider comes first.
   *
   * @return true on a JVM whose TLS is the JDK's own
   */
  static boolean tlsSocketsAreTheJdks() {
    return tlsSocketsAreTheJdks(System.getProperty("java.vm.name"), Security.getProviders(),
        () -> SSLContext.getInstance("TLS").getProvider().getName());
  }

  /** The name of the provider of TLS that {@code SSLContext.getInstance("TLS")} picks. */
  interface TlsProvider {
    /**
     * @return its name
     * @throws GeneralSecurityException when there is none
     */
    String name() throws GeneralSecurityException;
  }

  /**
   * @param vmName the JVM's {@code java.vm.name}
   * @param providers the security providers, in order of preference
   * @param tls the provider of TLS
   * @return whether OkHttp's TLS sockets will be the JDK's
   */
  static boolean tlsSocketsAreTheJdks(String vmName, Provider[] providers, TlsProvider tls) {
    if ("Dalvik".equals(vmName)) {
      return false;
    }
    if (providers.length > 0 && OTHER_TLS_PROVIDERS.contains(providers[0].getName())) {
      return false;
    }
    try {
      return "SunJSSE".equals(tls.name());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Makes {@link TimedSocket}s. */
  static final class Factory extends SocketFactory {
    private final SocketWatchdog watchdog;

    /** @param watchdog watches the sockets' reads and writes */
    Factory(SocketWatchdog watchdog) {
      this.watchdog = watchdog;
    }

    @Override
    public Socket createSocket() {
      return new TimedSocket(watchdog);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
      Socket socket = createSocket();
      try {
        if (local != null) {
          socket.bind(local);
        }
        socket.connect(remote);
        return socket;
      } catch (IOException | RuntimeException e) {
        socket.close();
        throw e;
      }
    }
  }
}
