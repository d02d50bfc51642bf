package org.docgate.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A cached value with when it was stored and how long it stays fresh. Immutable. */
public record Stored<V>(V value, Instant storedAt, Duration ttl) {
  public Stored {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(storedAt, "storedAt");
    Objects.requireNonNull(ttl, "ttl");
  }

  /** Time left at {@code now}; zero or negative when stale. */
  public Duration remaining(Instant now) {
    return Duration.between(now, storedAt.plus(ttl));
  }
}
