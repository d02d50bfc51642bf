package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.cli.Cli.docgate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.docgate.cli.Cli.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan} with several folders, files and globs, {@code --exclude} and the ignore files. */
class ScanInputsTest {
  @TempDir Path dir;
  Path repo;

  /** A repository whose README links into docs/ and whose every folder holds one broken link. */
  @BeforeEach
  void repository() throws Exception {
    repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("docs"));
    Files.createDirectories(repo.resolve("guides"));
    Files.createDirectories(repo.resolve("drafts"));
    Files.writeString(repo.resolve("README.md"), "# Top\n\n[guide](docs/guide.md#setup) [gone](gone-top.md)\n");
    Files.writeString(repo.resolve("docs/guide.md"), "# Guide\n\n## Setup\n\n[gone](gone-docs.md)\n");
    Files.writeString(repo.resolve("guides/intro.md"), "# Intro\n\n[gone](gone-guides.md) [top](../README.md)\n");
    Files.writeString(repo.resolve("drafts/wip.md"), "# WIP\n\n[gone](gone-drafts.md)\n");
  }

  private static List<String> missing(Run run) {
    return run.out().lines().filter(l -> l.contains("links/missing-file")).map(l -> l.replaceAll(":.*'?", ""))
        .toList();
  }

  private Run scan(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "scan";
    all[1] = "--quiet";
    System.arraycopy(args, 0, all, 2, args.length);
    Run run = docgate(all);
    System.err.print(run.err()); // in the test's output file when an assertion fails
    return run;
  }

  @Test
  void oneFolderIsTheWholeCorpus() {
    assertThat(missing(scan(repo.toString()))).containsExactly("README.md", "docs/guide.md", "drafts/wip.md",
        "guides/intro.md");
  }

  @Test
  void aNamedFileIsReportedAloneWithTheRepositoryAsContext() {
    Run run = scan(repo.resolve("README.md").toString());
    assertThat(run.exit()).isEqualTo(1);
    // docs/guide.md#setup resolves against the whole tree: only README's own broken link is reported
    assertThat(run.out()).contains("README.md:3:").contains("gone-top.md").doesNotContain("docs/guide.md:")
        .doesNotContain("links/missing-anchor");
  }

  @Test
  void severalFoldersAreReportedTogether() {
    assertThat(missing(scan(repo.resolve("docs").toString(), repo.resolve("guides").toString())))
        .containsExactly("docs/guide.md", "guides/intro.md");
  }

  @Test
  void aGlobIsMatchedUnderItsFixedFolders() {
    assertThat(missing(scan(repo + "/**/intro.md", repo + "/docs/*.md")))
        .containsExactly("docs/guide.md", "guides/intro.md");
  }

  @Test
  void aRelativeGlobOrFileIsReadFromTheWorkingDirectoryUnderTheGitRoot() throws Exception {
    Inputs glob = Inputs.resolve(List.of("**/*.md"), repo.resolve("docs"));
    assertThat(glob.root()).isEqualTo(repo);
    assertThat(glob.selected().test("docs/guide.md")).isTrue();
    assertThat(glob.selected().test("README.md")).isFalse();
    Inputs file = Inputs.resolve(List.of("intro.md"), repo.resolve("guides"));
    assertThat(file.root()).isEqualTo(repo);
    assertThat(file.selected().test("guides/intro.md")).isTrue();
    assertThat(file.selected().test("docs/guide.md")).isFalse();
  }

  @Test
  void excludeLeavesPathsOut() {
    assertThat(missing(scan(repo.toString(), "--exclude", "drafts/**", "--exclude", "guides/**")))
        .containsExactly("README.md", "docs/guide.md");
  }

  @Test
  void ignoreFilesAreReadUnlessNoIgnore() throws Exception {
    Files.writeString(repo.resolve(".gitignore"), "drafts/\n");
    Files.writeString(repo.resolve(".docgateignore"), "guides/intro.md\n");
    assertThat(missing(scan(repo.toString()))).containsExactly("README.md", "docs/guide.md");
    assertThat(missing(scan(repo.toString(), "--no-ignore"))).containsExactly("README.md", "docs/guide.md",
        "drafts/wip.md", "guides/intro.md");
  }

  /** Runs the hook as pre-commit would: its entry, its args, then the staged files' names. */
  @Test
  void thePreCommitHookPassesFileNamesThatAreReportedAlone() throws Exception {
    var hooks = (List<?>) new org.snakeyaml.engine.v2.api.Load(
        org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
        .loadFromString(Files.readString(Path.of(".pre-commit-hooks.yaml")));
    var hook = (java.util.Map<?, ?>) hooks.get(0);
    assertThat(hook.get("id")).isEqualTo("docgate");
    assertThat(hook.get("types")).isEqualTo(List.of("markdown"));
    assertThat(hook.get("pass_filenames")).isNotEqualTo(false);
    assertThat(hook.get("require_serial")).isEqualTo(true);
    List<String> command = new java.util.ArrayList<>(List.of(((String) hook.get("entry")).split(" ")));
    assertThat(command.remove(0)).isEqualTo("docgate");
    for (Object arg : (List<?>) hook.get("args")) {
      command.add((String) arg);
    }
    command.add(repo.resolve("guides/intro.md").toString());
    command.add(repo.resolve("docs/guide.md").toString());
    Run run = docgate(command.toArray(String[]::new));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(missing(run)).containsExactly("docs/guide.md", "guides/intro.md");
  }

  @Test
  void aMissingInputIsAUsageError() {
    Run run = scan(repo.resolve("nope.md").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("nope.md (not a folder, a file or a glob)");
  }

  @Test
  void aGlobThatMatchesNoDocumentIsAnErrorNotAGreenRun() {
    Run run = scan(repo + "/**/nothing-*.md");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no Markdown document matches").contains("nothing-*.md");
  }
}
