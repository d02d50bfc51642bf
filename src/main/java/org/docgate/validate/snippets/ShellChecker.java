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
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
final class ShellChecker {
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

  /** Snippets per bash process when a whole corpus is checked ({@link #checkTexts}); two such processes run at once. */
  static final int TEXTS_PER_PROCESS = 250;

  private final Optional<String> bash;
  final LongAdder processes = new LongAdder();
  final LongAdder nanos = new LongAdder();

  ShellChecker(Optional<String> bash) {
    this.bash = bash;
  }

  Optional<String> unavailable() {
    return bash.isPresent() ? Optional.empty() : Optional.of("bash is not installed");
  }

  /**
   * Each distinct text's first error or empty, {@value #TEXTS_PER_PROCESS} texts per bash process; a text missing
   * from the map could not be checked. Starting processes is the cost here (10 ms each on these machines): a corpus
   * of 2,100 shell snippets took 201 processes (one per document) plus their bash -n calls before.
   */
  Map<String, Optional<Problem>> checkTexts(Collection<String> texts) {
    if (bash.isEmpty() || texts.isEmpty()) {
      return new HashMap<>();
    }
    return ChunkedBatch.run(texts, TEXTS_PER_PROCESS, chunk -> check(chunk).byText(chunk, processes, nanos));
  }

  static ShellChecker onPath() {
    return new ShellChecker(Subprocess.find("bash"));
  }

  BatchOutcome check(List<String> snippets) {
    if (snippets.isEmpty()) {
      return new BatchOutcome(List.of(), null, 0, 0);
    }
    if (bash.isEmpty()) {
      return BatchOutcome.unavailable("bash is not installed", snippets.size(), 0, 0);
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
      List<String> command =
          List.of(bash.get(), "--noprofile", "--norc", "-c", script.toString(), bash.get(), dir.toString());
      Subprocess.Result result = Subprocess.run(command, new byte[0], TIMEOUT);
      return new BatchOutcome(parse(result.stdout(), snippets.size()), null, result.nanos(), 1);
    } catch (IOException e) {
      return BatchOutcome.unavailable("bash -n failed: " + e.getMessage(), snippets.size(), 0, 1);
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
