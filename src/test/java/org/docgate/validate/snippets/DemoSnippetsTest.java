package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.docgate.finding.Finding;
import org.docgate.scan.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;

/** The demo corpus's snippet page shows one instance of every snippet rule, each on the line it is about. */
class DemoSnippetsTest {
  @Test
  void theDemoPageShowsEverySnippetRule() {
    ScanReport report = Scans.run(Path.of("examples/demo/代码"));
    assertThat(report.findings().stream().filter(f -> f.rule().startsWith("snippets/")).map(Finding::toString))
        .containsExactly(
            "代码片段.md:23:3: error snippets/syntax: YAML: duplicate key 'name'",
            "代码片段.md:29:1: info snippets/incomplete: shell snippet with placeholders, which are the only"
                + " reason it fails: bash: syntax error near unexpected token `newline'",
            "代码片段.md:36:17: error snippets/syntax: JSON: Unexpected character ('/' (code 47)): maybe a"
                + " (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for"
                + " parser)",
            "代码片段.md:50:1: info snippets/unverifiable: 1 powershell snippet not verified: docgate has no"
                + " checker for powershell",
            "代码片段.md:56:1: info snippets/missing-language: fenced code block without a language: name one"
                + " (```yaml, ```text...) so it can be checked");
    assertThat(report.metrics().get("snippetRunnable")).isEqualTo(2 / 4.0);
  }
}
