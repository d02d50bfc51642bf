package org.docgate.validate.snippets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.docgate.process.Subprocess;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Go snippets with {@code gofmt -e}, when Go is installed. gofmt reads fragments only from stdin (one process per
 * snippet), so docgate does what it does there itself: each snippet is written eight ways, as a file, as a
 * declaration list after {@code package p;}, as a statement list inside {@code func _() {}}, and as the body of a
 * struct and of an interface (the field and method excerpts of API docs; the wrappers open on the snippet's first
 * line, so line numbers stay its own), and, for the other excerpts KEPs show, the fields of a composite literal
 * ({@code FailCgroupV1: false,}), const specs ({@code Unused ConditionType = "Unused"}) and the cases of a switch. It passes when one reading parses; otherwise the reading
 * that got furthest reports its first error. Distinct texts go to one temp folder as {@code <i>_<reading>.go},
 * {@value #CHUNK} snippets per gofmt process; its errors name the file, line and column.
 */
final class GoChecker extends SubprocessChecker {
  static final int CHUNK = 250;
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern ERROR = Pattern.compile("^(.*/(\\d+)_(\\d)\\.go):(\\d+):(\\d+): (.*)$");
  /**
   * The readings: a file, declarations, statements, and, for the excerpts API documents show (fields of a struct, the
   * methods of an interface, without the type around them), a struct body and an interface body.
   */
  private static final String[] PREFIX = {"", "package p; ", "package p; func _() { ", "package p; type _ struct { ",
      "package p; type _ interface { ", "package p; var _ = T{ ", "package p; const ( ",
      "package p; func _() { switch { "};
  private static final String[] SUFFIX = {"", "", "\n}\n", "\n}\n", "\n}\n", "\n}\n", "\n)\n", "\n}}\n"};

  GoChecker(Optional<String> gofmt) {
    this(gofmt, VerdictCache.OFF);
  }

  /** With gofmt's verdicts kept in {@code cache}, by gofmt's identity and the readings. */
  GoChecker(Optional<String> gofmt, VerdictCache cache) {
    super("go", new BatchRunner<>("go", gofmt, CHUNK, GoChecker::checkChunk).cachedIn(cache,
        "-e -l\n" + String.join("\n", PREFIX) + "\n" + String.join("\n", SUFFIX) + "\n" + VerdictCodecs.FORMAT,
        VerdictCodecs.SYNTAX), "gofmt (Go)");
  }

  static GoChecker onPath() {
    return onPath(VerdictCache.OFF);
  }

  static GoChecker onPath(VerdictCache cache) {
    Optional<String> found = Subprocess.find("gofmt");
    if (found.isEmpty() && Files.isExecutable(Path.of("/usr/lib/go/bin/gofmt"))) {
      found = Optional.of("/usr/lib/go/bin/gofmt"); // Debian's golang-go links only `go` into /usr/bin at times
    }
    return new GoChecker(found, cache);
  }

  @Override
  public Optional<LanguageGuess.Guess> foreign(String body, int problemLine) {
    return LanguageGuess.inCode(body, "//", problemLine);
  }

  private static List<Optional<Problem>> checkChunk(String gofmt, List<String> chunk) throws IOException {
    Path dir = Files.createTempDirectory("docgate-go");
    try {
      List<String> command = new ArrayList<>(List.of(gofmt, "-e", "-l"));
      for (int i = 0; i < chunk.size(); i++) {
        for (int r = 0; r < PREFIX.length; r++) {
          Path file = dir.resolve(i + "_" + r + ".go");
          Files.writeString(file, PREFIX[r] + chunk.get(i) + SUFFIX[r], StandardCharsets.UTF_8);
          command.add(file.toString());
        }
      }
      Subprocess.Result r = Subprocess.run(command, new byte[0], TIMEOUT, true);
      Problem[][] first = new Problem[chunk.size()][PREFIX.length];
      long[][] reach = new long[chunk.size()][PREFIX.length];
      for (String line : r.stdout().split("\n")) {
        Matcher m = ERROR.matcher(line);
        if (m.matches()) {
          int i = Integer.parseInt(m.group(2));
          int reading = Integer.parseInt(m.group(3));
          if (i < first.length && reading < PREFIX.length && first[i][reading] == null) {
            int ln = Integer.parseInt(m.group(4));
            int col = Integer.parseInt(m.group(5)) - (ln == 1 ? PREFIX[reading].length() : 0);
            first[i][reading] = Problem.syntax(ln, col, "go: " + m.group(6));
            reach[i][reading] = ln * 100_000L + col;
          }
        }
      }
      List<Optional<Problem>> out = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        Problem best = null;
        long bestReach = Long.MIN_VALUE;
        for (int k = 0; k < PREFIX.length; k++) {
          if (first[i][k] == null) {
            best = null;
            break;
          }
          if (reach[i][k] > bestReach) {
            bestReach = reach[i][k];
            best = first[i][k];
          }
        }
        out.add(Optional.ofNullable(best));
      }
      return out;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
