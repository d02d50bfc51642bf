package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.cli.Cli.docgate;

import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlFormatTest {
  static final String DEMO = "examples/demo";

  @Test
  void scanWritesOneSelfContainedPageWhoseFindingsLinkToTheFilesRelatively(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out/report.html");
    Run run = docgate("scan", DEMO, "--rules", "examples/demo-rules", "--format", "html", "--output",
        file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    String html = Files.readString(file);
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .contains("<title>docgate report: demo</title>")
        .doesNotContain("http://", "https://", "\"href\":\"file:");
    // relative to the report file (a file: URL dies once the report is a CI artifact), yet it opens the same file
    java.util.regex.Matcher href = java.util.regex.Pattern.compile("\"href\":\"([^\"]+)\"").matcher(html);
    assertThat(href.find()).isTrue();
    assertThat(href.group(1)).startsWith("../");
    Path opened = Path.of(file.toUri().resolve(href.group(1).replaceAll("#.*", "")));
    assertThat(opened).startsWith(Path.of(DEMO).toAbsolutePath().normalize()).exists();
  }

  @Test
  void aLinkBaseIsUsedAsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("report.html");
    docgate("scan", DEMO, "--only", "links", "--format", "html", "--output", file.toString(),
        "--link-base", "https://github.com/o/r/blob/0123abc/docs");

    assertThat(Files.readString(file)).contains("\"href\":\"https://github.com/o/r/blob/0123abc/docs/README.md#L");
  }

  @Test
  void aScriptLinkBaseIsAUsageErrorNotAStackTrace(@TempDir Path dir) {
    Run run = docgate("scan", DEMO, "--only", "links", "--format", "html", "--output",
        dir.resolve("r.html").toString(), "--link-base", "javascript:alert(1)//");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("link base 'javascript:alert(1)//'").doesNotContain("\tat ");
    assertThat(dir.resolve("r.html")).doesNotExist();
  }

  @Test
  void readinessRendersTheSamePage() {
    Run run = docgate("readiness", DEMO, "--format", "html");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).startsWith("<!DOCTYPE html>").contains("id=\"readiness-score\"").contains("Not ready");
  }
}
