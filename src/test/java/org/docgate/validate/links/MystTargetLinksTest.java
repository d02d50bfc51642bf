package org.docgate.validate.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.docgate.FileEdits;
import org.docgate.finding.Finding;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LXD's manual (round 48: 10 of 30 sampled links judged WRONG): a Sphinx project in MyST links a target as {@code
 * [the server](server)} where a page declares {@code (server)=}; the page it names is linked, and a name no page
 * declares is still a missing file.
 */
class MystTargetLinksTest {
  @TempDir Path corpus;

  @Test
  void aLinkToAMystTargetLandsOnItsPage() throws IOException {
    FileEdits.write(corpus, "index.md", "# LXD\n\nSee [the server](server), [ZFS](storage-zfs-pool-config) and "
        + "[nothing](no-such-target).\n");
    FileEdits.write(corpus, "server.md", "(server)=\n# Server configuration\n\nText.\n");
    FileEdits.write(corpus, "reference/storage_zfs.md", "# ZFS\n\n(storage-zfs-pool-config)=\n## Pool configuration\n\n"
        + "Text.\n");
    ScanReport report = Scans.run(corpus);
    assertThat(report.findings()).filteredOn(f -> f.rule().startsWith("links/"))
        .extracting(Finding::target).containsExactly("no-such-target");
    assertThat(Scans.stat(report, "links.internal.mystTarget")).isEqualTo(2);
    assertThat(report.findings()).filteredOn(f -> f.rule().equals("completeness/orphan")).isEmpty();
  }
}
