package org.docgate.validate.weblinks;

import org.docgate.http.Network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.validate.weblinks.RecordingDispatcher.page;
import static org.docgate.validate.weblinks.RecordingDispatcher.status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.docgate.http.Resolver;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken external link silenced inline leaves externalLinkHealth as if the link were not written. */
class SuppressedWebLinkTest {
  @TempDir Path temp;
  MockWebServer server;
  Network network;

  @BeforeEach
  void startALoopbackSite() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new RecordingDispatcher().on("/ok", page("<h1>ok</h1>")).on("/gone", r -> status(404)));
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    server.start(loopback, 0);
    Resolver dns = host -> {
      if (host.equals("site.example")) {
        return List.of(loopback);
      }
      throw new UnknownHostException(host);
    };
    network = new Network(false, dns, name -> null, null);
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void aSuppressedBrokenLinkLeavesExternalLinkHealthAlone() throws IOException {
    String ok = "# Links\n\n[ok](http://site.example:" + server.getPort() + "/ok)\n";
    String gone = "[gone](http://site.example:" + server.getPort() + "/gone)\n";
    ScanReport silenced = scan("silenced", ok + "\n<!-- docgate-disable-next-line links/external-broken -->\n" + gone);
    ScanReport without = scan("without", ok);
    ScanReport shown = scan("shown", ok + "\n" + gone);

    assertThat(shown.metrics().get("externalLinkHealth")).isEqualTo(0.5);
    assertThat(silenced.metrics().get("externalLinkHealth")).isEqualTo(without.metrics().get("externalLinkHealth"))
        .isEqualTo(1.0);
    assertThat(Scans.stat(silenced, "weblinks.links.broken")).isZero();
    assertThat(Scans.stat(silenced, "weblinks.links.verified")).isEqualTo(1);
    assertThat(Scans.stat(silenced, "suppressed.weblinks.inline")).isEqualTo(1);
  }

  private ScanReport scan(String name, String text) throws IOException {
    Path corpus = temp.resolve(name);
    Files.createDirectories(corpus);
    Files.writeString(corpus.resolve("a.md"), text, StandardCharsets.UTF_8);
    Path rules = WebLinkScans.rules(temp.resolve(name + "-rules"), """
        allow: ["127.0.0.0/8"]
        retries: {max: 0}
        cache: {enabled: false}
        """);
    return WebLinkScans.run(corpus, rules, network, Clock.systemUTC());
  }
}
