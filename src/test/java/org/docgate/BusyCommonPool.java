package org.docgate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every worker of the common ForkJoin pool blocked until closed: what a scan does to it when its own blocking
 * work lands there (on 2 CPUs the pool has one worker). Code that waits for a task of the common pool then waits
 * forever, whatever the machine's CPU count, instead of only sometimes.
 */
public final class BusyCommonPool implements AutoCloseable {
  private final CountDownLatch release = new CountDownLatch(1);

  public BusyCommonPool() throws InterruptedException {
    int workers = ForkJoinPool.getCommonPoolParallelism();
    CountDownLatch started = new CountDownLatch(workers);
    for (int i = 0; i < workers; i++) {
      ForkJoinPool.commonPool().execute(() -> {
        started.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    if (!started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the common pool did not start " + workers + " tasks");
    }
  }

  @Override
  public void close() {
    release.countDown();
  }
}
