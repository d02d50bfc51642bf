package org.docgate.validate.snippets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.docgate.markdown.Sessions;
import org.docgate.process.Subprocess;
import org.docgate.validate.snippets.run.SnippetRunner;

/**
 * Shell snippets with {@code bash -n} (parse only, never run). A batch is one process started from Java: a bash
 * script that checks {@value #TEXTS_PER_PROCESS} snippets. Starting processes is the cost (about 10 ms each on our CI
 * machines), so the script starts as few as it can:
 * <ol>
 *   <li>{@code shfmt}, when installed, parses every snippet of the batch in one process and names the files it cannot
 *       parse. Its answer only sorts the snippets, it never judges one: bash is the reference, and the two disagree at
 *       the edges ({@code ls !(*.txt)} and {@code { }} pass shfmt and fail bash; {@code [[ -f ]]} the reverse).
 *   <li>The snippets shfmt rejects almost all fail bash too: each is parsed alone, so its error is its own parser's.
 *   <li>The others, each wrapped as a function body, are parsed in ranges ({@value #CHUNK} snippets, all of them
 *       when shfmt sorted them, since they nearly all pass): a range that parses cleanly (exit 0, no warning) passes
 *       all its snippets. When a range fails, the line of bash's first error names the snippet it fell in: that
 *       snippet is parsed alone, and when it fails alone the snippets before it are parsed as one range and the
 *       search goes on after it; when the line names no snippet, or that one passes alone (an unclosed quote earlier
 *       in the range), the range is split in two.
 * </ol>
 * So every failure comes from bash parsing that snippet alone, and every pass from bash (alone or in a clean range).
 * On the shared corpus (2,275 distinct texts, 143 failing) a scan starts 10 + 164 processes instead of 10 + ~660.
 * The range files are built by the script with builtins only (no {@code cat}). The one blind spot of ranges: a
 * snippet with an unclosed brace group followed in the same range by one with a stray closing brace cancel out (with
 * shfmt, both must pass it: only where shfmt and bash disagree about braces).
 */
final class ShellChecker extends SubprocessChecker {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  static final int CHUNK = 32;
  /**
   * $0 is bash, $1 the folder holding {@code <i>.sh} (one snippet) and {@code w<i>.sh} (it wrapped as a function), $2
   * shfmt or empty, $3 the end marker; the script's prefix sets {@code N}, {@code RANGE} and {@code L} (each wrapped
   * snippet's line count). Each snippet's messages come out followed by {@code <marker> <i> <exit status>}, in any
   * order; the last line is {@code <marker> children <processes started>}.
   */
  private static final String SEARCH = String.join("\n",
      "B=$0; D=$1; S=$2; E=$3; W=(); X=(); LX=(); F=(); started=0",
      "if [ -n \"$S\" ]; then",
      "  files=(); for ((i = 0; i < N; i++)); do files[i]=\"$D/$i.sh\"; done",
      "  \"$S\" -ln bash -l \"${files[@]}\" >/dev/null 2>\"$D/shfmt\" </dev/null; started=$((started + 1))",
      "  while IFS= read -r l; do",
      "    if [[ $l == \"$D/\"* ]]; then r=${l#\"$D/\"}; r=${r%%.sh:*}; if [[ $r =~ ^[0-9]+$ ]]; then F[r]=1; fi; fi",
      "  done < \"$D/shfmt\"",
      "fi",
      "for ((i = 0; i < N; i++)); do",
      "  if [ -z \"${F[i]}\" ]; then j=${#X[@]}; X[j]=$i; LX[j]=${L[i]}; IFS= read -r -d '' 'W[j]' < \"$D/w$i.sh\"; fi",
      "done",
      "alone() { started=$((started + 1)); \"$B\" -n \"$D/$1.sh\" 2>&1 </dev/null; echo \"$E $1 $?\"; }",
      "ok() { local i; for ((i = $1; i < $2; i++)); do echo \"$E ${X[i]} 0\"; done; }",
      "check() {",
      "  local lo=$1 hi=$2 i k=-1 at=1 line=0 first='' msg='' rc mid",
      "  if [ $((hi - lo)) -eq 1 ]; then alone \"${X[lo]}\"; return; fi",
      "  printf '%s' \"${W[@]:lo:hi-lo}\" > \"$D/range.sh\"; started=$((started + 1))",
      "  if \"$B\" -n \"$D/range.sh\" >\"$D/out\" 2>&1 </dev/null && [ ! -s \"$D/out\" ]; then ok $lo $hi; return; fi",
      "  IFS= read -r first < \"$D/out\"",
      "  if [[ $first =~ line\\ ([0-9]+): ]]; then line=${BASH_REMATCH[1]}; fi",
      "  for ((i = lo; i < hi; i++)); do",
      "    if [ \"$line\" -ge \"$at\" ] && [ \"$line\" -lt $((at + LX[i])) ]; then k=$i; break; fi",
      "    at=$((at + LX[i]))",
      "  done",
      "  if [ \"$k\" -ge 0 ]; then",
      "    started=$((started + 1)); \"$B\" -n \"$D/${X[k]}.sh\" >\"$D/one\" 2>&1 </dev/null; rc=$?",
      "    if [ \"$rc\" -ne 0 ]; then",
      "      IFS= read -r -d '' msg < \"$D/one\"",
      "      if [ \"$k\" -gt \"$lo\" ]; then check $lo $k; fi",
      "      printf '%s' \"$msg\"; echo; echo \"$E ${X[k]} $rc\"",
      "      if [ $((k + 1)) -lt \"$hi\" ]; then check $((k + 1)) $hi; fi",
      "      return",
      "    fi",
      "  fi",
      "  mid=$(( (lo + hi) / 2 ))",
      "  check $lo $mid; check $mid $hi",
      "}",
      "for ((j = 0; j < ${#X[@]}; j += RANGE)); do check $j $((j + RANGE < ${#X[@]} ? j + RANGE : ${#X[@]})); done",
      "for k in \"${!F[@]}\"; do alone \"$k\"; done",
      "echo \"$E children $started\"",
      "");
  private static final Pattern ERROR = Pattern.compile("^[^:]*: line (\\d+): (.*)$");
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Snippets per bash process when a whole corpus is checked; two such processes run at once. Starting processes is
   * the cost here (10 ms each on these machines): a corpus of 2,100 shell snippets took 201 processes (one per
   * document) plus their bash -n calls before.
   */
  static final int TEXTS_PER_PROCESS = 250;

