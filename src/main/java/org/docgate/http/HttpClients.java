package org.docgate.http;

import java.net.Proxy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * Builds the one OkHttp client of a run. Redirects are off (the checker follows them hop by hop, re-vetting each),
 * proxies are off (through a proxy the proxy resolves the host and the guard would be bypassed), and every request
 * names docgate in its User-Agent.
 */
public final class HttpClients {
  private HttpClients() {}

  /** Timeouts and pool size of the client. */
  public record Settings(Duration connect, Duration read, Duration total, int maxIdleConnections, String userAgent) {}

  public static OkHttpClient create(Settings s, Dns dns) {
    return new OkHttpClient.Builder()
        .dns(dns)
        .proxy(Proxy.NO_PROXY)
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(s.connect())
        .readTimeout(s.read())
        .callTimeout(s.total())
        .connectionPool(new ConnectionPool(Math.max(5, s.maxIdleConnections()), 30, TimeUnit.SECONDS))
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", s.userAgent()).build()))
        .build();
  }

  /**
   * A client for one host: the same settings and threads, its own small connection pool. OkHttp scans its pool
   * linearly for every call, so one pool holding hundreds of hosts' connections costs CPU on every request.
   */
  public static OkHttpClient forHost(OkHttpClient base, int maxIdleConnections) {
    return base.newBuilder()
        .connectionPool(new ConnectionPool(Math.max(1, maxIdleConnections), 30, TimeUnit.SECONDS))
        .build();
  }

  /** Releases the client's threads and sockets at the end of a run. */
  public static void shutdown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
