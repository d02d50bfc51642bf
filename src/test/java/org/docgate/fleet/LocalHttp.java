package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A GET to a worker's loopback port that always ends: connect and read timeouts, up to 5 tries (a lost request on a
 * loaded machine once hung a test). Plain HttpURLConnection on purpose: java.net.http.HttpClient's close() waits for
 * every exchange to terminate and can wait forever (reported by other projects on JDK 21+), and stop 24's CI run hung
 * for an hour in FleetDashboardTest, which closed one per request. It also speaks HTTP/1.1 only, as Prometheus and the
 * kubelet do: the JDK client's default h2c upgrade once failed a worker's scrape with "protocol error: Frame type(116)
 * … exceeds MAX_FRAME_SIZE".
 */
final class LocalHttp {
  private LocalHttp() {}

  /** The body of a 200 answer to {@code path}; any other status fails the test with the body. */
  static String get(int port, String path) throws IOException {
    for (int attempt = 1; ; attempt++) {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
      c.setConnectTimeout(10_000);
      c.setReadTimeout(20_000);
      try {
        int status = c.getResponseCode();
        String body;
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
          body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(status).as(path + ": " + body).isEqualTo(200);
        return body;
      } catch (SocketTimeoutException e) {
        if (attempt == 5) {
          throw e;
        }
      } finally {
        c.disconnect();
      }
    }
  }
}
