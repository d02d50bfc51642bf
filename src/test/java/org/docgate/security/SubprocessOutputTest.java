package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.security.SandboxMemoryTest.runFindings;
import static org.docgate.security.SandboxMemoryTest.runStats;
import static org.docgate.security.SandboxMemoryTest.scan;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.docgate.BusyCommonPool;
import org.docgate.finding.Finding;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Untrusted corpus text: a snippet (run, or only parsed by a checker process) may flood its output. Every child's
 * output is read by threads of its own from its start, never by the common ForkJoin pool, which is kept busy here as a
 * scan keeps it (one worker on 2 CPUs): a flood on either stream is cut at the cap at once, a run beside a slow one
 * gets its own output, and checker processes with large outputs finish instead of blocking on full pipes.
 */
class SubprocessOutputTest {
  @TempDir
  Path corpus;

  @Test
  void anStderrFloodIsCutAtTheCapNotRunToTheTimeout() throws Exception {
    scan(Files.createDirectory(corpus.resolve("warm-up")), "quiet.md", "# Quiet\n\n```bash {run}\ntrue\n```\n");
    Path dir = Files.createDirectory(corpus.resolve("flood"));
    try (BusyCommonPool busy = new BusyCommonPool()) {
      long start = System.nanoTime();
      ScanReport report = scan(dir, "flood.md", "# Flood\n\n```bash {run}\nyes 'flood' >&2\n```\n");
      assertThat(runFindings(report)).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("snippets/run-failed");
        assertThat(f.message()).isEqualTo("snippet run failed: it wrote more than 64 KB of output and was killed");
      });
      // the run's wall-clock limit is 10 s: a flood cut at the cap ends before it (the scan after a warm-up included)
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void aCorrectSnippetRunBesideASlowOneGetsItsOwnOutput() throws Exception {
    Path slow = Files.createDirectory(corpus.resolve("slow"));
    Path fast = Files.createDirectory(corpus.resolve("fast"));
    ExecutorService two = Executors.newFixedThreadPool(2);
    try (BusyCommonPool busy = new BusyCommonPool()) {
      var slowScan = two.submit(() -> scan(slow, "slow.md",
          "# Slow\n\n```bash {run}\nsleep 4; echo slow\n```\n\n```output\nslow\n```\n"));
      var fastScan = two.submit(() -> scan(fast, "fast.md",
          "# Fast\n\n```bash {run}\necho hello\n```\n\n```output\nhello\n```\n"));
      for (ScanReport r : new ScanReport[] {fastScan.get(60, TimeUnit.SECONDS), slowScan.get(60, TimeUnit.SECONDS)}) {
        assertThat(runFindings(r)).isEmpty();
        assertThat(runStats(r)).isEqualTo(Map.of("passed", 1L));
      }
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void gofmtOverManyChunksWithLargeOutputsFinishesOnAOneWorkerPool() throws Exception {
    requireGofmt();
    // 600 distinct Go snippets with 40 errors each: 3 gofmt processes at once, each writing over a MB of errors
    StringBuilder md = new StringBuilder("# Go\n");
    for (int i = 0; i < 600; i++) {
      md.append("\n```go\nfunc f").append(i).append("() {\n").append("\tx := := ").append(i).append("\n".repeat(1))
          .append("\ty := := 1\n".repeat(39)).append("}\n```\n");
    }
    Files.writeString(corpus.resolve("go.md"), md);
    try (BusyCommonPool busy = new BusyCommonPool(); ForkJoinPool oneWorker = new ForkJoinPool(1)) {
      long start = System.nanoTime();
      ScanReport report = CompletableFuture.supplyAsync(() -> Scans.run(corpus), oneWorker).get(90, TimeUnit.SECONDS);
      assertThat(report.findings().stream().filter(f -> f.rule().equals("snippets/syntax")))
          .hasSize(600).allSatisfy(f -> assertThat(f.message()).contains("go: "));
      // each stall on a full pipe lasted until the checker's 120 s timeout
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }
  }

  private static void requireGofmt() {
    boolean present = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "gofmt")))
        || Files.isExecutable(Path.of("/usr/lib/go/bin/gofmt"));
    if ("true".equals(System.getenv("CI"))) {
      assertThat(present).as("gofmt is required in CI (.ci/run installs golang-go)").isTrue();
    }
    assumeTrue(present, "gofmt is not installed here: skipped");
  }
}
