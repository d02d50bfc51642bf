package org.docgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

  @Test
  void secondsAndHttpDatesAreRead() {
    assertThat(RetryAfter.parse("1", NOW)).hasValue(Duration.ofSeconds(1));
    assertThat(RetryAfter.parse(" 120 ", NOW)).hasValue(Duration.ofMinutes(2));
    assertThat(RetryAfter.parse("Thu, 26 Nov 2026 09:00:30 GMT", NOW)).hasValue(Duration.ofSeconds(30));
  }

  @Test
  void aDateInThePastMeansNowAndGarbageMeansNothing() {
    assertThat(RetryAfter.parse("Wed, 25 Nov 2026 09:00:00 GMT", NOW)).hasValue(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
  }

  @Test
  void backoffDoublesWithJitterAndStopsAtItsCap() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new Random(42));
    for (int i = 0; i < 50; i++) {
      assertThat(b.delay(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(b.delay(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
      assertThat(b.delay(30)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }
  }
}
