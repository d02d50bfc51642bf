package org.docgate.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.docgate.service.ScanService;
import org.docgate.service.ServeSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serve routes wire the HTTP API, health and the start scan to the service beans. */
class ServeRoutesTest {
  @TempDir Path corpus;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final HttpClient http = HttpClient.newHttpClient();
  private CamelService camel;
  private ScanService service;

  @BeforeEach
  void start() throws Exception {
    Files.createDirectories(corpus.resolve("docs"));
    Files.writeString(corpus.resolve("docs/a b.md"), "# A\n\n[x](missing.md)\n");
    Files.writeString(corpus.resolve("docs/100%.md"), "# P\n\n[y](gone.md)\n");
    Files.writeString(corpus.resolve("README.md"), "# Readme\n\n[a](docs/a%20b.md)\n");
    DocgateConfig config = DocgateConfig.defaults();
    ValidatorRegistry registry = ValidatorRegistry.builder(config, RuleFiles.packaged()).only(Set.of("links")).build();
    LiveCorpus live = new LiveCorpus(corpus, new CorpusScanner(config),
        org.docgate.scan.Scans.pipeline(config, registry, Clock.systemUTC()), Clock.systemUTC());
    service = new ScanService(live, new org.docgate.service.MemoryStoreForTests(), ReadinessRules.fromRules(
        RuleFiles.packaged()), ScanService.Listener.NONE, Clock.systemUTC(), Retention.FOREVER, () -> null,
        new Debouncer(Duration.ofMillis(100), Duration.ofSeconds(5)));
    Api api = new Api(service, "s3cret", pool, 80, s -> "<!doctype html><title>docgate</title>");
    camel = CamelService.start(new ServeSettings("127.0.0.1", freePort(), freePort(), Duration.ofMillis(200), null, null), service,
        api, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @AfterEach
  void stop() {
    camel.close();
    pool.shutdownNow();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + camel.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void awaitReady() throws Exception {
    for (int i = 0; i < 200 && get("/health/ready").statusCode() != 200; i++) {
      Thread.sleep(50);
    }
  }

  @Test
  void apiAnswersJsonAndNeverEchoesRequestHeaders() throws Exception {
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    awaitReady();
    HttpResponse<String> runs = get("/api/runs?size=5");
    assertThat(runs.statusCode()).isEqualTo(200);
    assertThat(runs.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
    assertThat(runs.body()).contains("\"total\":1").contains("\"status\":\"complete\"");
    assertThat(get("/api/runs/1").body()).contains("\"id\":1");
    assertThat(get("/api/runs/1/findings?rule=links/missing-file").body()).contains("missing.md");
    assertThat(get("/api/runs/abc").statusCode()).isEqualTo(400);
    assertThat(get("/api/runs/99").statusCode()).isEqualTo(404);
    assertThat(get("/api/runs/1/findings?severity=loud").statusCode()).isEqualTo(400);
    assertThat(get("/api/runs?page=x").statusCode()).isEqualTo(400);
    HttpResponse<String> doc = get("/api/documents/docs/a%20b.md");
    assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
    assertThat(doc.body()).contains("missing.md");
    assertThat(get("/api/documents/docs/none.md").statusCode()).isEqualTo(404);
    assertThat(get("/api/documents/docs/100%25.md").body()).contains("gone.md");
    assertThat(get("/api/readiness").body()).contains("\"score\"").contains("\"run\":1");
    assertThat(get("/api/readiness/badge.svg").body()).startsWith("<svg");
    assertThat(get("/").body()).contains("<title>docgate</title>");
    HttpResponse<String> unknown = get("/api/nothing/here");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("\"error\"");
    assertThat(get("/api/runs/1").statusCode()).as("specific routes still win").isEqualTo(200);

    HttpResponse<String> echoed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + camel.port()
        + "/api/runs")).header("X-Probe", "leak").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(echoed.headers().map().keySet()).noneMatch(k -> k.equalsIgnoreCase("x-probe"));
  }

  @Test
  void scanTriggerNeedsTheToken() throws Exception {
    awaitReady();
    URI scans = URI.create("http://127.0.0.1:" + camel.port() + "/api/scans");
    HttpRequest none = HttpRequest.newBuilder(scans).POST(HttpRequest.BodyPublishers.noBody()).build();
    assertThat(http.send(none, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    HttpRequest wrong = HttpRequest.newBuilder(scans).header("Authorization", "Bearer nope")
        .POST(HttpRequest.BodyPublishers.noBody()).build();
    assertThat(http.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    HttpRequest right = HttpRequest.newBuilder(scans).header("Authorization", "Bearer s3cret")
        .POST(HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> started = http.send(right, HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).isIn(202, 409);
    assertThat(List.of(202, 409)).contains(started.statusCode());
  }
}
