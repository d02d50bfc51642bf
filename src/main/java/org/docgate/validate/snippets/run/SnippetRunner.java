package org.docgate.validate.snippets.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.docgate.config.DeclaredRules;
import org.docgate.finding.Finding;
import org.docgate.markdown.CodeBlock;

/**
 * Runs the snippets a document asks to run ({@code ```bash {run}} or a {@code <!-- docgate-run -->} comment right
 * before the fence) in the {@link Sandbox}, and compares stdout with an {@code ```output} block that follows (at most
 * one blank line between), whitespace-normalised. Shell (and console commands) and Python only; nothing else runs,
 * and nothing ever runs on the host: without a working sandbox a run is refused with {@code snippets/sandbox-unavailable}.
 */
public final class SnippetRunner {
  private static final DeclaredRules RULES = DeclaredRules.of("snippets");

  private static final Pattern RUN_ATTRIBUTE = Pattern.compile("\\{[^}]*(?<![\\w-])\\.?run(?![\\w-])[^}]*}");
  private static final Pattern RUN_COMMENT = Pattern.compile("<!--\\s*docgate-run\\s*-->");
  /** Linux's limit for one argument is 128 KiB; a snippet is passed as one. */
  private static final int MAX_CHARS = 100_000;
  private static final String BASH = "/usr/bin/bash";
  private static final String PYTHON = "/usr/bin/python3";

  /** What became of a run, for the counters {@code snippets.run.<label>}. */
  public enum RunOutcome { PASSED, FAILED, MISMATCH, TIMEOUT, REFUSED }

  public record Ran(RunOutcome outcome, Optional<Finding> finding) {}

  private final Sandbox sandbox;
  private final RunSettings settings;

  public SnippetRunner(Sandbox sandbox, RunSettings settings) {
    this.sandbox = sandbox;
    this.settings = settings;
  }

  public static boolean requested(CodeBlock block) {
    return block.fenced() && (RUN_ATTRIBUTE.matcher(block.info()).find()
        || RUN_COMMENT.matcher(block.commentBefore()).find());
  }

  /** The {@code output} block right after {@code blocks[index]}, if any. */
  public static Optional<CodeBlock> expectedOutput(List<CodeBlock> blocks, int index) {
    if (index + 1 >= blocks.size()) {
      return Optional.empty();
    }
    CodeBlock run = blocks.get(index);
    CodeBlock next = blocks.get(index + 1);
    return next.fenced() && next.language().equals("output") && next.startLine() <= run.endLine() + 2
        ? Optional.of(next) : Optional.empty();
  }

  /** The programs a snippet can be run with. */
  public enum Interpreter { BASH, PYTHON }

