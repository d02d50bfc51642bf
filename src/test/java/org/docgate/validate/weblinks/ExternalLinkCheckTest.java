package org.docgate.validate.weblinks;

import org.docgate.http.Network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.validate.weblinks.RecordingDispatcher.page;
import static org.docgate.validate.weblinks.RecordingDispatcher.redirect;
import static org.docgate.validate.weblinks.RecordingDispatcher.status;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.docgate.ExpectedFindings;
import org.docgate.finding.Finding;
import org.docgate.http.Resolver;
import org.docgate.report.JsonReportWriter;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fixtures of {@code fixtures/weblinks} against loopback servers: one MockWebServer scripted per path, a closed
 * port, and a plain-TCP server spoken to with https. Host names resolve through a fake resolver, never real DNS.
 */
class ExternalLinkCheckTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/weblinks/checks");
  static final String TOKEN = "test-token-4c1d9e";
  static final InetAddress LOOPBACK = address("127.0.0.1");
  static final InetAddress METADATA = address("169.254.169.254");

  static final Resolver FAKE_DNS = host -> switch (host) {
    case "loopback.example", "github.com" -> List.of(LOOPBACK);
    case "metadata.internal.example" -> List.of(METADATA);
    default -> throw new UnknownHostException(host);
  };

  @TempDir static Path temp;
  static MockWebServer server;
  static RecordingDispatcher web;
  static ServerSocket plainTcp;
  static ScanReport report;
  static Path corpus;
  static long scanMillis;

  @BeforeAll
  static void scanTheFixturesAgainstLoopbackServers() throws Exception {
    web = new RecordingDispatcher()
        .on("/ok", page("<h1>ok</h1>"))
        .script("/missing", status(404))
        .script("/gone", status(410))
        .script("/old", redirect(301, "/older"))
        .script("/older", redirect(308, "/ok"))
        .script("/temporary", redirect(302, "/ok"))
        .script("/loop-a", redirect(301, "/loop-b"))
        .script("/loop-b", redirect(301, "/loop-a"))
        .on("/no-head", r -> status(r.getMethod().equals("HEAD") ? 405 : 200))
        .script("/busy-once", new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build(), status(200))
        .script("/flaky", status(503), status(503), status(200))
        .script("/come-back-later", new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build())
        .script("/throttled", status(429))
        .script("/down", status(500))
        .script("/stall", new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS).build())
        .on("/page", page("<h2 id=\"install\">Install</h2><a name=\"legacy-anchor\"></a><p>text</p>"))
        .on("/spa", page("<div class=\"app\">loading…</div>"))
        .on("/owner/repo/blob/main/README.md", page("<script type=\"application/json\">{\"richText\":\"<h2 "
            + "tabindex=\\\"-1\\\">Usage</h2><a id=\\\"user-content-usage\\\" class=\\\"anchor\\\" "
            + "href=\\\"#usage\\\"></a>\"}</script>"));
    server = new MockWebServer();
    server.setDispatcher(web);
    server.start(LOOPBACK, 0);
    plainTcp = plainTcpServer();
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
      closedPort = s.getLocalPort();
    }
    corpus = temp.resolve("corpus");
    WebLinkScans.copyFixtures(FIXTURES, corpus, Map.of("port", String.valueOf(server.getPort()),
        "closedPort", String.valueOf(closedPort), "plainPort", String.valueOf(plainTcp.getLocalPort())));
    Path rules = WebLinkScans.rules(temp.resolve("rules"), """
        allow: ["127.0.0.0/8"]
        timeouts: {connect: 2s, read: 500ms, total: 5s}
        retries: {max: 2, backoff: 50ms, maxRetryAfter: 2s}
        cache: {enabled: false}
        hosts:
          github.com:
            headers: {Authorization: "Bearer ${GITHUB_TOKEN}"}
        """);
    Network network = new Network(false, FAKE_DNS, name -> name.equals("GITHUB_TOKEN") ? TOKEN : null, null);
    long t0 = System.nanoTime();
    report = WebLinkScans.run(corpus, rules, network, Clock.systemUTC());
    scanMillis = (System.nanoTime() - t0) / 1_000_000;
  }

  @AfterAll
  static void stopServers() throws IOException {
    server.close();
    plainTcp.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"status.md", "fragments.md", "other.md"})
  void findingsAreExactlyThoseWrittenInline(String path) throws IOException {
    List<String> expected = ExpectedFindings.in(corpus.resolve(path));
    List<String> actual = report.findings().stream().filter(f -> f.path().equals(path))
        .map(f -> f.line() + ":" + f.rule()).sorted().toList();
    assertThat(actual).as(describe(path)).isEqualTo(expected);
  }

  @Test
  void eachDistinctUrlIsRequestedOnceHoweverManyDocumentsLinkIt() {
    assertThat(web.calls("/missing")).isEqualTo(1); // linked from status.md twice and from other.md
    assertThat(web.calls("/page")).isEqualTo(1);
  }

  @Test
  void everyFindingSaysWhichOutcome() {
    assertThat(message("/missing")).isEqualTo("broken: HTTP 404");
    assertThat(message("/gone")).isEqualTo("broken: HTTP 410");
    assertThat(message("/loop-a")).startsWith("redirect-loop: redirect loop");
    assertThat(message("/throttled")).startsWith("rate-limited: HTTP 429 after 3 tries");
    assertThat(message("/down")).startsWith("server-error: HTTP 500");
    assertThat(message("/stall")).startsWith("timeout:");
    assertThat(message("https://127.0.0.1")).startsWith("tls-error:");
    assertThat(message("nx.example")).startsWith("dns-failure: host 'nx.example' not found");
    assertThat(message("metadata.internal.example")).startsWith("blocked-by-policy:")
        .contains("169.254.169.254", "link-local");
    assertThat(report.findings()).filteredOn(f -> f.rule().equals("links/external-broken")
        && f.message().startsWith("connection-refused:")).hasSize(1);
  }

  @Test
  void aPermanentRedirectChainSuggestsTheFinalUrl() {
    Finding f = WebLinkScans.finding(report, "status.md", "/old");
    String finalUrl = "http://127.0.0.1:" + server.getPort() + "/ok";
    assertThat(f.message()).isEqualTo("redirected: moved permanently to " + finalUrl);
    assertThat(f.suggestion()).isEqualTo(finalUrl);
    assertThat(web.calls("/older")).isEqualTo(1);
  }

  @Test
  void headRefusedWith405IsAskedAgainWithGet() {
    assertThat(web.seen()).filteredOn(s -> s.path().equals("/no-head")).extracting(RecordingDispatcher.Seen::method)
        .containsExactly("HEAD", "GET");
  }

  @Test
  void retryAfterOneSecondIsWaitedForThenTheLinkIsOk() {
    List<RecordingDispatcher.Seen> tries = web.seen().stream().filter(s -> s.path().equals("/busy-once")).toList();
    assertThat(tries).hasSize(2);
    assertThat(TimeUnit.NANOSECONDS.toMillis(tries.get(1).atNanos() - tries.get(0).atNanos())).isGreaterThan(900);
  }

  @Test
  void aRetryAfterBeyondTheCapIsNotWaitedFor() {
    assertThat(web.calls("/come-back-later")).isEqualTo(1);
    assertThat(message("/come-back-later")).isEqualTo("rate-limited: HTTP 429 (not counted as broken)");
  }

  @Test
  void twoServiceUnavailableAnswersAreRetriedThenTheLinkIsOk() {
    assertThat(web.calls("/flaky")).isEqualTo(3);
  }

  @Test
  void aStallingServerTimesOutAfterItsRetries() {
    assertThat(web.calls("/stall")).isEqualTo(3);
    assertThat(scanMillis).isLessThan(15_000);
  }

  @Test
  void rateLimitedAndTimeoutsAreNeverCountedBroken() {
    assertThat(report.findings()).filteredOn(f -> f.rule().equals("links/external-broken"))
        .noneMatch(f -> f.message().startsWith("rate-limited") || f.message().startsWith("timeout"));
  }

  @Test
  void requestsNameDocgateAndTheTokenNeverGoesOverPlainHttp() {
    assertThat(web.seen()).allMatch(s -> s.userAgent() != null && s.userAgent().startsWith("docgate/"));
    // github.com links here are http://github.com:<port>: the token is for https on 443 only (TokenScopeTest)
    assertThat(web.seen()).filteredOn(s -> s.host().startsWith("github.com")).isNotEmpty();
    assertThat(web.seen()).allMatch(s -> s.authorization() == null);
  }

  @Test
  void theTokenIsWrittenNowhereInTheReport() {
    assertThat(new JsonReportWriter().write(report)).doesNotContain(TOKEN);
  }

  @Test
  void theHealthMetricLeavesUnverifiedLinksOut() {
    long ok = Scans.stat(report, "weblinks.links.ok");
    long verified = Scans.stat(report, "weblinks.links.verified");
    long checked = Scans.stat(report, "weblinks.links.checked");
    long unverified = Scans.stat(report, "weblinks.links.unverified");
    assertThat(verified).isEqualTo(checked - unverified);
    assertThat(report.metrics().get("externalLinkHealth")).isEqualTo(ok / (double) verified);
    assertThat(Scans.stat(report, "weblinks.links.blocked")).isEqualTo(1);
    assertThat(Scans.stat(report, "weblinks.urls.distinct")).isEqualTo(
        Scans.stat(report, "weblinks.urls.checked"));
  }

  private static String message(String targetPart) {
    return report.findings().stream().filter(f -> f.target() != null && f.target().contains(targetPart)
        && !f.rule().equals("links/external-note")).map(Finding::message).findFirst()
        .orElseThrow(() -> new AssertionError("no finding for " + targetPart + "\n" + describe(null)));
  }

  private static String describe(String path) {
    StringBuilder sb = new StringBuilder();
    report.findings().stream().filter(f -> path == null || f.path().equals(path))
        .forEach(f -> sb.append("  ").append(f).append(" [").append(f.target()).append("]\n"));
    return sb.toString();
  }

  /** Accepts connections and answers in plain text: an https client's handshake fails. */
  private static ServerSocket plainTcpServer() throws IOException {
    ServerSocket s = new ServerSocket(0, 50, LOOPBACK);
    Thread t = new Thread(() -> {
      while (!s.isClosed()) {
        try (Socket c = s.accept(); OutputStream out = c.getOutputStream()) {
          out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
          // closed
        }
      }
    }, "plain-tcp");
    t.setDaemon(true);
    t.start();
    return s;
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

}
