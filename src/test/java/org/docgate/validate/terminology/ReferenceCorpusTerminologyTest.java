package org.docgate.validate.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.docgate.SharedFiles;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.docgate.validate.ValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cases checked by hand on the shared reference corpus (the packaged rules); skipped when the corpus is absent.
 */
class ReferenceCorpusTerminologyTest {
  static final List<Finding> findings = new ArrayList<>();
  static final Map<String, Long> counters = new TreeMap<>();
  static Path corpus;

  @BeforeAll
  static void scan() throws IOException {
    corpus = SharedFiles.referenceCorpus();
    TerminologyValidator validator = TerminologyValidator.fromRules(RuleFiles.packaged());
    MarkdownParser parser = new MarkdownParser();
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        String rel = corpus.relativize(p).toString().replace('\\', '/');
        MarkdownDocument doc = parser.parse(rel, Files.readString(p, StandardCharsets.UTF_8));
        ValidationResult r = validator.validate(doc, null);
        findings.addAll(r.findings());
        r.counters().forEach((k, v) -> counters.merge(k, v, Long::sum));
      }
    }
  }

  @Test
  void theMisspelledFolderNameIsNeverFlaggedBecauseItOnlyAppearsInPathsAndLinks() {
    // 173 occurrences of "vShpere": folder names in links, TOC anchors, code and paths written in prose.
    assertThat(findings).noneMatch(f -> f.rule().equals("terms/docgate.vSphere"));
    assertThat(findings).noneMatch(f -> f.path().equals("README.md"));
  }

  @Test
  void lowerCaseProductNamesInProseAreFlagged() {
    assertThat(at("Container/02_Podman技术详解/03_Podman镜像技术.md", 1748)).singleElement()
        .satisfies(f -> assertThat(f.suggestion()).isEqualTo("Podman"));
    assertThat(at("TERMINOLOGY.md", 102)).singleElement()
        .satisfies(f -> assertThat(f.target()).isEqualTo("Containerd"));
  }

  @Test
  void commandLinesAndToolListsWrittenInProseAreNotMisspellings() {
    // | gvisor | in a table of runtimes was judged wrong in the round and a missed probe in the fourth
    // (02_容器技术标准详解.md:104, 113); no document runs or names gvisor as an identifier (the runtime is runsc), so it
    // is the product's name in lower case. (| kata | is left alone in a scan: other documents' code uses it as a
    // RuntimeClass handler; this test checks each document alone.)
    assertThat(at("formal_container/12_国际对标分析/02_国际标准深度对标分析.md", 485)).singleElement()
        .satisfies(f -> assertThat(f.suggestion()).isEqualTo("gVisor"));
    assertThat(at("Container/18_服务网格技术详解/00_服务网格内容规划.md", 228)).isEmpty(); // istioctl、linkerd、tcpdump
    assertThat(at("Container/02_Podman技术详解/01_Podman架构原理.md", 346)).isEmpty(); // podman volume create
    assertThat(at("Container/18_服务网格技术详解/00_服务网格内容规划.md", 240)).isEmpty(); // linkerd check
  }

  @Test
  void theFirstUnglossedUseOfAGlossaryTermIsFlaggedAndEnglishInSightIsEnough() {
    assertThat(at("formal_container/02_技术标准与规范/03_虚拟化技术标准详解.md", 776)).singleElement()
        .satisfies(f -> assertThat(f.suggestion()).isEqualTo("容器编排（Container Orchestration）"));
    assertThat(at("TERMINOLOGY.md", 97)).isEmpty(); // under "### Confidential Computing"
    assertThat(at("vShpere_VMware/06_网络虚拟化技术/01_网络虚拟化基础.md", 323)).isEmpty(); // "**SDN**: 软件定义网络"
  }

  @Test
  void theCorpusIsConsistentWhereItWritesProse() {
    assertThat(counters.get("terms.uses")).isGreaterThan(4_000);
    assertThat(counters.get("terms.preferred") / (double) counters.get("terms.uses")).isGreaterThan(0.99);
    assertThat(findings).noneMatch(f -> f.rule().equals("terms/docgate.Wasm")); // no document mixes WASM and Wasm
  }

  private static List<Finding> at(String path, int line) {
    return findings.stream().filter(f -> f.path().equals(path) && f.line() == line).toList();
  }
}
