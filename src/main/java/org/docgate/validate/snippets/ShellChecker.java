package org.docgate.validate.snippets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.docgate.process.Subprocess;
import org.docgate.validate.snippets.run.SnippetRunner;

/**
 * Shell snippets with {@code bash -n} (parse only, never run). A batch is one process started from Java: a bash
 * script that parses ranges of {@value #CHUNK} snippets at once, each snippet wrapped as a function body. A range that
 * parses cleanly (exit 0, no warning) passes all its snippets. When a range fails, the line of bash's first error
 * names the snippet it fell in: that snippet is parsed alone, and when it fails alone the snippets before it are
 * parsed as one range and the search goes on after it; when the line names no snippet, or that one passes alone (an
 * unclosed quote earlier in the range), the range is split in two. Each error so comes from its snippet's own parser.
 * Starting processes is the cost (about 10 ms each on our CI machines): a range with one bad snippet costs about 3
 * parses instead of the 2·log2({@value #CHUNK}) of plain bisection. The range files are built by the script with
 * builtins only (no {@code cat}). The one blind spot of ranges: a snippet with an unclosed brace group followed in the
 * same range by one with a stray closing brace cancel out.
 */
final class ShellChecker implements SnippetChecker {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String END = "@@docgate-end ";
  static final int CHUNK = 32;
  /**
   * $0 is bash, $1 the folder holding {@code <i>.sh} (one snippet) and {@code w<i>.sh} (it wrapped as a function);
   * the script's prefix sets {@code N} and {@code L} (each wrapped snippet's line count).
   */
  private static final String SEARCH = String.join("\n",
      "B=$0; D=$1; W=()",
      "for ((i = 0; i < N; i++)); do IFS= read -r -d '' 'W[i]' < \"$D/w$i.sh\"; done",
      "ok() { local i; for ((i = $1; i < $2; i++)); do echo \"" + END + "0\"; done; }",
      "check() {",
      "  local lo=$1 hi=$2 i k=-1 at=1 line=0 first='' msg='' rc mid",
      "  if [ $((hi - lo)) -eq 1 ]; then",
      "    \"$B\" -n \"$D/$lo.sh\" 2>&1 </dev/null; echo \"" + END + "$?\"; return",
      "  fi",
      "  printf '%s' \"${W[@]:lo:hi-lo}\" > \"$D/range.sh\"",
      "  if \"$B\" -n \"$D/range.sh\" >\"$D/out\" 2>&1 </dev/null && [ ! -s \"$D/out\" ]; then ok $lo $hi; return; fi",
      "  IFS= read -r first < \"$D/out\"",
      "  if [[ $first =~ line\\ ([0-9]+): ]]; then line=${BASH_REMATCH[1]}; fi",
      "  for ((i = lo; i < hi; i++)); do",
      "    if [ \"$line\" -ge \"$at\" ] && [ \"$line\" -lt $((at + L[i])) ]; then k=$i; break; fi",
      "    at=$((at + L[i]))",
      "  done",
      "  if [ \"$k\" -ge 0 ]; then",
      "    \"$B\" -n \"$D/$k.sh\" >\"$D/one\" 2>&1 </dev/null; rc=$?",
      "    if [ \"$rc\" -ne 0 ]; then",
      "      IFS= read -r -d '' msg < \"$D/one\"",
      "      if [ \"$k\" -gt \"$lo\" ]; then check $lo $k; fi",
      "      printf '%s' \"$msg\"; echo; echo \"" + END + "$rc\"",
      "      if [ $((k + 1)) -lt \"$hi\" ]; then check $((k + 1)) $hi; fi",
      "      return",
      "    fi",
      "  fi",
      "  mid=$(( (lo + hi) / 2 ))",
      "  check $lo $mid; check $mid $hi",
      "}",
      "");
  private static final Pattern ERROR = Pattern.compile("^[^:]*: line (\\d+): (.*)$");

  /** Snippets per bash process when a whole corpus is checked; two such processes run at once. */
  static final int TEXTS_PER_PROCESS = 250;

  private final BatchRunner<Optional<Problem>> bash;
  private final ShellcheckChecker shellcheck;
  private final boolean console;

  ShellChecker(Optional<String> bash, ShellcheckChecker shellcheck) {
    this(new BatchRunner<>("bash", bash, TEXTS_PER_PROCESS, ShellChecker::check), shellcheck, false);
  }

  private ShellChecker(BatchRunner<Optional<Problem>> bash, ShellcheckChecker shellcheck, boolean console) {
    this.bash = bash;
    this.shellcheck = shellcheck;
    this.console = console;
  }

  static ShellChecker onPath(ShellcheckChecker shellcheck) {
    return new ShellChecker(Subprocess.find("bash"), shellcheck);
  }

  /** The console-session checker: the same bash batch and ShellCheck, reading only a session's command lines. */
  ShellChecker console() {
    return new ShellChecker(bash, shellcheck, true);
  }

