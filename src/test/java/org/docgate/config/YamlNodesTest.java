package org.docgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.junit.jupiter.api.Test;

/** The scalar readers every rules loader shares: one wording of each error, with file and line. */
class YamlNodesTest {
  final YamlNodes y = YamlNodes.in("t.yaml");

  Map<String, Node> top(String yaml) {
    return y.top(yaml, "the test file", Set.of("a", "b"));
  }

  @Test
  void aFilesTopMappingIsEmptyForAnEmptyFileAndRejectsUnknownKeys() {
    assertThat(top("")).isEmpty();
    assertThat(top("a: 1\n")).containsOnlyKeys("a");
    assertThatThrownBy(() -> top("c: 1\n")).hasMessageStartingWith("t.yaml:1: unknown key 'c' in the test file");
    assertThatThrownBy(() -> top("- a\n")).hasMessage("t.yaml:1: the test file must be a mapping");
  }

  @Test
  void booleansAreReadInAnyLetterCaseAndAMissingKeyGivesTheDefault() {
    Map<String, Node> top = top("a: True\nb: false\n");
    assertThat(y.bool(top.get("a"), "a", false)).isTrue();
    assertThat(y.bool(top.get("b"), "b", true)).isFalse();
    assertThat(y.bool(top.get("missing"), "missing", true)).isTrue();
    assertThatThrownBy(() -> y.bool(top("a: 'yes please'\n").get("a"), "a", false))
        .hasMessage("t.yaml:1: a: 'yes please' is not true or false");
  }

  @Test
  void wholeNumbersHaveALowerBoundAndADefault() {
    Map<String, Node> top = top("a: 3\nb: 0\n");
    assertThat(y.integer(top.get("a"), "a", 1, 9)).isEqualTo(3);
    assertThat(y.integer(top.get("missing"), "missing", 1, 9)).isEqualTo(9);
    assertThatThrownBy(() -> y.integer(top.get("b"), "b", 1, 9)).hasMessage("t.yaml:2: b: must be at least 1");
    assertThatThrownBy(() -> y.integer(top("a: 1.5\n").get("a"), "a", 0, 9))
        .hasMessage("t.yaml:1: a: '1.5' is not a whole number");
  }

  @Test
  void aRulesFileThatMustExistIsReadByItsParserOrNamedWhenMissing() {
    RuleFiles rules = RuleFiles.packaged();
    String source = rules.load("readiness.yaml", (s, text) -> s);
    assertThat(source).isEqualTo("rules/readiness.yaml (packaged)");
    assertThatThrownBy(() -> rules.load("no-such.yaml", (where, text) -> text))
        .isInstanceOf(ConfigException.class).hasMessage("rules/no-such.yaml: not found");
  }
}
