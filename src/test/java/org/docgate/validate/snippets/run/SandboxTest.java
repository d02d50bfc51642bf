package org.docgate.validate.snippets.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.docgate.finding.Finding;
import org.docgate.markdown.CodeBlock;
import org.docgate.validate.snippets.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile snippets end as findings with their reason, within their limits, and leave the host alone. Skipped where
 * bubblewrap does not work (failing under CI=true).
 */
class SandboxTest {
  private static final Optional<SnippetRunner.Interpreter> BASH = Optional.of(SnippetRunner.Interpreter.BASH);
  private static final Optional<SnippetRunner.Interpreter> PYTHON = Optional.of(SnippetRunner.Interpreter.PYTHON);

  private static final RunSettings TIGHT = new RunSettings(true, Duration.ofSeconds(4), 2, 256, 32, 8, 4);
  private static final Sandbox SANDBOX = Sandbox.onPath();
  private final SnippetRunner runner = new SnippetRunner(SANDBOX, TIGHT);

  @BeforeAll
  static void sandboxWorksHere() {
    Optional<String> why = SANDBOX.unavailable();
    Tools.require("a working bubblewrap sandbox" + why.map(w -> " (" + w + ")").orElse(""), why.isEmpty());
  }

  private Finding run(Optional<SnippetRunner.Interpreter> checker, String text) {
    return runWithOutput(checker, text, null).finding().orElseThrow(() -> new AssertionError("no finding"));
  }

  private SnippetRunner.Ran runWithOutput(Optional<SnippetRunner.Interpreter> checker, String text, String expected) {
    CodeBlock block = new CodeBlock(true, "bash {run}", text, 10, 12, true);
    Optional<CodeBlock> output = expected == null ? Optional.empty()
        : Optional.of(new CodeBlock(true, "output", expected, 14, 16, true));
    return runner.run("doc.md", block, checker, text, output);
  }

  @Test
  void aSnippetThatPrintsTheExpectedOutputPasses() {
    SnippetRunner.Ran ran = runWithOutput(BASH, "printf 'a  b\\n\\nc\\n'; echo \"$HOME\"", "a b\n\nc\n/tmp");
    assertThat(ran.finding()).isEmpty();
    assertThat(ran.outcome()).isEqualTo(SnippetRunner.RunOutcome.PASSED);
  }

  @Test
  void otherOutputIsAMismatchOnTheOutputBlock() {
    SnippetRunner.Ran ran = runWithOutput(PYTHON, "print('hello')", "goodbye");
    assertThat(ran.outcome()).isEqualTo(SnippetRunner.RunOutcome.MISMATCH);
    assertThat(ran.finding().orElseThrow().toString()).isEqualTo("doc.md:14:1: error snippets/output-mismatch:"
        + " output differs from the run: line 1 expected 'goodbye' but the snippet printed 'hello'");
  }

  @Test
  void theNetworkIsUnreachable() {
    Finding shell = run(BASH, "exec 3<>/dev/tcp/1.1.1.1/53 && echo connected");
    assertThat(shell.rule()).isEqualTo("snippets/run-failed");
    assertThat(shell.message()).contains("Network is unreachable");
    Finding python = run(PYTHON,
        "import socket\nsocket.create_connection(('127.0.0.53', 53), timeout=2)\nprint('connected')");
    assertThat(python.rule()).isEqualTo("snippets/run-failed");
  }

  @Test
  void writingOutsideItsTmpFailsAndTheHostIsUntouched() throws Exception {
    Path outside = Path.of("/tmp/docgate-sandbox-escape-" + ProcessHandle.current().pid());
    Path here = Path.of("").toAbsolutePath().resolve("sandbox-escape");
    Finding f = run(BASH, "echo x > /usr/escape; echo x > " + here + "; echo x > " + outside
        + " && cat " + outside + " && echo x > /etc/escape");
    assertThat(f.rule()).isEqualTo("snippets/run-failed");
    assertThat(f.message()).contains("Read-only file system");
    assertThat(here).doesNotExist();
    assertThat(outside).doesNotExist(); // the sandbox's /tmp is its own tmpfs
    assertThat(Path.of("/usr/escape")).doesNotExist();
  }

