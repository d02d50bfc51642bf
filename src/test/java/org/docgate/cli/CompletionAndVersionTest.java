package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.cli.Cli.docgate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.docgate.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionAndVersionTest {

  private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  /** What bash offers after {@code line} (the cursor at its end), with the generated script loaded. */
  private static List<String> complete(Path script, String line) throws Exception {
    String words = line.endsWith(" ") ? line + "''" : line;
    String out = run(script.getParent(), List.of("bash", "--norc", "--noprofile", "-c",
        // compopt complains outside a real completion (its stderr is dropped); COMPREPLY is what bash would offer
        "source " + script + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(" + words + "); "
            + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _complete_docgate 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\""));
    return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @Test
  void bashCompletesCommandsAndTheOptionsOfScan(@TempDir Path dir) throws Exception {
    Run run = docgate("completion", "bash");
    assertThat(run.exit()).isZero();
    Path script = Files.writeString(dir.resolve("docgate.bash"), run.out());

    assertThat(complete(script, "docgate sc")).containsExactly("scan");
    assertThat(complete(script, "docgate scan --li")).containsExactly("--link-base");
    assertThat(complete(script, "docgate scan --format ")).contains("text", "json", "sarif", "html");
    assertThat(complete(script, "docgate ")).contains("scan", "serve", "pr", "readiness", "completion");
    // from the validators' declarations
    assertThat(complete(script, "docgate scan --only ")).containsExactly("links", "versions", "completeness",
        "weblinks", "terms", "snippets");
    assertThat(complete(script, "docgate serve --only w")).containsExactly("weblinks");
  }

  @Test
  void anUnknownShellIsAUsageError() {
    Run run = docgate("completion", "fish");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("fish").contains("see docgate completion --help");
  }

  @Test
  void versionNamesTheCommitTheBuildWasMadeFrom() throws Exception {
    Run run = docgate("--version");

    assertThat(run.exit()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("docgate ");
    assertThat(lines.get(1)).matches("commit [0-9a-f]{12}(-dirty)?");
    if (Files.exists(Path.of(".git"))) {
      String head = run(Path.of("."), List.of("git", "rev-parse", "--short=12", "HEAD")).strip();
      // the work tree's own HEAD, also in a linked worktree (where git-commit-id-maven-plugin reads the main one)
      assertThat(lines.get(1)).startsWith("commit " + head);
    }
  }
}
