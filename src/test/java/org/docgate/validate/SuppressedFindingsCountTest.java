package org.docgate.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.scan.Scans.stat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.readiness.ReadinessScorer;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finding nobody sees must not move a ratio or a gate: per validator family, a corpus whose bad item is silenced
 * (inline comment, or its rule turned off) scores exactly like the same corpus without that item, and the silenced
 * finding is counted in {@code stats.suppressed}.
 */
class SuppressedFindingsCountTest {
  @TempDir Path temp;

  @Test
  void aSuppressedBrokenLinkLeavesLinkValidityAndItsGateAlone() throws IOException {
    String good = "# Start\n\n[other](other.md) and [here](#start)\n";
    ScanReport silenced = scan("silenced", Map.of("a.md", good
        + "\n<!-- docgate-disable-next-line links/missing-file -->\n[gone](gone.md)\n", "other.md", "# Other\n"));
    ScanReport without = scan("without", Map.of("a.md", good, "other.md", "# Other\n"));
    ScanReport shown = scan("shown", Map.of("a.md", good + "\n[gone](gone.md)\n", "other.md", "# Other\n"));

    assertThat(shown.metrics().get("linkValidity")).isLessThan(1.0); // the case is real: shown, it costs
    assertSameRatioAndGate(silenced, without, "linkValidity");
    assertThat(stat(silenced, "links.internal.checked")).isEqualTo(stat(without, "links.internal.checked"));
    assertThat(stat(silenced, "links.internal.broken.missing-file")).isZero();
    assertThat(stat(silenced, "suppressed.links.inline")).isEqualTo(1);
  }

  @Test
  void aLinkTurnedOffInTheConfigIsCountedOutToo() throws IOException {
    String good = "# Start\n\n[other](other.md)\n";
    DocgateConfig off = DocgateConfig.parse("docgate.yaml", "rules:\n  links/missing-anchor: off\n");
    ScanReport silenced = scan("silenced", Map.of("a.md", good + "[x](other.md#nowhere)\n", "other.md", "# Other\n"),
        off, RuleFiles.packaged());
    ScanReport without = scan("without", Map.of("a.md", good, "other.md", "# Other\n"));

    assertSameRatioAndGate(silenced, without, "linkValidity");
    assertThat(stat(silenced, "suppressed.links.off")).isEqualTo(1);
  }

  @Test
  void aSuppressedStaleVersionLeavesVersionAlignmentAndItsGateAlone() throws IOException {
    RuleFiles rules = RuleFiles.overlay(manifest("""
        products:
          Foo:
            current: ["2.0"]
            minimumSupported: "2.0"
        """));
    String good = "# Foo\n\n本环境使用 Foo 2.0 部署。\n";
    ScanReport silenced = scan("silenced", Map.of("a.md", good
        + "\n<!-- docgate-disable-next-line versions/stale -->\n测试机运行 Foo 1.0 版本。\n"),
        DocgateConfig.defaults(), rules);
    ScanReport without = scan("without", Map.of("a.md", good), DocgateConfig.defaults(), rules);
    ScanReport shown = scan("shown", Map.of("a.md", good + "\n测试机运行 Foo 1.0 版本。\n"),
        DocgateConfig.defaults(), rules);

    assertThat(shown.metrics().get("versionAlignment")).isEqualTo(0.5);
    assertSameRatioAndGate(silenced, without, "versionAlignment");
    assertThat(stat(silenced, "versions.stale")).isZero();
    assertThat(stat(silenced, "suppressed.versions.inline")).isEqualTo(1);
  }

  @Test
  void aSuppressedTermLeavesTerminologyConsistencyAndItsGateAlone() throws IOException {
    String good = "# 部署\n\n在 Kubernetes 上部署。\n";
    ScanReport silenced = scan("silenced", Map.of("a.md", good
        + "\n<!-- docgate-disable-next-line -->\n使用kubernetes部署。\n"));
    ScanReport without = scan("without", Map.of("a.md", good));
    ScanReport shown = scan("shown", Map.of("a.md", good + "\n使用kubernetes部署。\n"));

    assertThat(shown.metrics().get("terminologyConsistency")).isLessThan(1.0);
    assertSameRatioAndGate(silenced, without, "terminologyConsistency");
    assertThat(stat(silenced, "terms.terms.Kubernetes.kubernetes")).isZero();
    assertThat(stat(silenced, "suppressed.terms.inline")).isEqualTo(1);
  }

