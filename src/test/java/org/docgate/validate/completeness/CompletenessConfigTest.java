package org.docgate.validate.completeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.junit.jupiter.api.Test;

class CompletenessConfigTest {

  @Test
  void thePackagedConfigLoads() {
    CompletenessConfig config = CompletenessConfig.load(RuleFiles.packaged());
    assertThat(config.markers()).contains("TODO", "TBD", "TBA", "待补充", "规划中", "coming soon");
    assertThat(config.statusWords()).contains("规划中", "未创建", "⏳", "🚧");
    assertThat(config.tolerance()).isEqualTo(0.10);
    assertThat(config.roots()).containsExactly("README.md", "index.md", "_index.md", "summary.md", "toc*.md",
        "**/summary.md", "**/toc*.md");
    assertThat(config.requiredSections()).isEmpty();
  }

  @Test
  void anUnknownKeyIsAnErrorWithItsLine() {
    assertThatThrownBy(() -> CompletenessConfig.parse("c.yaml", "placeholders:\n  markers: [TODO]\n  marker: [x]\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("c.yaml:3: unknown key 'marker'");
  }

  @Test
  void aWholeOrStandaloneWordThatIsNoMarkerIsAnError() {
    assertThatThrownBy(() -> CompletenessConfig.parse("c.yaml", "placeholders:\n  markers: [TODO]\n  whole: [soon]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("c.yaml:3: placeholders.whole: 'soon' is not one of placeholders.markers");
    assertThat(CompletenessConfig.parse("c.yaml", "placeholders:\n  markers: [TODO]\n").markers()).containsExactly("TODO");
  }

  @Test
  void badValuesAreErrorsWithTheirLine() {
    assertThatThrownBy(() -> CompletenessConfig.parse("c.yaml", "counts:\n  tolerance: 150%\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("c.yaml:2: counts.tolerance");
    assertThatThrownBy(() -> CompletenessConfig.parse("c.yaml", "counts:\n  tolerance: lots\n"))
        .hasMessageContaining("is not a share such as 10%");
    assertThatThrownBy(() -> CompletenessConfig.parse("c.yaml", "sections:\n  toc: ['(']\n"))
        .hasMessageStartingWith("c.yaml:2: sections.toc: bad regular expression");
    assertThatThrownBy(() -> CompletenessConfig.parse("c.yaml", "titles:\n  singleH1: yes please\n"))
        .hasMessageContaining("is not true or false");
    assertThatThrownBy(() -> CompletenessConfig.parse("c.yaml", "sections:\n  required:\n    - path: '*.md'\n"))
        .hasMessageStartingWith("c.yaml:3: an entry of sections.required needs both");
    assertThatThrownBy(() -> CompletenessConfig.parse("c.yaml", "placeholders:\n  markers: ['']\n"))
        .hasMessageContaining("empty entries are not allowed");
  }

  @Test
  void aCarriedOutStatusMatchesWholeOrBeforeABracketIgnoringCase() {
    CompletenessConfig config = CompletenessConfig.load(RuleFiles.packaged());
    assertThat(config.isCarriedOut("implemented")).isTrue();
    assertThat(config.isCarriedOut("Implemented (alpha)")).isTrue();
    // a shelved or withdrawn proposal's "TBD" is still true: nothing it waited for happened
    assertThat(config.isCarriedOut("deferred")).isFalse();
    assertThat(config.isCarriedOut("withdrawn")).isFalse();
    assertThat(config.isCarriedOut("implementable")).isFalse();
    assertThat(config.isCarriedOut(null)).isFalse();
    CompletenessConfig own = CompletenessConfig.parse("c.yaml", "placeholders:\n  carriedOut: [Shipped]\n");
    assertThat(own.isCarriedOut("shipped")).isTrue();
    assertThat(own.isCarriedOut("implemented")).isFalse();
  }

  @Test
  void aStageRuleMustNameItsStageGroupAndStagesReadInOrder() {
    assertThatThrownBy(() -> CompletenessConfig.parse("c.yaml",
        "sections:\n  stages:\n    requiredFrom: ['when targeting (beta)']\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("c.yaml:3").hasMessageContaining("(?<stage>");
    SectionDuties d = CompletenessConfig.load(RuleFiles.packaged()).duties();
    assertThat(d.stageIndex("\"GA\"")).isEqualTo(d.stageIndex("stable")).isGreaterThan(d.stageIndex("beta"));
    assertThat(d.stageIndex("deprecated")).isEqualTo(-1);
    // the earliest stage a guidance names as required wins ("encouraged" at alpha is not "required")
    assertThat(d.requiredStage("""
        For alpha, this section is encouraged: reviewers should consider these questions.
        For beta, this section is required: reviewers must answer these questions.
        For GA, this section is required: approvers should be able to confirm the previous answers.
        """)).isEqualTo(d.stageIndex("beta"));
    assertThat(d.requiredStage("Describe the feature.")).isEqualTo(-1);
  }

  @Test
  void toleranceMayBeAShareOrAPercentage() {
    assertThat(CompletenessConfig.parse("c.yaml", "counts:\n  tolerance: 0.25\n").tolerance()).isEqualTo(0.25);
    assertThat(CompletenessConfig.parse("c.yaml", "counts:\n  tolerance: 5%\n").tolerance()).isEqualTo(0.05);
  }
}
