package org.docgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class SnakeCaseTagsTest {

  @Test
  void camelCaseKeysBecomeSnakeCase() {
    assertThat(SnakeCaseTags.snakeCase("routeId")).isEqualTo("route_id");
    assertThat(SnakeCaseTags.snakeCase("camelContext")).isEqualTo("camel_context");
    assertThat(SnakeCaseTags.snakeCase("HTTPStatus")).isEqualTo("http_status");
    assertThat(SnakeCaseTags.snakeCase("failuresHandled2x")).isEqualTo("failures_handled2x");
    assertThat(SnakeCaseTags.snakeCase("event-type.name")).isEqualTo("event_type_name");
    assertThat(SnakeCaseTags.snakeCase("already_snake")).isEqualTo("already_snake");
  }

  @Test
  void everyMeterOfTheRegistryGetsSnakeCaseTagKeysAndKeepsItsValues() {
    PrometheusMeterRegistry registry = Metrics.batchRegistry();
    Counter.builder("camel.exchanges").description("Camel-style tags").tag("routeId", "validateRoute")
        .tag("camelContext", "docgate").register(registry).increment();

    assertThat(registry.get("camel.exchanges").tag("route_id", "validateRoute").tag("camel_context", "docgate")
        .counter().count()).isEqualTo(1);
    assertThat(registry.scrape()).contains("camel_exchanges_total{camel_context=\"docgate\",route_id=\"validateRoute\"}")
        .doesNotContain("routeId");
  }
}
