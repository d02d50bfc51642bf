package org.docgate.validate.snippets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.docgate.markdown.CodeBlock;
import org.docgate.process.Subprocess;

/**
 * JavaScript, TypeScript and TSX snippets with Babel's parser ({@code @babel/parser}, Debian's {@code node-babel7}) on
 * {@code node}: one process per chunk of {@value #CHUNK} distinct texts reads them as JSON lines on stdin and answers
 * one JSON line each ({@code babel-check.js}, packaged next to this class). Nothing is executed.
 *
 * <p>A text passes when one reading parses: a module, a script (sloppy mode), an expression shown alone (JSON, an object
 * literal), a chain's next steps ({@code .andThen(...)}), object members, class members, JSX siblings, and in TypeScript fences interface members. JSX is allowed in
 * JavaScript fences (React's docs write it in ```js). A ```js block that parses only as TypeScript, or a ```ts block
 * only as TSX, is mislabelled ({@code snippets/wrong-language}), not broken. Otherwise the reading that got furthest
 * reports its error.
 */
final class JavaScriptChecker extends SubprocessChecker {
  static final int CHUNK = 2000;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SCRIPT = script();
  /** Where Debian ({@code node-babel7}) and npm's global installs put the parser. */
  private static final List<Path> PARSER_HOMES = List.of(Path.of("/usr/share/nodejs/@babel/parser"),
      Path.of("/usr/lib/node_modules/@babel/parser"), Path.of("/usr/local/lib/node_modules/@babel/parser"));
  /** How a verdict says "parses only as the other dialect" (the fourth element of the script's answer). */
  private static final String ONLY_AS = " parses only as ";
  /** A Node.js REPL line: {@code > expression}, continued by {@code ... }. */
  private static final Pattern REPL_INPUT = Pattern.compile("^(?:> |\\.\\.\\. ).*");

  /**
   * Fences of JavaScript or TypeScript, whichever dialect (the first words languages.yaml gives the three dialects'
   * languages): one program's pieces may be labelled ```javascript and ``` js.
   */
  private static final Set<String> SCRIPT_FENCES = Set.of("js", "javascript", "node", "mjs", "cjs", "jsx", "ts",
      "typescript", "tsx");

  private static final Pattern ESLINT_SKIP = Pattern.compile("<!--\\s*eslint-skip\\s*-->");
  private static final Pattern KEYWORD_LINE = Pattern.compile("^\\s*(?:export|import|const|let|var|function|class|"
      + "return|await|async|if|for|while|new|throw|try|interface|type|declare|enum)\\b");

  /** The three dialects: the checker kind and what a fence of it may hold. */
  enum Dialect {
    JAVASCRIPT("javascript", "JavaScript", "js"),
    TYPESCRIPT("typescript", "TypeScript", "ts"),
    TSX("tsx", "TSX", "tsx");

    final String kind;
    final String title;
    final String label;

    Dialect(String kind, String title, String label) {
      this.kind = kind;
      this.title = title;
      this.label = label;
    }

    static Dialect named(String kind) {
      for (Dialect d : values()) {
        if (d.kind.equals(kind)) {
          return d;
        }
      }
      throw new IllegalArgumentException(kind);
    }
  }

  JavaScriptChecker(Dialect dialect, Optional<String> node, Optional<Path> parser, VerdictCache cache) {
    this(dialect, node, parser, cache, TIMEOUT);
  }

  /** @param timeout how long one node process may take over its chunk (then its texts stay unchecked) */
  JavaScriptChecker(Dialect dialect, Optional<String> node, Optional<Path> parser, VerdictCache cache,
      Duration timeout) {
    super(dialect.kind, runner(dialect, parser.isPresent() ? node : Optional.empty(), parser, cache, timeout),
        "node with @babel/parser (Debian packages nodejs and node-babel7)");
  }

  static JavaScriptChecker onPath(Dialect dialect, VerdictCache cache) {
    return new JavaScriptChecker(dialect, Subprocess.find("node").or(() -> Subprocess.find("nodejs")), parserHome(),
        cache);
  }

