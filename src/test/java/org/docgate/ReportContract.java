package org.docgate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Set;

/** The {@code docgate/report@1} contract, asserted field by field: later versions may add fields, never rename. */
public final class ReportContract {
  private static final Set<String> SEVERITIES = Set.of("error", "warning", "info");

  private ReportContract() {}

  public static void assertValid(JsonNode report) {
    assertThat(report.path("schema").asText()).isEqualTo("docgate/report@1");
    assertThat(report.path("corpus").isTextual()).as("corpus").isTrue();
    Instant started = Instant.parse(report.path("startedAt").asText());
    Instant finished = Instant.parse(report.path("finishedAt").asText());
    assertThat(finished).isAfterOrEqualTo(started);
    assertThat(report.path("documents").isInt()).as("documents").isTrue();
    assertThat(report.path("metrics").isObject()).as("metrics").isTrue();
    JsonNode validity = report.path("metrics").path("linkValidity");
    assertThat(validity.isNull() || (validity.isNumber() && validity.asDouble() >= 0 && validity.asDouble() <= 1))
        .as("metrics.linkValidity in 0..1 or null").isTrue();
    assertThat(report.path("stats").isObject()).as("stats").isTrue();
    assertThat(report.path("findings").isArray()).as("findings").isTrue();
    for (JsonNode f : report.path("findings")) {
      assertThat(f.path("rule").asText()).matches("[a-z]+/[A-Za-z0-9][A-Za-z0-9.-]*");
      assertThat(SEVERITIES).contains(f.path("severity").asText());
      String path = f.path("path").asText();
      assertThat(path).isNotEmpty().doesNotContain("\\").doesNotStartWith("/");
      assertThat(f.path("line").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(f.path("column").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(f.path("message").asText()).isNotBlank();
      assertThat(f.has("target")).as("target field present").isTrue();
      if (f.path("rule").asText().startsWith("links/")) {
        assertThat(f.path("target").isTextual()).as("link findings carry the target as written: " + f).isTrue();
      }
      assertThat(f.has("suggestion")).as("suggestion field present").isTrue();
      assertThat(f.path("fingerprint").asText()).matches("[0-9a-f]{16}");
    }
  }
}
