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
 * between requests to one host, and an adaptive pause after a 429 (the host's interval doubles up to a cap and decays
 * again on success). Blocking: meant for virtual threads.
 *
 * <p>The interval runs from the end of one request to the start of the next (as Nutch's and StormCrawler's fetch
 * delay does), and while a request to a host with an interval (or a 429 penalty) is out, no other starts: so the host
 * sees at least the interval between two request starts however late a request reaches it. Counting from this side's
 * start instead let the host see shorter gaps whenever the earlier request arrived late (a slow connect, the sender or
 * the server descheduled between the write and the server reading it): {@code bench/fleet.sh MODE=urls} measured
 * 534 of 2,000 gaps below a 250 ms interval at the server, down to 148 ms, with every start 250 ms apart here.
 */
public final class HostGates {
  /** The limits of one host. */
  public record HostLimits(int concurrency, Duration interval) {}

  /** One request, run while holding the permits. */
  @FunctionalInterface
  public interface Request<T> {
    T run() throws IOException;
  }

  /**
   * What a host's owner learned that the next owner must not forget (fleet mode's host-state topic): the widened
   * interval and the end of a Retry-After pause, on the wall clock (a nanoTime means nothing in another process).
   */
  public record HostState(Duration penalty, java.time.Instant pausedUntil) {}

  /**
   * What one URL check's requests waited for their hosts' slots (per-host concurrency, start interval, Retry-After
   * pause), added up over its requests (HEAD then GET, retries, redirect hops). The worker's own cap is not counted:
   * that wait is the worker's capacity, not a host's politeness.
   */
  public static final class WaitTally {
    private long nanos;
    private boolean started;
    private boolean abandoned;

    synchronized void add(long waited) {
      nanos += Math.max(0, waited);
    }

    public synchronized Duration total() {
      return Duration.ofNanos(nanos);
    }

    /** Whether the check's request may start now: not once it was {@link #abandon}ed (then none ever does). */
    synchronized boolean tryStart() {
      if (abandoned) {
        return false;
      }
      started = true;
      return true;
    }

    /**
     * Gives the check up if none of its requests has started: true then, and none will start (its wait ends with an
     * InterruptedIOException when it is interrupted or its turn comes). False when one has started: it must be let
     * finish, since a host that saw the request and never had its answer stored would be asked again by the next
     * owner of the host (a hand-off, fleet mode, is then a duplicate request).
     */
    public synchronized boolean abandon() {
      if (!started) {
        abandoned = true;
      }
      return !started;
    }
  }

  /** Told when a host's state changes by a 429 (penalize) or by its penalty running out (relax). */
  @FunctionalInterface
  public interface StateListener {
    void changed(String host, HostState state);
  }

  private static final long MAX_PENALTY_NANOS = Duration.ofSeconds(30).toNanos();
  /** A penalty decayed below this is gone (the listener hears a reset once, not ~28 halvings). */
  private static final long PENALTY_FLOOR_NANOS = Duration.ofMillis(1).toNanos();

  private final Semaphore global;
  private final Function<String, HostLimits> limits;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  private final StateListener listener;
  private final java.time.Clock wall;

  public HostGates(int global, Function<String, HostLimits> limits) {
    this(global, limits, (host, state) -> { }, java.time.Clock.systemUTC());
  }

  /** @param wall converts pauses to and from {@link HostState}'s wall-clock instants */
  public HostGates(int global, Function<String, HostLimits> limits, StateListener listener, java.time.Clock wall) {
    this(new Semaphore(global, true), limits, listener, wall);
  }

  /** @param global shared with other gates (a fleet worker's sub-keyed hot hosts): one cap for all of them */
  public HostGates(Semaphore global, Function<String, HostLimits> limits, StateListener listener,
      java.time.Clock wall) {
    this.global = global;
    this.limits = limits;
    this.listener = listener;
    this.wall = wall;
  }

  private static final class Host {
    final Semaphore permits;
    final long intervalNanos;
    long nextStart;
    long penalty;
    long pausedUntil;
    long lastStart = Long.MIN_VALUE;
    long minGap = Long.MAX_VALUE;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    /** Requests to this host that entered {@link #call} and have not started yet. */
    final AtomicInteger waiting = new AtomicInteger();
    /** Requests to this host that started and have not ended. */
    int open;

    /** Whether requests to this host are spaced (an interval or a 429 penalty): then one at a time. */
    boolean spaced() {
      return intervalNanos + penalty > 0;
    }

    /** Whether a request may start now: no other one out while spaced, and the interval and any pause are over. */
    boolean turn(long now) {
      return !(open > 0 && spaced()) && now >= Math.max(nextStart, pausedUntil);
    }

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
    return call(hostName, null, request);
  }

