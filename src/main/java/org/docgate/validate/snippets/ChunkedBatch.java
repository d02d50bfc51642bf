package org.docgate.validate.snippets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a subprocess checker over the distinct texts in chunks, the chunks side by side (a scan's other threads mostly
 * wait for such a batch). A chunk whose process failed leaves its texts out of the result: unchecked, not passed.
 * Chunks run on {@link #POOL}, never on the common ForkJoin pool: a chunk blocks for its whole process, and on the
 * common pool (one worker on 2 CPUs) that worker was what other children's output waited for.
 */
final class ChunkedBatch {
  /** One process over one chunk: each text's result. */
  interface Chunk<V> {
    Map<String, V> check(List<String> chunk) throws IOException;
  }

  /**
   * Checker processes at once, over all batches of this JVM: one per CPU (at least 2, so a chunk never waits for a
   * sibling); more would only queue for the CPUs. Its threads only wait for processes: none of them waits on this pool.
   */
  static final int PARALLEL = Math.max(2, Runtime.getRuntime().availableProcessors());
  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(PARALLEL, Thread.ofPlatform().daemon().name("docgate-checker-", 1).factory());

  private ChunkedBatch() {}

  /**
   * The chunk size for {@code n} texts: at most {@code max}, in a number of chunks that is a multiple of
   * {@link #PARALLEL} once there is more than one, all of about one size: 2,100 ShellCheck texts went as 8 chunks of
   * 250 and one of 100, the last pair of processes finishing one after the other; 10 of 210 keep both CPUs busy to
   * the end.
   */
  static int evenChunk(int n, int max) {
    if (n <= max) {
      return Math.max(1, n);
    }
    int chunks = (n + max - 1) / max;
    chunks = (chunks + PARALLEL - 1) / PARALLEL * PARALLEL;
    return (n + chunks - 1) / chunks;
  }

  static <V> Map<String, V> run(Collection<String> texts, int chunkSize, Chunk<V> checker) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(texts));
    List<Callable<Map<String, V>>> chunks = new ArrayList<>();
    int size = evenChunk(distinct.size(), chunkSize);
    for (int from = 0; from < distinct.size(); from += size) {
      List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + size));
      chunks.add(() -> {
        try {
          return checker.check(chunk);
        } catch (IOException e) {
          return Map.of(); // that chunk stays unchecked
        }
      });
    }
    Map<String, V> out = new HashMap<>();
    try {
      for (Future<Map<String, V>> f : POOL.invokeAll(chunks)) {
        try {
          out.putAll(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("a checker failed", e.getCause()); // a bug, as when it ran in this thread
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // what finished is kept; the rest stays unchecked
    }
    return out;
  }
}
