package org.docgate.validate.weblinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusScanner;
import org.docgate.finding.Finding;
import org.docgate.http.Network;
import org.docgate.report.ScanReport;
import org.docgate.scan.ScanSettings;
import org.docgate.scan.Scans;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.service.LiveCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline, the service's edit that leaves every document's external URLs as they were reuses the last corpus check
 * and judges the edited document's links only (issue 21.3: every edit re-collected every URL of k8s-enhancements and
 * judged every link of every document); an edit that adds a URL checks and judges again. Both report what a fresh
 * scan reports.
 */
class OfflineCheckReuseTest {
  @TempDir Path corpus;

  private static final Map<String, String> CORPUS = Map.of(
      "a.md", "# A\n\n[k8s](https://kubernetes.io/docs/) and [b](b.md)\n",
      "b.md", "# B\n\n<https://github.com/a/b> and [again](https://kubernetes.io/docs/#overview)\n",
      "c.md", "# C\n\nNo external link.\n");

  private void write(String path, String text) throws IOException {
    org.docgate.FileEdits.write(corpus, path, text);
  }

  @Test
  void anEditThatKeepsTheUrlsReusesTheCheckAndJudgesTheEditedDocumentOnly() throws IOException {
    for (Map.Entry<String, String> e : CORPUS.entrySet()) {
      write(e.getKey(), e.getValue());
    }
    DocgateConfig config = DocgateConfig.defaults();
    ValidatorRegistry registry = ValidatorRegistry.builder(config, RuleFiles.packaged()).only(Set.of("weblinks"))
        .clock(Scans.FIXED_CLOCK).network(Network.none()).build();
    WebLinkValidator weblinks = (WebLinkValidator) registry.validators().getFirst();
    LiveCorpus live = new LiveCorpus(corpus, new CorpusScanner(config),
        Scans.pipeline(config, registry, Scans.FIXED_CLOCK), Scans.FIXED_CLOCK);
    live.full();
    assertThat(weblinks.judgedDocuments()).isEqualTo(3);

    write("b.md", CORPUS.get("b.md") + "\nA new paragraph with [a link](a.md).\n");
    LiveCorpus.Update kept = live.refresh();
    assertThat(weblinks.reusedChecks()).as("the corpus check reused").isEqualTo(1);
    assertThat(weblinks.judgedDocuments()).as("only b.md judged again").isEqualTo(4);
    assertSameAsAFreshScan(kept.report());

    write("c.md", CORPUS.get("c.md") + "\nNow [one](https://example.org/new).\n");
    LiveCorpus.Update added = live.refresh();
    assertThat(weblinks.reusedChecks()).as("a new URL: checked again").isEqualTo(1);
    assertThat(weblinks.judgedDocuments()).as("every document judged by the new check").isEqualTo(7);
    assertThat(Scans.stat(added.report(), "weblinks.urls.distinct")).as("the fragment is not part of the key").isEqualTo(3);
    assertSameAsAFreshScan(added.report());
  }

  private void assertSameAsAFreshScan(ScanReport report) {
    DocgateConfig config = DocgateConfig.defaults();
    ScanReport fresh = Scans.run(corpus, new ScanSettings(config, ValidatorRegistry.builder(config,
        RuleFiles.packaged()).only(Set.of("weblinks")).clock(Scans.FIXED_CLOCK).network(Network.none()).build(),
        Scans.FIXED_CLOCK));
    assertThat(report.findings()).extracting(Finding::toString)
        .isEqualTo(fresh.findings().stream().map(Finding::toString).toList());
    assertThat(report.stats()).isEqualTo(fresh.stats());
    assertThat(report.metrics()).isEqualTo(fresh.metrics());
  }
}
