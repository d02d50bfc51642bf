package org.docgate.validate.snippets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.docgate.config.DeclaredRules;
import org.docgate.process.Subprocess;

/**
 * ShellCheck on shell snippets, when installed. Distinct snippet texts are written as {@code <i>.sh} files to one
 * temp folder and checked by one {@code shellcheck --format=json1} process per {@value #CHUNK} files; its comments
 * come back per file. The validator asks once per corpus (all shell snippets of all documents), so a scan of
 * thousands of snippets starts a handful of processes. Only errors and warnings are kept (not info/style), minus the
 * codes excluded in {@code rules/snippets/shellcheck.yaml}.
 */
final class ShellcheckChecker {
  private static final DeclaredRules RULES = DeclaredRules.of("snippets");

  static final int CHUNK = 250;
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Set<String> excluded;
  private final BatchRunner<List<Hint>> shellcheck;

  ShellcheckChecker(Optional<String> shellcheck, Set<String> excluded) {
    this(shellcheck, excluded, VerdictCache.OFF);
  }

  /** With its warnings kept in {@code cache}, by ShellCheck's identity, its flags and the excluded codes. */
  ShellcheckChecker(Optional<String> shellcheck, Set<String> excluded, VerdictCache cache) {
    this.excluded = Set.copyOf(excluded);
    this.shellcheck = new BatchRunner<>("shellcheck", shellcheck, CHUNK, this::checkChunk)
        .cachedIn(cache, String.join(" ", flags()) + "\n" + VerdictCodecs.FORMAT,
            VerdictCodecs.hints(RULES.rule("snippets/shellcheck")));
  }

  /** Every argument but the files, excluded codes sorted (the set's order is not the same in every run). */
  private List<String> flags() {
    List<String> flags = new ArrayList<>(List.of("--format=json1", "--shell=bash", "--severity=warning", "--norc"));
    if (!excluded.isEmpty()) {
      flags.add("--exclude=" + String.join(",", new java.util.TreeSet<>(excluded)));
    }
    return flags;
  }

  boolean available() {
    return shellcheck.program().isPresent();
  }

  BatchRunner<List<Hint>> runner() {
    return shellcheck;
  }

  /** Each distinct text's warnings (empty list: clean); a text missing from the map could not be checked. */
  Map<String, List<Hint>> check(Collection<String> texts) {
    return shellcheck.run(texts);
  }

