package org.docgate.validate.snippets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Python snippets with Python's own parser: one {@code python3} process per batch reads a JSON list of sources on
 * stdin and writes, for each, null or {@code [line, column, message]}. {@code ast.parse} never runs code.
 */
final class PythonChecker {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SCRIPT = String.join("\n",
      "import ast, json, sys",
      "out = []",
      "for src in json.load(sys.stdin):",
      "    try:",
      "        ast.parse(src)",
      "        out.append(None)",
      "    except SyntaxError as e:",
      "        out.append([e.lineno or 1, e.offset or 1, e.msg])",
      "    except (ValueError, RecursionError, MemoryError) as e:",
      "        out.append([1, 1, str(e)])",
      "json.dump(out, sys.stdout)");

  /** Snippets per python3 process when a whole corpus is checked ({@link #checkTexts}). */
  static final int TEXTS_PER_PROCESS = 500;

  private final Optional<String> command;
  /** The interpreter itself, resolved once on first use: a pyenv or asdf shim costs ~0.6 s per start. */
  private volatile Optional<String> python;

  final LongAdder processes = new LongAdder();
  final LongAdder nanos = new LongAdder();

  PythonChecker(Optional<String> command) {
    this.command = command;
  }

  Optional<String> unavailable() {
    return command.isPresent() ? Optional.empty() : Optional.of("python3 is not installed");
  }

  /** Each distinct text's first error or empty, {@value #TEXTS_PER_PROCESS} per process; missing: not checked. */
  Map<String, Optional<Problem>> checkTexts(Collection<String> texts) {
    if (command.isEmpty() || texts.isEmpty()) {
      return new HashMap<>();
    }
    return ChunkedBatch.run(texts, TEXTS_PER_PROCESS, chunk -> check(chunk).byText(chunk, processes, nanos));
  }

  static PythonChecker onPath() {
    return new PythonChecker(Subprocess.find("python3"));
  }

  private Optional<String> interpreter() {
    Optional<String> resolved = python;
    if (resolved == null) {
      synchronized (this) {
        if (python == null) {
          python = command.map(PythonChecker::realExecutable);
        }
        resolved = python;
      }
    }
    return resolved;
  }

  private static String realExecutable(String shim) {
    try {
      Subprocess.Result r = Subprocess.run(List.of(shim, "-I", "-c", "import sys; print(sys.executable)"),
          new byte[0], TIMEOUT);
      String path = r.stdout().strip();
      return r.exitCode() == 0 && !path.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(path))
          ? path : shim;
    } catch (IOException e) {
      return shim;
    }
  }

  BatchOutcome check(List<String> snippets) {
    if (snippets.isEmpty()) {
      return new BatchOutcome(List.of(), null, 0, 0);
    }
    Optional<String> python = interpreter();
    if (python.isEmpty()) {
      return BatchOutcome.unavailable("python3 is not installed", snippets.size(), 0, 0);
    }
    try {
      byte[] input = JSON.writeValueAsBytes(snippets);
      // -I: ignore PYTHON* variables and the user's site; -W ignore: SyntaxWarnings are not our business
      Subprocess.Result result =
          Subprocess.run(List.of(python.get(), "-I", "-W", "ignore", "-c", SCRIPT), input, TIMEOUT);
      JsonNode answers = JSON.readTree(result.stdout());
      if (answers == null || !answers.isArray() || answers.size() != snippets.size()) {
        throw new IOException("python3 answered " + (answers == null ? "nothing" : answers.size() + " results")
            + " for " + snippets.size() + " snippets (exit " + result.exitCode() + ")");
      }
      List<Optional<Problem>> problems = new ArrayList<>();
      for (JsonNode a : answers) {
        problems.add(a.isNull() ? Optional.empty()
            : Optional.of(Problem.syntax(a.get(0).asInt(1), a.get(1).asInt(1), "python: " + a.get(2).asText())));
      }
      return new BatchOutcome(problems, null, result.nanos(), 1);
    } catch (IOException e) {
      return BatchOutcome.unavailable("python3 failed: " + e.getMessage(), snippets.size(), 0, 1);
    }
  }
}
