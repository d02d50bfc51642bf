package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.cli.Cli.docgate;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.docgate.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --pushgateway}: the report as usual, then one PUT of the run's docgate_* metrics (loopback only). */
class ScanPushgatewayTest {

  @Test
  void aScanPushesItsMetricsUnderTheCorpusFolderName(@TempDir Path dir) throws Exception {
    Path corpus = corpus(dir);
    try (MockWebServer gateway = new MockWebServer()) {
      gateway.enqueue(new MockResponse.Builder().code(200).build());
      gateway.start();

      Run run = docgate("scan", corpus.toString(), "--quiet", "--pushgateway", gateway.url("/").toString());

      assertThat(run.exit()).as(run.err()).isEqualTo(1);
      assertThat(run.out()).contains("links/missing-file");
      RecordedRequest push = gateway.takeRequest();
      assertThat(push.getMethod()).isEqualTo("PUT");
      assertThat(push.getUrl().encodedPath()).isEqualTo("/metrics/job/docgate/instance/my-docs");
      assertThat(push.getBody().utf8())
          .contains("docgate_documents 2.0")
          .contains("docgate_findings{rule=\"links/missing-file\",severity=\"error\",validator=\"links\"} 1.0")
          .contains("docgate_link_validity_ratio 0.5")
          .contains("docgate_scans_total{outcome=\"success\"} 1.0")
          .doesNotContain("jvm_");
    }
  }

  @Test
  void aFailedPushSaysWhyAndExitsTwoAfterTheReport(@TempDir Path dir) throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }

    Run run = docgate("scan", corpus(dir).toString(), "--quiet", "--pushgateway", "http://127.0.0.1:" + closed);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).as("the report comes first").contains("links/missing-file");
    assertThat(run.err()).startsWith("docgate: error: cannot push metrics to pushgateway http://127.0.0.1:" + closed
        + "/metrics/job/docgate/instance/my-docs").doesNotContain("\tat ");
  }

  @Test
  void aBadUrlFailsBeforeTheScan(@TempDir Path dir) throws IOException {
    Run run = docgate("scan", corpus(dir).toString(), "--pushgateway", "gateway:9091");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("--pushgateway: not an http(s) URL: gateway:9091");
  }

  @Test
  void helpSaysWhatAFailedPushDoes() {
    assertThat(docgate("scan", "--help").out().replaceAll("\\s+", " ")).contains("--pushgateway=URL")
        .contains("A failed push exits 2").contains("push failed (the report is written first)");
  }

  private static Path corpus(Path dir) throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("my-docs"));
    Files.writeString(corpus.resolve("README.md"), "# Hi\n\n[ok](other.md) [gone](missing.md)\n");
    Files.writeString(corpus.resolve("other.md"), "# Other\n");
    return corpus;
  }
}
