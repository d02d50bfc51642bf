package org.docgate.validate.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.docgate.config.RuleFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceCandidatesTest {
  static final CompletenessConfig CONFIG = CompletenessConfig.load(RuleFiles.packaged());
  static final ReferenceCandidates CANDIDATES =
      new ReferenceCandidates(CONFIG.referenceExtensions(), CONFIG.templateNames());
  static final Set<String> FOLDERS = Set.of("Container", "01_Docker技术详解", "scripts", "vShpere_VMware");

  @ParameterizedTest
  @ValueSource(strings = {
      "Container/01_Docker技术详解/01_Docker架构原理.md",
      "01_Docker技术详解/01_Docker架构原理.md",
      "2025年技术标准最终对齐报告.md",
      "README.md",
      "./guide/setup.md",
      "../Analysis/02_技术实施指南与最佳实践.md",
      "Container/",
      "scripts/check_k8s_version.py",
      "vShpere_VMware/10_自动化与编排技术/03_vRealize Automation.md",
  })
  void aCorpusPathOrDocumentNameIsAReference(String text) {
    assertThat(CANDIDATES.parse(text, FOLDERS::contains)).contains(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/etc/hosts", "config.yaml", "deploy.sh", "docs/index.md", "YYYY-MM-DD_主题.md", "<name>.md", "xxx.md",
      "*.md", "${DOC}.md", "https://example.com/a.md", "kubectl apply -f deploy.yaml", "vim README.md",
      "Container/Docker", "apps/v1", "C:\\docs\\a.md", "example.md", "my-notes.md", "foo.md", ".cspell.md",
  })
  void commandsUrlsTemplatesAndForeignPathsAreNot(String text) {
    assertThat(CANDIDATES.parse(text, FOLDERS::contains)).isEmpty();
  }
}
