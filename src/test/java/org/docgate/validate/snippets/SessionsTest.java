package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionsTest {
  @Test
  void consoleKeepsCommandsContinuationsAndHeredocsLineForLine() {
    String session = String.join("\n",
        "$ kubectl get pods \\",
        "    -n web",
        "NAME (x)",
        "$ cat <<EOF > a.txt",
        "text (y",
        "EOF",
        "done (z)");
    assertThat(Sessions.consoleCommands(session)).isEqualTo(String.join("\n",
        " kubectl get pods \\",
        "    -n web",
        "",
        " cat <<EOF > a.txt",
        "text (y",
        "EOF",
        ""));
  }

  @Test
  void hashLinesAreCommandsOnlyInARootSession() {
    assertThat(Sessions.consoleCommands("# apt-get update\nok")).isEqualTo(" apt-get update\n");
    assertThat(Sessions.consoleCommands("# it's a comment\n$ ls")).isEqualTo("\n ls");
  }

  @Test
  void aShellBlockIsAConsoleSessionWhenItStartsWithAPrompt() {
    assertThat(Sessions.looksLikeConsole("\n$ ls\nfile")).isTrue();
    assertThat(Sessions.looksLikeConsole("echo $ HOME")).isFalse();
  }

  @Test
  void pythonSessionsKeepTheirInputLines() {
    assertThat(Sessions.looksLikePythonSession(">>> 1 + 1\n2")).isTrue();
    assertThat(Sessions.pythonInput(">>> def f():\n...     return 1\n>>> f()\n1")).isEqualTo(
        "def f():\n    return 1\nf()\n");
  }
}