  @Test
  void aSuppressedDanglingReferenceLeavesCompletenessAndTheReferenceCountsAlone() throws IOException {
    String good = "# 索引\n\n见 `guide.md`。\n";
    Map<String, String> others = Map.of("guide.md", "# Guide\n\n[索引](README.md)\n");
    ScanReport silenced = scan("silenced", with(others, "README.md", good
        + "\n<!-- docgate-disable-next-line completeness/dangling-reference -->\n另见 `missing-guide.md`。\n"));
    ScanReport without = scan("without", with(others, "README.md", good));
    ScanReport shown = scan("shown", with(others, "README.md", good + "\n另见 `missing-guide.md`。\n"));

    assertThat(stat(shown, "completeness.references.dangling")).isEqualTo(1);
    assertSameRatioAndGate(silenced, without, "completeness");
    assertThat(stat(silenced, "completeness.references.checked"))
        .isEqualTo(stat(without, "completeness.references.checked"));
    assertThat(stat(silenced, "completeness.references.dangling")).isZero();
    assertThat(stat(silenced, "suppressed.completeness.inline")).isEqualTo(1);
  }

  @Test
  void aSnippetRuleTurnedOffLeavesSnippetRunnableAndItsGateAlone() throws IOException {
    String good = "# Config\n\n```json\n{\"b\": 1}\n```\n";
    DocgateConfig off = DocgateConfig.parse("docgate.yaml", "rules:\n  snippets/syntax: off\n");
    ScanReport silenced = scan("silenced", Map.of("a.md", good + "\n```json\n{\"a\": }\n```\n"), off,
        RuleFiles.packaged());
    ScanReport without = scan("without", Map.of("a.md", good));
    ScanReport shown = scan("shown", Map.of("a.md", good + "\n```json\n{\"a\": }\n```\n"));

    assertThat(shown.metrics().get("snippetRunnable")).isEqualTo(0.5);
    assertSameRatioAndGate(silenced, without, "snippetRunnable");
    assertThat(stat(silenced, "snippets.language.json.failed")).isZero();
    assertThat(stat(silenced, "suppressed.snippets.off")).isEqualTo(1);
  }

  private static void assertSameRatioAndGate(ScanReport silenced, ScanReport without, String metric) {
    assertThat(silenced.metrics().get(metric)).as(metric).isEqualTo(without.metrics().get(metric));
    assertThat(gate(silenced, metric)).as(metric + " gate").isEqualTo(gate(without, metric));
  }

  /** The packaged gate on this metric, as "status value". */
  private static String gate(ScanReport report, String metric) {
    return ReadinessScorer.score(ReadinessRules.fromRules(RuleFiles.packaged()), report.metrics(), report.findings())
        .gates().stream()
        .filter(g -> g.gate().name().equals(metric))
        .map(g -> g.status().label() + " " + g.value())
        .findFirst().orElseThrow();
  }

  private ScanReport scan(String name, Map<String, String> files) throws IOException {
    return scan(name, files, DocgateConfig.defaults(), RuleFiles.packaged());
  }

  private ScanReport scan(String name, Map<String, String> files, DocgateConfig config, RuleFiles rules)
      throws IOException {
    Path corpus = temp.resolve(name);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = corpus.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
    return Scans.run(corpus, config, rules);
  }

  private Path manifest(String yaml) throws IOException {
    Path dir = temp.resolve("rules");
    Files.createDirectories(dir.resolve("versions"));
    Files.writeString(dir.resolve("versions/manifest.yaml"), yaml, StandardCharsets.UTF_8);
    return dir;
  }

  private static Map<String, String> with(Map<String, String> files, String path, String text) {
    Map<String, String> all = new java.util.HashMap<>(files);
    all.put(path, text);
    return all;
  }

}
