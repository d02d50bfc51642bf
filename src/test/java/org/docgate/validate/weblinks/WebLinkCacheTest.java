package org.docgate.validate.weblinks;

import org.docgate.http.Network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.validate.weblinks.RecordingDispatcher.page;
import static org.docgate.validate.weblinks.RecordingDispatcher.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import mockwebserver3.MockWebServer;
import org.docgate.finding.Finding;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache across runs, asserted on what the server saw. Time is a fake clock moved by the test. */
class WebLinkCacheTest {
  @TempDir Path temp;
  MockWebServer server;
  RecordingDispatcher web;
  Path corpus;
  Path rules;
  final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T09:00:00Z"));

  @BeforeEach
  void serveAndWriteCorpus() throws IOException {
    web = new RecordingDispatcher().on("/ok", page("<h2 id=\"a\">A</h2>")).script("/gone", status(404))
        .script("/busy", status(429));
    server = new MockWebServer();
    server.setDispatcher(web);
    server.start(ExternalLinkCheckTest.LOOPBACK, 0);
    String base = "http://127.0.0.1:" + server.getPort();
    corpus = Files.createDirectories(temp.resolve("corpus"));
    Files.writeString(corpus.resolve("a.md"), "# A\n\n[ok](" + base + "/ok)\n\n[anchor](" + base + "/ok#a)\n\n"
        + "[gone](" + base + "/gone)\n\n[busy](" + base + "/busy)\n", StandardCharsets.UTF_8);
    rules = WebLinkScans.rules(temp.resolve("rules"), """
        allow: ["127.0.0.0/8"]
        retries: {max: 0}
        cache: {ttl: {ok: 7d, broken: 6h}}
        """);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ScanReport scan(Path cacheDir) {
    Network network = new Network(false, ExternalLinkCheckTest.FAKE_DNS, n -> null, cacheDir);
    return WebLinkScans.run(corpus, rules, network, clock);
  }

  @Test
  void aSecondRunRequestsNothingForCachedOkAndBrokenLinksAndRechecksRateLimitedOnes() {
    Path cache = temp.resolve("data");
    ScanReport first = scan(cache);
    assertThat(web.total()).isEqualTo(3); // /ok once (GET, for the fragment), /gone, /busy
    assertThat(cache.resolve(CorpusCheck.CACHE_FILE)).exists();

    clock.advance(Duration.ofMinutes(5));
    ScanReport second = scan(cache);
    assertThat(web.total()).isEqualTo(4);
    assertThat(web.calls("/busy")).isEqualTo(2);
    assertThat(web.calls("/ok")).isEqualTo(1);
    assertThat(web.calls("/gone")).isEqualTo(1);
    assertThat(Scans.stat(second, "weblinks.urls.cached")).isEqualTo(2);
    assertThat(Scans.stat(second, "weblinks.cache.hits")).isEqualTo(2);
    assertThat(second.findings()).map(Finding::fingerprint)
        .containsExactlyElementsOf(first.findings().stream().map(Finding::fingerprint).toList());
  }

  @Test
  void brokenResultsExpireAfterHoursAndWorkingOnesLastDays() {
    Path cache = temp.resolve("data");
    scan(cache);
    clock.advance(Duration.ofHours(7));
    scan(cache);
    assertThat(web.calls("/gone")).isEqualTo(2);
    assertThat(web.calls("/ok")).isEqualTo(1);
    clock.advance(Duration.ofDays(7));
    scan(cache);
    assertThat(web.calls("/ok")).isEqualTo(2);
  }

  @Test
  void aCacheDirectoryInsideTheCorpusIsNeverWritten() {
    ScanReport report = scan(corpus.resolve(".cache"));
    assertThat(corpus.resolve(".cache")).doesNotExist();
    assertThat(report.findings()).anyMatch(f -> f.rule().equals("links/external-note")
        && f.message().startsWith("cache not persisted"));
  }

  @Test
  void aCorruptCacheFileIsIgnored() throws IOException {
    Path cache = Files.createDirectories(temp.resolve("data"));
    Files.writeString(cache.resolve(CorpusCheck.CACHE_FILE), "{not json", StandardCharsets.UTF_8);
    ScanReport report = scan(cache);
    assertThat(web.total()).isEqualTo(3);
    assertThat(Scans.stat(report, "weblinks.links.broken")).isEqualTo(1);
  }

  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
