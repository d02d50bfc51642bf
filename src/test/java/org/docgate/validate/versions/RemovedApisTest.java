package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rules/versions/removed-apis.yaml}: the removed apiVersions are data, read strictly, overridable. */
class RemovedApisTest {
  private static final RemovedApis PACKAGED = RemovedApis.load(RuleFiles.packaged());

  @ParameterizedTest(name = "{0} {1}: removed in {2}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      batch/v1beta1             | CronJob           | 1.25 | batch/v1
      extensions/v1beta1        | Deployment        | 1.16 | apps/v1
      extensions/v1beta1        | -                 | 1.22 | networking.k8s.io/v1
      storage.k8s.io/v1beta1    | -                 | 1.27 | storage.k8s.io/v1
      storage.k8s.io/v1beta1    | StorageClass      | 1.22 | storage.k8s.io/v1
      policy/v1beta1            | PodSecurityPolicy | 1.25 | Pod Security Admission (no replacement kind)
      kubescheduler.config.k8s.io/v1beta3 | KubeSchedulerConfiguration | 1.29 | kubescheduler.config.k8s.io/v1
      kubescheduler.config.k8s.io/v1beta2 | -                          | 1.28 | kubescheduler.config.k8s.io/v1
      """)
  void thePackagedFileAnswersByApiVersionAndKind(String apiVersion, String kind, String removedIn, String replacement) {
    RemovedApis.Removal r = PACKAGED.lookup(apiVersion, kind).orElseThrow();
    assertThat(r.removedIn().toString()).isEqualTo(removedIn);
    assertThat(r.replacement()).isEqualTo(replacement);
  }

  @Test
  void aKindTheGuideDoesNotNameAtThatApiVersionWasNeverRemoved() {
    assertThat(PACKAGED.lookup("scheduling.k8s.io/v1beta1", "PodGroup")).isEmpty();
    assertThat(PACKAGED.lookup("apps/v1", "Deployment")).isEmpty();
    // the guide's 50 kinds, and kube-scheduler's configuration at four removed versions
    assertThat(PACKAGED.removals()).hasSize(54);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      removed: [{apiVersion: a/v1, kinds: [A], removedIn: 1.2, replacement: a/v2, removedin: 1.3}] | r.yaml:1: unknown key 'removedin' in an entry of removed (did you mean 'removedIn'?)
      removed: [{apiVersion: a/v1, kinds: [A], removedIn: soon, replacement: a/v2}]              | r.yaml:1: removed a/v1.removedIn: 'soon' is not a version
      removed: [{apiVersion: a/v1, kinds: [A], removedIn: 1.2}]                                   | r.yaml:1: an entry of removed has no replacement
      removed: [{apiVersion: a/v1, kinds: [A, A], removedIn: 1.2, replacement: a/v2}]            | r.yaml:1: removed a/v1: kind 'A' is empty or listed twice for this apiVersion
      removals: []                                                                                | r.yaml:1: unknown key 'removals'
      """)
  void aBadEntryFailsWithItsFileAndLine(String yaml, String message) {
    assertThatThrownBy(() -> RemovedApis.parse("r.yaml", yaml)).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void aUsersRulesFolderReplacesThePackagedFile(@TempDir Path rules) throws Exception {
    Files.createDirectories(rules.resolve("versions"));
    Files.writeString(rules.resolve("versions/removed-apis.yaml"), """
        removed:
          - {apiVersion: example.io/v1alpha1, kinds: [Widget], removedIn: 1.20, replacement: example.io/v1}
        """);
    String md = """
        ```yaml
        apiVersion: example.io/v1alpha1
        kind: Widget
        ---
        apiVersion: batch/v1beta1
        kind: CronJob
        ```
        """;
    var result = VersionValidatorTest.validate(
        VersionValidator.fromRules(RuleFiles.overlay(rules), VersionValidatorTest.CLOCK), md);
    assertThat(VersionValidatorTest.found(result)).containsExactly("2:1:versions/removed-api:example.io/v1alpha1");
    assertThat(result.findings().get(0).message()).startsWith("apiVersion example.io/v1alpha1 (Widget) was removed "
        + "in Kubernetes 1.20;").endsWith(": use example.io/v1");
  }
}
