package org.docgate.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The watcher's debounce: quiet period after the last change, bounded by a maximum wait. Times in ms from 0. */
class DebouncerTest {
  private final Debouncer debouncer = new Debouncer(Duration.ofMillis(300), Duration.ofMillis(2000));

  private boolean at(long ms, Object pending) {
    return debouncer.settled(pending, Instant.EPOCH.plusMillis(ms));
  }

  @Test
  void nothingPendingIsNeverDue() {
    assertThat(at(0, null)).isFalse();
    assertThat(at(10_000, null)).isFalse();
  }

  @Test
  void changesApplyOnceTheyStayedTheSameForTheQuietPeriod() {
    assertThat(at(0, "a")).isFalse();
    assertThat(at(200, "a")).isFalse();
    assertThat(at(300, "a")).isTrue();
    assertThat(at(400, "a")).as("starts over after applying").isFalse();
  }

  @Test
  void aNewChangeRestartsTheQuietPeriod() {
    assertThat(at(0, "a")).isFalse();
    assertThat(at(250, "b")).isFalse();
    assertThat(at(500, "b")).isFalse();
    assertThat(at(550, "b")).isTrue();
  }

  @Test
  void changesThatNeverSettleStillApplyAfterTheMaximumWait() {
    for (long t = 0; t < 2000; t += 100) {
      assertThat(at(t, "v" + t)).as("at %d ms", t).isFalse();
    }
    assertThat(at(2000, "v2000")).isTrue();
  }

  @Test
  void changesThatWentAwayResetTheClock() {
    assertThat(at(0, "a")).isFalse();
    assertThat(at(100, null)).isFalse();
    assertThat(at(350, "a")).isFalse();
    assertThat(at(650, "a")).isTrue();
  }
}
