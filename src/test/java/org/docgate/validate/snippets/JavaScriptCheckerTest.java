package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docgate.markdown.MarkdownParser;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.snippets.JavaScriptChecker.Dialect;
import org.docgate.validate.snippets.run.RunSettings;
import org.docgate.validate.snippets.run.Sandbox;
import org.docgate.validate.snippets.run.SnippetRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JavaScript, TypeScript and TSX through Babel's parser: verdicts per dialect, the readings that keep documentation
 * excerpts from being reported, a mislabelled dialect, and what happens when node is missing, crashes or hangs.
 */
class JavaScriptCheckerTest {
  @TempDir
  Path tmp;

  private static JavaScriptChecker installed(Dialect dialect) {
    JavaScriptChecker c = JavaScriptChecker.onPath(dialect, VerdictCache.OFF);
    Tools.require("node with @babel/parser (node-babel7)", c.unavailable().isEmpty());
    return c;
  }

  private static Optional<Problem> verdict(Dialect dialect, String text) {
    Map<String, Optional<Problem>> v = installed(dialect).verdicts(List.of(text));
    assertThat(v).as("a verdict for " + text).containsKey(text);
    return v.get(text);
  }

  @Test
  void brokenJavaScriptIsASyntaxErrorAtItsLineAndColumnInPlainWords() {
    Problem p = verdict(Dialect.JAVASCRIPT, "const a = 1;\nconst b = {\n  items: [1, 2]\n  total: 2\n};\n").orElseThrow();
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isEqualTo(3);
    assertThat(p.message()).isEqualTo("javascript: unexpected token, expected ','");
    assertThat(verdict(Dialect.JAVASCRIPT, "foo()\nbar baz\n").orElseThrow().message())
        .isEqualTo("javascript: missing semicolon");
  }

  @Test
  void excerptsReadAsAModuleScriptExpressionMembersOrJsxPass() {
    for (String excerpt : List.of("import x from 'y';\nawait x();\n", "with (Math) { x = 010; }\n<!-- old -->\n",
        "{ a: 1, b: 2 }\n", "a: 1,\nb() { return 2; },\n", "constructor() {}\nmethod() {}\n",
        "<Header />\n<Main>text</Main>\n", "return value;\n", "route('a', './a.tsx'),\n",
        "{\"name\": \"docgate\", \"private\": true}\n", "@observable count = 0\n")) {
      assertThat(verdict(Dialect.JAVASCRIPT, excerpt)).as(excerpt).isEmpty();
    }
    assertThat(verdict(Dialect.TYPESCRIPT, "name: string;\nage?: number;\n")).isEmpty();
    assertThat(verdict(Dialect.TYPESCRIPT, "const n = <number>value;\n")).isEmpty();
    assertThat(verdict(Dialect.TSX, "const f = <T,>(x: T) => <div>{String(x)}</div>;\n")).isEmpty();
  }

  @Test
  void aJsBlockThatParsesOnlyAsTypeScriptIsNamedForIt() {
    JavaScriptChecker js = installed(Dialect.JAVASCRIPT);
    String flow = "const a = 1;\nconst b: number = a;\n";
    assertThat(js.verdicts(List.of(flow)).get(flow)).isEmpty();
    // TypeScript's own syntax: a type annotation alone parses as Flow, JavaScript with types (round 47)
    String text = "const a = load();\nconst b = a!.value as number;\n";
    Problem p = js.verdicts(List.of(text)).get(text).orElseThrow();
    assertThat(p.line()).isEqualTo(2);
    assertThat(js.foreign(text, p)).hasValueSatisfying(g -> {
      assertThat(g.language()).isEqualTo("TypeScript (an 'as' cast)");
      assertThat(g.label()).isEqualTo("ts");
      assertThat(g.firstLine()).isEqualTo(2);
    });
    JavaScriptChecker ts = installed(Dialect.TYPESCRIPT);
    String tsx = "const App = () => <Watermark content=\"x\" />;\n";
    assertThat(ts.foreign(tsx, ts.verdicts(List.of(tsx)).get(tsx).orElseThrow()))
        .hasValueSatisfying(g -> assertThat(g.label()).isEqualTo("tsx"));
  }

