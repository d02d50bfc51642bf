package org.docgate.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusScanner;
import org.docgate.http.Network;
import org.docgate.metrics.DocgateMeters;
import org.docgate.metrics.Metrics;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.store.ReportStore;
import org.docgate.report.store.ReportStores;
import org.docgate.report.store.Retention;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.service.Api;
import org.docgate.service.Dashboard;
import org.docgate.service.Debouncer;
import org.docgate.service.LiveCorpus;
import org.docgate.service.MeterListener;
import org.docgate.service.RunLog;
import org.docgate.service.ScanService;
import org.docgate.service.ServeSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service end to end, in process: the embedded H2 store, the Prometheus registry and the serve routes on a temp
 * corpus that the test edits while the watcher runs.
 */
class ServiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WITHIN = Duration.ofSeconds(2);

  @TempDir Path corpus;
  @TempDir Path data;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final HttpClient http = HttpClient.newHttpClient();
  private final java.io.StringWriter log = new java.io.StringWriter();
  private ReportStore store;
  private CamelService camel;
  private int port;
  private int metricsPort;

  @BeforeEach
  void start() throws Exception {
    write("guide/install.md", "# Install\n\n## 安装步骤\n\nRun it.\n");
    write("a.md", "# A\n\n[steps](guide/install.md#安装步骤) and [b](b.md).\n");
    write("b.md", "# B\n\n[steps](guide/install.md#安装步骤).\n");
    write("c.md", "# C\n\n[a](a.md)\n");
    DocgateConfig config = DocgateConfig.defaults();
    ValidatorRegistry registry = ValidatorRegistry.builder(config, RuleFiles.packaged()).only(Set.of("links")).build();
    store = ReportStores.open(null, data);
    PrometheusMeterRegistry prometheus = Metrics.prometheusRegistry();
    LiveCorpus live = new LiveCorpus(corpus, new CorpusScanner(config),
        org.docgate.scan.Scans.pipeline(config, registry, Clock.systemUTC()), Clock.systemUTC());
    ScanService service = new ScanService(live, store, ReadinessRules.fromRules(RuleFiles.packaged()),
        ScanService.Listener.all(new MeterListener(new DocgateMeters(prometheus, registry)),
            new RunLog(new java.io.PrintWriter(log, true))),
        Clock.systemUTC(), Retention.FOREVER, () -> null,
        new Debouncer(Duration.ofMillis(150), Duration.ofSeconds(5)));
    Api api = new Api(service, null, pool, 0, new Dashboard()::render);
    port = ServeRoutesTest.freePort();
    metricsPort = ServeRoutesTest.freePort();
    camel = CamelService.start(new ServeSettings("127.0.0.1", port, metricsPort, Duration.ofMillis(150), null, null),
        service, api, prometheus);
    awaitJson("/health/ready", n -> n.path("status").asText().equals("UP"), Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    camel.close();
    store.close();
    pool.shutdownNow();
  }

  private void write(String path, String text) throws IOException {
    org.docgate.FileEdits.write(corpus, path, text);
  }

  private String body(int onPort, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private JsonNode awaitJson(String path, Predicate<JsonNode> until, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = JSON.readTree(body(port, path));
        if (until.test(last)) {
          return last;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(25);
    }
    throw new AssertionError("no answer of " + path + " matched within " + within + "; last: " + last);
  }

  private double gauge(String name) throws Exception {
    for (String line : body(metricsPort, "/metrics").split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no " + name + " in /metrics");
  }

  private long latestRun() throws Exception {
    return awaitJson("/api/runs?size=1", n -> n.path("items").size() == 1, WITHIN).path("items").get(0).path("id")
        .asLong();
  }

  private static List<String> paths(JsonNode findings) {
    List<String> out = new ArrayList<>();
    findings.forEach(f -> out.add(f.path("path").asText() + " " + f.path("rule").asText()));
    return out;
  }

  @Test
  void editsShowUpWithinTwoSecondsAndTheDiffSaysExactlyWhat() throws Exception {
    long first = latestRun();
    double validity = gauge("docgate_link_validity_ratio");
    assertThat(validity).isEqualTo(1.0);

    write("c.md", "# C\n\n[a](a.md) [gone](gone.md)\n");
    JsonNode broken = awaitJson("/api/documents/c.md", n -> n.path("findings").size() == 1, WITHIN);
    assertThat(paths(broken.path("findings"))).containsExactly("c.md links/missing-file");
    assertThat(gauge("docgate_link_validity_ratio")).isLessThan(validity);
    long afterBreak = latestRun();

    write("guide/install.md", "# Install\n\n## 部署步骤\n\nRun it.\n");
    awaitJson("/api/documents/b.md", n -> n.path("findings").size() == 1, WITHIN);
    long afterRename = latestRun();
    JsonNode renameDiff = JSON.readTree(body(port, "/api/runs/" + afterRename + "/diff?base=" + afterBreak));
    assertThat(paths(renameDiff.path("new"))).containsExactlyInAnyOrder("a.md links/missing-anchor",
        "b.md links/missing-anchor");
    assertThat(renameDiff.path("fixed")).isEmpty();

    write("guide/install.md", "# Install\n\n## 安装步骤\n\nRun it.\n");
    write("c.md", "# C\n\n[a](a.md)\n");
    awaitJson("/api/readiness", n -> n.path("run").asLong() > afterRename
        && gaugeQuietly("docgate_link_validity_ratio") == 1.0, WITHIN.multipliedBy(2));
    long restored = latestRun();
    JsonNode restoreDiff = JSON.readTree(body(port, "/api/runs/" + restored + "/diff?base=" + afterRename));
    assertThat(paths(restoreDiff.path("fixed"))).containsExactlyInAnyOrder("a.md links/missing-anchor",
        "b.md links/missing-anchor", "c.md links/missing-file");
    assertThat(restoreDiff.path("new")).isEmpty();
    JsonNode sinceFirst = JSON.readTree(body(port, "/api/runs/" + restored + "/diff?base=" + first));
    assertThat(sinceFirst.path("new")).isEmpty();
    assertThat(sinceFirst.path("fixed")).isEmpty();
    assertThat(body(port, "/")).contains("<html");
    // serve's log: one line per stored run, with its id, trigger, findings by severity and duration
    assertThat(log.toString()).containsPattern("(?m)^docgate: run " + afterBreak
        + " \\([a-z-]+\\): 1 errors, 0 warnings, \\d+ info; readiness \\d+\\.\\d; \\d+\\.\\d s$");
    for (long run : new long[] {first, afterBreak, afterRename, restored}) {
      assertThat(log.toString().lines().filter(l -> l.startsWith("docgate: run " + run + " ("))).hasSize(1);
    }
  }

  @Test
  void liveMetricsPassPromtool() throws Exception {
    Path promtool = org.docgate.metrics.Tools.require("promtool", "prometheus");
    String scrape = body(metricsPort, "/metrics");
    assertThat(scrape).as("a live /metrics body").contains("docgate_documents").contains("camel_");
    org.docgate.metrics.Tools.Result check = org.docgate.metrics.Tools.run(scrape,
        List.of(promtool.toString(), "check", "metrics"));
    // 0: clean; 3: lint warnings only (Micrometer's and Camel's own meters); 1 would be a parse error
    assertThat(check.exit()).as("promtool check metrics:\n" + check.output()).isIn(0, 3);
    assertThat(check.output().lines().filter(l -> l.contains("docgate_"))).as("lint about docgate meters").isEmpty();
  }

  @Test
  void theDashboardRendersInARealBrowser() throws Exception {
    var chromium = org.docgate.report.html.HeadlessChromium.orSkip();
    write("c.md", "# C\n\n[a](a.md) [gone](gone.md)\n");
    awaitJson("/api/documents/c.md", n -> n.path("findings").size() == 1, WITHIN);
    String url = "http://127.0.0.1:" + port + "/";
    String dom = chromium.dumpDom(url + "#rule=links/missing-file");
    assertThat(dom).contains("id=\"shown-count\">1<").contains("gone.md").contains("/api/documents/c.md");
    Path png = org.docgate.report.html.HtmlReportBrowserTest.buildDirectory().resolve("service-dashboard.png");
    chromium.screenshot(url, png, 1280, 1600);
    assertThat(Files.size(png)).isGreaterThan(10_000);
  }

  private double gaugeQuietly(String name) {
    try {
      return gauge(name);
    } catch (Exception e) {
      return Double.NaN;
    }
  }
}