  /** As {@link #call(String, Request)}, adding the time the request waited for the host's slot to {@code waits}. */
  public <T> T call(String hostName, WaitTally waits, Request<T> request) throws IOException {
    Host h = host(hostName);
    long entered = System.nanoTime();
    long atCap = 0;
    boolean started = false;
    h.waiting.incrementAndGet();
    try {
      h.permits.acquire();
      try {
        // A start delayed by the global cap (or a pause that came in meanwhile) is checked again; the interval then
        // runs from the end of the request (below), so two starts to one host are never closer than the interval.
        while (true) {
          long wait;
          synchronized (h) {
            while (h.open > 0 && h.spaced()) {
              h.wait(); // woken when the request out ends
            }
            wait = Math.max(h.nextStart, h.pausedUntil) - System.nanoTime();
          }
          if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
          }
          long capFrom = System.nanoTime();
          global.acquire();
          atCap += System.nanoTime() - capFrom;
          boolean go;
          long now;
          boolean gaveUp = false;
          synchronized (h) {
            now = System.nanoTime();
            go = h.turn(now);
            if (go && waits != null && !waits.tryStart()) {
              go = false;
              gaveUp = true;
            }
            if (go) {
              h.open++;
              h.nextStart = now + h.intervalNanos + h.penalty;
              if (h.lastStart != Long.MIN_VALUE) {
                h.minGap = Math.min(h.minGap, now - h.lastStart);
              }
              h.lastStart = now;
            }
          }
          if (go) {
            started = true;
            h.waiting.decrementAndGet();
            if (waits != null) {
              waits.add(now - entered - atCap);
            }
            break;
          }
          global.release();
          if (gaveUp) {
            throw new InterruptedIOException("abandoned while waiting for " + hostName);
          }
        }
        try {
          h.peak.accumulateAndGet(h.inFlight.incrementAndGet(), Math::max);
          requests.incrementAndGet();
          return request.run();
        } finally {
          synchronized (h) {
            h.open--;
            if (h.spaced()) {
              h.nextStart = Math.max(h.nextStart, System.nanoTime() + h.intervalNanos + h.penalty);
            }
            h.notifyAll();
          }
          h.inFlight.decrementAndGet();
          global.release();
        }
      } finally {
        h.permits.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + hostName);
    } finally {
      if (!started) {
        h.waiting.decrementAndGet();
      }
    }
  }

  /** A 429: nobody starts a request to this host for {@code wait}, and its interval grows. */
  public void penalize(String hostName, Duration wait) {
    Host h = host(hostName);
    HostState state;
    synchronized (h) {
      h.pausedUntil = Math.max(h.pausedUntil, System.nanoTime() + wait.toNanos());
      h.penalty = Math.min(MAX_PENALTY_NANOS, Math.max(h.penalty * 2, Duration.ofMillis(250).toNanos()));
      state = stateOf(h);
    }
    listener.changed(hostName.toLowerCase(Locale.ROOT), state);
  }

  /** A success: the adaptive penalty decays. */
  public void relax(String hostName) {
    Host h = host(hostName);
    HostState state = null;
    synchronized (h) {
      if (h.penalty == 0) {
        return;
      }
      h.penalty /= 2;
      if (h.penalty < PENALTY_FLOOR_NANOS) {
        h.penalty = 0;
        state = stateOf(h);
      }
    }
    if (state != null) {
      listener.changed(hostName.toLowerCase(Locale.ROOT), state);
    }
  }

  /**
   * Takes over a host's state from its previous owner: its penalty, and a pause that is still running (never
   * shortens one this process knows of).
   */
  public void restore(String hostName, HostState state) {
    Host h = host(hostName);
    synchronized (h) {
      long left = Duration.between(wall.instant(), state.pausedUntil()).toNanos();
      if (left > 0) {
        h.pausedUntil = Math.max(h.pausedUntil, System.nanoTime() + left);
      }
      h.penalty = Math.min(MAX_PENALTY_NANOS, Math.max(0, state.penalty().toNanos()));
    }
  }

  private HostState stateOf(Host h) {
    long left = Math.max(0, h.pausedUntil - System.nanoTime());
    return new HostState(Duration.ofNanos(h.penalty), wall.instant().plusNanos(left));
  }

  /**
   * How long until this host's next request may start here (the interval and penalty after its last answer; a
   * Retry-After pause is not counted, it travels in the {@link HostState}): a fleet owner giving the host away waits
   * this long first, so the next owner's first start keeps the interval after this one's last.
   */
  public Duration untilNextStart(String hostName) {
    Host h = hosts.get(hostName.toLowerCase(Locale.ROOT));
    if (h == null) {
      return Duration.ZERO;
    }
    synchronized (h) {
      return Duration.ofNanos(Math.max(0, h.nextStart - System.nanoTime()));
    }
  }

  /** Requests started so far (all hosts). */
  public int requests() {
    return requests.get();
  }

  /** The shortest time between two request starts to one host, over every host (null: no host had two). */
  public Duration minStartGap() {
    long min = Long.MAX_VALUE;
    for (Host h : hosts.values()) {
      synchronized (h) {
        min = Math.min(min, h.minGap);
      }
    }
    return min == Long.MAX_VALUE ? null : Duration.ofNanos(min);
  }

  /** Hosts with a request waiting to start right now (for the host's slot or the global cap). */
  public int hostsWaiting() {
    int n = 0;
    for (Host h : hosts.values()) {
      n += h.waiting.get() > 0 ? 1 : 0;
    }
    return n;
  }

  /** The most requests that were ever in flight at once to one host. */
  public int peakInFlight(String hostName) {
    Host h = hosts.get(hostName.toLowerCase(Locale.ROOT));
    return h == null ? 0 : h.peak.get();
  }
}
