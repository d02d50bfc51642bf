package org.docgate.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Politeness: at most {@code global} requests in flight, at most a host's own limit per host, a minimum interval
 * between request starts to one host, and an adaptive pause after a 429 (the host's interval doubles up to a cap
 * and decays again on success). Blocking: meant for virtual threads.
 */
public final class HostGates {
  /** The limits of one host. */
  public record HostLimits(int concurrency, Duration interval) {}

  /** One request, run while holding the permits. */
  @FunctionalInterface
  public interface Request<T> {
    T run() throws IOException;
  }

  private static final long MAX_PENALTY_NANOS = Duration.ofSeconds(30).toNanos();

  private final Semaphore global;
  private final Function<String, HostLimits> limits;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  public HostGates(int global, Function<String, HostLimits> limits) {
    this.global = new Semaphore(global, true);
    this.limits = limits;
  }

  private static final class Host {
    final Semaphore permits;
    final long intervalNanos;
    long nextStart;
    long penalty;
    long pausedUntil;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();

    Host(HostLimits l) {
      permits = new Semaphore(Math.max(1, l.concurrency()), true);
      intervalNanos = l.interval().toNanos();
      nextStart = System.nanoTime();
    }
  }

  private Host host(String name) {
    return hosts.computeIfAbsent(name.toLowerCase(Locale.ROOT), h -> new Host(limits.apply(h)));
  }

  public <T> T call(String hostName, Request<T> request) throws IOException {
    Host h = host(hostName);
    try {
      h.permits.acquire();
      try {
        long wait;
        synchronized (h) {
          long now = System.nanoTime();
          long start = Math.max(now, Math.max(h.nextStart, h.pausedUntil));
          h.nextStart = start + h.intervalNanos + h.penalty;
          wait = start - now;
        }
        if (wait > 0) {
          Thread.sleep(Duration.ofNanos(wait));
        }
        global.acquire();
        try {
          h.peak.accumulateAndGet(h.inFlight.incrementAndGet(), Math::max);
          requests.incrementAndGet();
          return request.run();
        } finally {
          h.inFlight.decrementAndGet();
          global.release();
        }
      } finally {
        h.permits.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + hostName);
    }
  }

  /** A 429: nobody starts a request to this host for {@code wait}, and its interval grows. */
  public void penalize(String hostName, Duration wait) {
    Host h = host(hostName);
    synchronized (h) {
      h.pausedUntil = Math.max(h.pausedUntil, System.nanoTime() + wait.toNanos());
      h.penalty = Math.min(MAX_PENALTY_NANOS, Math.max(h.penalty * 2, Duration.ofMillis(250).toNanos()));
    }
  }

  /** A success: the adaptive penalty decays. */
  public void relax(String hostName) {
    Host h = host(hostName);
    synchronized (h) {
      h.penalty /= 2;
    }
  }

  /** Requests started so far (all hosts). */
  public int requests() {
    return requests.get();
  }

  /** The most requests that were ever in flight at once to one host. */
  public int peakInFlight(String hostName) {
    Host h = hosts.get(hostName.toLowerCase(Locale.ROOT));
    return h == null ? 0 : h.peak.get();
  }
}
