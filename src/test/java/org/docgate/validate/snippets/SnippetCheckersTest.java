package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.docgate.config.ConfigException;
import org.docgate.config.DeclaredRules;
import org.docgate.markdown.MarkdownParser;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.snippets.run.RunSettings;
import org.docgate.validate.snippets.run.Sandbox;
import org.docgate.validate.snippets.run.SnippetRunner;
import org.junit.jupiter.api.Test;

/**
 * Adding a language is one checker class, one entry in the checkers' list and one line of languages.yaml: the
 * validator dispatches through {@link SnippetCheckers} alone, with no switch over languages.
 */
class SnippetCheckersTest {
  private static final DeclaredRules RULES = DeclaredRules.of("snippets");

  /** A test language: a text passes when it is all upper case; lower case letters are hinted at too. */
  private static final class ShoutingChecker implements SnippetChecker {
    @Override
    public String kind() {
      return "shouting";
    }

    @Override
    public Map<String, Optional<Problem>> verdicts(Collection<String> texts) {
      Map<String, Optional<Problem>> out = new HashMap<>();
      texts.forEach(t -> out.put(t, t.equals(t.toUpperCase(java.util.Locale.ROOT)) ? Optional.empty()
          : Optional.of(Problem.syntax(1, 1, "shouting: lower case"))));
      return out;
    }

    @Override
    public Map<String, List<Hint>> hints(Collection<String> texts) {
      Map<String, List<Hint>> out = new HashMap<>();
      texts.forEach(t -> out.put(t, t.contains("!") ? List.of() : List.of(new Hint(RULES.rule("snippets/lint"), 1, 1,
          "shouting: no exclamation mark"))));
      return out;
    }
  }

  private final SnippetCheckers checkers = new SnippetCheckers(List.of(new ShoutingChecker()));
  private final Languages languages = SnippetRules.parseLanguages("languages.yaml",
      "languages:\n  shout: {aliases: [caps], checker: shouting}\n", checkers.kinds());

  @Test
  void aNewLanguageIsCheckedThroughItsCheckerAlone() {
    String text = "# Doc\n\n```shout\nHELLO!\n```\n\n```caps\nhello!\n```\n\n```caps\nHELLO\n```\n";
    SnippetValidator validator = new SnippetValidator(languages, checkers,
        new SnippetRunner(Sandbox.onPath(), RunSettings.defaults())); // nothing here asks to run
    ValidationResult result = validator.validate(new MarkdownParser().parse("doc.md", text), null);
    assertThat(result.findings()).extracting(f -> f.line() + ":" + f.rule() + ":" + f.message()).containsExactly(
        "8:snippets/syntax:shouting: lower case", "12:snippets/lint:shouting: no exclamation mark");
    assertThat(result.counters()).containsEntry("snippets.language.shout.passed", 2L)
        .containsEntry("snippets.language.shout.failed", 1L);
  }

  @Test
  void aLanguageNamingACheckerThatIsNotListedFailsWithTheKnownKinds() {
    assertThatThrownBy(() -> SnippetRules.parseLanguages("languages.yaml",
        "languages:\n  shout: {checker: yelling}\n", checkers.kinds()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("languages.yaml:2: unknown checker 'yelling' for 'shout' (expected one of shouting, skip, none)");
  }

  @Test
  void twoCheckersOfOneKindAreRefused() {
    assertThatThrownBy(() -> new SnippetCheckers(List.of(new ShoutingChecker(), new ShoutingChecker())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SnippetCheckers.standard(org.docgate.config.RuleFiles.packaged()).kinds()).contains("yaml", "shell",
        "console", "go", "skip", "none").doesNotHaveDuplicates();
    assertThat(Set.copyOf(checkers.kinds())).containsExactlyInAnyOrder("shouting", "skip", "none");
  }
}
