package org.docgate.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Caffeine cache whose entries each carry their own time to live (the caller picks it per value, e.g. by outcome
 * class; zero means "do not cache"). Time comes from an injected {@link Clock}, also as Caffeine's ticker, so tests
 * move a fake clock instead of sleeping. {@link #stats()} is Caffeine's {@code recordStats()}, ready for a meter
 * binder. Thread-safe.
 */
public final class ExpiringCache<V> {
  private final Clock clock;
  private final Cache<String, Stored<V>> cache;

  public ExpiringCache(Clock clock, long maximumSize) {
    this.clock = clock;
    this.cache = Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .ticker(() -> clock.millis() * 1_000_000L)
        .expireAfter(new Expiry<String, Stored<V>>() {
          @Override
          public long expireAfterCreate(String key, Stored<V> value, long currentTime) {
            return Math.max(0, value.remaining(clock.instant()).toNanos());
          }

          @Override
          public long expireAfterUpdate(String key, Stored<V> value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
          }

          @Override
          public long expireAfterRead(String key, Stored<V> value, long currentTime, long currentDuration) {
            return currentDuration;
          }
        })
        .recordStats()
        .build();
  }

  /** The fresh value for {@code key}, if any (counted as a hit or a miss). */
  public Optional<Stored<V>> get(String key) {
    Stored<V> s = cache.getIfPresent(key);
    if (s != null && s.remaining(clock.instant()).isPositive()) {
      return Optional.of(s);
    }
    return Optional.empty();
  }

  /** Stores {@code value} for {@code ttl} from now; a zero or negative ttl removes the key instead. */
  public void put(String key, V value, Duration ttl) {
    if (ttl.isZero() || ttl.isNegative()) {
      cache.invalidate(key);
    } else {
      cache.put(key, new Stored<>(value, clock.instant(), ttl));
    }
  }

  /** Adds entries read from disk, skipping stale ones. */
  public void load(Map<String, Stored<V>> entries) {
    entries.forEach((k, s) -> {
      if (s.remaining(clock.instant()).isPositive()) {
        cache.put(k, s);
      }
    });
  }

  /** The fresh entries, sorted by key (what gets persisted). */
  public Map<String, Stored<V>> snapshot() {
    Map<String, Stored<V>> out = new TreeMap<>();
    cache.asMap().forEach((k, s) -> {
      if (s.remaining(clock.instant()).isPositive()) {
        out.put(k, s);
      }
    });
    return out;
  }

  public CacheStats stats() {
    return cache.stats();
  }

  public Duration age(Stored<V> s) {
    return Duration.between(s.storedAt(), clock.instant());
  }
}
