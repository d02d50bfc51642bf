package org.docgate.validate.weblinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.docgate.http.Network;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interval between two requests to one host holds as the host sees it, also when a request reaches the host late.
 * bench/fleet.sh MODE=urls measured the cause: 2,000 requests at 1 in flight and 250 ms between starts on the
 * checker's clock, yet 534 gaps below 250 ms at the server (down to 148 ms), nearly all after an earlier request that
 * took 30-150 ms from its write to the server's handler (both processes descheduled on a loaded machine; a new
 * connection too). Here the server's dispatch of every other request is delayed on purpose before it records the
 * arrival, as that machine delayed it.
 */
class ServerSideGapTest {
  private static final long INTERVAL_MS = 200;
  private static final long LATE_MS = 150;
  private static final long ANSWER_MS = 10;
  private static final int LINKS = 8;

  /** Records when each request reached the handler; every other one is handed to it {@link #LATE_MS} late. */
  private static final class LateDispatcher extends Dispatcher {
    final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger count = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      if (count.getAndIncrement() % 2 == 0) {
        Thread.sleep(LATE_MS);
      }
      arrivals.add(System.nanoTime());
      Thread.sleep(ANSWER_MS);
      return new MockResponse.Builder().code(200).build();
    }
  }

  @Test
  void aRequestThatArrivesLateDoesNotShortenTheGapTheHostSees(@TempDir Path temp) throws IOException {
    LateDispatcher web = new LateDispatcher();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(web);
      server.start(ExternalLinkCheckTest.LOOPBACK, 0);
      StringBuilder md = new StringBuilder("# Links to one host\n\n");
      for (int i = 0; i < LINKS; i++) {
        md.append("- http://127.0.0.1:").append(server.getPort()).append("/p").append(i).append('\n');
      }
      Path corpus = Files.createDirectories(temp.resolve("corpus"));
      Files.writeString(corpus.resolve("a.md"), md, StandardCharsets.UTF_8);
      Path rules = WebLinkScans.rules(temp.resolve("rules"), """
          allow: ["127.0.0.0/8"]
          cache: {enabled: false}
          hosts:
            127.0.0.1: {perHost: 1, interval: %dms}
          """.formatted(INTERVAL_MS));
      ScanReport report = WebLinkScans.run(corpus, rules,
          new Network(false, ExternalLinkCheckTest.FAKE_DNS, n -> null, null), Clock.systemUTC());
      assertThat(Scans.stat(report, "weblinks.links.ok")).isEqualTo(LINKS);
    }
    List<Long> at;
    synchronized (web.arrivals) {
      at = web.arrivals.stream().sorted().toList();
    }
    assertThat(at).hasSize(LINKS);
    List<Long> gapsMs = new ArrayList<>();
    for (int i = 1; i < at.size(); i++) {
      gapsMs.add((at.get(i) - at.get(i - 1)) / 1_000_000);
    }
    // Arrivals are stamped in this JVM with System.nanoTime, as the checker's clock: the 1 ms allowed is for the
    // truncation to whole milliseconds only. Counted from the start on the checker's side, the gap after each late
    // arrival was about INTERVAL_MS - LATE_MS = 50 ms.
    assertThat(gapsMs).as("start-to-start gaps at the server, ms").allSatisfy(g ->
        assertThat(g).isGreaterThanOrEqualTo(INTERVAL_MS - 1));
  }
}