  private final ShellcheckChecker shellcheck;
  private final boolean console;

  /** bash checks; shfmt, when given, only sorts each batch's snippets so that fewer bash processes start. */
  ShellChecker(Optional<String> bash, Optional<String> shfmt, ShellcheckChecker shellcheck) {
    this(bash, shfmt, shellcheck, VerdictCache.OFF);
  }

  /**
   * With bash's verdicts kept in {@code cache}, by bash's identity and this class's script. shfmt is not part of the
   * key: it only sorts, every verdict is bash's (its presence is, as it changes the ranges bash parses).
   */
  ShellChecker(Optional<String> bash, Optional<String> shfmt, ShellcheckChecker shellcheck, VerdictCache cache) {
    this(new BatchRunner<>("bash", bash, TEXTS_PER_PROCESS,
        (BatchRunner.ParentChunk<Optional<Problem>>) (program, chunk, children) -> check(program, shfmt, chunk,
            children)).cachedIn(cache, SEARCH + "\nwrapped-1 shfmt=" + shfmt.isPresent() + " range=" + CHUNK
                + "\n" + VerdictCodecs.FORMAT, VerdictCodecs.SYNTAX), shellcheck, false);
  }

  private ShellChecker(BatchRunner<Optional<Problem>> bash, ShellcheckChecker shellcheck, boolean console) {
    super(console ? "console" : "shell", bash, "bash");
    this.shellcheck = shellcheck;
    this.console = console;
  }

  static ShellChecker onPath(ShellcheckChecker shellcheck, VerdictCache cache) {
    return new ShellChecker(Subprocess.find("bash"), Subprocess.find("shfmt"), shellcheck, cache);
  }

  /** The console-session checker: the same bash batch and ShellCheck, reading only a session's command lines. */
  ShellChecker console() {
    return new ShellChecker(runner(), shellcheck, true);
  }

  /** A console session's command lines; a shell block read as a session when it holds prompts or output. */
  @Override
  public String textOf(String body) {
    if (!console && BATS.matcher(body).lookingAt()) {
      // a Bats test file: bats turns each '@test "name" {' into a function before bash reads it, and so does this
      return BATS_TEST.matcher(body).replaceAll("$1_bats_test() {");
    }
    return console || Sessions.looksLikeConsole(body) ? Sessions.consoleCommands(body) : Sessions.shellCode(body);
  }

  /** A Bats test file's shebang (runc's integration tests' README, round 30). */
  private static final java.util.regex.Pattern BATS = java.util.regex.Pattern.compile("\\s*#!\\s*\\S*(?:env\\s+)?bats\\b");
  private static final java.util.regex.Pattern BATS_TEST =
      java.util.regex.Pattern.compile("(?m)^(\\s*)@test\\s+(?:\"[^\"]*\"|'[^']*')\\s*\\{\\s*$");

  @Override
  public Placeholders.Style placeholders() {
    return Placeholders.Style.SHELL;
  }

  @Override
  public Optional<LanguageGuess.Guess> foreign(String body, int problemLine) {
    // a session's output is what its commands printed ("/nix/store/...-perl-BerkeleyDB-0.26.drv" under
    // "$ nix-instantiate test.nix", Nix's manual: judged WRONG as "a list of paths" in round 30): only what was typed
    if (console || Sessions.looksLikeConsole(body)) {
      // what a prompt's line holds was typed: no output ("!n" is history expansion, not a printed cipher list)
      return LanguageGuess.inShell(Sessions.consoleCommands(body)).filter(g -> !g.isOutput());
    }
    return LanguageGuess.inShell(body);
  }

