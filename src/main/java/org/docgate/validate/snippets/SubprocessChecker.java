package org.docgate.validate.snippets;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checker whose verdicts come from one program run over chunks of the corpus's texts (bash, python3, gofmt): its
 * texts join the corpus batch named after its {@link BatchRunner}, it is unavailable when the program was not found,
 * and each verdict is the runner's answer. A subclass only says how one process reads one chunk (the runner it
 * passes) and what it adds of its own language (the text it reads, placeholders, hints, what a failing block is).
 */
abstract class SubprocessChecker implements SnippetChecker {
  private final String kind;
  private final BatchRunner<Optional<Problem>> runner;
  private final String program;

  /** @param program the program as the "not installed" reason names it ({@code python3}, {@code gofmt (Go)}) */
  SubprocessChecker(String kind, BatchRunner<Optional<Problem>> runner, String program) {
    this.kind = kind;
    this.runner = runner;
    this.program = program;
  }

  @Override
  public final String kind() {
    return kind;
  }

  @Override
  public final Optional<String> unavailable() {
    return runner.program().isPresent() ? Optional.empty() : Optional.of(program + " is not installed");
  }

  @Override
  public final Optional<String> batch() {
    return Optional.of(runner.name());
  }

  @Override
  public List<BatchRunner<?>> runners() {
    return List.of(runner);
  }

  /** Each distinct text's first error or empty; a text missing from the map could not be checked. */
  @Override
  public final Map<String, Optional<Problem>> verdicts(Collection<String> texts) {
    return runner.run(texts);
  }

  /** The runner, for a checker that shares it (the console checker reads its texts into shell's bash batch). */
  final BatchRunner<Optional<Problem>> runner() {
    return runner;
  }
}