  @Override
  public String kind() {
    return console ? "console" : "shell";
  }

  @Override
  public Optional<String> unavailable() {
    return bash.unavailable();
  }

  /** A console session's command lines; a shell block read as a session when it holds prompts or output. */
  @Override
  public String textOf(String body) {
    return console || Sessions.looksLikeConsole(body) ? Sessions.consoleCommands(body) : Sessions.shellCode(body);
  }

  @Override
  public Placeholders.Style placeholders() {
    return Placeholders.Style.SHELL;
  }

  @Override
  public Optional<LanguageGuess.Guess> foreign(String body, int problemLine) {
    return LanguageGuess.inShell(body);
  }

  @Override
  public Optional<String> batch() {
    return Optional.of("bash");
  }

  @Override
  public List<BatchRunner<?>> runners() {
    return List.of(bash, shellcheck.runner());
  }

  @Override
  public Optional<SnippetRunner.Interpreter> runsWith() {
    return Optional.of(SnippetRunner.Interpreter.BASH);
  }

  /**
   * Each distinct text's first error or empty, {@value #TEXTS_PER_PROCESS} texts per bash process; a text missing
   * from the map could not be checked. Starting processes is the cost here (10 ms each on these machines): a corpus
   * of 2,100 shell snippets took 201 processes (one per document) plus their bash -n calls before.
   */
  @Override
  public Map<String, Optional<Problem>> verdicts(Collection<String> texts) {
    return bash.run(texts);
  }

  /** ShellCheck's warnings, on each text with its placeholders neutralised ({@code {host}} is not a brace group). */
  @Override
  public Map<String, List<Hint>> hints(Collection<String> texts) {
    Map<String, String> read = new HashMap<>();
    for (String text : texts) {
      read.put(text, Placeholders.present(text, Placeholders.Style.SHELL) ? Placeholders.neutralise(text, Placeholders.Style.SHELL) : text);
    }
    Map<String, List<Hint>> checked = shellcheck.check(read.values());
    Map<String, List<Hint>> out = new HashMap<>();
    read.forEach((text, neutral) -> {
      List<Hint> hints = checked.get(neutral);
      if (hints != null) {
        out.put(text, hints);
      }
    });
    return out;
  }

  /** One bash process over one chunk (see the class comment). */
  static List<Optional<Problem>> check(String bash, List<String> snippets) throws IOException {
    if (snippets.isEmpty()) {
      return List.of();
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("docgate-sh");
      StringBuilder script = new StringBuilder("N=" + snippets.size() + "; L=(");
      for (int i = 0; i < snippets.size(); i++) {
        String text = snippets.get(i);
        Files.writeString(dir.resolve(i + ".sh"), text, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("w" + i + ".sh"), wrapped(i, text), StandardCharsets.UTF_8);
        script.append(i == 0 ? "" : " ").append(lineCount(text) + 2);
      }
      script.append(")\n").append(SEARCH);
      for (int from = 0; from < snippets.size(); from += CHUNK) {
        script.append("check ").append(from).append(' ').append(Math.min(snippets.size(), from + CHUNK)).append('\n');
      }
      List<String> command = List.of(bash, "--noprofile", "--norc", "-c", script.toString(), bash, dir.toString());
      Subprocess.Result result = Subprocess.run(command, new byte[0], TIMEOUT);
      return parse(result.stdout(), snippets.size());
    } finally {
      delete(dir);
    }
  }

  /** The loop's output: each snippet's messages, then its end marker with the exit status. */
  static List<Optional<Problem>> parse(String stdout, int count) throws IOException {
    List<Optional<Problem>> problems = new ArrayList<>();
    Problem first = null;
    for (String line : stdout.split("\n")) {
      if (line.startsWith(END)) {
        boolean ok = line.substring(END.length()).strip().equals("0");
        problems.add(ok ? Optional.empty()
            : Optional.of(first != null ? first : Problem.syntax(1, 1, "bash: syntax error")));
        first = null;
        continue;
      }
      Matcher m = ERROR.matcher(line);
      if (first == null && m.matches()) {
        first = Problem.syntax(Integer.parseInt(m.group(1)), 1, "bash: " + m.group(2));
      }
    }
    if (problems.size() != count) {
      throw new IOException("bash -n reported " + problems.size() + " results for " + count + " snippets");
    }
    return problems;
  }

  /**
   * A snippet as a function body, read by the script into memory (bash's {@code read -d ''} stops at a NUL byte, so
   * a NUL is written as a line that cannot parse: the range fails and the snippet is parsed alone, from its own file).
   */
  static String wrapped(int i, String text) {
    String body = text.indexOf('\0') < 0 ? text : text.replace("\0", "\n)(\n");
    return "__docgate_snippet_" + i + "() {\n" + body + "\n}\n";
  }

  /** Lines of a text as the wrapped form counts them: newlines + 1. */
  static int lineCount(String text) {
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temp file is harmless
    }
  }
}
