package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.docgate.finding.Finding;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snippets/missing-language} is markdownlint's MD040: a corpus that turns MD040 off is not told (issue 15). It
 * speaks for code only (a tag for output or prose was judged pointless), naming the tag; text is counted, not reported.
 */
class MissingLanguageTest {
  private static final String DOC = "# Notes\n\n```\nkubectl get pods -A\n```\n";

  @Test
  void aFenceWithoutALanguageIsReportedByDefault(@TempDir Path corpus) throws IOException {
    Files.writeString(corpus.resolve("a.md"), DOC);
    assertThat(missing(corpus)).extracting(Finding::line).containsExactly(3);
    assertThat(missing(corpus)).extracting(Finding::message).containsExactly(
        "fenced code block without a language holds shell commands: label it ```bash so it is highlighted and checked");
  }

  @Test
  void aFenceOfOutputOrProseIsNotReportedButCounted(@TempDir Path corpus) throws IOException {
    Files.writeString(corpus.resolve("a.md"), "# Notes\n\n```\nNAME   READY   STATUS\nweb-0  1/1     Running\n```\n");
    var report = Scans.run(corpus);
    assertThat(report.findings()).noneMatch(f -> f.rule().equals("snippets/missing-language"));
    var snippets = (java.util.Map<?, ?>) report.stats().get("snippets");
    assertThat(((java.util.Map<?, ?>) snippets.get("exempt")).get("unlabelled-text")).isEqualTo(1L);
  }

  @Test
  void aMarkdownlintConfigWithMd040OffTurnsItOff(@TempDir Path corpus) throws IOException {
    Files.writeString(corpus.resolve(".markdownlint.yaml"), "default: true\nMD040: false\n");
    Files.writeString(corpus.resolve("a.md"), DOC);
    assertThat(missing(corpus)).isEmpty();
  }

  @Test
  void anInlineDisableCommentTurnsItOffBelowIt(@TempDir Path corpus) throws IOException {
    Files.writeString(corpus.resolve("a.md"), DOC + "\n<!-- markdownlint-disable MD040 -->\n\n```\nmore\n```\n");
    assertThat(missing(corpus)).extracting(Finding::line).containsExactly(3);
  }

  private static List<Finding> missing(Path corpus) {
    return Scans.run(corpus).findings().stream().filter(f -> f.rule().equals("snippets/missing-language")).toList();
  }
}
