package org.docgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.docgate.scan.ValidatorRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PushgatewayTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ValidatorRegistry VALIDATORS = Reports.validators();
  /** One real Pushgateway for the class (it takes seconds to start); each test pushes its own instance label. */
  private static Process gateway;
  private static String gatewayUrl;

  @AfterAll
  static void stop() throws InterruptedException {
    if (gateway != null) {
      gateway.destroy();
      gateway.waitFor();
    }
  }

  @Test
  void aPushReachesARealPushgatewayUnderTheJobAndInstanceLabels() throws Exception {
    String base = startPushgateway();
    PrometheusMeterRegistry registry = ScanPush.registryOf(DocgateMetersTest.FIRST, Reports.GATES, VALIDATORS);

    Pushgateway.at(base, "docgate/test").push(registry, "docs");

    String metrics = get(base + "/metrics");
    assertThat(metrics)
        .contains("docgate_documents{instance=\"docs\",job=\"docgate\"} 4")
        .contains("docgate_link_validity_ratio{instance=\"docs\",job=\"docgate\"} 0.8")
        .contains("docgate_findings{instance=\"docs\",job=\"docgate\",rule=\"links/missing-file\",severity=\"error\","
            + "validator=\"links\"} 2")
        .contains("docgate_scan_duration_seconds_count{instance=\"docs\",job=\"docgate\"} 1")
        .contains("push_time_seconds{instance=\"docs\",job=\"docgate\"}");
  }

  @Test
  void aSecondPushReplacesTheFirstAndARuleWithoutFindingsShowsZero() throws Exception {
    String base = startPushgateway();
    Pushgateway client = Pushgateway.at(base, "docgate/test");
    client.push(ScanPush.registryOf(DocgateMetersTest.FIRST, Reports.GATES, VALIDATORS), "twice");

    client.push(ScanPush.registryOf(DocgateMetersTest.SECOND, Reports.GATES, VALIDATORS), "twice");

    assertThat(get(base + "/metrics"))
        .contains("docgate_documents{instance=\"twice\",job=\"docgate\"} 5")
        .contains("docgate_findings{instance=\"twice\",job=\"docgate\",rule=\"links/missing-anchor\","
            + "severity=\"error\",validator=\"links\"} 0")
        .contains("docgate_scans_total{instance=\"twice\",job=\"docgate\",outcome=\"success\"} 1");
  }

  @Test
  void anInstanceWithASlashIsSentBase64AndArrivesIntact() throws Exception {
    String base = startPushgateway();

    Pushgateway.at(base, "docgate/test").push("docgate", "team/docs", "# TYPE docgate_documents gauge\n"
        + "docgate_documents 3\n");

    assertThat(get(base + "/metrics")).contains("docgate_documents{instance=\"team/docs\",job=\"docgate\"} 3");
  }

  @Test
  void theGroupingKeyIsPathSegmentsEscaped() {
    HttpUrl base = HttpUrl.get("http://gw.example:9091/prefix/");

    assertThat(Pushgateway.groupingUrl(base, "docgate", "my docs").toString())
        .isEqualTo("http://gw.example:9091/prefix/metrics/job/docgate/instance/my%20docs");
    assertThat(Pushgateway.groupingUrl(base, "docgate", "a/b").toString())
        .isEqualTo("http://gw.example:9091/prefix/metrics/job/docgate/instance@base64/YS9i");
  }

  @Test
  void aServerErrorIsAClearMessageWithTheStatusAndBody() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(500).body("storage full").build());
      server.start();
      Pushgateway client = Pushgateway.at(server.url("/").toString(), "docgate/test");

      assertThatThrownBy(() -> client.push("docgate", "docs", "docgate_documents 1\n"))
          .isInstanceOf(Pushgateway.PushException.class)
          .hasMessageContaining("answered HTTP 500: storage full")
          .hasMessageContaining("/metrics/job/docgate/instance/docs");
      RecordedRequest request = server.takeRequest();
      assertThat(request.getMethod()).isEqualTo("PUT");
      assertThat(request.getHeaders().get("Content-Type")).startsWith("text/plain; version=0.0.4");
    }
  }

  @Test
  void anUnreachablePushgatewayIsAClearMessage() throws Exception {
    int port = freePort();

    assertThatThrownBy(() -> Pushgateway.at("http://127.0.0.1:" + port, "docgate/test")
        .push("docgate", "docs", "docgate_documents 1\n"))
        .isInstanceOf(Pushgateway.PushException.class)
        .hasMessageStartingWith("cannot push metrics to pushgateway http://127.0.0.1:" + port);
  }

  @Test
  void notAUrlIsRefusedBeforeAnyScan() {
    assertThatThrownBy(() -> Pushgateway.at("localhost:9091", "docgate/test"))
        .hasMessage("--pushgateway: not an http(s) URL: localhost:9091");
  }

  /**
   * Starts the real Pushgateway on a free loopback port. It is ours once its own log says it listens there: a ready
   * check alone could reach another process that took the port between {@link #freePort()} and the start (then
   * ours exits with "address already in use" and the next attempt takes another port).
   */
  private static synchronized String startPushgateway() throws Exception {
    Path binary = Tools.require("prometheus-pushgateway", "prometheus-pushgateway");
    if (gateway != null && gateway.isAlive()) {
      return gatewayUrl;
    }
    Path log = Files.createTempFile("pushgateway", ".log");
    log.toFile().deleteOnExit();
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      String address = "127.0.0.1:" + port;
      gateway = new ProcessBuilder(List.of(binary.toString(), "--web.listen-address=" + address))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (gateway.isAlive() && System.nanoTime() < deadline) {
        if (Files.readString(log).contains("msg=\"Listening on\" address=" + address)) {
          gatewayUrl = "http://" + address;
          return gatewayUrl;
        }
        Thread.sleep(25);
      }
      gateway.destroy();
    }
    throw new AssertionError("the pushgateway did not start; its log:\n" + Files.readString(log));
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