  private List<List<Hint>> checkChunk(String shellcheck, List<String> chunk) throws IOException {
    Path dir = Files.createTempDirectory("docgate-shellcheck");
    try {
      List<String> command = new ArrayList<>(List.of(shellcheck));
      command.addAll(flags());
      Map<String, Integer> byFile = new HashMap<>();
      for (int i = 0; i < chunk.size(); i++) {
        Path file = dir.resolve(i + ".sh");
        Files.writeString(file, chunk.get(i), StandardCharsets.UTF_8);
        command.add(file.toString());
        byFile.put(file.toString(), i);
      }
      Subprocess.Result r = Subprocess.run(command, new byte[0], TIMEOUT);
      JsonNode root = JSON.readTree(r.stdout());
      if (root == null || !root.path("comments").isArray()) {
        throw new IOException("shellcheck gave no JSON (exit " + r.exitCode() + ")");
      }
      List<List<Hint>> problems = new ArrayList<>();
      chunk.forEach(t -> problems.add(new ArrayList<>()));
      for (JsonNode c : root.get("comments")) {
        Integer i = byFile.get(c.path("file").asText());
        if (i != null) {
          String level = c.path("level").asText();
          problems.get(i).add(new Hint(RULES.rule("snippets/shellcheck"), c.path("line").asInt(1),
              c.path("column").asInt(1),
              "shellcheck SC" + c.path("code").asInt() + " (" + level + "): " + c.path("message").asText()));
        }
      }
      return problems.stream().map(List::copyOf).toList();
    } finally {
      Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /**
   * ShellCheck could not parse a {@code [ ]} test that bash reads as words: SC1072 "Expected test to end here", SC1073
   * "Couldn't parse this test expression" (a synopsis's {@code [options]}, job-control output {@code [1]+ Stopped}, a
   * prompt {@code [user2@pc]$}). Its other parse errors (SC1097 {@code ==} in udev rules pasted into a bash block)
   * still show.
   */
  static boolean parseError(Hint hint) {
    return hint.message().startsWith("shellcheck SC1072 ") || hint.message().startsWith("shellcheck SC1073 ");
  }

  /**
   * Whether the flag ShellCheck's SC2215 ("this flag is used as a command name") reports at a 1-based line belongs to
   * a list of flags, one per line, that docs put in a bash fence ("--horizontal-pod-autoscaler-use-rest-clients=true"
   * under "Controller Manager 配置"; judged NOFIX 21 of 21 on k8s-handbook-zh): the first command line of the snippet,
   * or one after another flag line with no backslash on it. After a command, or after a line whose backslash a
   * comment broke ({@code --read-only \  # 只读根}), the flag really runs as a command and the finding stays. The
   * hint itself is kept: on lines of another language it still makes the block a wrong-language finding.
   */
  static boolean flagList(Hint hint, String text) {
    if (hint.message().startsWith("shellcheck SC2215 ")) {
      return flagList(text, hint.line());
    }
    // SC2211 "a glob used as a command name" on the same kind of line: "--controllers=*,tokencleaner" (third round);
    // SC2288 "a command name ending with ','" on an option list's "-a, --add user_name" (round 27, judged WRONG)
    String line = hintLine(hint, text);
    return (hint.message().startsWith("shellcheck SC2211 ") || hint.message().startsWith("shellcheck SC2288 "))
        && line != null && line.strip().startsWith("-") && flagList(text, hint.line());
  }

  /**
   * Whether a hint is shown as a {@code snippets/shellcheck} finding: not a flag of a flag list ({@link #flagList}),
   * not SC2140 on quoted single quotes ({@link #quotedQuotes}); never SC2211 ("a glob used as a command name"): in docs
   * that line is a command's printed line or another language's (awk's {@code web01[192.168.2.100]: httpd ok}, an
   * npmrc's {@code key[] = "x"}, a query string {@code ?dev=true}: judged WRONG in round 43; all 23 on the comparison
   * set of that kind). Kept as a hint, it still makes a block whose lines look foreign a wrong-language finding.
   */
  static boolean shown(Hint hint, String text) {
    return !flagList(hint, text) && !quotedQuotes(hint, text) && !continuedQuotes(hint, text)
        && !historyExpansion(hint, text) && !hint.message().startsWith("shellcheck SC2211 ")
        && !capitalisedSentence(hint, text);
  }

  /** A line of prose: no shell syntax, and a comma, colon or full stop followed by a space or its end. */
  private static final java.util.regex.Pattern SENTENCE =
      java.util.regex.Pattern.compile("^\\s*[A-Z][a-z]+\\b[^;\\[\\]$=|&(){}<>`]*[,:.](\\s|$)[^;\\[\\]$|&`]*$");

  /**
   * Whether SC1081 ("scripts are case sensitive: use 'for', not 'For'") is on a sentence a program printed: "For help,
   * see: https://nodejs.org/..." under "will look something like this:" (Next.js's debugging page, round 45: judged
   * WRONG). ShellCheck reads the capitalised first word as a keyword; a miscapitalised {@code If [ -f x ]; Then} has
   * shell syntax on the line and stays. Kept as a hint: the block's foreign lines still make it wrong-language.
   */
  static boolean capitalisedSentence(Hint hint, String text) {
    if (!hint.message().startsWith("shellcheck SC1081 ")) {
      return false;
    }
    String line = hintLine(hint, text);
    return line != null && SENTENCE.matcher(line).matches();
  }

  /** The snippet's line a hint is on, or null when its line number is outside the snippet. */
  private static String hintLine(Hint hint, String text) {
    String[] lines = text.split("\n", -1);
    return hint.line() >= 1 && hint.line() <= lines.length ? lines[hint.line() - 1] : null;
  }

  /**
   * Whether SC1035 ("missing a required space after the !") is on a command that is a history expansion typed at a
   * prompt: {@code [root@localhost ~]# !n}, {@code !!}, {@code !xxx} (linux-command's history page, round 27-30).
   */
  static boolean historyExpansion(Hint hint, String text) {
    if (!hint.message().startsWith("shellcheck SC1035 ")) {
      return false;
    }
    String line = hintLine(hint, text);
    return line != null && line.strip().matches("![\\w!$-]\\S*");
  }

  /**
   * Whether SC2140 indicates the backslash-newline between two double-quoted strings: {@code "red"\} then
   * {@code "green"} on the next line is one argument written over two lines (linux-command's echo page, a colour table;
   * judged WRONG in round 27). Bash joins them as meant; ShellCheck's "did you mean "ABC"" asks for one long line.
   */
  static boolean continuedQuotes(Hint hint, String text) {
    if (!hint.message().startsWith("shellcheck SC2140 ")) {
      return false;
    }
    String[] lines = text.split("\n", -1);
    if (hint.line() >= lines.length) {
      return false;
    }
    String line = lines[hint.line() - 1].stripTrailing();
    return line.endsWith("\"\\") && hint.column() >= line.length()
        && lines[hint.line()].stripLeading().startsWith("\"");
  }

  /** Before the word SC2140 indicates: a double-quoted run of single quotes; after it: another. */
  private static final Pattern QUOTE_BEFORE = Pattern.compile("\"'+\"$");
  private static final Pattern QUOTE_AFTER = Pattern.compile("^[^\"]*\"'+\"");

  /**
   * Whether SC2140 ("word is of the form "A"B"C", did you mean "ABC" or "A\"B\"C"?") indicates a word between two
   * double-quoted single quotes: {@code sed '/encoding='"'"ascii"'"'/!d'} (the Node.js benchmark guide, judged WRONG in
   * the twentieth blind round). That is how a single quote is written inside a single-quoted argument: close it, give
   * {@code "'"}, open it again; both of ShellCheck's suggestions would change the command. SC2140 on other words
   * ({@code -p "{"spec": 1}"}, quotes lost from JSON) stays.
   */
  static boolean quotedQuotes(Hint hint, String text) {
    if (!hint.message().startsWith("shellcheck SC2140 ")) {
      return false;
    }
    String[] lines = text.split("\n", -1);
    if (hint.line() > lines.length) {
      return false;
    }
    String line = lines[hint.line() - 1];
    int at = Math.min(hint.column() - 1, line.length());
    return QUOTE_BEFORE.matcher(line.substring(0, at)).find() && QUOTE_AFTER.matcher(line.substring(at)).find();
  }

  static boolean flagList(String text, int line) {
    String[] lines = text.split("\n", -1);
    for (int i = Math.min(line, lines.length) - 2; i >= 0; i--) {
      String prev = lines[i].strip();
      if (prev.isEmpty() || prev.startsWith("#")) {
        continue;
      }
      return prev.startsWith("-") && prev.indexOf('\\') < 0;
    }
    return true;
  }
}
