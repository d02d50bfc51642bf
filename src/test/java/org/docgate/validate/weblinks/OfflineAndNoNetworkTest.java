package org.docgate.validate.weblinks;

import org.docgate.http.Network;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import mockwebserver3.MockWebServer;
import org.docgate.cli.DocgateCommand;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline mode fetches nothing; a run in which no host name resolves reports "could not check", never "broken". */
class OfflineAndNoNetworkTest {
  @TempDir Path temp;

  private Path corpus(String markdown) throws IOException {
    Path c = Files.createDirectories(temp.resolve("corpus"));
    Files.writeString(c.resolve("a.md"), markdown, StandardCharsets.UTF_8);
    return c;
  }

  private Path rules() {
    return WebLinkScans.rules(temp.resolve("rules"), "allow: [\"127.0.0.0/8\"]\ncache: {enabled: false}\n");
  }

  @Test
  void offlineCountsExternalLinksAsUncheckedAndSendsNothing() throws IOException {
    RecordingDispatcher web = new RecordingDispatcher();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(web);
      server.start(ExternalLinkCheckTest.LOOPBACK, 0);
      Path corpus = corpus("# A\n\n[x](http://127.0.0.1:" + server.getPort() + "/x) and https://github.com/a/b\n");
      ScanReport report = WebLinkScans.run(corpus, rules(), Network.none(), Clock.systemUTC());
      assertThat(web.total()).isZero();
      assertThat(report.findings()).isEmpty();
      assertThat(Scans.stat(report, "weblinks.links.unchecked")).isEqualTo(2);
      assertThat(report.metrics().get("externalLinkHealth")).isNull();
    }
  }

  @Test
  void theOfflineFlagOfTheScanCommandNeedsNoNetwork() throws IOException {
    Path corpus = corpus("# A\n\n[k8s](https://kubernetes.io/docs/) and <https://github.com/a/b>\n");
    StringWriter out = new StringWriter();
    int exit = DocgateCommand.execute(new String[] {"scan", corpus.toString(), "--offline", "--format", "json",
        "--only", "weblinks"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("\"unchecked\" : 2").doesNotContain("links/external");
  }

  @Test
  void whenNoHostNameResolvesTheLinksAreUnverifiedWithOneNote() throws IOException {
    Path corpus = corpus("# A\n\n[k8s](https://kubernetes.io/docs/)\n\n[gh](https://github.com/a/b)\n\n"
        + "[again](https://kubernetes.io/docs/)\n");
    Network noDns = new Network(false, host -> {
      throw new UnknownHostException(host + ": Temporary failure in name resolution");
    }, n -> null, null);
    ScanReport report = WebLinkScans.run(corpus, rules(), noDns, Clock.systemUTC());
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("links/external-note");
      assertThat(f.message()).startsWith("network unavailable: no external host name could be resolved")
          .contains("2 URLs");
      assertThat(f.line()).isEqualTo(3);
    });
    assertThat(Scans.stat(report, "weblinks.links.unverified")).isEqualTo(3);
    assertThat(Scans.stat(report, "weblinks.links.outcome.network-unavailable")).isEqualTo(3);
    assertThat(report.metrics().get("externalLinkHealth")).isNull();
  }

  @Test
  void withoutNetworkOnlyAFewHostsAreAskedBeforeGivingUp() throws IOException {
    StringBuilder md = new StringBuilder("# Many hosts\n\n");
    for (int i = 0; i < 50; i++) {
      md.append("[h").append(i).append("](https://host").append(i).append(".example/page)\n\n");
    }
    Path corpus = corpus(md.toString());
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    Network noDns = new Network(false, host -> {
      asked.incrementAndGet();
      throw new UnknownHostException(host + ": Name or service not known");
    }, n -> null, null);
    ScanReport report = WebLinkScans.run(corpus, rules(), noDns, Clock.systemUTC());
    // A resolver that fails fast for one query can time out under hundreds of parallel ones: probe, then stop.
    assertThat(asked.get()).isEqualTo(3);
    assertThat(Scans.stat(report, "weblinks.links.outcome.network-unavailable")).isEqualTo(50);
    assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("50 URLs"));
  }
}
