package org.docgate.fleet;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.docgate.validate.weblinks.Outcome;

/**
 * What a worker's URL checks waited for their hosts' politeness slots, by check outcome: how many checks and their
 * total wait. Keyed by outcome only, never by host (a fleet has millions of URLs over hundreds of thousands of hosts;
 * a label per host would make as many series). Every outcome is there from the start, at zero, so /metrics shows the
 * series before the first URL. Thread-safe.
 */
public final class HostWaits {
  private record Tally(LongAdder checks, LongAdder nanos) {}

  private final Map<String, Tally> byOutcome = new ConcurrentHashMap<>();

  public HostWaits() {
    for (String label : outcomes()) {
      byOutcome.put(label, new Tally(new LongAdder(), new LongAdder()));
    }
  }

  /** Every outcome label a check can end with ({@code ok}, {@code broken}, {@code rate-limited}...). */
  public static List<String> outcomes() {
    return Arrays.stream(Outcome.values()).map(Outcome::label).toList();
  }

  /** One finished check: its outcome's label and what its requests waited for their host's slot. */
  public void record(String outcome, Duration waited) {
    Tally t = byOutcome.get(outcome);
    if (t == null) {
      throw new IllegalArgumentException("not a check outcome: " + outcome + " (known: " + outcomes() + ")");
    }
    t.checks().increment();
    t.nanos().add(Math.max(0, waited.toNanos()));
  }

  /** Checks that ended with {@code outcome}. */
  public long checks(String outcome) {
    return tally(outcome).checks().sum();
  }

  /** What the checks that ended with {@code outcome} waited, in all. */
  public Duration waited(String outcome) {
    return Duration.ofNanos(tally(outcome).nanos().sum());
  }

  private Tally tally(String outcome) {
    Tally t = byOutcome.get(outcome);
    if (t == null) {
      throw new IllegalArgumentException("not a check outcome: " + outcome);
    }
    return t;
  }
}
