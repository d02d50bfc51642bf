package org.docgate.http;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: attempt n waits a random time in [d/2, d] where d = base × 2^n, capped. Jitter
 * keeps many links to one host from retrying in lockstep. The random source is injected for tests.
 */
public record Backoff(Duration base, Duration cap, RandomGenerator random) {
  public Duration delay(int attempt) {
    long baseMs = Math.max(1, base.toMillis());
    long d = Math.min(cap.toMillis(), baseMs << Math.min(attempt, 20));
    long half = d / 2;
    return Duration.ofMillis(half + (long) (random.nextDouble() * (d - half + 1)));
  }
}
