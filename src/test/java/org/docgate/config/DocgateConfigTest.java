package org.docgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.docgate.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocgateConfigTest {

  /** gsutil's third_party/ and gslib/vendored/ READMEs: other projects' docs (judged NOFIX blind, round 21). */
  @ParameterizedTest(name = "{0} excluded: {1}")
  @CsvSource({
      "third_party/charset_normalizer/README.md, true", "gslib/vendored/oauth2client/README.md, true",
      "a/vendor/x.md, true", "bower_components/x/README.md, true", "node_modules/x/README.md, true",
      "docs/vendors-guide.md, false", "third_party.md, false", "docs/vendor.md, false"})
  void vendoredFoldersAreExcludedByDefault(String path, boolean excluded) {
    assertThat(DocgateConfig.defaults().exclude().stream()
        .anyMatch(g -> org.docgate.corpus.Glob.of(g).matches(path))).isEqualTo(excluded);
  }

  @Test
  void thePackagedConfigEqualsTheBuiltInDefaults() throws Exception {
    DocgateConfig packaged = DocgateConfig.parse("rules/docgate.yaml", Files.readString(Path.of("rules/docgate.yaml")));
    DocgateConfig defaults = DocgateConfig.defaults();
    assertThat(packaged.include()).isEqualTo(defaults.include());
    assertThat(packaged.exclude()).isEqualTo(defaults.exclude());
    assertThat(packaged.maxFileSize()).isEqualTo(defaults.maxFileSize());
    assertThat(packaged.linkIgnores()).isEmpty();
    assertThat(packaged.ruleSeverities()).isEqualTo(defaults.ruleSeverities());
    assertThat(packaged.renderer()).isEqualTo(defaults.renderer());
    assertThat(packaged.repository()).isEqualTo(defaults.repository());
  }

  @Test
  void readsEveryKey() {
    DocgateConfig c = DocgateConfig.parse("t.yaml", """
        corpus:
          include: "docs/**/*.md"
          exclude: []
          maxFileSize: 512 KiB
        links:
          ignore: ["^/api/"]
        rules:
          links/anchor-case: error
          corpus/symlink-outside: off
        """);
    assertThat(c.include()).containsExactly("docs/**/*.md");
    assertThat(c.exclude()).isEmpty();
    assertThat(c.maxFileSize()).isEqualTo(512 * 1024);
    assertThat(c.linkIgnores()).singleElement().satisfies(p -> assertThat(p.pattern()).isEqualTo("^/api/"));
    assertThat(c.ruleSeverities()).containsEntry("links/anchor-case", Optional.of(Severity.ERROR))
        .containsEntry("corpus/symlink-outside", Optional.empty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "corpus:\\n  exclud: []|t.yaml:2: unknown key 'exclud' in corpus",
      "linkz: {}|t.yaml:1: unknown key 'linkz' in the config",
      "corpus:\\n  maxFileSize: huge|t.yaml:2: 'huge' is not a size",
      "links:\\n  ignore: ['(']|t.yaml:2: links.ignore: bad regular expression '('",
      "rules:\\n  links/missing-file: fatal|t.yaml:2: rules.links/missing-file: 'fatal' is not error",
      "corpus: [1, 2]|t.yaml:1: corpus must be a mapping",
      "corpus:\\n  include: a\\n  include: b|t.yaml:3: duplicate key 'include' in corpus",
      "corpus: [unclosed|t.yaml: invalid YAML",
  })
  void strictLoadingNamesFileAndLine(String yaml, String message) {
    assertThatThrownBy(() -> DocgateConfig.parse("t.yaml", yaml.replace("\\n", "\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void rendererAndRepositoryAreRead() {
    DocgateConfig c = DocgateConfig.parse("t.yaml", "renderer: hugo\nrepository: kubernetes/enhancements\n");
    assertThat(c.renderer()).isEqualTo("hugo");
    assertThat(c.repository()).isEqualTo("kubernetes/enhancements");
    assertThat(c.withRenderer("strict").renderer()).isEqualTo("strict");
    assertThat(DocgateConfig.defaults().renderer()).isEmpty();
  }

  @Test
  void aRepositoryThatNamesNoneIsAnErrorWithItsLine() {
    assertThatThrownBy(() -> DocgateConfig.parse("t.yaml", "rules: {}\nrepository: enhancements\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("t.yaml:2: repository: 'enhancements' is not owner/name, host/owner/name or a clone URL");
  }

  @Test
  void ignoreFilesIsOnByDefaultAndTakesOnlyTrueOrFalse() {
    assertThat(DocgateConfig.defaults().ignoreFiles()).isTrue();
    assertThat(DocgateConfig.parse("t.yaml", "corpus:\n  ignoreFiles: false\n").ignoreFiles()).isFalse();
    assertThatThrownBy(() -> DocgateConfig.parse("t.yaml", "corpus:\n  ignoreFiles: maybe\n"))
        .hasMessage("t.yaml:2: corpus.ignoreFiles: 'maybe' is not true or false");
  }

  @Test
  void aFileOverAnotherKeepsWhatItLeavesOutAndMergesRules() {
    DocgateConfig far = DocgateConfig.parse("far.yaml",
        "corpus:\n  exclude: [\"drafts/**\"]\nrules:\n  links/missing-file: warning\n  links/missing-anchor: off\n");
    DocgateConfig near = DocgateConfig.parseOver("near.yaml", "rules:\n  links/missing-file: info\n", far);
    assertThat(near.exclude()).containsExactly("drafts/**");
    assertThat(near.ruleSeverities()).containsEntry("links/missing-file", java.util.Optional.of(Severity.INFO))
        .containsEntry("links/missing-anchor", java.util.Optional.empty());
    assertThat(near.ruleOrigins()).containsEntry("links/missing-file", "near.yaml:2")
        .containsEntry("links/missing-anchor", "far.yaml:5");
  }
}
