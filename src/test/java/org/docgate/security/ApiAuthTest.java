package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.docgate.camel.CamelService;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusScanner;
import org.docgate.http.Network;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.store.Retention;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.service.Api;
import org.docgate.service.Debouncer;
import org.docgate.service.LiveCorpus;
import org.docgate.service.MemoryStoreForTests;
import org.docgate.service.RequestGuard;
import org.docgate.service.ScanService;
import org.docgate.service.ServeSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service API against a web page in the operator's browser (cross-site POST, DNS rebinding) and against tokens
 * leaking into URLs. Requests are written by hand on a socket, so Host, Origin and malformed paths are exactly what an
 * attacker would send.
 */
class ApiAuthTest {
  static final String TOKEN = "s3cret-token";

  @TempDir Path corpus;
  final ExecutorService pool = Executors.newFixedThreadPool(2);
  CamelService camel;

  record Answer(int status, Map<String, String> headers, String body) {}

  void start(String token) throws Exception {
    Files.writeString(corpus.resolve("README.md"), "# Readme\n\n[x](missing.md)\n");
    DocgateConfig config = DocgateConfig.defaults();
    ValidatorRegistry registry = ValidatorRegistry.builder(config, RuleFiles.packaged()).only(Set.of("links")).build();
    LiveCorpus live = new LiveCorpus(corpus, new CorpusScanner(config),
        org.docgate.scan.Scans.pipeline(config, registry, Clock.systemUTC()), Clock.systemUTC());
    ScanService service = new ScanService(live, new MemoryStoreForTests(), ReadinessRules.fromRules(
        RuleFiles.packaged()), ScanService.Listener.NONE, Clock.systemUTC(), Retention.FOREVER, () -> null,
        new Debouncer(Duration.ofMillis(100), Duration.ofSeconds(5)));
    Api api = new Api(service, token, pool, 80, s -> "<!doctype html><title>docgate</title>");
    camel = CamelService.start(new ServeSettings("127.0.0.1", freePort(), freePort(), null, null, null), service,
        api, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new RequestGuard(List.of("docs.internal")));
    for (int i = 0; i < 200 && send("GET /health/ready", "Host: 127.0.0.1").status() != 200; i++) {
      Thread.sleep(50);
    }
  }

