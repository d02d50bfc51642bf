package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.cli.Cli.docgate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.docgate.cli.Cli.Run;

/** Every readiness run passes --offline: tests never touch the network. */
class ReadinessCommandTest {
  static Run readiness(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "readiness";
    System.arraycopy(args, 0, all, 1, args.length);
    return docgate(all);
  }

  static Path cleanCorpus(Path dir) throws Exception {
    Files.writeString(dir.resolve("README.md"), "# Hi\n\n[me](#hi) [other](other.md#第二节)\n");
    Files.writeString(dir.resolve("other.md"), "# Other\n\n## 第二节\n\nText.\n");
    return dir;
  }

  @Test
  void brokenLinksFailTheBlockingLinkGateAndNameTheFiles() throws Exception {
    Run run = readiness(ScanCommandTest.FIXTURES, "--format", "json");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("schema").asText()).isEqualTo("docgate/readiness@1");
    assertThat(json.path("blocked").asBoolean()).isTrue();
    JsonNode links = gate(json, "linkValidity");
    assertThat(links.path("status").asText()).isEqualTo("fail");
    assertThat(links.path("value").asDouble()).isLessThan(0.99);
    assertThat(links.path("threshold").asDouble()).isEqualTo(0.99);
    assertThat(links.path("topFiles").size()).isBetween(1, 5);
    assertThat(links.path("topRules").get(0).path("rule").asText()).startsWith("links/");
  }

  @Test
  void aCleanCorpusIsReadyAndNotMeasuredGatesAreLeftOutOfTheScore(@TempDir Path dir) throws Exception {
    Run run = readiness(cleanCorpus(dir).toString());
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
    assertThat(run.out()).startsWith("readiness: ").contains("(ready)")
        .containsPattern("pass +linkValidity +100\\.00% \\(min 99\\.00%\\)")
        .containsPattern("not-measured +snippetRunnable +not measured \\(min 95\\.00%\\) +blocking, weight 2, left "
            + "out of the score")
        // no version mention at all: "no end-of-life versions" was not measured, not passed
        .containsPattern("not-measured +noEndOfLifeVersions .*left out of the score");
    double score = Double.parseDouble(run.out().substring("readiness: ".length(), run.out().indexOf(" / 100")));
    assertThat(score).isEqualTo(100);
  }

  @Test
  void aDocgateYamlInTheCorpusIsFoundAsScanFindsIt(@TempDir Path dir) throws Exception {
    Path corpus = cleanCorpus(dir);
    Files.writeString(corpus.resolve("broken.md"), "# Broken\n\n[gone](gone.md)\n");
    assertThat(readiness(corpus.toString()).out()).containsPattern("fail +linkValidity");

    Files.writeString(corpus.resolve(".docgate.yaml"), "rules:\n  links/missing-file: off\n");
    Run run = readiness(corpus.toString());
    assertThat(run.out()).as(run.err()).containsPattern("pass +linkValidity +100\\.00%");
  }

  @Test
  void aScoreBelowTheMinimumExitsWithOne(@TempDir Path dir) throws Exception {
    Path corpus = cleanCorpus(dir);
    Files.writeString(corpus.resolve("other.md"), "# Other\n\n## 第二节\n\n使用kubernetes部署。\n"); // advisory slip
    Run run = readiness(corpus.toString(), "--min-score", "100");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("not ready: score below the minimum 100");
  }

  @Test
  void yourRulesFolderReplacesTheGates(@TempDir Path dir) throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("readiness.yaml"), """
        gates:
          links:
            metric: linkValidity
            min: 0.5
            weight: 1
            severity: blocking
        """);
    Path corpus = cleanCorpus(Files.createDirectories(dir.resolve("corpus")));
    Run run = readiness(corpus.toString(), "--rules", rules.toString(), "--format", "json", "--min-score", "100");
    assertThat(run.exit()).as(run.err()).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("score").asDouble()).isEqualTo(100.0);
    assertThat(json.path("gates").size()).isEqualTo(1);
  }

  @Test
  void aBadReadinessFileIsAFatalErrorNamingItsLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("readiness.yaml"), "gates:\n  g:\n    metric: m\n    min: 2\n");
    Run run = readiness(cleanCorpus(Files.createDirectories(dir.resolve("c"))).toString(), "--rules", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("readiness.yaml:4: gate 'g': min must be between 0 and 1");
  }

  @Test
  void theSharedCorpusGetsAScore() throws Exception {
    Path corpus = SharedFiles.referenceCorpus();
    Run run = readiness(corpus.toString(), "--format", "json");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("score").asDouble()).isBetween(0.0, 100.0);
    assertThat(gate(json, "linkValidity").path("status").asText()).isEqualTo("fail");
    assertThat(run.exit()).isEqualTo(1);
  }

  static JsonNode gate(JsonNode json, String name) {
    for (JsonNode g : json.path("gates")) {
      if (g.path("name").asText().equals(name)) {
        return g;
      }
    }
    throw new AssertionError("no gate " + name + " in " + json);
  }
}
