package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.MarkdownDocument;
import org.junit.jupiter.api.Test;

/**
 * The index keeps each document's finished version pass until the scan ends (the baseline comparison and the
 * document's validation both read it): the pass's working state (three maps per heading, every judged mention with
 * its sentence) must not stay with it, or it is multiplied by every document of the corpus (issue 21.2).
 */
class VersionPassRetentionTest {
  private static final String A = """
      # A

      ## 版本与兼容策略

      Kubernetes 1.30 是当前版本。

      ## 安装

      当前集群运行 Kubernetes 1.30，Docker 24.0。
      """;
  private static final String B = """
      # B

      ## 版本与兼容策略

      Kubernetes 1.31 是当前版本。
      """;

  @Test
  void theKeptPassHoldsOnlyWhatLaterStepsReadAndValidatesAlikeTwice() {
    VersionValidator validator = VersionValidatorTest.packaged();
    MarkdownDocument a = VersionValidatorTest.PARSER.parse("a.md", A);
    MarkdownDocument b = VersionValidatorTest.PARSER.parse("b.md", B);
    CorpusIndex index = new CorpusIndex(Path.of("/corpus"), Set.of("a.md", "b.md"), Set.of(""),
        Map.of("a.md", a, "b.md", b));
    var first = VersionValidatorTest.found(validator.validate(a, index));
    var firstB = VersionValidatorTest.found(validator.validate(b, index));
    assertThat(validator.keptPassIsFinished(a, index)).isTrue();
    assertThat(validator.keptPassIsFinished(b, index)).isTrue();
    assertThat(first).isNotEmpty();
    assertThat(VersionValidatorTest.found(validator.validate(a, index))).isEqualTo(first);
    assertThat(VersionValidatorTest.found(validator.validate(b, index))).isEqualTo(firstB);
  }
}
