package org.docgate.validate.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RendererProfilesTest {
  static final RendererProfiles PACKAGED = RendererProfiles.fromRules(RuleFiles.packaged());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // name | ignore case | folder index | clamp | footnotes | attributes | HTML headings | slugs
      "github|true|README.md|true|true|false|true|GITHUB",
      "gitlab|false|README.md|false|true|false|false|GITLAB",
      "strict|false|README.md|false|true|false|false|GITHUB",
      "hugo|false|_index.md|true|true|true|false|HUGO",
      "docusaurus|false|index.md|true|true|true|false|GITHUB",
      "mkdocs|false|index.md|true|false|true|false|MKDOCS",
      "vitepress|false|index.md|true|false|true|false|VITEPRESS"})
  void thePackagedProfilesSayWhatTheirRenderersDo(String name, boolean ignoreCase, String firstIndex, boolean clamp,
      boolean footnotes, boolean attributes, boolean htmlHeadings, SlugStyle slugs) {
    RendererProfile p = PACKAGED.named(name, "test");
    assertThat(p.fragmentsIgnoreCase()).isEqualTo(ignoreCase);
    assertThat(p.anchorCaseSeverity()).isEqualTo(ignoreCase ? Severity.INFO : Severity.ERROR);
    assertThat(p.folderIndex()).first().isEqualTo(firstIndex);
    assertThat(p.clampAboveRoot()).isEqualTo(clamp);
    assertThat(p.footnotes()).isEqualTo(footnotes);
    assertThat(p.headingAttributes()).isEqualTo(attributes);
    assertThat(p.htmlHeadings()).isEqualTo(htmlHeadings);
    assertThat(p.slugs()).isEqualTo(slugs);
  }

  private static final String VALID = """
      description: "x"
      fragments: case-sensitive
      folderIndex: [README.md]
      folderIndexCase: sensitive
      aboveRoot: clamp
      footnotes: true
      headingAttributes: false
      slugs: github
      htmlHeadings: false
      """;

  @Test
  void aValidFileLoads() {
    assertThat(RendererProfiles.parse("x", "x.yaml", VALID).slugs()).isEqualTo(SlugStyle.GITHUB);
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', value = {
      "fragments: case-sensitive|fragments: sometimes|x.yaml:2: fragments: expected case-sensitive or case-insensitive",
      "aboveRoot: clamp|aboveRoot: maybe|x.yaml:5: aboveRoot: expected clamp or outside",
      "footnotes: true|footnotes: yes|x.yaml:6: footnotes: expected true or false",
      "slugs: github|slugs: jekyll|x.yaml:8: slugs: expected one of github, gitlab, hugo, blackfriday, mkdocs, vitepress",
      "slugs: github|slugs: github\\nslug: x|x.yaml:9: unknown key 'slug' in the profile (did you mean 'slugs'?) (expected one of "
          + "description, fragments, folderIndex, folderIndexCase, aboveRoot, footnotes, headingAttributes, htmlHeadings, slugs, idPrefix, detect)",
      "slugs: github|slugs: github\\ndetect: {configFiles: [config.toml]}|x.yaml:9: detect: configFiles and "
          + "configKeys go together",
      "folderIndexCase: sensitive|folderIndexCase: mixed|x.yaml:4: folderIndexCase: expected sensitive or insensitive",
      "footnotes: true\\n|''|x.yaml:1: missing key 'footnotes'"})
  void mistakesAreReportedWithTheirLine(String from, String to, String message) {
    String yaml = VALID.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    assertThatThrownBy(() -> RendererProfiles.parse("x", "x.yaml", yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }
}
