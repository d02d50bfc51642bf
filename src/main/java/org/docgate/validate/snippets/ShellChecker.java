package org.docgate.validate.snippets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Shell snippets with {@code bash -n} (parse only, never run). A batch is one process started from Java: a bash
 * script that parses chunks of {@value #CHUNK} snippets at once, each snippet wrapped as a function body in one file.
 * A range that parses cleanly (exit 0, no warning) passes all its snippets; a range with an error is split in two
 * until single snippets are left, so each error comes from that snippet's own parser and a chunk with one bad
 * snippet costs about 2·log2({@value #CHUNK}) parses instead of {@value #CHUNK}. The one blind spot of ranges: a
 * snippet with an unclosed brace group followed in the same range by one with a stray closing brace cancel out.
 */
final class ShellChecker {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String END = "@@docgate-end ";
  static final int CHUNK = 32;
  /** $0 is bash, $1 the folder holding {@code <i>.sh} (one snippet) and {@code r<lo>_<hi>.sh} (a range). */
  private static final String BISECT = String.join("\n",
      "B=$0; D=$1",
      "check() {",
      "  local lo=$1 hi=$2 i mid",
      "  if [ $((hi - lo)) -eq 1 ]; then",
      "    \"$B\" -n \"$D/$lo.sh\" 2>&1 </dev/null; echo \"" + END + "$?\"; return",
      "  fi",
      "  if \"$B\" -n \"$D/r${lo}_${hi}.sh\" >\"$D/out\" 2>&1 </dev/null && [ ! -s \"$D/out\" ]; then",
      "    for ((i = lo; i < hi; i++)); do echo \"" + END + "0\"; done; return",
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
    return ChunkedBatch.run(texts, TEXTS_PER_PROCESS, chunk -> byText(chunk, check(chunk), processes, nanos));
  }

  /** A batch's answers by text, counted; a batch that could not check leaves its texts out. */
  static Map<String, Optional<Problem>> byText(List<String> chunk, BatchOutcome b, LongAdder processes,
      LongAdder nanos) throws IOException {
    processes.add(b.processes());
    nanos.add(b.nanos());
    if (!b.available()) {
      throw new IOException(b.unavailable());
    }
    Map<String, Optional<Problem>> out = new HashMap<>();
    for (int i = 0; i < chunk.size(); i++) {
      out.put(chunk.get(i), b.problems().get(i));
    }
    return out;
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
      StringBuilder script = new StringBuilder(BISECT);
      for (int i = 0; i < snippets.size(); i++) {
        Files.writeString(dir.resolve(i + ".sh"), snippets.get(i), StandardCharsets.UTF_8);
      }
      for (int from = 0; from < snippets.size(); from += CHUNK) {
        int to = Math.min(snippets.size(), from + CHUNK);
        writeRanges(dir, snippets, from, to);
        script.append("check ").append(from).append(' ').append(to).append('\n');
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

  /** The range file of every split the script may make of [from, to). */
  private static void writeRanges(Path dir, List<String> snippets, int from, int to) throws IOException {
    if (to - from < 2) {
      return;
    }
    StringBuilder range = new StringBuilder();
    for (int i = from; i < to; i++) {
      range.append("__docgate_snippet_").append(i).append("() {\n").append(snippets.get(i)).append("\n}\n");
    }
    Files.writeString(dir.resolve("r" + from + "_" + to + ".sh"), range, StandardCharsets.UTF_8);
    int mid = (from + to) / 2;
    writeRanges(dir, snippets, from, mid);
    writeRanges(dir, snippets, mid, to);
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
