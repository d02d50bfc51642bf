package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.cli.Cli.docgate;

import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.docgate.cli.Cli.Run;

class TermsCommandTest {

  @Test
  void aGlossaryBecomesARuleFileThatAScanLoads(@TempDir Path dir) throws Exception {
    Path glossary = dir.resolve("GLOSSARY.md");
    Files.writeString(glossary, """
        ### Service Mesh
        - **中文**: 服务网格

        | 中文 | English |
        |------|---------|
        | 容器编排 | Container Orchestration |
        | 容器编排 | Orchestration |
        """);
    Path rules = dir.resolve("rules");
    Path rule = rules.resolve("terminology/Team/Glossary.yml");
    Run run = docgate("terms", "import", glossary.toString(), "--output", rule.toString(),
        "--accept", rules.resolve("terminology/vocab/Team/accept.txt").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("2 pairs (1 from headings, 1 from tables), 0 duplicates, 1 conflicts")
        .contains("conflict: '容器编排': 'Container Orchestration' (GLOSSARY.md:6) vs 'Orchestration' (GLOSSARY.md:7)");
    assertThat(Files.readString(rule)).contains("extends: bilingual-first-use").contains("\"服务网格\": \"Service Mesh\"");

    Path corpus = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(corpus.resolve("a.md"), "# 标题\n\n服务网格很重要。\n");
    Run scan = docgate("scan", corpus.toString(), "--rules", rules.toString(), "--only", "terms", "--quiet");
    assertThat(scan.out()).contains("a.md:3:1: info terms/Team.Glossary: First use of '服务网格'");
  }

  @Test
  void aFileWithoutGlossaryPairsIsAFatalErrorOnOneLine(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty.md");
    Files.writeString(empty, "# 没有术语\n");
    Run run = docgate("terms", "import", empty.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("docgate: error: empty.md: no glossary pair found").hasLineCount(1);
    assertThat(docgate("terms", "import", dir.resolve("missing.md").toString()).exit()).isEqualTo(2);
  }

  @Test
  void theReferenceGlossariesImportWithTheirConflictsReported() {
    Path corpus = SharedFiles.referenceCorpus();
    Run run = docgate("terms", "import", corpus.resolve("GLOSSARY_技术术语双语对照表.md").toString(),
        corpus.resolve("TERMINOLOGY.md").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("406 pairs (57 from headings, 349 from tables), 82 duplicates, 9 conflicts")
        .contains("conflict: 'Hypervisor': '虚拟机监控器' (GLOSSARY_技术术语双语对照表.md:34) vs '虚拟机监控程序'");
    assertThat(run.out()).contains("\"容器编排\": \"Container Orchestration\"");
  }
}