  @Test
  void aForkBombStallsAtTheProcessLimitAndIsKilledAtTheTimeout() {
    long start = System.nanoTime();
    Finding f = run(BASH, ":(){ :|:& };:");
    assertThat(f.rule()).isEqualTo("snippets/run-timeout");
    assertThat(f.message()).contains("hit the process limit (32 processes)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(sandboxProcesses()).isZero();
  }

  @Test
  void anEndlessLoopDiesAtTheCpuLimit() {
    long start = System.nanoTime();
    Finding f = run(BASH, "while true; do :; done");
    assertThat(f.rule()).isIn("snippets/run-failed", "snippets/run-timeout");
    assertThat(f.message()).containsAnyOf("CPU limit of 2 s", "wall-clock limit");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void allocatingFourGigabytesHitsTheMemoryLimit() {
    Finding f = run(PYTHON, "b = bytearray(4 * 1024 ** 3)\nprint(len(b))");
    assertThat(f.rule()).isEqualTo("snippets/run-failed");
    assertThat(f.message()).contains("hit the memory limit (256 MB)");
  }

  @Test
  void floodingOutputIsCutAndKilled() {
    Finding f = run(BASH, "yes");
    assertThat(f.rule()).isEqualTo("snippets/run-failed");
    assertThat(f.message()).contains("more than 8 KB of output");
  }

  @Test
  void atMostTwoRunsAreAliveAtOnce() throws Exception {
    // four runs started together, each printing its start and end time (the host's clock): at no moment are more than
    // two inside their sandbox, whatever the callers' threads (the memory bound is per run times two)
    ExecutorService four = Executors.newFixedThreadPool(4);
    try {
      List<Future<Sandbox.Result>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(four.submit(() -> SANDBOX.run(List.of("/usr/bin/bash", "-c", "date +%s%N; sleep 1; date +%s%N"),
            TIGHT)));
      }
      List<long[]> spans = new ArrayList<>();
      for (Future<Sandbox.Result> run : runs) {
        Sandbox.Result r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.ok()).as(r.stderr()).isTrue();
        spans.add(r.stdout().lines().mapToLong(Long::parseLong).toArray());
      }
      long mostAtOnce = spans.stream().mapToLong(s -> spans.stream()
          .filter(o -> o[0] <= s[0] && s[0] < o[1]).count()).max().orElseThrow();
      assertThat(mostAtOnce).isLessThanOrEqualTo(Sandbox.PARALLEL_RUNS);
    } finally {
      four.shutdownNow();
    }
  }

  @Test
  void aFailingCommandNamesItsStatusAndLastErrorLine() {
    Finding f = run(BASH, "ls /nonexistent");
    assertThat(f.toString()).isEqualTo("doc.md:10:1: error snippets/run-failed: snippet run failed: it exited with"
        + " status 2: ls: cannot access '/nonexistent': No such file or directory");
  }

  @Test
  void withoutASandboxNothingRuns() {
    Sandbox none = new Sandbox(Optional.empty(), Optional.empty(), Optional.empty(), false);
    SnippetRunner refusing = new SnippetRunner(none, TIGHT);
    Path marker = Path.of("/tmp/docgate-never-" + ProcessHandle.current().pid());
    SnippetRunner.Ran ran = refusing.run("doc.md", new CodeBlock(true, "sh {run}", "touch " + marker, 3, 5, true),
        BASH, "touch " + marker, Optional.empty());
    assertThat(ran.outcome()).isEqualTo(SnippetRunner.RunOutcome.REFUSED);
    assertThat(ran.finding().orElseThrow().message()).contains("bubblewrap (bwrap) is not installed")
        .contains("never runs snippets on the host");
    assertThat(Files.exists(marker)).isFalse();
  }

  /** Processes left of the sandbox users (uids from Sandbox.UID_BASE); 0 when docgate is not root. */
  private static long sandboxProcesses() {
    return ProcessHandle.allProcesses().filter(p -> p.info().user()
        .map(u -> u.matches("\\d+") && Integer.parseInt(u) >= Sandbox.UID_BASE).orElse(false)).count();
  }
}
