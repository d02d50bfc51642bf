package org.docgate.validate.snippets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.docgate.markdown.Sessions;
import org.docgate.process.Subprocess;
import org.docgate.validate.snippets.run.SnippetRunner;

/**
 * Python snippets with Python's own parser: one {@code python3} process per batch reads a JSON list of sources on
 * stdin and writes, for each, null or {@code [line, column, message]}. {@code ast.parse} never runs code.
 */
final class PythonChecker extends SubprocessChecker {
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

  /** Snippets per python3 process when a whole corpus is checked. */
  static final int TEXTS_PER_PROCESS = 500;

  PythonChecker(Optional<String> command) {
    this(command, VerdictCache.OFF);
  }

  /**
   * With verdicts kept in {@code cache}, by the identity of the interpreter behind the command (a shim's target
   * changes with {@code pyenv global}, the shim does not) and the script.
   */
  PythonChecker(Optional<String> command, VerdictCache cache) {
    super("python", runner(command, cache), "python3");
  }

  private static BatchRunner<Optional<Problem>> runner(Optional<String> command, VerdictCache cache) {
    // the interpreter itself, resolved once per process start list: a pyenv or asdf shim costs ~0.6 s per start
    Interpreter interpreter = new Interpreter();
    return new BatchRunner<>("python", command, TEXTS_PER_PROCESS,
        (BatchRunner.Chunk<Optional<Problem>>) (program, chunk) -> check(interpreter.resolve(program), chunk))
        .cachedIn(cache, "-I -W ignore -c\n" + SCRIPT + "\n" + VerdictCodecs.FORMAT, VerdictCodecs.SYNTAX,
            program -> VerdictCache.programIdentity(interpreter.resolve(program)));
  }

  static PythonChecker onPath() {
    return onPath(VerdictCache.OFF);
  }

  static PythonChecker onPath(VerdictCache cache) {
    return new PythonChecker(Subprocess.find("python3"), cache);
  }

  @Override
  public Optional<LanguageGuess.Guess> foreign(String body, int problemLine) {
    return LanguageGuess.inCode(body, "#", problemLine);
  }

  /**
   * A {@code >>>} session's input lines; otherwise the body, less the indentation all its lines share (a block
   * indented as a whole, FlatBuffers' {@code ~~~{.py}} blocks: "unexpected indent" on the first line says nothing of
   * the code). Line for line either way.
   */
  @Override
  public String textOf(String body) {
    return Sessions.looksLikePythonSession(body) ? Sessions.pythonInput(body) : stubbed(dedented(body));
  }

  /** A signature line: {@code def parse(data, raw=False, quiet=False)}, {@code class Parser(Base)}, without a colon. */
  private static final java.util.regex.Pattern SIGNATURE = java.util.regex.Pattern.compile(
      "^\\s*(?:(?:async\\s+)?def\\s+\\w+\\s*\\(.*\\)\\s*(?:->\\s*[^:]+?)?|class\\s+\\w+\\s*(?:\\(.*\\))?)\\s*$");

  /**
   * A block of signatures alone, as API reference generators write them (jc's pydoc-markdown pages: {@code def
   * parse(data, raw=False, quiet=False)} under "### parse", 22 of round 36's 30 snippets findings, judged "nothing to
   * fix"), read as stubs: each header gets {@code : ...} on its own line, so what is checked is the signature itself.
   * Other blocks as they are.
   */
  static String stubbed(String text) {
    if (text.indexOf("def ") < 0 && text.indexOf("class ") < 0) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    boolean any = false;
    for (String line : lines) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || t.startsWith("@")) {
        continue;
      }
      if (!SIGNATURE.matcher(line).matches()) {
        return text;
      }
      any = true;
    }
    if (!any) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < lines.length; i++) {
      out.append(lines[i]);
      if (SIGNATURE.matcher(lines[i]).matches()) {
        out.append(": ...");
      }
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  static String dedented(String body) {
    String[] lines = body.split("\n", -1);
    int margin = LanguageGuess.margin(java.util.Arrays.asList(lines));
    if (margin == 0) {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < lines.length; i++) {
      out.append(lines[i].isBlank() ? lines[i] : lines[i].substring(margin));
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  @Override
  public Placeholders.Style placeholders() {
    return Placeholders.Style.PYTHON;
  }

  @Override
  public Optional<SnippetRunner.Interpreter> runsWith() {
    return Optional.of(SnippetRunner.Interpreter.PYTHON);
  }

  /** The real executable behind a shim, found on first use. */
  private static final class Interpreter {
    private volatile String resolved;

    String resolve(String shim) {
      String known = resolved;
      if (known == null) {
        synchronized (this) {
          if (resolved == null) {
            resolved = realExecutable(shim);
          }
          known = resolved;
        }
      }
      return known;
    }
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

  /** One python3 process over one chunk. */
  static List<Optional<Problem>> check(String python, List<String> snippets) throws IOException {
    if (snippets.isEmpty()) {
      return List.of();
    }
    byte[] input = JSON.writeValueAsBytes(snippets);
    // -I: ignore PYTHON* variables and the user's site; -W ignore: SyntaxWarnings are not our business
    Subprocess.Result result = Subprocess.run(List.of(python, "-I", "-W", "ignore", "-c", SCRIPT), input, TIMEOUT);
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
    return problems;
  }
}
