package org.docgate.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * While the split's workers wait for the snippet batches (a document with shell snippets), the other documents are
 * still validated: the pool adds a worker for each one waiting in {@code CompletableFuture.join}.
 */
class ScanPoolTest {
  @Test
  void documentsAfterTwoWaitingOnesAreStillValidated() throws Exception {
    ExecutorService pool = CamelPipeline.scanPool(2);
    try {
      CompletableFuture<String> batches = new CompletableFuture<>();
      List<Future<String>> waiting = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        waiting.add(pool.submit(() -> batches.join()));
      }
      Thread.sleep(100); // both workers are waiting now
      // a fixed pool of two threads never runs this: the batches would never end
      Future<String> third = pool.submit(() -> "validated");
      assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo("validated");
      batches.complete("verdicts");
      for (Future<String> w : waiting) {
        assertThat(w.get(10, TimeUnit.SECONDS)).isEqualTo("verdicts");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
