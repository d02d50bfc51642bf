package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.cli.Cli.docgate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.docgate.cli.Cli.Run;
import org.docgate.report.CertainFix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docgate fix} on a small corpus written here: the diff, the rewrite, the re-scan, the refusal. */
class FixCommandTest {
  @TempDir Path corpus;

  // Lines 3 and 5 have certain fixes (a close path, a close anchor); line 7's link has no suggestion.
  private static final String README = """
      # Home

      See [the setup](guide/setpu.md) first.

      Then [install](guide/setup.md#instal).

      A [lost page](nothing-like-it-at-all.md) stays.
      """;
  // CRLF line endings, which the rewrite must keep.
  private static final String OTHER = "# Other\r\n\r\nBack [home](../READMEE.md).\r\n";

  @BeforeEach
  void writeCorpus() throws Exception {
    Files.writeString(corpus.resolve("README.md"), README);
    Files.createDirectories(corpus.resolve("guide"));
    Files.writeString(corpus.resolve("guide/setup.md"), "# Setup\n\n## Install\n");
    Files.writeString(corpus.resolve("guide/other.md"), OTHER);
  }

  @Test
  void dryRunPrintsTheDiffAndChangesNothing() throws Exception {
    Run run = docgate("fix", corpus.toString(), "--offline");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("""
        --- a/README.md
        +++ b/README.md
        @@ -1,7 +1,7 @@
         # Home
        \s
        -See [the setup](guide/setpu.md) first.
        +See [the setup](guide/setup.md) first.
        \s
        -Then [install](guide/setup.md#instal).
        +Then [install](guide/setup.md#install).
        \s
         A [lost page](nothing-like-it-at-all.md) stays.
        """ + """
        --- a/guide/other.md
        +++ b/guide/other.md
        @@ -1,3 +1,3 @@
         # Other\r
         \r
        -Back [home](../READMEE.md).\r
        +Back [home](../README.md).\r
        """);
    assertThat(run.err()).contains("3 fixes in 2 files (dry run");
    assertThat(Files.readString(corpus.resolve("README.md"))).isEqualTo(README);
    assertThat(Files.readString(corpus.resolve("guide/other.md"))).isEqualTo(OTHER);
  }

  @Test
  void writeChangesExactlyTheFixedLinesAndTheReScanNoLongerReportsThem() throws Exception {
    List<String> before = findings();
    assertThat(before).contains("links/missing-file README.md:3", "links/missing-anchor README.md:5",
        "links/missing-file README.md:7", "links/missing-file guide/other.md:3");

    Run run = docgate("fix", corpus.toString(), "--offline", "--write");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("3 fixes written in 2 files");
    assertThat(Files.readString(corpus.resolve("README.md"))).isEqualTo(README
        .replace("guide/setpu.md", "guide/setup.md").replace("#instal)", "#install)"));
    assertThat(Files.readString(corpus.resolve("guide/other.md")))
        .isEqualTo("# Other\r\n\r\nBack [home](../README.md).\r\n");
    List<String> expected = new ArrayList<>(before);
    expected.removeAll(List.of("links/missing-file README.md:3", "links/missing-anchor README.md:5",
        "links/missing-file guide/other.md:3"));
    assertThat(findings()).containsExactlyInAnyOrderElementsOf(expected).contains("links/missing-file README.md:7");
    try (var left = Files.list(corpus)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("README.md", "guide");
    }
  }

  @Test
  void aReadOnlyFileStopsTheWriteBeforeAnythingIsWritten() throws Exception {
    Path other = corpus.resolve("guide/other.md");
    Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("r--r--r--"));

    Run run = docgate("fix", corpus.toString(), "--offline", "--write");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("nothing written").contains("guide/other.md is not writable");
    // README.md was writable and comes first, yet stays as it was: all or nothing
    assertThat(Files.readString(corpus.resolve("README.md"))).isEqualTo(README);
    assertThat(Files.readString(other)).isEqualTo(OTHER);
  }

  @Test
  void scanFixWritesTheFixesThenReportsWhatRemains() throws Exception {
    Run run = docgate("scan", corpus.toString(), "--fix", "--format", "json");

    assertThat(run.exit()).as(run.err()).isEqualTo(1); // line 7's link has no certain fix: an error remains
    assertThat(run.err()).contains("3 fixes written in 2 files");
    assertThat(Files.readString(corpus.resolve("README.md"))).isEqualTo(README
        .replace("guide/setpu.md", "guide/setup.md").replace("#instal)", "#install)"));
    List<String> reported = new ArrayList<>();
    new ObjectMapper().readTree(run.out()).path("findings").forEach(f -> reported.add(f.path("rule").asText() + " "
        + f.path("path").asText() + ":" + f.path("line").asInt()));
    assertThat(reported).isEqualTo(findings()).contains("links/missing-file README.md:7")
        .doesNotContain("links/missing-file README.md:3", "links/missing-anchor README.md:5");
  }

  @Test
  void scanFixOnAReadOnlyFileWritesNothingAndReportsNothing() throws Exception {
    Files.setPosixFilePermissions(corpus.resolve("guide/other.md"), PosixFilePermissions.fromString("r--r--r--"));

    Run run = docgate("scan", corpus.toString(), "--fix");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("nothing written");
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(corpus.resolve("README.md"))).isEqualTo(README);
  }

  @Test
  void scanReportOptionsAreRefused() {
    Run run = docgate("fix", corpus.toString(), "--offline", "--format", "json");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--format applies to scan only");
  }

  @Test
  void overlappingEditsApplyTheFirstOnlyAndSaySo() {
    // "[a](x.md) [b](x.md)": the first target spans columns 5..8, the second 15..18
    CertainFix first = new CertainFix("a.md", 1, 5, 9, "x.md", "y.md");
    CertainFix clashing = new CertainFix("a.md", 1, 7, 10, "md)", "txt)");
    CertainFix second = new CertainFix("a.md", 1, 15, 19, "x.md", "z.md");
    CertainFix otherFile = new CertainFix("b.md", 1, 5, 9, "x.md", "w.md");
    List<String> said = new ArrayList<>();

    List<CertainFix> kept = FixEdits.firstOfOverlapping(List.of(first, clashing, second, otherFile),
        (skipped, clash) -> said.add(skipped.replaced() + " vs " + clash.replaced()));

    assertThat(kept).containsExactly(first, second, otherFile);
    assertThat(said).containsExactly("md) vs x.md");
    assertThat(FixEdits.apply("[a](x.md) [b](x.md)\n", List.of(first, second))).isEqualTo("[a](y.md) [b](z.md)\n");
  }

  private List<String> findings() throws Exception {
    Run scan = docgate("scan", corpus.toString(), "--format", "json");
    JsonNode report = new ObjectMapper().readTree(scan.out().getBytes(StandardCharsets.UTF_8));
    List<String> out = new ArrayList<>();
    report.path("findings").forEach(f -> out.add(f.path("rule").asText() + " " + f.path("path").asText() + ":"
        + f.path("line").asInt()));
    return out;
  }
}
