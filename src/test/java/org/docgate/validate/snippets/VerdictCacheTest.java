package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.docgate.config.DeclaredRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent verdict cache of the subprocess checkers: a text judged once by the same program with the same
 * arguments is not sent again; another version, other arguments, a damaged line or a folder inside the corpus make it
 * check again. The "checker" here records what it was asked, so each test says which texts reached a process.
 */
class VerdictCacheTest {
  private static final DeclaredRules RULES = DeclaredRules.of("snippets");

  @TempDir Path home;
  @TempDir Path elsewhere;

  /** A checker that fails texts containing "fi fi" and records every text a "process" got. */
  private final List<String> checked = Collections.synchronizedList(new ArrayList<>());

  private BatchRunner<Optional<Problem>> runner(VerdictCache cache, String version, String arguments)
      throws IOException {
    Path program = Files.writeString(elsewhere.resolve("fake-bash"), "#!/bin/sh\n");
    BatchRunner<Optional<Problem>> plain = new BatchRunner<>("bash", Optional.of(program.toString()), 2,
        (BatchRunner.Chunk<Optional<Problem>>) (p, chunk) -> {
          checked.addAll(chunk);
          return chunk.stream().map(t -> t.contains("fi fi")
              ? Optional.of(Problem.syntax(2, 3, "bash: syntax error near `fi'")) : Optional.<Problem>empty()).toList();
        });
    return plain.cachedIn(cache, arguments, VerdictCodecs.SYNTAX, p -> Optional.of(version));
  }

  @Test
  void aSecondRunSendsNoTextItAlreadyJudgedAndGetsTheSameVerdicts() throws IOException {
    List<String> texts = List.of("echo a", "if x; then y; fi fi", "echo b");
    VerdictCache cache = VerdictCache.in(home);
    Map<String, Optional<Problem>> first = runner(cache, "bash 5.2", "-n").run(texts);
    assertThat(checked).containsExactlyInAnyOrderElementsOf(texts);
    assertThat(cache.save()).hasSize(1);
    assertThat(cache.save()).as("nothing new: not written again").isEmpty();

    checked.clear();
    BatchRunner<Optional<Problem>> again = runner(VerdictCache.in(home), "bash 5.2", "-n");
    Map<String, Optional<Problem>> second = again.run(List.of("echo a", "if x; then y; fi fi", "echo c"));
    assertThat(checked).containsExactly("echo c");
    assertThat(again.cached()).isEqualTo(2);
    assertThat(second.get("if x; then y; fi fi")).isEqualTo(first.get("if x; then y; fi fi"))
        .contains(Problem.syntax(2, 3, "bash: syntax error near `fi'"));
    assertThat(second.get("echo a")).isEmpty();
    assertThat(second.get("echo c")).isEmpty();
  }

  @Test
  void anotherVersionOfTheProgramOrOtherArgumentsCheckEverythingAgain() throws IOException {
    learn(List.of("echo a"));

    checked.clear();
    runner(VerdictCache.in(home), "bash 5.3", "-n").run(List.of("echo a"));
    assertThat(checked).as("new version").containsExactly("echo a");

    checked.clear();
    runner(VerdictCache.in(home), "bash 5.2", "-n --posix").run(List.of("echo a"));
    assertThat(checked).as("other arguments").containsExactly("echo a");

    checked.clear();
    runner(VerdictCache.in(home), "bash 5.2", "-n").run(List.of("echo a"));
    assertThat(checked).as("same program and arguments").isEmpty();
  }

  @Test
  void theProgramsIdentityFollowsItsFile() throws IOException {
    Path program = Files.writeString(elsewhere.resolve("prog"), "one");
    Optional<String> before = VerdictCache.programIdentity(program.toString());
    Files.writeString(program, "a longer build");
    assertThat(VerdictCache.programIdentity(program.toString())).isPresent().isNotEqualTo(before);
    assertThat(VerdictCache.programIdentity(elsewhere.resolve("missing").toString())).isEmpty();
  }

