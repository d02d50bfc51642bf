package org.docgate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpiringCacheTest {
  record Value(String outcome, List<String> ids) {}

  static final class FakeClock extends Clock {
    Instant now = Instant.parse("2026-11-26T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId z) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final FakeClock clock = new FakeClock();

  @Test
  void eachEntryExpiresAfterItsOwnTimeToLive() {
    ExpiringCache<Value> cache = new ExpiringCache<>(clock, 100);
    cache.put("ok", new Value("ok", List.of()), Duration.ofDays(7));
    cache.put("broken", new Value("broken", List.of()), Duration.ofHours(6));
    cache.put("rate-limited", new Value("rate-limited", List.of()), Duration.ZERO);
    assertThat(cache.get("rate-limited")).isEmpty();
    clock.now = clock.now.plus(Duration.ofHours(7));
    assertThat(cache.get("broken")).isEmpty();
    assertThat(cache.get("ok")).isPresent();
    clock.now = clock.now.plus(Duration.ofDays(7));
    assertThat(cache.get("ok")).isEmpty();
    assertThat(cache.stats().hitCount()).isEqualTo(1);
    assertThat(cache.stats().missCount()).isEqualTo(3);
  }

  @Test
  void entriesSurviveAFileRoundTripAndStaleOnesAreDroppedOnLoad(@TempDir Path dir) throws IOException {
    ExpiringCache<Value> cache = new ExpiringCache<>(clock, 100);
    cache.put("a", new Value("ok", List.of("x", "y")), Duration.ofDays(1));
    cache.put("b", new Value("broken", List.of()), Duration.ofHours(1));
    CacheFile<Value> file = new CacheFile<>(dir.resolve("sub/cache.json"), "test@1", Value.class);
    file.write(cache.snapshot());

    clock.now = clock.now.plus(Duration.ofHours(2));
    ExpiringCache<Value> next = new ExpiringCache<>(clock, 100);
    next.load(file.read());
    assertThat(next.get("a")).hasValueSatisfying(s -> assertThat(s.value()).isEqualTo(new Value("ok", List.of("x", "y"))));
    assertThat(next.get("b")).isEmpty();
    assertThat(Files.list(dir.resolve("sub"))).hasSize(1); // no temporary file left behind
  }

  @Test
  void aForeignOrCorruptFileReadsAsEmpty(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("cache.json");
    Files.writeString(p, "{\"schema\":\"other@1\",\"entries\":{}}", StandardCharsets.UTF_8);
    assertThat(new CacheFile<>(p, "test@1", Value.class).read()).isEmpty();
    Files.writeString(p, "{oops", StandardCharsets.UTF_8);
    assertThat(new CacheFile<>(p, "test@1", Value.class).read()).isEmpty();
  }
}
