package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.junit.jupiter.api.Test;

class SnippetRulesTest {
  private static final java.util.Set<String> KINDS = SnippetCheckers.standard(RuleFiles.packaged()).kinds();

  @Test
  void thePackagedLanguageMapNormalisesInfoStringsToLanguagesAndCheckers() {
    Languages languages = SnippetRules.languages(RuleFiles.packaged(), KINDS);
    assertThat(languages.of("yml")).isEqualTo(new Language("yaml", "yaml"));
    assertThat(languages.of("Shell-Session")).isEqualTo(new Language("console", "console"));
    assertThat(languages.of("zsh").checker()).isEqualTo("shell");
    assertThat(languages.of("json5").checker()).isEqualTo("json5");
    assertThat(languages.of("containerfile")).isEqualTo(new Language("dockerfile", "dockerfile"));
    assertThat(languages.of("py").name()).isEqualTo("python");
    assertThat(languages.of("golang").name()).isEqualTo("go");
    assertThat(languages.of("plaintext").checker()).isEqualTo("skip");
    assertThat(languages.of("output").checker()).isEqualTo("skip");
    assertThat(languages.of("mermaid").checker()).isEqualTo("skip");
  }

  @Test
  void anUnlistedLanguageIsUnverifiableUnderACounterSafeName() {
    Languages languages = SnippetRules.languages(RuleFiles.packaged(), KINDS);
    assertThat(languages.of("tla+")).isEqualTo(new Language("tla+", "none"));
    assertThat(languages.of("vb.net")).isEqualTo(new Language("vb_net", "none"));
  }

  @Test
  void anUnknownCheckerFailsWithFileLineAndTheValidCheckers() {
    assertThatThrownBy(() -> SnippetRules.parseLanguages("l.yaml", "languages:\n  yaml:\n    checker: yamllint\n", KINDS))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("l.yaml:3: unknown checker 'yamllint' for 'yaml'")
        .hasMessageContaining("yaml, json, jsonc, json5, shell, console, python, dockerfile, xml, toml, ini, go, java, javascript,"
            + " typescript, tsx, skip, none");
  }

  @Test
  void anAliasOfTwoLanguagesFailsWithFileLine() {
    assertThatThrownBy(() -> SnippetRules.parseLanguages("l.yaml",
        "languages:\n  shell: {aliases: [sh]}\n  console: {aliases: [sh]}\n", KINDS))
        .isInstanceOf(ConfigException.class)
        .hasMessage("l.yaml:3: 'sh' is already a name or alias of 'shell'");
  }

  @Test
  void unknownKeysAndBadNamesFailWithFileLine() {
    assertThatThrownBy(() -> SnippetRules.parseLanguages("l.yaml", "languages:\n  yaml: {checkr: yaml}\n", KINDS))
        .hasMessageStartingWith("l.yaml:2: unknown key 'checkr' in language 'yaml'");
    assertThatThrownBy(() -> SnippetRules.parseLanguages("l.yaml", "languages:\n  Go.Lang: {}\n", KINDS))
        .hasMessageStartingWith("l.yaml:2: language name 'Go.Lang' must be lower case");
    assertThatThrownBy(() -> SnippetRules.parseLanguages("l.yaml", "langs: {}\n", KINDS))
        .hasMessageStartingWith("l.yaml:1: unknown key 'langs'");
    assertThatThrownBy(() -> SnippetRules.parseKubernetes("k.yaml", "metadataOptional:\n  group: [x]\n"))
        .hasMessageStartingWith("k.yaml:2: unknown key 'group' in metadataOptional");
  }
}
