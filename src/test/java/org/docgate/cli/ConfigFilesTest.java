package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.docgate.cli.Cli.docgate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.docgate.config.ConfigException;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.docgate.cli.Cli.Run;

class ConfigFilesTest {

  /** repo/.git and repo/README.md with this text. */
  private static Path gitRepo(Path dir, String readme) throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve("README.md"), readme);
    return repo;
  }

  /** repo/.git, repo/.docgate.yaml, repo/docs/docgate.yaml, repo/docs/guide/ (scanned), repo/tools/ (cwd). */
  private static Path repo(Path dir) throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("docs/guide"));
    Files.createDirectories(repo.resolve("tools"));
    Files.writeString(repo.resolve(".docgate.yaml"),
        "rules:\n  links/missing-file: warning\n  links/missing-anchor: off\nrenderer: gitlab\n");
    Files.writeString(repo.resolve("docs/docgate.yaml"), "rules:\n  links/missing-file: info\n");
    return repo;
  }

  @Test
  void discoveryListsTheScannedFolderUpToTheGitRootNearestFirst(@TempDir Path dir) throws Exception {
    Path repo = repo(dir);
    assertThat(ConfigFiles.discover(repo.resolve("docs/guide"), repo.resolve("tools")))
        .containsExactly(repo.resolve("docs/docgate.yaml"), repo.resolve(".docgate.yaml"));
  }

  @Test
  void nothingAboveTheGitRootIsRead(@TempDir Path dir) throws Exception {
    Path repo = repo(dir);
    Files.writeString(dir.resolve(".docgate.yaml"), "rules:\n  links/missing-file: off\n");
    assertThat(ConfigFiles.discover(repo.resolve("docs"), null))
        .containsExactly(repo.resolve("docs/docgate.yaml"), repo.resolve(".docgate.yaml"));
  }

  @Test
  void withoutAGitRootOnlyTheFolderItselfIsRead(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("a/b"));
    Files.writeString(dir.resolve("a/.docgate.yaml"), "rules: {}\n");
    Files.writeString(dir.resolve("a/b/.docgate.yaml"), "rules: {}\n");
    assertThat(ConfigFiles.discover(dir.resolve("a/b"), null)).containsExactly(dir.resolve("a/b/.docgate.yaml"));
  }

  @Test
  void theWorkingDirectoryChainComesAfterTheScannedFolders(@TempDir Path dir) throws Exception {
    Path repo = repo(dir);
    Path other = dir.resolve("other");
    Files.createDirectories(other.resolve(".git"));
    Files.writeString(other.resolve("docgate.yaml"), "rules: {}\n");
    assertThat(ConfigFiles.discover(repo.resolve("docs"), other))
        .containsExactly(repo.resolve("docs/docgate.yaml"), repo.resolve(".docgate.yaml"),
            other.resolve("docgate.yaml"));
  }

  @Test
  void theNearestFileWinsPerRuleAndFartherKeysStay(@TempDir Path dir) throws Exception {
    Path repo = repo(dir);
    DocgateConfig cfg = ConfigFiles.load(null, RuleFiles.packaged(), null, repo.resolve("docs/guide"), null);
    assertThat(cfg.ruleSeverities())
        .containsEntry("links/missing-file", Optional.of(Severity.INFO))
        .containsEntry("links/missing-anchor", Optional.empty());
    assertThat(cfg.renderer()).isEqualTo("gitlab");
  }

  @Test
  void anExplicitConfigIsUsedAlone(@TempDir Path dir) throws Exception {
    Path repo = repo(dir);
    Path explicit = dir.resolve("explicit.yaml");
    Files.writeString(explicit, "rules:\n  links/missing-file: error\n");
    DocgateConfig cfg = ConfigFiles.load(explicit, RuleFiles.packaged(), null, repo.resolve("docs/guide"), null);
    // the discovered files' rules (links/missing-anchor: off, missing-file: warning/info) are not read; the built-in
    // defaults (snippets/incomplete off) stay under it
    assertThat(cfg.ruleSeverities()).containsOnlyKeys("links/missing-file", "snippets/incomplete");
    assertThat(cfg.ruleSeverities().get("links/missing-file")).contains(org.docgate.finding.Severity.ERROR);
    assertThat(cfg.renderer()).isEmpty();
  }

  @Test
  void bothNamesInOneFolderAreAnError(@TempDir Path dir) throws Exception {
    Path repo = repo(dir);
    Files.writeString(repo.resolve("docgate.yaml"), "rules: {}\n");
    assertThatThrownBy(() -> ConfigFiles.discover(repo, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("keep one");
  }

  @Test
  void aDiscoveredConfigTurnsARuleOffInAScan(@TempDir Path dir) throws Exception {
    Path repo = gitRepo(dir, "# Hi\n\n[gone](gone.md)\n");
    assertThat(docgate("scan", repo.toString()).exit()).isEqualTo(1);
    Files.writeString(repo.resolve(".docgate.yaml"), "rules:\n  links/missing-file: off\n");
    Run run = docgate("scan", repo.toString());
    assertThat(run.out()).doesNotContain("links/missing-file");
    assertThat(run.exit()).isEqualTo(0);
  }

  @Test
  void aMistypedRuleIdIsAnErrorWithFileLineAndTheNearestId(@TempDir Path dir) throws Exception {
    Path repo = gitRepo(dir, "# Hi\n");
    Files.writeString(repo.resolve(".docgate.yaml"), "# mine\nrules:\n  links/missing-fil: off\n");
    Run run = docgate("scan", repo.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(repo.resolve(".docgate.yaml") + ":3: unknown rule 'links/missing-fil' "
        + "(did you mean 'links/missing-file'?)");
  }

  @Test
  void aMistypedRuleIdIsTheErrorReportedEvenWhenTheNamedFileIsMissingToo(@TempDir Path dir) throws Exception {
    // the validators are built while the scan reads the corpus: their failure still comes first
    Path repo = gitRepo(dir, "# Hi\n");
    Files.writeString(repo.resolve(".docgate.yaml"), "rules:\n  links/missing-fil: off\n");
    Run run = docgate("scan", repo + "/nothing-here-*.md");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("unknown rule 'links/missing-fil'").doesNotContain("no Markdown document");
  }

  @Test
  void aMistypedKeyNamesTheNearestKey() {
    assertThatThrownBy(() -> DocgateConfig.parse("t.yaml", "corpus:\n  exlcude: []\n"))
        .hasMessageContaining("t.yaml:2: unknown key 'exlcude' in corpus (did you mean 'exclude'?)");
    assertThatThrownBy(() -> DocgateConfig.parse("t.yaml", "spelling: {}\n"))
        .hasMessageNotContaining("did you mean");
  }
}
