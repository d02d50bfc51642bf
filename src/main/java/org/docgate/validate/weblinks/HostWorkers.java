package org.docgate.validate.weblinks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Runs a check per URL on as many virtual threads per host as the host may have requests in flight: each host's
 * workers take its URLs from one queue. A thread per URL had every URL of a host parked on the host's permits at once
 * (10,000 threads for {@code bench/external-links.sh}, 115 of its 514 MB allocated being their stacks, frozen at each
 * park); the requests a host sees are the same, since {@code HostGates} still gates each one (a redirect hop to
 * another host waits at that host's gate).
 */
final class HostWorkers {
  private HostWorkers() {}

  /**
   * Calls {@code check} once for every item, at most {@code workersOf(host)} at a time per host (in the items'
   * order within a host); returns when all are done. A check that throws ends the run with an IllegalStateException.
   */
  static <T> void forEach(List<T> items, Function<T, String> hostOf, ToIntFunction<String> workersOf,
      Consumer<T> check) {
    Map<String, Queue<T>> byHost = new LinkedHashMap<>();
    for (T item : items) {
      byHost.computeIfAbsent(hostOf.apply(item), h -> new ConcurrentLinkedQueue<>()).add(item);
    }
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> futures = new ArrayList<>();
      byHost.forEach((host, queue) -> {
        int workers = Math.max(1, Math.min(workersOf.applyAsInt(host), queue.size()));
        for (int i = 0; i < workers; i++) {
          futures.add(pool.submit(() -> {
            for (T item = queue.poll(); item != null; item = queue.poll()) {
              check.accept(item);
            }
          }));
        }
      });
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("external link check failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while checking external links", e);
        }
      }
    }
  }
}
