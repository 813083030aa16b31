package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * The read timeout of the SDK's own HTTP client, kept by the sockets instead of by Okio. With a read
 * timeout, OkHttp gives each HTTP/1.1 socket that timeout twice: as the socket's own
 * {@code SO_TIMEOUT}, which the JDK applies to each blocking read at no cost, and as an Okio
 * {@code AsyncTimeout} around each read, which enters and leaves a queue behind one lock for the
 * whole JVM and wakes Okio's watchdog thread whenever the queue was empty: most of a call's cost
 * beyond the socket's own on a loopback, and a third of raw OkHttp's in memory. Here OkHttp is told
 * there is no read timeout, and the sockets turn the "no timeout" OkHttp then gives them into the
 * SDK's: the reads are limited as before, TLS handshakes included, by the socket alone.
 *
 * <p>HTTP/2 sets its shared reader's socket to no timeout on purpose (a stream's timeout is its
 * own), so the client speaks HTTP/1.1 only, which is all an API of small JSON posts needs. Where a
 * SOCKS proxy would connect the endpoint, OkHttp makes the socket itself, without the factory; the
 * client then keeps OkHttp's read timeout.
 */
@InternalApi
public final class SocketReadTimeout {
  private SocketReadTimeout() {
  }

  /**
   * Sets the read timeout of the SDK's own HTTP client.
   *
   * @param http the builder of a client the SDK owns, with its default socket factory
   * @param readTimeout time allowed between two reads; positive, at most 24 hours
   * @param endpoint the endpoint the client calls
   */
  public static void apply(OkHttpClient.Builder http, Duration readTimeout, HttpUrl endpoint) {
    apply(http, readTimeout, endpoint, ProxySelector.getDefault());
  }

  static void apply(OkHttpClient.Builder http, Duration readTimeout, HttpUrl endpoint, ProxySelector proxies) {
    int millis = (int) readTimeout.toMillis();
    if (throughSocksProxy(proxies, endpoint)) {
      http.readTimeout(millis, TimeUnit.MILLISECONDS);
      return;
    }
    http.readTimeout(0, TimeUnit.MILLISECONDS)
        .socketFactory(new Factory(millis))
        .protocols(Collections.singletonList(Protocol.HTTP_1_1));
  }

  /**
   * @param selector the proxy selector OkHttp will ask (the JVM's, on the SDK's own client), or null for none
   * @param endpoint the endpoint the client calls
   * @return whether the selector may send the endpoint through a SOCKS proxy
   */
  static boolean throughSocksProxy(ProxySelector selector, HttpUrl endpoint) {
    if (selector == null) {
      return false;
    }
    try {
      List<Proxy> proxies = selector.select(URI.create(endpoint.scheme() + "://" + endpoint.host() + ":" + endpoint.port()));
      for (Proxy proxy : proxies) {
        if (proxy.type() == Proxy.Type.SOCKS) {
          return true;
        }
      }
      return false;
    } catch (RuntimeException e) {
      // A selector that cannot say: assume the worst and keep OkHttp's timeout.
      return true;
    }
  }

  /** Makes sockets whose "no timeout" is the SDK's read timeout. */
  static final class Factory extends SocketFactory {
    private final int readTimeoutMillis;

    /** @param readTimeoutMillis the timeout that replaces "none"; positive */
    Factory(int readTimeoutMillis) {
      this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public Socket createSocket() throws SocketException {
      return new TimedSocket(readTimeoutMillis);
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

  /** A socket whose reads wait at most the SDK's read timeout, whoever asks for no timeout. */
  static final class TimedSocket extends Socket {
    private final int readTimeoutMillis;

    TimedSocket(int readTimeoutMillis) throws SocketException {
      this.readTimeoutMillis = readTimeoutMillis;
      super.setSoTimeout(readTimeoutMillis);
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
      super.setSoTimeout(timeout == 0 ? readTimeoutMillis : timeout);
    }
  }
}