  /** The installed {@code @babel/parser}'s folder, if any. */
  static Optional<Path> parserHome() {
    return PARSER_HOMES.stream().filter(p -> Files.isRegularFile(p.resolve("lib/index.js"))).findFirst();
  }

  private static BatchRunner<Optional<Problem>> runner(Dialect dialect, Optional<String> node, Optional<Path> parser,
      VerdictCache cache, Duration timeout) {
    return new BatchRunner<>(dialect.kind, node, CHUNK,
        (BatchRunner.Chunk<Optional<Problem>>) (program, chunk) -> check(program, parser.orElseThrow(), dialect,
            chunk, timeout))
        .cachedIn(cache, "-e\n" + SCRIPT + "\n" + dialect.kind + "\n" + VerdictCodecs.FORMAT, VerdictCodecs.SYNTAX,
            program -> VerdictCache.programIdentity(program).flatMap(n -> parser
                .flatMap(p -> VerdictCache.programIdentity(p.resolve("lib/index.js").toString()))
                .map(p -> n + " " + p)));
  }

  /**
   * eslint-plugin-markdown's {@code <!-- eslint-skip -->} (Node.js's docs put it before output shown as code); a piece
   * of a larger program ({@link Balance}).
   */
  @Override
  public Optional<String> exempt(CodeBlock block, List<CodeBlock> blocks) {
    if (ESLINT_SKIP.matcher(block.commentBefore()).find()) {
      return Optional.of("block marked <!-- eslint-skip --> before it");
    }
    Balance b = Balance.of(block.body());
    if (b.closesEarlier()) {
      return Optional.of("piece of a program split over several blocks (it closes brackets opened before it)");
    }
    if (b.leftOpen() > 0) {
      int at = blocks.indexOf(block);
      for (int i = at + 1; at >= 0 && i < blocks.size(); i++) {
        CodeBlock next = blocks.get(i);
        if (SCRIPT_FENCES.contains(next.language()) && Balance.of(next.body()).closesEarlier()) {
          return Optional.of("piece of a program split over several blocks (it leaves brackets open that a later "
              + "block closes)");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A block's brackets, strings, template literals and comments skipped: whether it closes brackets it never opened,
   * each such line starting with its closing bracket ({@code }).apply(null, deps);} after a {@code <details>}
   * summary), and how many it leaves open. webpack's generated examples show each bundle in such pieces (judged after
   * round 26: 95 "unexpected token" on them). A bracket too many inside a line ({@code return navigate('/'));}) makes
   * no piece: that is broken code.
   */
  record Balance(boolean closesEarlier, int leftOpen) {
    static Balance of(String code) {
      int depth = 0;
      int lineBalance = 0;
      boolean lineStarted = false;
      boolean lineStartsWithCloser = false;
      boolean wentBelowZero = false;
      boolean strayCloser = false;
      int n = code.length();
      for (int i = 0; i <= n; i++) {
        char c = i < n ? code.charAt(i) : '\n';
        if (c == '\n') {
          strayCloser |= lineBalance < 0 && !lineStartsWithCloser;
          lineBalance = 0;
          lineStarted = false;
          lineStartsWithCloser = false;
          continue;
        }
        if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
          while (i + 1 < n && code.charAt(i + 1) != '\n') {
            i++;
          }
          continue;
        }
        if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
          int end = code.indexOf("*/", i + 2);
          i = end < 0 ? n : end + 1;
          continue;
        }
        if (Character.isWhitespace(c)) {
          continue;
        }
        boolean first = !lineStarted;
        lineStarted = true;
        if (c == '"' || c == '\'' || c == '`') {
          int j = i + 1;
          while (j < n && code.charAt(j) != c && (c == '`' || code.charAt(j) != '\n')) {
            j += code.charAt(j) == '\\' ? 2 : 1;
          }
          i = Math.min(j, n);
          continue;
        }
        if (c == '{' || c == '(' || c == '[') {
          depth++;
          lineBalance++;
        } else if (c == '}' || c == ')' || c == ']') {
          lineStartsWithCloser |= first;
          depth--;
          lineBalance--;
          wentBelowZero |= depth < 0;
        }
      }
      return strayCloser ? new Balance(false, 0) : new Balance(wentBelowZero, Math.max(0, depth));
    }
  }

  @Override
  public Placeholders.Style placeholders() {
    return Placeholders.Style.SCRIPT;
  }

  /**
   * A Node.js REPL session ({@code > 1 + 1} then {@code 2}) by its input lines, the prompts blanked and output lines
   * emptied (line for line); otherwise the body.
   */
  @Override
  public String textOf(String body) {
    String first = body.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    if (!first.startsWith("> ")) {
      return body;
    }
    StringBuilder out = new StringBuilder();
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      out.append(REPL_INPUT.matcher(l).matches() ? " ".repeat(l.indexOf(' ') + 1) + l.substring(l.indexOf(' ') + 1)
          : "");
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  @Override
  public Optional<LanguageGuess.Guess> foreign(String body, Problem problem) {
    int at = problem.message().indexOf(ONLY_AS);
    if (at >= 0) {
      String what = problem.message().substring(at + ONLY_AS.length()); // "TypeScript (a type annotation)"
      Dialect other = what.startsWith(Dialect.TSX.title) ? Dialect.TSX : Dialect.TYPESCRIPT;
      return Optional.of(new LanguageGuess.Guess(what, other.label, Set.of(problem.line())));
    }
    return foreign(body, problem.line());
  }

  /**
   * What the block looks like instead, its lines that start with a JavaScript keyword left out: {@code export} and
   * {@code import} are shell commands too, and {@code export interface X extends Y {} } is not one.
   */
  @Override
  public Optional<LanguageGuess.Guess> foreign(String body, int problemLine) {
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (KEYWORD_LINE.matcher(lines[i]).find()) {
        lines[i] = "";
      }
    }
    return LanguageGuess.inCode(String.join("\n", lines), "//", problemLine);
  }

  /** One node process over one chunk. */
  static List<Optional<Problem>> check(String node, Path parser, Dialect dialect, List<String> texts,
      Duration timeout) throws IOException {
    if (texts.isEmpty()) {
      return List.of();
    }
    StringBuilder input = new StringBuilder();
    for (String t : texts) {
      input.append(JSON.writeValueAsString(t)).append('\n');
    }
    Subprocess.Result result = Subprocess.run(List.of(node, "--no-warnings", "-e", SCRIPT, parser.toString(),
        dialect.kind), input.toString().getBytes(StandardCharsets.UTF_8), timeout);
    List<String> lines = result.stdout().lines().toList();
    if (lines.size() != texts.size()) {
      throw new IOException("node answered " + lines.size() + " results for " + texts.size() + " snippets (exit "
          + result.exitCode() + ")");
    }
    List<Optional<Problem>> out = new ArrayList<>();
    for (String line : lines) {
      out.add(verdict(dialect, JSON.readTree(line)));
    }
    return out;
  }

  /** One answer of the script: null passed; a problem; null (not Optional) when the parser itself failed. */
  private static Optional<Problem> verdict(Dialect dialect, JsonNode a) {
    if (a.isNull()) {
      return Optional.empty();
    }
    int line = a.get(0).asInt(1);
    int column = a.get(1).asInt(1);
    String message = a.get(2).asText();
    if (a.size() < 4) {
      return Optional.of(Problem.syntax(line, column, dialect.kind + ": " + message));
    }
    String as = a.get(3).asText();
    if (as.equals("failed")) {
      return null; // the parser crashed on this text: unchecked, not passed
    }
    return Optional.of(Problem.syntax(line, column, dialect.kind + ":" + ONLY_AS
        + Dialect.named(as).title + " (" + message + ")"));
  }

  private static String script() {
    try (InputStream in = JavaScriptChecker.class.getResourceAsStream("babel-check.js")) {
      if (in == null) {
        throw new IllegalStateException("babel-check.js is missing from docgate's resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
