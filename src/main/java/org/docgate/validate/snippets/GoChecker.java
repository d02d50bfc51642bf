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
  /** The ninth reading ({@link #importsThenStatements}): its index among the readings. */
  private static final int IMPORTS_THEN_STATEMENTS = PREFIX.length;
  private static final int READINGS = PREFIX.length + 1;
  private static final Pattern IMPORT_LINE = Pattern.compile("^\\s*(import\\b.*|\\)|\\s*(\\w+\\s+)?\"[^\"]*\"\\s*)$");

  GoChecker(Optional<String> gofmt) {
    this(gofmt, VerdictCache.OFF);
  }

  /** With gofmt's verdicts kept in {@code cache}, by gofmt's identity and the readings. */
  GoChecker(Optional<String> gofmt, VerdictCache cache) {
    super("go", new BatchRunner<>("go", gofmt, CHUNK, GoChecker::checkChunk).cachedIn(cache,
        "-e -l\n" + String.join("\n", PREFIX) + "\n" + String.join("\n", SUFFIX) + "\nimports-then-statements\n"
            + VerdictCodecs.FORMAT,
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

  /**
   * An excerpt that imports and then uses what it imported ({@code import clientv3yaml "…/yaml"} then
   * {@code clientv3yaml.NewConfig}: etcd's upgrade guides, three findings judged WRONG in round 24): the import lines as
   * a file's, the rest as a function's statements, opened on its own first line so that lines stay the snippet's.
   */
  /** How many characters {@link #importsThenStatements} put before line {@code ln} of the snippet. */
  static int opened(String text, int ln) {
    int k = statementsFrom(text);
    if (k < 0) {
      return ln == 1 ? PREFIX[2].length() : 0;
    }
    return (ln == 1 ? "package p; ".length() : 0) + (ln == k + 1 ? "func _() { ".length() : 0);
  }

  /** The 0-based line where the statements after the leading import lines start, or -1 (no import, or only imports). */
  private static int statementsFrom(String text) {
    String[] lines = text.split("\n", -1);
    int k = 0;
    boolean imports = false;
    while (k < lines.length && (lines[k].isBlank() || IMPORT_LINE.matcher(lines[k]).matches())) {
      imports |= lines[k].strip().startsWith("import");
      k++;
    }
    return imports && k < lines.length ? k : -1;
  }

  static String importsThenStatements(String text) {
    String[] lines = text.split("\n", -1);
    int k = statementsFrom(text);
    if (k < 0) {
      return PREFIX[2] + text + SUFFIX[2]; // the statements reading: no import to keep outside the function
    }
    StringBuilder out = new StringBuilder("package p; ");
    for (int j = 0; j < lines.length; j++) {
      out.append(j == k ? "func _() { " : "").append(lines[j]).append('\n');
    }
    return out.append("}\n").toString();
  }

  private static List<Optional<Problem>> checkChunk(String gofmt, List<String> chunk) throws IOException {
    Path dir = Files.createTempDirectory("docgate-go");
    try {
      List<String> command = new ArrayList<>(List.of(gofmt, "-e", "-l"));
      for (int i = 0; i < chunk.size(); i++) {
        for (int r = 0; r < READINGS; r++) {
          Path file = dir.resolve(i + "_" + r + ".go");
          Files.writeString(file, r == IMPORTS_THEN_STATEMENTS ? importsThenStatements(chunk.get(i))
              : PREFIX[r] + chunk.get(i) + SUFFIX[r], StandardCharsets.UTF_8);
          command.add(file.toString());
        }
      }
      Subprocess.Result r = Subprocess.run(command, new byte[0], TIMEOUT, true);
      Problem[][] first = new Problem[chunk.size()][READINGS];
      long[][] reach = new long[chunk.size()][READINGS];
      for (String line : r.stdout().split("\n")) {
        Matcher m = ERROR.matcher(line);
        if (m.matches()) {
          int i = Integer.parseInt(m.group(2));
          int reading = Integer.parseInt(m.group(3));
          if (i < first.length && reading < READINGS && first[i][reading] == null) {
            int ln = Integer.parseInt(m.group(4));
            int col = Integer.parseInt(m.group(5)) - (reading < PREFIX.length ? (ln == 1 ? PREFIX[reading].length() : 0)
                : opened(chunk.get(i), ln));
            first[i][reading] = Problem.syntax(ln, col, "go: " + m.group(6));
            reach[i][reading] = ln * 100_000L + col;
          }
        }
      }
      List<Optional<Problem>> out = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        Problem best = null;
        long bestReach = Long.MIN_VALUE;
        for (int k = 0; k < READINGS; k++) {
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