  @Test
  void aDamagedOrPartialLineIsAMissAndTheOthersStillHit() throws IOException {
    learn(List.of("echo a", "echo b", "fi fi"));
    Path file = files().get(0);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    String a = VerdictCache.hash("echo a");
    String bad = VerdictCache.hash("fi fi");
    lines.replaceAll(l -> l.startsWith(a) ? a + "\t[1, 2" : l.startsWith(bad) ? bad + "\t[1,1,\"x\",\"y\"]" : l);
    lines.add("0123\tnot a hash");
    // a write cut short: the last line has no end
    Files.writeString(file, String.join("\n", lines) + "\n" + VerdictCache.hash("echo b").substring(0, 20),
        StandardCharsets.UTF_8);

    checked.clear();
    VerdictCache cache = VerdictCache.in(home);
    Map<String, Optional<Problem>> out = runner(cache, "bash 5.2", "-n").run(List.of("echo a", "echo b", "fi fi"));
    assertThat(checked).containsExactlyInAnyOrder("echo a", "fi fi");
    assertThat(out.get("fi fi")).isPresent();
    cache.save();

    checked.clear();
    runner(VerdictCache.in(home), "bash 5.2", "-n").run(List.of("echo a", "echo b", "fi fi"));
    assertThat(checked).as("the damaged lines were replaced").isEmpty();
  }

  @Test
  void aFileOfAnotherIdentityUnderTheSameNameIsNotRead() throws IOException {
    learn(List.of("echo a"));
    Path file = files().get(0);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.set(0, VerdictCache.HEADER + "bash\\nsomething else");
    Files.write(file, lines, StandardCharsets.UTF_8);

    checked.clear();
    runner(VerdictCache.in(home), "bash 5.2", "-n").run(List.of("echo a"));
    assertThat(checked).containsExactly("echo a");
  }

  @Test
  void aCacheFolderInsideTheCorpusIsNeitherReadNorWritten() throws IOException {
    learn(List.of("echo a"));
    VerdictCache inside = VerdictCache.in(home.resolve("sub"));
    inside.refuseInside(home);
    checked.clear();
    BatchRunner<Optional<Problem>> r = runner(inside, "bash 5.2", "-n");
    r.run(List.of("echo b"));
    assertThat(inside.save()).isEmpty();
    assertThat(home.resolve("sub")).doesNotExist();

    VerdictCache corpusIsTheCache = VerdictCache.in(home);
    corpusIsTheCache.refuseInside(home);
    runner(corpusIsTheCache, "bash 5.2", "-n").run(List.of("echo a"));
    assertThat(checked).as("not read either").containsExactly("echo b", "echo a");
  }

  @Test
  void offKeepsNothing() throws IOException {
    BatchRunner<Optional<Problem>> r = runner(VerdictCache.OFF, "bash 5.2", "-n");
    r.run(List.of("echo a"));
    r.run(List.of("echo a"));
    assertThat(checked).containsExactly("echo a", "echo a");
    assertThat(VerdictCache.OFF.save()).isEmpty();
  }

  @Test
  void twoRunsWritingTheSameFileKeepBothRunsVerdicts() throws IOException {
    VerdictCache one = VerdictCache.in(home);
    VerdictCache two = VerdictCache.in(home);
    BatchRunner<Optional<Problem>> r1 = runner(one, "bash 5.2", "-n");
    BatchRunner<Optional<Problem>> r2 = runner(two, "bash 5.2", "-n");
    r1.run(List.of("echo a"));
    r2.run(List.of("echo b"));
    one.save();
    two.save();
    checked.clear();
    runner(VerdictCache.in(home), "bash 5.2", "-n").run(List.of("echo a", "echo b"));
    assertThat(checked).isEmpty();
  }

  @Test
  void verdictsAndHintsReadBackAsTheyWereWritten() {
    Optional<Problem> p = Optional.of(Problem.syntax(3, 7, "bash: unexpected \"end\"\tof\nfile"));
    assertThat(VerdictCodecs.SYNTAX.read(VerdictCodecs.SYNTAX.write(p))).isEqualTo(p);
    assertThat(VerdictCodecs.SYNTAX.write(p)).doesNotContain("\n");
    assertThat(VerdictCodecs.SYNTAX.read(VerdictCodecs.SYNTAX.write(Optional.empty()))).isEmpty();
    var codec = VerdictCodecs.hints(RULES.rule("snippets/shellcheck"));
    List<Hint> hints = List.of(new Hint(RULES.rule("snippets/shellcheck"), 1, 2, "shellcheck SC2086 (warning): quote"),
        new Hint(RULES.rule("snippets/shellcheck"), 4, 1, "shellcheck SC2155 (warning): declare"));
    assertThat(codec.read(codec.write(hints))).isEqualTo(hints);
    assertThat(codec.read(codec.write(List.of()))).isEmpty();
  }

  /** One run that checks these texts and saves what it learnt. */
  private void learn(List<String> texts) throws IOException {
    VerdictCache cache = VerdictCache.in(home);
    runner(cache, "bash 5.2", "-n").run(texts);
    assertThat(cache.save()).hasSize(1);
  }

  private List<Path> files() throws IOException {
    Path dir = home.resolve("snippets");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
    }
  }
}
