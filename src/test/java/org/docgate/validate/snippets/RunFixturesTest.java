package org.docgate.validate.snippets;

import org.docgate.validate.snippets.run.Sandbox;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.docgate.ExpectedFindings;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;

/** A scan runs the marked snippets of a document in the sandbox, and counts how each run went. */
class RunFixturesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/snippets-run");

  @Test
  void markedSnippetsRunAndTheirFindingsAreThoseWrittenInline() throws Exception {
    Tools.require("a working bubblewrap sandbox", Sandbox.onPath().unavailable().isEmpty());
    ScanReport report = Scans.run(FIXTURES);
    assertThat(ExpectedFindings.actual(report.findings(), "run.md", "snippets/"))
        .isEqualTo(SnippetFixturesTest.expected(FIXTURES.resolve("run.md")));
    var run = (Map<?, ?>) ((Map<?, ?>) report.stats().get("snippets")).get("run");
    assertThat(run).isEqualTo(Map.of("passed", 2L, "mismatch", 1L, "failed", 1L, "refused", 1L));
  }
}
