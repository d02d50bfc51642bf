package org.docgate.pr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.ScanReport;
import org.junit.jupiter.api.Test;

class PrCommentRendererTest {
  static final String HEAD = "0123456789abcdef0123456789abcdef01234567";
  static final String CRAFTED = "x</details>@everyone[a](javascript:alert(1)).md";

  static Finding finding(String path, int line, String message, String target, String suggestion) {
    return new Finding("links/missing-file", Severity.ERROR, path, line, 1, message, target, suggestion, "fp" + line);
  }

  static PrResult result(List<Finding> added, List<Finding> fixed, List<Finding> preExisting) {
    ScanReport head = new ScanReport(ScanReport.SCHEMA, "/repo", Instant.EPOCH, Instant.EPOCH, 1, Map.of(), Map.of(),
        added);
    Set<String> touched = new java.util.TreeSet<>();
    added.forEach(f -> touched.add(f.path()));
    fixed.forEach(f -> touched.add(f.path()));
    return new PrResult("fedcba9876543210fedcba9876543210fedcba98", HEAD, List.of(), touched,
        new PrFindings(added, fixed, preExisting), new Readiness(80, List.of()), new Readiness(75.5, List.of()), head,
        false);
  }

  @Test
  void aCraftedFileNameAndBacktickTargetRenderInert() {
    String target = "``evil``|</details><script>alert(1)</script>.md";
    Finding crafted = finding(CRAFTED, 3, "'" + target + "' does not exist; see #123 and @octo-org/team",
        target, "[click](javascript:alert(1))");
    Finding newline = finding("a\n| b | c |\n</details>.md", 4, "line1\n\n</details>\n\n[x](javascript:x)", null,
        "<a href=\"javascript:alert(1)\">x</a>");
    PrResult r = result(List.of(crafted, newline), List.of(crafted), List.of(newline));

    String markdown = new PrCommentRenderer("octo/docs").render(r);
    String html = InertHtml.assertInert(markdown, 2);
    assertThat(markdown).doesNotContain("](javascript").doesNotContain("<a href").doesNotContain("@everyone")
        .doesNotContain("</details>@");
    assertThat(markdown.substring(markdown.indexOf("| File"))).as("no backtick from documents")
        .doesNotContain("`");
    assertThat(html).contains("x&lt;/details&gt;@\u200Deveryone[a](javascript:alert(1)).md:3")
        .contains("``evil``|&lt;/details&gt;");
  }

  @Test
  void theTableLinksEachNewFindingToItsLineInTheHeadCommit() {
    String markdown = new PrCommentRenderer("octo/docs").render(result(
        List.of(finding("容器/安装 指南.md", 12, "'x.md' does not exist", "x.md", "y.md")), List.of(), List.of()));
    assertThat(markdown).startsWith(PrCommentRenderer.MARKER + "\n")
        .contains("Readiness **80.0 → 75.5** · **1 new** · **0 fixed** · 0 pre-existing in 1 touched file")
        .contains("| [容器/安装 指南.md:12](https://github.com/octo/docs/blob/" + HEAD
            + "/%E5%AE%B9%E5%99%A8/%E5%AE%89%E8%A3%85%20%E6%8C%87%E5%8D%97.md#L12) | error | links/missing-file |"
            + " 'x.md' does not exist | y.md |")
        .doesNotContain("<details>");
  }

  @Test
  void withoutARepositoryLocationsArePlainText() {
    String markdown = new PrCommentRenderer(null).render(result(
        List.of(finding("a.md", 3, "m", null, null)), List.of(), List.of()));
    assertThat(markdown).contains("| a.md:3 | error |").doesNotContain("https://");
  }

  @Test
  void fixedAndPreExistingFindingsAreCollapsed() {
    String markdown = new PrCommentRenderer("octo/docs").render(result(List.of(),
        List.of(finding("a.md", 3, "gone", null, null)), List.of(finding("b.md", 5, "old", null, null))));
    assertThat(markdown).contains("No new findings in the touched files.")
        .contains("<details><summary>1 fixed</summary>\n\n| File | Severity | Rule | Message |")
        .contains("| a.md:3 | error |")
        .contains("<details><summary>1 pre-existing in touched files</summary>")
        .contains("[b.md:5](https://github.com/octo/docs/blob/" + HEAD + "/b.md#L5)");
    InertHtml.assertInert(markdown, 2);
  }

  @Test
  void aHugeChangeIsTruncatedBelowGitHubsLimitWithACount() {
    List<Finding> many = new ArrayList<>();
    IntStream.rangeClosed(1, 5_000).forEach(i -> many.add(
        finding("docs/deep/folder/file-" + i + ".md", i, "'some/long/target-" + i + ".md' does not exist; did you"
            + " mean 'some/long/target.md'?", null, "some/long/target.md")));
    String markdown = new PrCommentRenderer("octo/docs").render(result(many, many, many));
    assertThat(markdown.length()).isLessThan(65_536);
    assertThat(markdown.codePointCount(0, markdown.length())).isLessThan(65_536);
    assertThat(markdown).containsPattern("… and \\d+ more new findings not shown")
        .containsPattern("… and 5000 more findings not shown");
    int shown = InertHtml.count(markdown, "| error |");
    assertThat(shown).isGreaterThan(100);
    assertThat(markdown).contains("… and " + (5_000 - shown) + " more new findings not shown");
    InertHtml.assertInert(markdown, 2);
  }

  @Test
  void onlyOwnerSlashNameIsARepository() {
    assertThatThrownBy(() -> new PrCommentRenderer("octo/docs)[x](javascript:1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
