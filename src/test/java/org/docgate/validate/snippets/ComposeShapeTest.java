package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compose shape with the packaged key lists: the short port syntax, messages, lines and what is not compose. */
class ComposeShapeTest {
  private final YamlChecker yaml = new YamlChecker(SnippetRules.kubernetes(RuleFiles.packaged()),
      SnippetRules.compose(RuleFiles.packaged()));

  @ParameterizedTest
  @ValueSource(strings = {"80", "3000-3005", "9090-9091:8080-8081", "49100:22", "127.0.0.1:8001:8001",
      "127.0.0.1:5000-5010:5000-5010", "::1:6000:6000", "[::1]:6001:6001", "6060:6060/udp", "127.0.0.1::5000",
      "${WEB_PORT:-80}:80", "<host-port>:80"})
  void theShortPortSyntaxOfTheSpecificationIsAccepted(String port) {
    assertThat(ComposeShape.validPort(port)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"80:80:tcp", "http", "70000:80", "80/http", "8080:", "a:b:c:d"})
  void otherPortsAreNot(String port) {
    assertThat(ComposeShape.validPort(port)).isFalse();
  }

  @Test
  void anUnknownServiceKeyIsReportedAtItsLineWithTheNearestKnownKey() {
    Optional<Problem> p = yaml.check("services:\n  web:\n    image: nginx\n    enviroment: [A=1]\n");
    assertThat(p).contains(new Problem(4, 5, "compose: service 'web' has unknown key 'enviroment' (did you mean"
        + " 'environment'?)", true));
  }

  @Test
  void aServiceWithoutImageOrBuildIsReportedAtItsName() {
    Optional<Problem> p = yaml.check("version: '3'\nservices:\n  web:\n    ports: ['80:80']\n");
    assertThat(p).contains(new Problem(3, 3, "compose: service 'web' has neither 'image' nor 'build'", true));
  }

  @Test
  void imageFromAMergedExtensionOrExtendsCounts() {
    assertThat(yaml.check("x-base: &base\n  image: nginx\nservices:\n  web:\n    <<: *base\n    ports: [80]\n"
        + "  api:\n    extends:\n      service: web\n  db:\n    image: postgres\n")).isEmpty();
  }

  @Test
  void yamlWithAServicesKeyThatDoesNotSayItIsComposeIsNotJudged() {
    assertThat(yaml.check("image: docker:24\nservices:\n  - docker:24-dind\n")).isEmpty();
    assertThat(yaml.check("replicaCount: 2\nservices:\n  web:\n    port: 80\n")).isEmpty();
  }

  @Test
  void onlyATopLevelVersionGetsTheHint() {
    assertThat(yaml.hints("services:\n  web:\n    image: nginx\n")).isEmpty();
    assertThat(yaml.hints("# compose\nversion: '3.8'\nservices:\n  web:\n    image: nginx\n"))
        .extracting(ComposeShape.Hint::line).containsExactly(2);
  }

  @Test
  void oneReadingGivesTheCheckAndTheHintsOfAPassingText() {
    String compose = "# compose\nversion: '3.8'\nservices:\n  web:\n    image: nginx\n";
    TextChecker.Judged judged = yaml.judge(compose);
    assertThat(judged.problem()).isEqualTo(yaml.check(compose)).isEmpty();
    assertThat(judged.hints()).isEqualTo(yaml.hints(List.of(compose)).get(compose))
        .extracting(Hint::line).containsExactly(2);
    String broken = "a: 1\nb: 2\na: 3\n";
    assertThat(yaml.judge(broken).problem()).isEqualTo(yaml.check(broken)).isPresent();
    assertThat(yaml.judge(broken).hints()).isNull();
  }

  @Test
  void theRulesFileIsStrict() {
    assertThatThrownBy(() -> SnippetRules.parseCompose("c.yaml", "topLevelKeys: [services]\n"))
        .isInstanceOf(ConfigException.class).hasMessage("c.yaml: 'serviceKeys' is missing");
    assertThatThrownBy(() -> SnippetRules.parseCompose("c.yaml", "topLevelKeys: []\nserviceKey: []\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("c.yaml:2:");
  }
}
