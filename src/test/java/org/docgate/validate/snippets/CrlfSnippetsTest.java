package org.docgate.validate.snippets;

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
 * A file saved with Windows line endings (hexo-theme-butterfly's README_CN.md, judged blind in round 23: six
 * ShellCheck SC1017 "literal carriage return" findings on plain commands, WRONG): its blocks are checked as GitHub
 * shows them, one line per line, and a real error in such a file is still found.
 */
class CrlfSnippetsTest {
  @TempDir Path corpus;

  @Test
  void carriageReturnsAreLineEndsNotPartOfTheCommands() throws IOException {
    String text = String.join("\r\n", "# 安装", "", "```bash", "npm install hexo-renderer-pug --save",
        "hexo clean && hexo g", "```", "", "```yaml", "theme: butterfly", "menu:", "  首页: / || fas fa-home", "```",
        "", "```bash", "if [ -f x ]; then", "  echo yes", "```", "");
    Files.writeString(corpus.resolve("README_CN.md"), text);
    Tools.require("<!-- requires: shellcheck -->");
    ScanReport report = Scans.run(corpus);
    assertThat(report.findings()).filteredOn(f -> f.rule().startsWith("snippets/"))
        .extracting(Finding::line, Finding::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(17, "snippets/syntax"));
  }
}
