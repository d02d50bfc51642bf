package org.docgate.report.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadinessRulesTest {

  @Test
  void thePackagedGatesHoldTheCorpusTargets() {
    List<Gate> gates = ReadinessRules.fromRules(RuleFiles.packaged());
    assertThat(gates).extracting(Gate::name).containsExactly("linkValidity", "versionAlignment", "snippetRunnable",
        "completeness", "terminologyConsistency", "noEndOfLifeVersions", "noUnreadableFiles");
    assertThat(gates.get(0).measure()).isEqualTo(new Gate.MetricAtLeast("linkValidity", 0.99));
    assertThat(gates.get(1).measure()).isEqualTo(new Gate.MetricAtLeast("versionAlignment", 0.99));
    assertThat(gates.get(2).measure()).isEqualTo(new Gate.MetricAtLeast("snippetRunnable", 0.95));
    assertThat(gates.get(3).measure()).isEqualTo(new Gate.MetricAtLeast("completeness", 0.95));
    assertThat(gates.get(4).measure()).isEqualTo(new Gate.MetricAtLeast("terminologyConsistency", 0.98));
    assertThat(gates.get(5).measure()).isEqualTo(new Gate.NoErrorsOf("versions/eol"));
    assertThat(gates.get(0).severity()).isEqualTo(GateSeverity.BLOCKING);
    assertThat(gates.get(4).severity()).isEqualTo(GateSeverity.ADVISORY);
    assertThat(gates.get(0).zeroAt()).isEqualTo(0.95);
    assertThat(gates.get(5).measuredBy()).isEqualTo("endOfLifeFree");
    assertThat(gates.get(6).zeroAt()).isNull(); // an unreadable file earns no partial credit
    // an example's ended image (advice, outside versionAlignment) is not listed as what keeps alignment down
    assertThat(gates.get(1).contributorRules()).contains("versions/eol", "versions/stale")
        .doesNotContain("versions/eol-example", "versions/*");
  }

  @Test
  void aSmallFileReadsIntoGates() {
    List<Gate> gates = ReadinessRules.parse("r.yaml", """
        gates:
          links:
            metric: linkValidity
            min: 0.9
            weight: 2.5
            severity: advisory
            rules: [links/*, links/missing-file]
            zeroAt: 0.5
          eol:
            noErrorsOf: versions/eol
            measuredBy: versionAlignment
            zeroAt: 10
            weight: 1
            severity: blocking
          corpus:
            noErrorsOf: corpus/*
            weight: 1
            severity: blocking
        """);
    assertThat(gates).containsExactly(
        new Gate("links", new Gate.MetricAtLeast("linkValidity", 0.9), 2.5, GateSeverity.ADVISORY,
            List.of("links/*", "links/missing-file"), 0.5, null),
        new Gate("eol", new Gate.NoErrorsOf("versions/eol"), 1, GateSeverity.BLOCKING, List.of(), 10.0,
            "versionAlignment"),
        new Gate("corpus", new Gate.NoErrorsOf("corpus/*"), 1, GateSeverity.BLOCKING, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown key         | metric: m; min: 0.5; weight: 1; severity: blocking; treshold: 3 | r.yaml:8: unknown key 'treshold'",
      "both kinds          | metric: m; noErrorsOf: a/b; min: 0.5; weight: 1; severity: blocking | r.yaml:4: gate 'g': needs exactly one of 'metric' or 'noErrorsOf'",
      "neither kind        | weight: 1; severity: blocking | r.yaml:4: gate 'g': needs exactly one",
      "min above one       | metric: m; min: 99; weight: 1; severity: blocking | r.yaml:5: gate 'g': min must be between 0 and 1",
      "metric without min  | metric: m; weight: 1; severity: blocking | r.yaml:4: gate 'g': a metric gate needs 'min'",
      "min on a rule gate  | noErrorsOf: a/b; min: 0; weight: 1; severity: blocking | r.yaml:5: gate 'g': 'min' belongs to metric gates",
      "zero weight         | metric: m; min: 0.5; weight: 0; severity: blocking | r.yaml:6: gate 'g': weight must be a positive number",
      "weight not a number | metric: m; min: 0.5; weight: NaN; severity: blocking | r.yaml:6: gate 'g' weight must be a number",
      "unknown severity    | metric: m; min: 0.5; weight: 1; severity: fatal | r.yaml:7: gate 'g': unknown severity 'fatal' (expected blocking or advisory)",
      "bad rule pattern    | noErrorsOf: eol; weight: 1; severity: blocking | r.yaml:4: gate 'g' noErrorsOf: 'eol' is not a rule id",
      "zeroAt above min    | metric: m; min: 0.5; zeroAt: 0.6; weight: 1; severity: blocking | r.yaml:6: gate 'g': zeroAt must be at least 0 and below min (0.5)",
      "zeroAt errors < 1   | noErrorsOf: a/b; zeroAt: 0.5; weight: 1; severity: blocking | r.yaml:5: gate 'g': zeroAt of a noErrorsOf gate is a number of errors",
      "measuredBy on metric| metric: m; min: 0.5; measuredBy: x; weight: 1; severity: blocking | r.yaml:6: gate 'g': 'measuredBy' belongs to noErrorsOf gates",
  })
  void badFilesFailWithFileAndLine(String name, String keys, String expected) {
    String yaml = "# gates\ngates:\n  g:\n    " + keys.strip().replace("; ", "\n    ") + "\n";
    assertThatThrownBy(() -> ReadinessRules.parse("r.yaml", yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(expected.strip());
  }

  @Test
  void noGatesIsAnError() {
    assertThatThrownBy(() -> ReadinessRules.parse("r.yaml", "gates: {}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("r.yaml:1: gates is empty");
    assertThatThrownBy(() -> ReadinessRules.parse("r.yaml", "other: 1\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("r.yaml:1: unknown key 'other'");
  }
}