  @Test
  void aReplSessionIsReadByItsInputLinesLineForLine() {
    JavaScriptChecker js = new JavaScriptChecker(Dialect.JAVASCRIPT, Optional.empty(), Optional.empty(),
        VerdictCache.OFF);
    assertThat(js.textOf("> 1 +\n... 1\n2\n")).isEqualTo("  1 +\n    1\n\n");
    assertThat(js.textOf("const a = 1\n> b\n")).isEqualTo("const a = 1\n> b\n");
  }

  @Test
  void withoutNodeOrTheParserTheCheckerIsUnavailableAndChecksNothing() {
    JavaScriptChecker noNode = new JavaScriptChecker(Dialect.JAVASCRIPT, Optional.empty(),
        Optional.of(Path.of("/usr/share/nodejs/@babel/parser")), VerdictCache.OFF);
    JavaScriptChecker noParser = new JavaScriptChecker(Dialect.TYPESCRIPT, Optional.of("/usr/bin/node"),
        Optional.empty(), VerdictCache.OFF);
    for (JavaScriptChecker c : List.of(noNode, noParser)) {
      assertThat(c.unavailable()).hasValue("node with @babel/parser (Debian packages nodejs and node-babel7) is not"
          + " installed");
      assertThat(c.verdicts(List.of("let x = 1"))).isEmpty();
    }
  }

  @Test
  void aBlockIsUnverifiableAndCountedWhenNodeIsMissing() {
    SnippetCheckers checkers = new SnippetCheckers(List.of(new JavaScriptChecker(Dialect.JAVASCRIPT,
        Optional.empty(), Optional.empty(), VerdictCache.OFF)));
    Languages languages = SnippetRules.parseLanguages("languages.yaml",
        "languages:\n  javascript: {aliases: [js], checker: javascript}\n", checkers.kinds());
    SnippetValidator validator = new SnippetValidator(languages, checkers,
        new SnippetRunner(Sandbox.onPath(), RunSettings.defaults()));
    ValidationResult result = validator.validate(new MarkdownParser().parse("doc.md",
        "# Doc\n\n```js\nlet x = 1\n```\n\n```js\nlet = \n```\n"), null);
    assertThat(result.findings()).extracting(f -> f.line() + ":" + f.rule() + ":" + f.message()).containsExactly(
        "3:snippets/unverifiable:2 javascript snippets not verified: node with @babel/parser (Debian packages nodejs"
            + " and node-babel7) is not installed");
    assertThat(result.counters()).containsEntry("snippets.language.javascript.unverifiable", 2L);
  }

  @Test
  void aCrashedOrHungNodeLeavesItsTextsUncheckedNotPassed() throws IOException {
    Path parser = fakeParser();
    Path crashing = fakeNode("crash", "cat > /dev/null; echo null; exit 3");
    Path hanging = fakeNode("hang", "exec sleep 30");
    for (Path node : List.of(crashing, hanging)) {
      JavaScriptChecker c = new JavaScriptChecker(Dialect.JAVASCRIPT, Optional.of(node.toString()),
          Optional.of(parser), VerdictCache.OFF, Duration.ofSeconds(2));
      long start = System.nanoTime();
      assertThat(c.verdicts(List.of("let a = 1", "let b = 2"))).as(node.toString()).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }
  }

  @Test
  void aTextTheParserItselfFailedOnIsUncheckedAndTheOthersAreJudged() throws IOException {
    Path parser = fakeParser();
    Path node = fakeNode("partial", "cat > /dev/null; echo null; echo '[1,1,\"stack overflow\",\"failed\"]'");
    assertThat(new JavaScriptChecker(Dialect.JAVASCRIPT, Optional.of(node.toString()), Optional.of(parser),
        VerdictCache.OFF).verdicts(List.of("let a = 1", "((((deep"))).containsOnlyKeys("let a = 1");
  }

  private Path fakeParser() throws IOException {
    Path parser = tmp.resolve("parser");
    Files.createDirectories(parser.resolve("lib"));
    Files.writeString(parser.resolve("lib/index.js"), "");
    return parser;
  }

  private Path fakeNode(String name, String body) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }
}
