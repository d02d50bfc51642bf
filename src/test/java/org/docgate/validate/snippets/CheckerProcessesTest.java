package org.docgate.validate.snippets;

import org.docgate.process.Subprocess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.docgate.BusyCommonPool;
import org.junit.jupiter.api.Test;

/**
 * Checker processes never wait for the common ForkJoin pool: their output is read by threads of their own and their
 * chunks run on a pool of their own, so a busy common pool (one worker on 2 CPUs) cannot leave a child blocked on a
 * full pipe until its timeout (issue 17: a 524 s scan of k8s-enhancements).
 */
class CheckerProcessesTest {
  private static final List<String> THREE_MB = List.of("bash", "-c", "head -c 3000000 /dev/zero | tr '\\0' x");

  @Test
  void aCheckerWritingMoreThanAPipeHoldsFinishesWhileTheCommonPoolIsBusy() throws Exception {
    try (BusyCommonPool busy = new BusyCommonPool()) {
      Subprocess.Result r = Subprocess.run(THREE_MB, new byte[0], Duration.ofSeconds(20));
      assertThat(r.exitCode()).isZero();
      assertThat(r.stdout()).hasSize(3_000_000);
      assertThat(Duration.ofNanos(r.nanos())).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void aCheckerWritingPastTheCapIsKilledAtOnce() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> Subprocess.run(List.of("yes"), new byte[0], Duration.ofSeconds(30), false, 1024 * 1024))
        .isInstanceOf(IOException.class).hasMessage("yes wrote more than 1024 KB of output and was killed");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void chunksRunSideBySideWhileTheCommonPoolIsBusy() throws Exception {
    // each chunk waits for the other: they pass only when two run at the same time
    CyclicBarrier both = new CyclicBarrier(2);
    try (BusyCommonPool busy = new BusyCommonPool()) {
      Map<String, String> checked = ChunkedBatch.run(List.of("a", "b"), 1, chunk -> {
        try {
          both.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
          throw new IOException("ran alone", e);
        }
        return Map.of(chunk.get(0), "checked on " + Thread.currentThread().getName());
      });
      assertThat(checked).containsOnlyKeys("a", "b");
      assertThat(checked.values()).allSatisfy(v -> assertThat(v).startsWith("checked on docgate-checker-"));
    }
  }

  @Test
  void manyCheckersWithLargeOutputAllFinishOnAOneWorkerPool() throws Exception {
    List<String> texts = java.util.stream.IntStream.range(0, 8).mapToObj(i -> "text " + i).toList();
    try (BusyCommonPool busy = new BusyCommonPool();
        var oneWorker = new java.util.concurrent.ForkJoinPool(1)) {
      Map<String, Integer> sizes = oneWorker.submit(() -> ChunkedBatch.run(texts, 1,
          chunk -> Map.of(chunk.get(0), Subprocess.run(THREE_MB, new byte[0], Duration.ofSeconds(60)).stdout()
              .length()))).get(60, TimeUnit.SECONDS);
      assertThat(sizes).hasSize(8).allSatisfy((text, size) -> assertThat(size).isEqualTo(3_000_000));
    }
  }

  @Test
  void chunksAreOfAboutOneSizeInAMultipleOfTheCheckerThreads() {
    int p = ChunkedBatch.PARALLEL;
    assertThat(ChunkedBatch.evenChunk(30, 250)).as("one process for a small batch").isEqualTo(30);
    assertThat(ChunkedBatch.evenChunk(250, 250)).isEqualTo(250);
    int size = ChunkedBatch.evenChunk(2100, 250);
    int chunks = (2100 + size - 1) / size;
    assertThat(chunks % p).isZero();
    assertThat(size).isLessThanOrEqualTo(250);
    assertThat(2100 - (chunks - 1) * size).as("the last chunk").isGreaterThan(size - chunks);
  }
}
