package org.docgate.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.docgate.report.store.FleetResult;
import org.docgate.report.store.RunStatus;
import org.junit.jupiter.api.Test;

/** serve on a fleet's shared PostgreSQL lists every repository at GET /api/fleet; on any other store it is a 404. */
class FleetApiTest {
  private static final Instant T = Instant.parse("2026-12-05T23:00:00Z");

  @Test
  void theFleetsRepositoriesAreListedWithTheirNewestResult() throws Exception {
    List<FleetResult> rows = List.of(
        new FleetResult("team/a", "/srv/a", null, "j1", T, RunStatus.COMPLETE, 4L, "w1", T.plusSeconds(3), null),
        new FleetResult("team/b", "https://git.example/b.git", "main", "j2", T, RunStatus.FAILED, null, "w2",
            T.plusSeconds(4), "no ref 'main'"));
    Api api = new Api(null, null, Runnable::run, 0, s -> "", () -> rows);
    ApiResponse response = api.fleet();
    assertThat(response.status()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.get("total").asInt()).isEqualTo(2);
    assertThat(body.get("repositories").get(0).get("repository").asText()).isEqualTo("team/a");
    assertThat(body.get("repositories").get(0).get("runId").asLong()).isEqualTo(4);
    assertThat(body.get("repositories").get(1).get("status").asText()).isEqualTo("failed");
    assertThat(body.get("repositories").get(1).get("error").asText()).isEqualTo("no ref 'main'");
    assertThat(body.get("repositories").get(1).get("runId").isNull()).isTrue();
  }

  @Test
  void withoutAFleetTheEndpointIsNotFound() {
    ApiResponse response = new Api(null, null, Runnable::run, 0, s -> "").fleet();
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).contains("no fleet");
  }
}
