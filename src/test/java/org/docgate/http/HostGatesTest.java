package org.docgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Politeness without a network: the "requests" are sleeps. */
class HostGatesTest {
  private static void nap(long millis) throws java.io.InterruptedIOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new java.io.InterruptedIOException();
    }
  }

  private static void runMany(HostGates gates, List<String> hosts, long sleepMillis) throws Exception {
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
      for (String h : hosts) {
        fs.add(pool.submit(() -> gates.call(h, () -> {
          nap(sleepMillis);
          return null;
        })));
      }
      for (var f : fs) {
        f.get();
      }
    }
  }

  @Test
  void neverMoreThanTheHostLimitInFlightToOneHost() throws Exception {
    HostGates gates = new HostGates(64, h -> new HostGates.HostLimits(h.equals("slow.example") ? 1 : 4,
        Duration.ZERO));
    runMany(gates, Collections.nCopies(12, "a.example"), 30);
    runMany(gates, Collections.nCopies(4, "slow.example"), 10);
    assertThat(gates.peakInFlight("a.example")).isEqualTo(4);
    assertThat(gates.peakInFlight("slow.example")).isEqualTo(1);
    assertThat(gates.requests()).isEqualTo(16);
  }

  @Test
  void theGlobalLimitHoldsAcrossHosts() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    HostGates gates = new HostGates(3, h -> new HostGates.HostLimits(4, Duration.ZERO));
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 20; i++) {
        String host = "h" + (i % 5) + ".example";
        pool.submit(() -> gates.call(host, () -> {
          peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          nap(20);
          inFlight.decrementAndGet();
          return null;
        }));
      }
    }
    assertThat(peak.get()).isEqualTo(3);
  }

  @Test
  void requestStartsToOneHostKeepTheMinimumInterval() throws Exception {
    List<Long> starts = Collections.synchronizedList(new ArrayList<>());
    HostGates gates = new HostGates(64, h -> new HostGates.HostLimits(4, Duration.ofMillis(50)));
    long before = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 5; i++) {
        pool.submit(() -> gates.call("a.example", () -> starts.add(System.nanoTime())));
      }
    }
    // Each request starts no earlier than its slot (before + k × interval). A request that a loaded machine starts
    // late only moves later, so the k-th earliest start is never before the k-th slot, whatever the scheduling
    // (comparing neighbours instead failed when a thread was descheduled between its slot and its start).
    List<Long> sorted = starts.stream().sorted().toList();
    for (int k = 0; k < sorted.size(); k++) {
      assertThat((sorted.get(k) - before) / 1_000_000).as("start %d", k).isGreaterThanOrEqualTo(k * 45L);
    }
  }

  @Test
  void withAnIntervalTheNextRequestStartsThatLongAfterTheLastOneEnded() throws Exception {
    // perHost 4, but with an interval a host gets one request at a time, the interval counted from its end: so the
    // host sees the interval between two starts even when a request reached it late (ServerSideGapTest)
    List<long[]> spans = Collections.synchronizedList(new ArrayList<>());
    HostGates gates = new HostGates(64, h -> new HostGates.HostLimits(4, Duration.ofMillis(30)));
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 5; i++) {
        pool.submit(() -> gates.call("a.example", () -> {
          long start = System.nanoTime();
          nap(40);
          spans.add(new long[] {start, System.nanoTime()});
          return null;
        }));
      }
    }
    assertThat(gates.peakInFlight("a.example")).isEqualTo(1);
    List<long[]> sorted = spans.stream().sorted(java.util.Comparator.comparingLong(s -> s[0])).toList();
    for (int k = 1; k < sorted.size(); k++) {
      assertThat((sorted.get(k)[0] - sorted.get(k - 1)[1]) / 1_000_000).as("end %d to start %d", k - 1, k)
          .isGreaterThanOrEqualTo(30L);
    }
  }

  @Test
  void after429TheHostPausesForEveryone() throws Exception {
    HostGates gates = new HostGates(64, h -> new HostGates.HostLimits(4, Duration.ZERO));
    gates.penalize("a.example", Duration.ofMillis(300));
    long t0 = System.nanoTime();
    gates.call("a.example", () -> null);
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(280);
    long t1 = System.nanoTime();
    gates.call("b.example", () -> null);
    assertThat((System.nanoTime() - t1) / 1_000_000).isLessThan(250); // another host is not paused
  }

  @Test
  void aRequestHeldByItsHostsPauseTalliesTheWaitAndOneHeldByTheGlobalCapDoesNot() throws Exception {
    HostGates gates = new HostGates(1, h -> new HostGates.HostLimits(4, Duration.ZERO));
    gates.penalize("paused.example", Duration.ofMillis(300));
    HostGates.WaitTally paused = new HostGates.WaitTally();
    gates.call("paused.example", paused, () -> null);
    // the pause ran from before the call: all but the few ms between penalize and call are a wait for the host
    assertThat(paused.total()).isGreaterThanOrEqualTo(Duration.ofMillis(200));

    // the one global permit is held by a request to another host: the wait is the cap's, not the host's
    java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    HostGates.WaitTally capped = new HostGates.WaitTally();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var holder = pool.submit(() -> gates.call("busy.example", () -> {
        holding.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          throw new java.io.InterruptedIOException();
        }
        return null;
      }));
      assertThat(holding.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      long t0 = System.nanoTime();
      var held = pool.submit(() -> gates.call("free.example", capped, () -> null));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (gates.hostsWaiting() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(gates.hostsWaiting()).as("free.example's request waits to start").isEqualTo(1);
      Thread.sleep(300);
      release.countDown();
      holder.get(10, java.util.concurrent.TimeUnit.SECONDS);
      held.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
    assertThat(capped.total()).as("held only by the global cap").isLessThan(Duration.ofMillis(100));
    assertThat(gates.hostsWaiting()).isZero();
  }

  @Test
  void aRequestHeldByItsHostsIntervalTalliesTheWait() throws Exception {
    HostGates gates = new HostGates(8, h -> new HostGates.HostLimits(1, Duration.ofMillis(400)));
    HostGates.WaitTally first = new HostGates.WaitTally();
    HostGates.WaitTally second = new HostGates.WaitTally();
    gates.call("a.example", first, () -> null);
    gates.call("a.example", second, () -> null);
    assertThat(first.total()).isLessThan(Duration.ofMillis(100));
    // the second start waits out the interval from the first start: all of it but the moment in between
    assertThat(second.total()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
  }
}