  @Override
  public List<BatchRunner<?>> runners() {
    return List.of(runner(), shellcheck.runner());
  }

  @Override
  public Optional<SnippetRunner.Interpreter> runsWith() {
    return Optional.of(SnippetRunner.Interpreter.BASH);
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

  /** One bash process over one chunk (see the class comment), the processes it started not counted. */
  static List<Optional<Problem>> check(String bash, Optional<String> shfmt, List<String> snippets) throws IOException {
    return check(bash, shfmt, snippets, new LongAdder());
  }

  /** One bash process over one chunk (see the class comment); the processes it started are added to children. */
  static List<Optional<Problem>> check(String bash, Optional<String> shfmt, List<String> snippets, LongAdder children)
      throws IOException {
    if (snippets.isEmpty()) {
      return List.of();
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("docgate-sh");
      int range = shfmt.isPresent() ? snippets.size() : CHUNK;
      StringBuilder script = new StringBuilder("N=" + snippets.size() + "; RANGE=" + range + "; L=(");
      for (int i = 0; i < snippets.size(); i++) {
        String text = snippets.get(i);
        Files.writeString(dir.resolve(i + ".sh"), text, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("w" + i + ".sh"), wrapped(i, text), StandardCharsets.UTF_8);
        script.append(i == 0 ? "" : " ").append(lineCount(text) + 2);
      }
      script.append(")\n").append(SEARCH);
      String marker = marker();
      List<String> command = List.of(bash, "--noprofile", "--norc", "-c", script.toString(), bash, dir.toString(),
          shfmt.orElse(""), marker);
      Subprocess.Result result = Subprocess.run(command, new byte[0], TIMEOUT);
      Answers answers = parse(result.stdout(), marker, snippets.size());
      children.add(answers.children());
      return answers.problems();
    } finally {
      delete(dir);
    }
  }

  /**
   * The end marker of one batch: random, because bash echoes a failing snippet's line in its message, and a snippet
   * must not be able to end another's answer.
   */
  static String marker() {
    return "@@docgate-" + HexFormat.of().toHexDigits(RANDOM.nextLong());
  }

  /** What one batch said: each snippet's first error or empty, in the chunk's order, and the processes it started. */
  record Answers(List<Optional<Problem>> problems, long children) {}

  /**
   * The script's output: each snippet's messages, then {@code <marker> <index> <exit status>}, snippets in any order;
   * last, {@code <marker> children <processes started>}. An answer missing or given twice fails the chunk.
   */
  static Answers parse(String stdout, String marker, int count) throws IOException {
    List<Optional<Problem>> problems = new ArrayList<>(java.util.Collections.nCopies(count, (Optional<Problem>) null));
    String end = marker + " ";
    long children = -1;
    int answered = 0;
    Problem first = null;
    for (String line : stdout.split("\n")) {
      if (line.startsWith(end)) {
        String[] parts = line.substring(end.length()).strip().split(" ");
        if (parts.length == 2 && parts[0].equals("children") && parts[1].matches("\\d{1,9}")) {
          children = Long.parseLong(parts[1]);
        } else if (parts.length == 2 && parts[0].matches("\\d{1,9}") && parts[1].matches("\\d{1,3}")
            && Integer.parseInt(parts[0]) < count && problems.get(Integer.parseInt(parts[0])) == null) {
          boolean ok = parts[1].equals("0");
          problems.set(Integer.parseInt(parts[0]), ok ? Optional.empty()
              : Optional.of(first != null ? first : Problem.syntax(1, 1, "bash: syntax error")));
          answered++;
        } else {
          throw new IOException("bash -n batch: unexpected answer line " + line);
        }
        first = null;
        continue;
      }
      Matcher m = ERROR.matcher(line);
      if (first == null && m.matches()) {
        first = Problem.syntax(Integer.parseInt(m.group(1)), 1, "bash: " + m.group(2));
      }
    }
    if (answered != count || children < 0) {
      throw new IOException("bash -n reported " + answered + " results for " + count + " snippets"
          + (children < 0 ? ", and no process count" : ""));
    }
    return new Answers(List.copyOf(problems), children);
  }

  /**
   * A snippet as a function body, read by the script into memory (bash's {@code read -d ''} stops at a NUL byte, so
   * a NUL is written as a line that cannot parse: the range fails and the snippet is parsed alone, from its own file).
   * The body opens with {@code :} on the brace's line: a snippet of comments only (a list of steps in a ```bash
   * fence, 20 on the shared corpus) parses alone, but as the only content of a function body it is a syntax error
   * that failed its whole range and cost a bisection.
   */
  static String wrapped(int i, String text) {
    String body = text.indexOf('\0') < 0 ? text : text.replace("\0", "\n)(\n");
    return "__docgate_snippet_" + i + "() { :\n" + body + "\n}\n";
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
