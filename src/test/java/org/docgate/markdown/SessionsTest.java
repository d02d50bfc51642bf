package org.docgate.markdown;

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
  void aGreaterThanPromptBeforeAKnownCommandMakesASession() {
    // k8s-enhancements 2400-node-swap:643, judged WRONG as shellcheck SC2260 ("this redirection overrides the pipe")
    String kep = "> kubectl get --raw \"/api/v1/nodes/x/proxy/metrics/resource\" | grep swap\n"
        + "# HELP container_swap_usage_bytes [ALPHA] Current container amount of swap usage in bytes\n"
        + "container_swap_usage_bytes{container=\"c1\"} 3.44e+10 1687950863878";
    assertThat(Sessions.looksLikeConsole(kep)).isTrue();
    assertThat(Sessions.consoleCommands(kep))
        .isEqualTo(" kubectl get --raw \"/api/v1/nodes/x/proxy/metrics/resource\" | grep swap\n\n");
    assertThat(Sessions.looksLikeConsole("> out.log\necho hi > out.log")).isFalse();
    assertThat(Sessions.looksLikeConsole(">kubectl get pods")).isFalse();
    // any lower-case command with an option after the prompt (gRPC's xDS example, round 28)
    String grpcurl = "> grpcurl --plaintext -d '{\"service\": \"\"}' localhost:50051\n"
        + "grpc.health.v1.Health/Check\n{\n  \"status\": \"SERVING\"\n}";
    assertThat(Sessions.looksLikeConsole(grpcurl)).isTrue();
    assertThat(Sessions.consoleCommands(grpcurl))
        .isEqualTo(" grpcurl --plaintext -d '{\"service\": \"\"}' localhost:50051\n\n\n\n");
    assertThat(Sessions.looksLikeConsole("> out.log cat a")).isFalse();
  }

  @Test
  void pythonSessionsKeepTheirInputLines() {
    assertThat(Sessions.looksLikePythonSession(">>> 1 + 1\n2")).isTrue();
    assertThat(Sessions.pythonInput(">>> def f():\n...     return 1\n>>> f()\n1")).isEqualTo(
        "def f():\n    return 1\nf()\n");
  }

  /** OpenCV 4.6's tutorials (round 41): a comment over the prompt, IPython's prompts and magics. */
  @Test
  void pythonSessionsAfterACommentAndIPythonsPrompts() {
    assertThat(Sessions.looksLikePythonSession("# accessing RED value\n>>> img.item(10,10,2)\n59")).isTrue();
    assertThat(Sessions.looksLikePythonSession("# check\nIn [5]: cv.useOptimized()\nOut[5]: True")).isTrue();
    assertThat(Sessions.looksLikePythonSession("# a comment\nx = 1\n>>> y")).isFalse();
    assertThat(Sessions.looksLikePythonSession("Input [5]: x")).isFalse();
    assertThat(Sessions.pythonInput("# check\nIn [5]: cv.useOptimized()\nOut[5]: True\n\n"
        + "In [6]: %timeit res = f(img)\n10 loops\nIn [7]: def g():\n   ...:     return 1\n   ...: "))
        .isEqualTo("\ncv.useOptimized()\n\n\n\n\ndef g():\n    return 1\n");
  }

  @Test
  void aPromptAfterACommentOrInAUserAtHostFormMakesASession() {
    assertThat(Sessions.looksLikeConsole("# 列出镜像\n$ podman images\nREPOSITORY  TAG")).isTrue();
    assertThat(Sessions.looksLikeConsole("[root@node1 ~]# systemctl restart kubelet")).isTrue();
    assertThat(Sessions.looksLikeConsole("user@host:~/src$ make")).isTrue();
    assertThat(Sessions.looksLikeConsole("echo $HOME\nexport A=$B")).isFalse();
    assertThat(Sessions.consoleCommands("[root@node1 ~]# systemctl restart kubelet\nok\nuser@host:~$ make"))
        .isEqualTo(" systemctl restart kubelet\n\n make");
  }

  @Test
  void outputAfterAnOutputCommentOrATableHeaderIsBlankedUpToTheNextBlankLine() {
    String block = String.join("\n",
        "kubectl get svc",
        "# 输出",
        "Swarm initialized: current node (abc123) is now a manager.",
        "",
        "kubectl get pods",
        "NAME    READY   STATUS   PORT(S)",
        "web-1   1/1     Running",
        "",
        "echo done");
    assertThat(Sessions.shellCode(block)).isEqualTo(String.join("\n",
        "kubectl get svc", "# 输出", "", "", "kubectl get pods", "", "", "", "echo done"));
  }

  @Test
  void aHeredocBodyIsNeverTakenForOutput() {
    String block = "cat <<EOF > t.txt\nNAME    READY   STATUS\nEOF\necho ok";
    assertThat(Sessions.shellCode(block)).isEqualTo(block);
  }

  @Test
  void aLineThePromptPatternMatchesIsNeverPassedOver() {
    for (String l : org.docgate.RandomTexts.of(21, 20_000, 5, " ", "\t", "$", "#", ">", " kubectl", " ls",
        "root@node1", ":~", "[root@h ~]", "x", "@", "-")) {
      if (Sessions.PROMPT.matcher(l).matches()) {
        assertThat(Sessions.mayBePrompt(l)).as("'" + l + "'").isTrue();
      }
    }
  }

  /** Nix's manual (round 30): a capitalised sentence after '#' is a comment; a quoted argument spans lines. */
  @Test
  void aRootPromptRunsALowerCaseCommandAndAQuotedArgumentGoesOnOverLines() {
    assertThat(Sessions.consoleCommands("sudo rm -rf /nix\n# If you are on Linux with systemd, run:\nsudo systemctl stop x"))
        .isEqualTo("\n\n");
    String expr = "# nix build --impure --expr \\\n    'with import <nixpkgs> {};\n     runCommand \"foo\" {\n     }'\n"
        + "# cat ./result\nHello, world!";
    assertThat(Sessions.consoleCommands(expr)).isEqualTo(" nix build --impure --expr \\\n    'with import <nixpkgs> {};\n"
        + "     runCommand \"foo\" {\n     }'\n cat ./result\n");
  }
}
