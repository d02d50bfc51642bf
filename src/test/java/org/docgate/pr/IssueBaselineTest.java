package org.docgate.pr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.docgate.finding.Finding;
import org.docgate.finding.Fingerprints;
import org.docgate.finding.Severity;
import org.junit.jupiter.api.Test;

/** The fingerprints an issue body keeps for the next report. */
class IssueBaselineTest {
  static List<Finding> findings(int errors, int warnings) {
    List<Finding> all = new ArrayList<>();
    for (int i = 1; i <= errors; i++) {
      all.add(new Finding("links/missing-file", Severity.ERROR, "e.md", i, 1, "missing " + i, null, null, null));
    }
    for (int i = 1; i <= warnings; i++) {
      all.add(new Finding("terms/substitution", Severity.WARNING, "w.md", i, 1, "term " + i, null, null, null));
    }
    return Fingerprints.assign(all);
  }

  @Test
  void aBlockReadsBackAsTheSameFingerprints() {
    List<Finding> now = findings(20, 3);
    IssueBaseline read = IssueBaseline.parse("text before\n" + IssueBaseline.block(now, 24_000)).orElseThrow();
    assertThat(read.covered()).containsExactlyInAnyOrder(Severity.values());
    assertThat(read.fingerprints()).hasSize(23);
    assertThat(read.newIn(now)).isEmpty();
  }

  @Test
  void aSeverityThatDoesNotFitWholeIsLeftOutAndNeverCalledNew() {
    List<Finding> before = findings(3, 200);
    String block = IssueBaseline.block(before, 1_000); // 3 errors fit, 200 warnings (3,400 characters) do not
    IssueBaseline read = IssueBaseline.parse(block).orElseThrow();
    assertThat(read.covered()).isEqualTo(Set.of(Severity.ERROR));
    assertThat(block.length()).isLessThanOrEqualTo(1_000);
    List<Finding> after = findings(4, 201);
    assertThat(read.newIn(after)).extracting(Finding::line).containsExactly(4); // the 4th error; no warning
  }

  @Test
  void aBodyWithoutABlockHasNoBaseline() {
    assertThat(IssueBaseline.parse("<!-- docgate:issue-report:abc -->\nedited by hand")).isEmpty();
    assertThat(IssueBaseline.parse("<!-- docgate:seen error,bogus\n-->")).isEmpty();
  }
}
