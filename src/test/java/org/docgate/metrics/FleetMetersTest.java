package org.docgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.docgate.fleet.HostWaits;
import org.junit.jupiter.api.Test;

/**
 * A fleet worker's URL meters: present from the start (every outcome at zero, so a dashboard panel has series before
 * the first URL), counted and summed by outcome, and never labelled by host.
 */
class FleetMetersTest {
  @Test
  void hostWaitsAreExposedByOutcomeFromTheStartAndNeverByHost() {
    PrometheusMeterRegistry registry = Metrics.prometheusRegistry();
    HostWaits waits = new HostWaits();
    AtomicInteger waiting = new AtomicInteger();
    FleetMeters.bindUrls(registry, waits, waiting::get);

    String before = registry.scrape();
    assertThat(before).containsPattern("(?m)^docgate_fleet_url_host_wait_seconds_count\\{outcome=\"ok\"} 0(\\.0)?$")
        .containsPattern("(?m)^docgate_fleet_url_host_wait_seconds_sum\\{outcome=\"rate-limited\"} 0(\\.0)?$")
        .containsPattern("(?m)^docgate_fleet_hosts_waiting 0(\\.0)?$");

    waits.record("ok", Duration.ofMillis(250));
    waits.record("ok", Duration.ofMillis(750));
    waits.record("rate-limited", Duration.ofSeconds(15));
    waiting.set(3);
    String after = registry.scrape();
    assertThat(after).containsPattern("(?m)^docgate_fleet_url_host_wait_seconds_count\\{outcome=\"ok\"} 2(\\.0)?$")
        .containsPattern("(?m)^docgate_fleet_url_host_wait_seconds_sum\\{outcome=\"ok\"} 1(\\.0)?$")
        .containsPattern("(?m)^docgate_fleet_url_host_wait_seconds_sum\\{outcome=\"rate-limited\"} 15(\\.0)?$")
        .containsPattern("(?m)^docgate_fleet_hosts_waiting 3(\\.0)?$");
    assertThat(after.lines().filter(l -> l.startsWith("docgate_fleet_url_host_wait_seconds_count")))
        .as("one series per outcome").hasSize(HostWaits.outcomes().size())
        .allSatisfy(l -> assertThat(l).matches("[a-z_]+\\{outcome=\"[a-z-]+\"} .*"));
  }
}
