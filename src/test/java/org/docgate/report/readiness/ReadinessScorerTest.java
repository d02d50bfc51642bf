package org.docgate.report.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReadinessScorerTest {
  static final Gate LINKS = new Gate("linkValidity", new Gate.MetricAtLeast("linkValidity", 0.99), 3,
      GateSeverity.BLOCKING, List.of("links/*"));
  static final Gate TERMS = new Gate("terminologyConsistency", new Gate.MetricAtLeast("terminologyConsistency", 0.98),
      1, GateSeverity.ADVISORY, List.of("terms/*"));
  static final Gate SNIPPETS = new Gate("snippetRunnable", new Gate.MetricAtLeast("snippetRunnable", 0.95), 2,
      GateSeverity.BLOCKING, List.of("snippets/*"));
  static final Gate NO_EOL = new Gate("noEndOfLifeVersions", new Gate.NoErrorsOf("versions/eol"), 2,
      GateSeverity.BLOCKING, List.of());
  static final List<Gate> GATES = List.of(LINKS, TERMS, SNIPPETS, NO_EOL);

  static Finding finding(String rule, Severity severity, String path) {
    return new Finding(rule, severity, path, 1, 1, "m", null, null, null);
  }

  static Map<String, Double> metrics(Double links, Double terms, Double snippets) {
    Map<String, Double> m = new HashMap<>();
    m.put("linkValidity", links);
    m.put("terminologyConsistency", terms);
    if (snippets != null) {
      m.put("snippetRunnable", snippets);
    }
    return m;
  }

  /** name, metrics, findings, expected score, expected statuses (in gate order), expected blocked. */
  static Stream<Arguments> table() {
    Finding eol = finding("versions/eol", Severity.ERROR, "a.md");
    Finding staleWarning = finding("versions/eol", Severity.WARNING, "a.md");
    return Stream.of(
        Arguments.of("all pass", metrics(1.0, 0.99, 0.96), List.of(), 100.0,
            "pass pass pass pass", false),
        Arguments.of("exactly at the threshold passes", metrics(0.99, 0.98, 0.95), List.of(), 100.0,
            "pass pass pass pass", false),
        Arguments.of("one blocking metric gate fails", metrics(0.9885, 0.99, 0.96), List.of(), 62.5,
            "fail pass pass pass", true),
        Arguments.of("an advisory gate fails: score drops, nothing blocks", metrics(1.0, 0.5, 0.96), List.of(), 87.5,
            "pass fail pass pass", false),
        Arguments.of("an absent metric is not measured: shown, and left out of the score", metrics(1.0, 0.99, null),
            List.of(), 100.0, "pass pass not-measured pass", false),
        Arguments.of("a null metric is not measured too", metrics(null, 0.99, 0.96), List.of(), 100.0,
            "not-measured pass pass pass", false),
        Arguments.of("weights renormalise over the measured gates: 3 of 3 + 1 + 2", metrics(1.0, 0.5, null),
            List.of(), 83.3, "pass fail not-measured pass", false),
        Arguments.of("an error of the rule fails the no-errors gate", metrics(1.0, 0.99, 0.96), List.of(eol), 75.0,
            "pass pass pass fail", true),
        Arguments.of("a warning of the rule does not", metrics(1.0, 0.99, 0.96), List.of(staleWarning), 100.0,
            "pass pass pass pass", false),
        Arguments.of("weights: only the advisory weight-1 gate passes", metrics(0.5, 0.99, 0.1), List.of(eol), 12.5,
            "fail pass fail fail", true),
        Arguments.of("nothing measured and errors everywhere scores zero", metrics(null, null, null), List.of(eol),
            0.0, "not-measured not-measured not-measured fail", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void scoresTheTable(String name, Map<String, Double> metrics, List<Finding> findings, double score,
      String statuses, boolean blocked) {
    Readiness r = ReadinessScorer.score(GATES, metrics, findings);
    assertThat(r.score()).isEqualTo(score);
    assertThat(String.join(" ", r.gates().stream().map(g -> g.status().label()).toList())).isEqualTo(statuses);
    assertThat(r.blocked()).isEqualTo(blocked);
  }

  /** gate, value (metric, or errors for a no-errors gate), expected credit. */
  static Stream<Arguments> credits() {
    Gate links = new Gate("linkValidity", new Gate.MetricAtLeast("linkValidity", 0.99), 3, GateSeverity.BLOCKING,
        List.of(), 0.95, null);
    Gate eol = new Gate("noEndOfLifeVersions", new Gate.NoErrorsOf("versions/eol"), 1, GateSeverity.BLOCKING,
        List.of(), 20.0, "versionAlignment");
    return Stream.of(
        Arguments.of("no zeroAt: a failing gate earns nothing", LINKS, 0.9899, 0.0),
        Arguments.of("halfway between zeroAt and min", links, 0.97, 0.5),
        Arguments.of("just under min", links, 0.9884, 0.96),
        Arguments.of("at zeroAt", links, 0.95, 0.0),
        Arguments.of("below zeroAt is clamped to nothing", links, 0.5, 0.0),
        Arguments.of("one error of twenty", eol, 1.0, 0.95),
        Arguments.of("ten errors of twenty", eol, 10.0, 0.5),
        Arguments.of("more errors than zeroAt", eol, 45.0, 0.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("credits")
  void partialCreditIsAStraightLineFromZeroAtToTheThreshold(String name, Gate gate, double value, double credit) {
    assertThat(ReadinessScorer.partialCredit(gate, value)).isCloseTo(credit, within(1e-9));
  }

  @Test
  void aGateJustUnderItsThresholdEarnsPartialCreditButStillBlocks() {
    Gate links = new Gate("linkValidity", new Gate.MetricAtLeast("linkValidity", 0.99), 3, GateSeverity.BLOCKING,
        List.of(), 0.95, null);
    Readiness r = ReadinessScorer.score(List.of(links, TERMS), metrics(0.9884, 0.99, null), List.of());
    assertThat(r.gates().get(0).status()).isEqualTo(GateStatus.FAIL);
    assertThat(r.gates().get(0).credit()).isCloseTo(0.96, within(1e-9));
    assertThat(r.score()).isEqualTo(97.0); // (0.96 x 3 + 1) / 4
    assertThat(r.blocked()).isTrue();
  }

  @Test
  void aNoErrorsGateWhoseValidatorDidNotRunOrJudgedNothingIsNotMeasured() {
    Gate eol = new Gate("noEndOfLifeVersions", new Gate.NoErrorsOf("versions/eol"), 1, GateSeverity.BLOCKING,
        List.of(), null, "endOfLifeFree");
    Map<String, Double> linksOnly = metrics(1.0, null, null);
    linksOnly.remove("terminologyConsistency");
    GateResult notRun = ReadinessScorer.score(List.of(LINKS, eol), linksOnly, List.of()).gates().get(1);
    assertThat(notRun.status()).isEqualTo(GateStatus.NOT_MEASURED);
    assertThat(notRun.value()).isNull();

    // k8s-enhancements: the validator ran, but every version mention is in a KEP (a record): nothing was judged,
    // so "no end-of-life versions" would be a pass earned by looking at nothing
    Map<String, Double> ranButJudgedNothing = new HashMap<>(linksOnly);
    ranButJudgedNothing.put("endOfLifeFree", null);
    Readiness r = ReadinessScorer.score(List.of(LINKS, eol), ranButJudgedNothing, List.of());
    assertThat(r.gates().get(1).status()).isEqualTo(GateStatus.NOT_MEASURED);
    assertThat(r.score()).isEqualTo(100.0); // left out of both sums

    Map<String, Double> judged = new HashMap<>(linksOnly);
    judged.put("endOfLifeFree", 1.0);
    assertThat(ReadinessScorer.score(List.of(LINKS, eol), judged, List.of()).gates().get(1).status())
        .isEqualTo(GateStatus.PASS);
  }

  @Test
  void theLinksOnlyScanOfTheIssueReadsAsItsLinksNotAsSixteenPointSeven() {
    List<Gate> packaged = ReadinessRules.fromRules(org.docgate.config.RuleFiles.packaged());
    Map<String, Double> linksOnly = new HashMap<>(Map.of("linkValidity", 0.9884));
    Readiness r = ReadinessScorer.score(packaged, linksOnly, List.of());
    assertThat(r.gates()).extracting(g -> g.gate().name() + " " + g.status().label()).containsExactly(
        "linkValidity fail", "versionAlignment not-measured", "snippetRunnable not-measured",
        "completeness not-measured", "terminologyConsistency not-measured", "noEndOfLifeVersions not-measured",
        "noUnreadableFiles pass");
    assertThat(r.score()).isEqualTo(97.0); // (0.96 x 3 + 1 x 1) / (3 + 1); 2/12 = 16.7 before (unmeasured no-errors gates passed)
    assertThat(r.blocked()).isTrue();
  }

  @Test
  void nothingMeasuredScoresZeroAndSaysSo() {
    Readiness r = ReadinessScorer.score(List.of(LINKS, TERMS), Map.of(), List.of());
    assertThat(r.measured()).isFalse();
    assertThat(r.score()).isZero();
  }

  @Test
  void aFailingGateNamesItsTopFiveFilesAndRules() {
    List<Finding> findings = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      for (int n = 0; n <= i; n++) {
        findings.add(finding(n % 2 == 0 ? "links/missing-file" : "links/missing-anchor", Severity.ERROR,
            "doc" + i + ".md"));
      }
    }
    findings.add(finding("terms/docgate.Kubernetes", Severity.WARNING, "doc9.md"));
    Readiness r = ReadinessScorer.score(List.of(LINKS), metrics(0.5, null, null), findings);
    GateResult links = r.gates().get(0);
    assertThat(links.topFiles()).extracting(Contributor::name)
        .containsExactly("doc6.md", "doc5.md", "doc4.md", "doc3.md", "doc2.md");
    assertThat(links.topFiles().get(0).findings()).isEqualTo(7);
    assertThat(links.topRules()).containsExactly(new Contributor("links/missing-file", 16),
        new Contributor("links/missing-anchor", 12));
  }

  @Test
  void passingAndNotMeasuredGatesListNoContributors() {
    List<Finding> findings = List.of(finding("links/missing-file", Severity.ERROR, "a.md"));
    Readiness r = ReadinessScorer.score(List.of(LINKS, SNIPPETS), metrics(0.995, null, null), findings);
    assertThat(r.gates()).allSatisfy(g -> {
      assertThat(g.topFiles()).isEmpty();
      assertThat(g.topRules()).isEmpty();
    });
  }

  @Test
  void aNoErrorsGateCountsTheErrorsOfAFamilyPattern() {
    Gate corpus = new Gate("noUnreadableFiles", new Gate.NoErrorsOf("corpus/*"), 1, GateSeverity.BLOCKING,
        List.of());
    List<Finding> findings = List.of(finding("corpus/encoding", Severity.ERROR, "gbk.md"),
        finding("corpus/binary", Severity.ERROR, "bin.md"), finding("corpus/symlink-outside", Severity.WARNING,
            "l.md"), finding("corpusx/other", Severity.ERROR, "x.md"));
    GateResult g = ReadinessScorer.score(List.of(corpus), Map.of(), findings).gates().get(0);
    assertThat(g.status()).isEqualTo(GateStatus.FAIL);
    assertThat(g.value()).isEqualTo(2.0);
    assertThat(g.topFiles()).extracting(Contributor::name).containsExactly("bin.md", "gbk.md");
  }

  @Test
  void readyNeedsNoBlockingFailureAndTheMinimumScore() {
    Readiness r = ReadinessScorer.score(GATES, metrics(1.0, 0.5, 0.96), List.of());
    assertThat(r.ready(80)).isTrue();
    assertThat(r.ready(90)).isFalse();
  }
}
