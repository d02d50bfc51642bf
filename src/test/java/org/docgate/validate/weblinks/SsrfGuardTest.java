package org.docgate.validate.weblinks;

import org.docgate.http.Network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.validate.weblinks.RecordingDispatcher.page;
import static org.docgate.validate.weblinks.RecordingDispatcher.redirect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.docgate.ExpectedFindings;
import org.docgate.http.Resolver;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the default policy (nothing private allowed), loopback and metadata addresses are refused whether written as
 * literals, in other notations, behind a host name, or reached through a redirect from an allowed host. The only
 * host allowed is {@code public.example}, trusted by name (it stands for a public site; it is served on loopback).
 */
class SsrfGuardTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/weblinks/ssrf");
  static final InetAddress LOOPBACK = ExternalLinkCheckTest.address("127.0.0.1");

  static final Resolver FAKE_DNS = host -> switch (host) {
    case "loopback.example", "public.example" -> List.of(LOOPBACK);
    case "metadata.internal.example" -> List.of(ExternalLinkCheckTest.address("169.254.169.254"));
    default -> throw new UnknownHostException(host);
  };

  @TempDir static Path temp;
  static MockWebServer server;
  static RecordingDispatcher web;
  static ScanReport report;
  static Path corpus;

  @BeforeAll
  static void scanWithTheDefaultPolicy() throws IOException {
    web = new RecordingDispatcher().on("/ok", page("<p>ok</p>"));
    server = new MockWebServer();
    server.setDispatcher(web);
    server.start(LOOPBACK, 0);
    int port = server.getPort();
    web.script("/to-private", redirect(302, "http://loopback.example:" + port + "/ok"))
        .script("/to-metadata", redirect(301, "http://169.254.169.254/latest/meta-data/"));
    corpus = temp.resolve("corpus");
    WebLinkScans.copyFixtures(FIXTURES, corpus, Map.of("port", String.valueOf(port)));
    Path rules = WebLinkScans.rules(temp.resolve("rules"), """
        allow: [public.example]
        timeouts: {connect: 2s, read: 2s, total: 5s}
        cache: {enabled: false}
        """);
    report = WebLinkScans.run(corpus, rules, new Network(false, FAKE_DNS, n -> null, null), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void findingsAreExactlyThoseWrittenInline() throws IOException {
    List<String> actual = report.findings().stream().filter(f -> f.path().equals("guard.md"))
        .map(f -> f.line() + ":" + f.rule()).sorted().toList();
    assertThat(actual).isEqualTo(ExpectedFindings.in(corpus.resolve("guard.md")));
  }

  @Test
  void noRefusedAddressIsEverConnectedTo() {
    // only public.example's pages were requested: the redirect targets were refused before connecting
    assertThat(web.seen()).allMatch(s -> s.host().startsWith("public.example"));
    assertThat(web.seen()).extracting(RecordingDispatcher.Seen::path)
        .containsExactlyInAnyOrder("/ok", "/to-private", "/to-metadata");
  }

  @Test
  void blockedLinksSayWhyAndAreNotBroken() {
    assertThat(WebLinkScans.finding(report, "guard.md", "metadata.internal.example").message())
        .startsWith("blocked-by-policy: metadata.internal.example resolves to 169.254.169.254, link-local");
    assertThat(WebLinkScans.finding(report, "guard.md", "/to-private").message())
        .contains("at redirect hop 1: http://loopback.example:" + server.getPort() + "/ok");
    assertThat(WebLinkScans.finding(report, "guard.md", "/to-metadata").message())
        .contains("169.254.169.254", "at redirect hop 1");
    // 2130706433 is not blocked but refused earlier, as an invalid URL (AddressParsingTest): not contacted either
    assertThat(report.findings()).filteredOn(f -> f.rule().equals("links/external-broken"))
        .singleElement().satisfies(f -> assertThat(f.message()).startsWith("invalid-url: '2130706433'"));
    assertThat(Scans.stat(report, "weblinks.links.blocked")).isEqualTo(7);
    assertThat(Scans.stat(report, "weblinks.links.ok")).isEqualTo(1);
  }
}
