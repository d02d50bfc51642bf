package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.docgate.config.ConfigException;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.FleetResult;
import org.docgate.report.store.RunStatus;
import org.junit.jupiter.api.Test;

/** At-least-once delivery made harmless: the repository's row is written only by a job at least as new. */
class FleetRepositoriesTest {
  private static final Instant T0 = Instant.parse("2026-12-05T20:00:00Z");

  private static FleetResult result(String jobId, Instant submitted, String worker, long runId) {
    return new FleetResult("team/docs", "/srv/docs", null, jobId, submitted, RunStatus.COMPLETE, runId, worker,
        submitted.plusSeconds(5), null);
  }

  @Test
  void aLateOlderJobDoesNotOverwriteANewerResult() throws Exception {
    try (TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      assertThat(fleet.record(result("new", T0.plusSeconds(60), "w1", 2))).isTrue();
      assertThat(fleet.record(result("old", T0, "w2", 1))).isFalse();
      assertThat(fleet.all()).singleElement().satisfies(r -> {
        assertThat(r.jobId()).isEqualTo("new");
        assertThat(r.runId()).isEqualTo(2L);
        assertThat(r.worker()).isEqualTo("w1");
      });
      assertThat(fleet.stored("team/docs", "new")).isTrue();
      assertThat(fleet.stored("team/docs", "old")).isFalse();
    }
  }

  @Test
  void aRedeliveredJobWritesTheSameRowAgain() throws Exception {
    try (TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      assertThat(fleet.record(result("j", T0, "w1", 7))).isTrue();
      assertThat(fleet.record(result("j", T0, "w2", 8))).isTrue();
      assertThat(fleet.all()).singleElement().satisfies(r -> assertThat(r.runId()).isEqualTo(8L));
      assertThat(fleet.record(result("k", T0.plusSeconds(1), "w1", 9))).isTrue();
      assertThat(fleet.all()).singleElement().satisfies(r -> assertThat(r.jobId()).isEqualTo("k"));
    }
  }

  @Test
  void aFailedJobWithoutARunIsStoredWithItsReason() throws Exception {
    try (TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      fleet.record(new FleetResult("r", "/gone", null, "j", T0, RunStatus.FAILED, null, "w1", T0, "not found"));
      assertThat(fleet.all()).singleElement().satisfies(r -> {
        assertThat(r.runId()).isNull();
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.error()).isEqualTo("not found");
      });
    }
  }

  @Test
  void theFleetRefusesTheEmbeddedStore() {
    assertThatThrownBy(() -> FleetRepositories.open(null, Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("shared PostgreSQL");
  }
}
