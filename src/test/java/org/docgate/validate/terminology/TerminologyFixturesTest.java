package org.docgate.validate.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.docgate.ExpectedFindings;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.docgate.validate.ValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each fixture says inline which terminology findings each line must get (packaged rules); others must get none.
 * The validator runs alone, as the registry runs it (inline suppressions applied), so other validators' state
 * cannot break these tests.
 */
class TerminologyFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/terminology");
  static final List<Finding> findings = new ArrayList<>();
  static final Map<String, Long> counters = new TreeMap<>();
  static TerminologyValidator validator;

  @BeforeAll
  static void scanFixtures() throws IOException {
    validator = TerminologyValidator.fromRules(RuleFiles.packaged());
    MarkdownParser parser = new MarkdownParser();
    for (String path : fixtureFiles().toList()) {
      MarkdownDocument doc = parser.parse(path, Files.readString(FIXTURES.resolve(path), StandardCharsets.UTF_8));
      ValidationResult r = validator.validate(doc, null);
      r.findings().stream().filter(f -> !doc.isSuppressed(f.rule(), f.line())).forEach(findings::add);
      r.counters().forEach((k, v) -> counters.merge(k, v, Long::sum));
    }
  }

  static Stream<String> fixtureFiles() throws IOException {
    return ExpectedFindings.markdownFiles(FIXTURES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtureFiles")
  void findingsAreExactlyThoseWrittenInline(String path) throws IOException {
    List<String> expected = ExpectedFindings.in(FIXTURES.resolve(path));
    List<String> actual = ExpectedFindings.actual(findings, path, "terms/");
    assertThat(actual).as("findings in " + path + ":\n" + describe(path)).isEqualTo(expected);
  }

  @Test
  void aVariantInsideChineseTextIsFlaggedWithItsFix() {
    Finding f = finding("substitution-zh.md", 6);
    assertThat(f.column()).isEqualTo(3);
    assertThat(f.target()).isEqualTo("kubernetes");
    assertThat(f.suggestion()).isEqualTo("Kubernetes");
    assertThat(f.message()).isEqualTo("Use 'Kubernetes' instead of 'kubernetes'.");
    assertThat(f.severity().label()).isEqualTo("warning");
  }

  @Test
  void fullWidthFormsMatchButPositionsAndTargetsAreTheOriginalText() {
    Finding f = finding("substitution-zh.md", 23);
    assertThat(f.target()).isEqualTo("ｋｕｂｅｒｎｅｔｅｓ");
    assertThat(f.column()).isEqualTo(8);
    assertThat(f.suggestion()).isEqualTo("Kubernetes");
  }

  @Test
  void theMisspelledProductIsFlaggedInProseOnly() {
    Finding f = finding("substitution-zh.md", 12);
    assertThat(f.target()).isEqualTo("vShpere");
    assertThat(f.suggestion()).isEqualTo("vSphere");
  }

  @Test
  void consistencyNeverRecommendsTheFormTheStyleNamesAsWrongEvenWhenItIsTheMajority() {
    Finding f = finding("consistency.md", 4);
    assertThat(f.target()).isEqualTo("WASM");
    assertThat(f.suggestion()).isEqualTo("Wasm");
    assertThat(f.message()).contains("'Wasm' 1×").contains("'WASM' 3×");
  }

  @Test
  void bilingualFindingsOfferTheGlossedFormAndTheUnglossedRepeat() {
    Finding missing = finding("bilingual-missing.md", 6);
    assertThat(missing.target()).isEqualTo("服务网格");
    assertThat(missing.suggestion()).isEqualTo("服务网格（Service Mesh）");
    Finding repeat = finding("bilingual-ok.md", 12);
    assertThat(repeat.target()).isEqualTo("容器编排（Container Orchestration）");
    assertThat(repeat.suggestion()).isEqualTo("容器编排");
    assertThat(finding("bilingual-late.md", 4).message()).contains("given later, at line 6");
  }

  @Test
  void statsCountEachVariantPerTermAndTheMetricIsTheirRatio() {
    assertThat(counters).containsEntry("terms.terms.Kubernetes.kubernetes", 9L)
        .containsEntry("terms.terms.Kubernetes.K8S", 1L)
        .containsEntry("terms.terms.vMotion.Vmotion", 1L)
        .containsEntry("terms.terms.Wasm.Wasm", 3L);
    assertThat(counters.keySet()).allMatch(k -> k.split("\\.").length <= 4);
    assertThat(validator.metrics()).singleElement().satisfies(m -> {
      assertThat(m.name()).isEqualTo("terminologyConsistency");
      assertThat(m.valueOf(counters)).isEqualTo(
          counters.get("terms.preferred") / (double) counters.get("terms.uses"));
    });
  }

  private static Finding finding(String path, int line) {
    return findings.stream()
        .filter(f -> f.path().equals(path) && f.line() == line && f.rule().startsWith("terms/"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding on line " + line + " of " + path + ":\n" + describe(path)));
  }

  private static String describe(String path) {
    StringBuilder sb = new StringBuilder();
    findings.stream().filter(f -> f.path().equals(path) && f.rule().startsWith("terms/"))
        .forEach(f -> sb.append("  ").append(f).append(" [target=").append(f.target()).append(", suggestion=")
            .append(f.suggestion()).append("]\n"));
    return sb.toString();
  }
}
