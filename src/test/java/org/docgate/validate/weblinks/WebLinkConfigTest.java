package org.docgate.validate.weblinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.junit.jupiter.api.Test;

class WebLinkConfigTest {
  @Test
  void thePackagedFileGivesTheDocumentedDefaults() {
    WebLinkConfig c = WebLinkConfig.fromRules(RuleFiles.packaged());
    assertThat(c.offline()).isFalse();
    assertThat(c.globalConcurrency()).isEqualTo(64);
    assertThat(c.perHostConcurrency()).isEqualTo(4);
    assertThat(c.maxRetries()).isEqualTo(2);
    assertThat(c.okTtl()).isEqualTo(Duration.ofDays(7));
    assertThat(c.brokenTtl()).isEqualTo(Duration.ofHours(6));
    assertThat(c.allow()).isEmpty();
    assertThat(c.accepts(204)).isTrue();
    assertThat(c.accepts(301)).isFalse();
    assertThat(c.host("github.com").concurrency()).isEqualTo(2);
    assertThat(c.host("github.com").headers()).containsEntry("Authorization", "Bearer ${GITHUB_TOKEN}");
    assertThat(c.host("example.com")).isNull();
  }

  @Test
  void hostSettingsMatchExactlyOrByWildcard() {
    WebLinkConfig c = WebLinkConfig.parse("t", "hosts: {\"*.example.com\": {perHost: 1, method: get}}");
    assertThat(c.host("docs.example.com").preferGet()).isTrue();
    assertThat(c.host("a.b.example.com").concurrency()).isEqualTo(1);
    assertThat(c.host("example.com")).isNull();
  }

  @Test
  void anIncludeWinsOverAnExclude() {
    WebLinkConfig c = WebLinkConfig.parse("t", "exclude: ['^https://example\\.com/']\n"
        + "include: ['^https://example\\.com/keep']");
    assertThat(c.excludes("https://example.com/x")).isTrue();
    assertThat(c.excludes("https://example.com/keep/1")).isFalse();
  }

  @Test
  void mistakesFailWithFileAndLine() {
    assertThatThrownBy(() -> WebLinkConfig.parse("links.yaml", "offline: false\nretry: {max: 1}\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("links.yaml:2: unknown key 'retry'");
    assertThatThrownBy(() -> WebLinkConfig.parse("links.yaml", "timeouts:\n  read: 10 seconds\n"))
        .hasMessageStartingWith("links.yaml:2: timeouts.read: '10 seconds' is not a duration");
    assertThatThrownBy(() -> WebLinkConfig.parse("links.yaml", "allow: [\"10.0.0.0/99\"]\n"))
        .hasMessageStartingWith("links.yaml:1: allow:");
    assertThatThrownBy(() -> WebLinkConfig.parse("links.yaml", "accept: [\"2xx\"]\n"))
        .hasMessageContaining("not a status code or range");
    assertThatThrownBy(() -> WebLinkConfig.parse("links.yaml", "hosts: {a.com: {method: post}}\n"))
        .hasMessageContaining("is not head or get");
  }
}
