package org.docgate.validate.weblinks;

import org.docgate.http.Network;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import mockwebserver3.MockWebServer;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one server sees of docgate: never more than the host's limit at once. */
class PolitenessTest {
  @Test
  void aHostNeverSeesMoreConcurrentRequestsThanItsLimit(@TempDir Path temp) throws IOException {
    RecordingDispatcher web = new RecordingDispatcher().delay(100);
    for (int i = 0; i < 12; i++) {
      web.script("/p" + i, RecordingDispatcher.status(200));
    }
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(web);
      server.start(ExternalLinkCheckTest.LOOPBACK, 0);
      StringBuilder md = new StringBuilder("# Many links to one host\n\n");
      for (int i = 0; i < 12; i++) {
        md.append("- http://127.0.0.1:").append(server.getPort()).append("/p").append(i).append('\n');
      }
      Path corpus = Files.createDirectories(temp.resolve("corpus"));
      Files.writeString(corpus.resolve("a.md"), md, StandardCharsets.UTF_8);
      Path rules = WebLinkScans.rules(temp.resolve("rules"), """
          allow: ["127.0.0.0/8"]
          cache: {enabled: false}
          hosts:
            127.0.0.1: {perHost: 2}
          """);
      ScanReport report = WebLinkScans.run(corpus, rules,
          new Network(false, ExternalLinkCheckTest.FAKE_DNS, n -> null, null), Clock.systemUTC());
      assertThat(Scans.stat(report, "weblinks.links.ok")).isEqualTo(12);
      assertThat(web.peakConcurrency()).isEqualTo(2);
    }
  }
}