  /**
   * Runs one requested snippet ({@code text} as its checker read it) with its language's interpreter (empty: a
   * language docgate does not run) and says how it went.
   */
  public Ran run(String path, CodeBlock block, Optional<Interpreter> runsWith, String text,
      Optional<CodeBlock> expected) {
    int line = block.startLine();
    if (!settings.enabled()) {
      return refused(path, line, "running snippets is turned off (rules/snippets/run.yaml: enabled: false)");
    }
    String interpreter = runsWith.map(i -> i == Interpreter.PYTHON ? PYTHON : BASH).orElse(null);
    if (interpreter == null) {
      return refused(path, line, "docgate runs shell and Python snippets only, not " + block.language());
    }
    Optional<String> why = sandbox.unavailable();
    if (why.isPresent()) {
      return refused(path, line, "snippet not run: no sandbox (" + why.get() + "); docgate never runs snippets on"
          + " the host");
    }
    if (!Files.isExecutable(Path.of(interpreter))) {
      return refused(path, line, "snippet not run: " + interpreter + " is not installed");
    }
    if (text.length() > MAX_CHARS) {
      return refused(path, line, "snippet not run: longer than " + MAX_CHARS + " characters");
    }
    List<String> command = interpreter.equals(PYTHON)
        ? List.of(PYTHON, "-I", "-c", text)
        : List.of(BASH, "--noprofile", "--norc", "-c", text);
    Sandbox.Result r;
    try {
      r = sandbox.run(command, settings);
    } catch (IOException e) {
      return refused(path, line, "snippet not run: " + e.getMessage());
    }
    String limit = limitHit(r.stderr());
    if (r.status() == Sandbox.Status.TIMED_OUT) {
      // bash retries a failed fork with growing pauses and may not have said so yet: count what was running
      if (r.processes() >= settings.processes()) {
        limit = "hit the process limit (" + settings.processes() + " processes)";
      }
      return new Ran(RunOutcome.TIMEOUT, Optional.of(RULES.rule("snippets/run-timeout").at(path, line, 1,
          "snippet run killed after " + settings.timeout().toSeconds() + " s (wall-clock limit)"
              + (limit.isEmpty() ? "" : "; it " + limit))));
    }
    if (r.status() == Sandbox.Status.OUTPUT_LIMIT) {
      return failed(path, line, "wrote more than " + settings.outputKb() + " KB of output and was killed");
    }
    if (r.exitCode() != 0) {
      String reason = !limit.isEmpty() ? limit
          : r.exitCode() > 128 ? "was killed by signal " + (r.exitCode() - 128) + signalHint(r.exitCode() - 128)
          : "exited with status " + r.exitCode();
      String detail = lastLine(r.stderr());
      return failed(path, line, reason + (detail.isEmpty() ? "" : ": " + detail));
    }
    if (!limit.isEmpty()) {
      return failed(path, line, limit);
    }
    if (expected.isPresent()) {
      String want = normalise(expected.get().body());
      String got = normalise(r.stdout());
      if (!want.equals(got)) {
        return new Ran(RunOutcome.MISMATCH, Optional.of(RULES.rule("snippets/output-mismatch").at(path,
            expected.get().startLine(), 1, "output differs from the run: " + firstDifference(want, got))));
      }
    }
    return new Ran(RunOutcome.PASSED, Optional.empty());
  }

  private Ran refused(String path, int line, String message) {
    return new Ran(RunOutcome.REFUSED,
        Optional.of(RULES.rule("snippets/sandbox-unavailable").at(path, line, 1, message)));
  }

  private static Ran failed(String path, int line, String message) {
    return new Ran(RunOutcome.FAILED, Optional.of(RULES.rule("snippets/run-failed").at(path, line, 1,
        "snippet run failed: it " + message)));
  }

  /** Which limit the run's own error output says it hit, or empty. */
  private String limitHit(String stderr) {
    if (stderr.contains("fork: retry") || stderr.contains("fork: Resource temporarily unavailable")
        || stderr.contains("BlockingIOError: [Errno 11] Resource temporarily unavailable")) {
      return "hit the process limit (" + settings.processes() + " processes)";
    }
    if (stderr.contains("MemoryError") || stderr.contains("Cannot allocate memory")
        || stderr.contains("memory exhausted")) {
      return "hit the memory limit (" + settings.memoryMb() + " MB)";
    }
    if (stderr.contains("File size limit exceeded") || stderr.contains("No space left on device")) {
      return "hit the file size limit (" + settings.tmpMb() + " MB)";
    }
    return "";
  }

  private String signalHint(int signal) {
    return switch (signal) {
      case 9, 24 -> " (CPU limit of " + settings.cpuSeconds() + " s)";
      case 25 -> " (file size limit of " + settings.tmpMb() + " MB)";
      default -> "";
    };
  }

  private static String lastLine(String stderr) {
    List<String> lines = stderr.strip().lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      return "";
    }
    String last = lines.get(lines.size() - 1).strip();
    return last.length() > 200 ? last.substring(0, 200) + "…" : last;
  }

  /** Lines with runs of blanks folded to one space and trimmed; blank lines at both ends dropped. */
  static String normalise(String text) {
    List<String> lines = text.lines().map(l -> l.strip().replaceAll("\\s+", " ")).toList();
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isEmpty()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isEmpty()) {
      to--;
    }
    return String.join("\n", lines.subList(from, to));
  }

  static String firstDifference(String want, String got) {
    String[] w = want.split("\n", -1);
    String[] g = got.split("\n", -1);
    for (int i = 0; i < Math.max(w.length, g.length); i++) {
      String a = i < w.length ? w[i] : "<nothing>";
      String b = i < g.length ? g[i] : "<nothing>";
      if (!a.equals(b)) {
        return "line " + (i + 1) + " expected '" + clip(a) + "' but the snippet printed '" + clip(b) + "'";
      }
    }
    return "they differ";
  }

  private static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
