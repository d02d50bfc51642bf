package org.docgate.validate.weblinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.finding.Finding;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value in running text that GitHub's autolinking turns into a link although it is no URL (etcd's docs: a flag's
 * default, two URLs joined by a comma, judged WRONG in round 24) is not reported; the same text written as a link is.
 */
class BareUrlValuesTest {
  @TempDir Path corpus;

  @Test
  void aBareValueThatIsNoUrlIsCountedNotReported() throws IOException {
    Files.writeString(corpus.resolve("configuration.md"), """
        # Configuration

        ### --listen-client-urls
        + default: "http://localhost:2379,http://localhost:4001"

        [written as a link](http://localhost:2379,http://localhost:4001)
        """);
    ScanReport report = Scans.run(corpus);
    assertThat(report.findings()).filteredOn(f -> f.rule().equals("links/external-broken"))
        .extracting(Finding::line).containsExactly(6);
    assertThat(Scans.stat(report, "weblinks.links.bareNotUrl")).isEqualTo(1);
  }
}
