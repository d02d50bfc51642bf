package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docgate explain FILE:LINE} says why a line was or was not flagged. */
class ExplainCommandTest {
  @TempDir Path dir;

  @Test
  void aCurrentLineIsJudgedAndItsFindingShown() throws IOException {
    Path doc = write("docs/install.md", "# 安装\n\n使用 Kubernetes 1.28 部署生产集群。\n");
    Cli.Run run = Cli.docgate("explain", doc + ":3", "--root", dir.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("docs/install.md:3", "document: living", "section: current",
        "verdict: judged for currency", "finding: versions/eol");
  }

  @Test
  void aRecordSaysWhyAndHasNoVersionFinding() throws IOException {
    Path doc = write("2025年10月19日推进总结.md", "# 推进\n\n使用 Kubernetes 1.28 部署生产集群。\n");
    Cli.Run run = Cli.docgate("explain", doc + ":3", "--root", dir.toString());
    assertThat(run.out()).contains("document: record: file name has '总结'",
        "not judged for currency (record)", "version findings on this line: none");
  }

  @Test
  void theConfigsRecordGlobsApply() throws IOException {
    Path doc = write("ops/runbook.md", "# Runbook\n\nThe cluster runs Kubernetes 1.28.\n");
    Files.writeString(dir.resolve("docgate.yaml"), "currency:\n  record: [\"ops/**\"]\n");
    Cli.Run run = Cli.docgate("explain", doc + ":3", "--root", dir.toString(), "--config",
        dir.resolve("docgate.yaml").toString());
    assertThat(run.out()).contains("record: path matches 'ops/**'");
  }

  @Test
  void aStatusInAMetadataFileBesideTheDocumentSaysWhyItIsARecordOrLiving() throws IOException {
    Path done = write("keps/sig-node/1287-in-place/README.md", "# KEP-1287\n\n## Risks\n\n## Drawbacks\n");
    write("keps/sig-node/1287-in-place/kep.yaml", "title: In-place\nstatus: implemented\nstage: stable\n");
    Cli.Run run = Cli.docgate("explain", done + ":3", "--root", dir.toString());
    assertThat(run.out()).contains("document: record: status 'implemented' in keps/sig-node/1287-in-place/kep.yaml",
        "metadata (keps/sig-node/1287-in-place/kep.yaml): status 'implemented', stage 'stable'");

    Path open = write("keps/sig-node/5678-new/README.md", "# KEP-5678\n\n## Risks\n");
    write("keps/sig-node/5678-new/kep.yaml", "status: implementable # provisional|implementable|implemented\n");
    run = Cli.docgate("explain", open + ":3", "--root", dir.toString());
    // the author's status beats the packaged glob **/keps/** that makes proposals records
    assertThat(run.out()).contains("document: living: status 'implementable' in keps/sig-node/5678-new/kep.yaml",
        // but only for completeness: a proposal's versions are its own milestones and plans
        "versions and terminology: record: path matches '**/keps/**' (they read the path and title, not the status)");
    assertThat(Cli.docgate("explain", done + ":3", "--root", dir.toString()).out())
        .doesNotContain("versions and terminology");
  }

  @Test
  void aTargetWithoutALineIsAUsageError() throws IOException {
    Path doc = write("a.md", "# A\n");
    Cli.Run run = Cli.docgate("explain", doc.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("is not FILE:LINE");
  }

  private Path write(String relative, String text) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }
}