  @AfterEach
  void stop() {
    if (camel != null) {
      camel.close();
    }
    pool.shutdownNow();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** One HTTP/1.1 request line and headers, exactly as given (plus Connection: close). */
  Answer send(String requestLine, String... headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", camel.port())) {
      socket.setSoTimeout(10_000);
      StringBuilder req = new StringBuilder(requestLine).append(" HTTP/1.1\r\n");
      for (String h : headers) {
        req.append(h).append("\r\n");
      }
      req.append(requestLine.startsWith("POST") ? "Content-Length: 0\r\n" : "").append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.ISO_8859_1); // byte for byte: chunk sizes count bytes
      int split = text.indexOf("\r\n\r\n");
      String[] head = text.substring(0, split).split("\r\n");
      Map<String, String> hs = new LinkedHashMap<>();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        hs.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
      }
      String body = text.substring(split + 4);
      if ("chunked".equalsIgnoreCase(hs.get("transfer-encoding"))) {
        body = unchunk(body);
      }
      return new Answer(Integer.parseInt(head[0].split(" ")[1]), hs,
          new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int eol = body.indexOf("\r\n", at);
      if (eol < 0) {
        throw new IllegalStateException("truncated chunked body: " + body);
      }
      int size = Integer.parseInt(body.substring(at, eol).strip(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(body, eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
  }

  @Test
  void theTokenInAQueryParameterIsNeverAccepted() throws Exception {
    start(TOKEN);
    Answer a = send("POST /api/scans?Authorization=Bearer%20" + TOKEN, "Host: 127.0.0.1");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).contains("Authorization: Bearer");
    assertThat(send("POST /api/scans?authorization=Bearer%20" + TOKEN, "Host: localhost").status()).isEqualTo(400);
  }

  @Test
  void theTokenInAFormBodyIsNeverAccepted() throws Exception {
    start(TOKEN);
    String form = "Authorization=Bearer+" + TOKEN;
    try (Socket socket = new Socket("127.0.0.1", camel.port())) {
      socket.getOutputStream().write(("POST /api/scans HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
          + "application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\nConnection: close\r\n\r\n"
          + form).getBytes(StandardCharsets.ISO_8859_1));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 401");
    }
  }

  @Test
  void theTokenInTheHeaderStartsAScan() throws Exception {
    start(TOKEN);
    assertThat(send("POST /api/scans", "Host: 127.0.0.1:" + camel.port(), "Authorization: Bearer " + TOKEN)
        .status()).isIn(202, 409);
    assertThat(send("POST /api/scans", "Host: 127.0.0.1", "Authorization: Bearer wrong").status()).isEqualTo(403);
    assertThat(send("POST /api/scans", "Host: 127.0.0.1").status()).isEqualTo(401);
  }

  @Test
  void withoutAConfiguredTokenPostIsRefused() throws Exception {
    start(null);
    Answer a = send("POST /api/scans", "Host: 127.0.0.1");
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.body()).contains("DOCGATE_API_TOKEN");
    assertThat(send("POST /api/scans", "Host: 127.0.0.1", "Origin: https://evil.example",
        "Content-Type: text/plain").status()).isEqualTo(403);
  }

  @Test
  void aRebindingHostNameIsRefused() throws Exception {
    start(TOKEN);
    Answer a = send("GET /api/runs", "Host: rebind.evil.example:" + camel.port());
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.body()).contains("rebind.evil.example");
    assertThat(send("POST /api/scans", "Host: rebind.evil.example", "Authorization: Bearer " + TOKEN).status())
        .isEqualTo(403);
    assertThat(send("GET /", "Host: rebind.evil.example").body()).doesNotContain("<title>docgate");
    assertThat(send("GET /api/runs", "Host: localhost:" + camel.port()).status()).isEqualTo(200);
    assertThat(send("GET /api/runs", "Host: [::1]:" + camel.port()).status()).isEqualTo(200);
    assertThat(send("GET /api/runs", "Host: docs.internal").status()).as("an allowed name").isEqualTo(200);
  }

  @Test
  void aCrossSitePostIsRefusedEvenWithTheToken() throws Exception {
    start(TOKEN);
    assertThat(send("POST /api/scans", "Host: 127.0.0.1:" + camel.port(), "Origin: https://evil.example",
        "Authorization: Bearer " + TOKEN).status()).isEqualTo(403);
    assertThat(send("POST /api/scans", "Host: 127.0.0.1:" + camel.port(), "Sec-Fetch-Site: cross-site",
        "Authorization: Bearer " + TOKEN).status()).isEqualTo(403);
    assertThat(send("POST /api/scans", "Host: 127.0.0.1:" + camel.port(), "Origin: null",
        "Authorization: Bearer " + TOKEN).status()).isEqualTo(403);
    assertThat(send("POST /api/scans", "Host: 127.0.0.1:" + camel.port(),
        "Origin: http://127.0.0.1:" + camel.port(), "Authorization: Bearer " + TOKEN).status()).isIn(202, 409);
  }

  @Test
  void everyAnswerIsSentWithNoStore() throws Exception {
    start(TOKEN);
    for (String path : List.of("/api/runs", "/api/runs/1", "/", "/health/live", "/api/readiness/badge.svg",
        "/api/nothing")) {
      Answer a = send("GET " + path, "Host: 127.0.0.1");
      assertThat(a.headers()).as(path).containsEntry("cache-control", "no-store");
    }
    assertThat(send("POST /api/scans", "Host: 127.0.0.1").headers()).containsEntry("cache-control", "no-store");
  }

  @Test
  void malformedPathsGetAJsonError() throws Exception {
    start(TOKEN);
    for (String path : List.of("/api/%", "/api/documents/%E0", "/api/documents/%zz", "/%", "/nothing",
        "/api/runs/%")) {
      Answer a = send("GET " + path, "Host: 127.0.0.1");
      assertThat(a.status()).as(path).isBetween(400, 404);
      assertThat(a.headers().get("content-type")).as(path).startsWith("application/json");
      assertThat(a.body()).as(path).startsWith("{\"status\":").doesNotContain("<html");
    }
  }
}
