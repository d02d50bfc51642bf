package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.docgate.report.store.FleetRepositories;
import org.junit.jupiter.api.Test;

/**
 * Hosts placed on URL partitions by balance in the shared PostgreSQL: even over the partitions, the same after a
 * restart (a fresh process reads them back), unmoved when new hosts come, and new hosts on the lightest partitions.
 */
class FleetHostSlotsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), java.time.ZoneOffset.UTC);

  @Test
  void hostsArePlacedEvenlyOnceAndKeepTheirPartitionAcrossRestartsAndNewHosts() throws Exception {
    try (TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      List<UrlTask> first = new ArrayList<>();
      for (int h = 1; h <= 100; h++) {
        first.add(task("http://127.0.1." + h + "/page"));
      }
      register(fleet, first, 100);
      Map<String, Integer> placed = new HostSlots(fleet.urls().hostSlots(), 48, CLOCK).of(first);

      int[] perPartition = new int[48];
      placed.values().forEach(p -> perPartition[p]++);
      assertThat(java.util.Arrays.stream(perPartition).boxed().toList()).allSatisfy(k -> assertThat(k).isBetween(2, 3));
      int[] perWorker = new int[4];
      placed.values().forEach(p -> perWorker[p % 4]++);
      assertThat(perWorker).containsOnly(25);

      // a restart: another process, nothing cached, reads every host's partition back
      assertThat(new HostSlots(fleet.urls().hostSlots(), 48, CLOCK).of(first)).isEqualTo(placed);

      // a big new host and some small ones: the old ones stay, the big one goes where the fewest URLs are
      List<UrlTask> later = new ArrayList<>(first);
      UrlTask big = task("http://big.example/a");
      later.add(big);
      List<UrlTask> small = List.of(task("http://s1.example/a"), task("http://s2.example/a"));
      later.addAll(small);
      register(fleet, List.of(big), 150);
      register(fleet, small, 1);
      Map<String, Integer> after = new HostSlots(fleet.urls().hostSlots(), 48, CLOCK).of(later);
      placed.forEach((host, p) -> assertThat(after.get(host)).as(host).isEqualTo(p));
      Map<Integer, Integer> hostsOn = new HashMap<>();
      placed.values().forEach(p -> hostsOn.merge(p, 1, Integer::sum));
      assertThat(hostsOn.get(after.get("big.example"))).as("hosts already on the big host's partition").isEqualTo(2);
      assertThat(after.get("s1.example")).isNotEqualTo(after.get("big.example"));
      assertThat(hostsOn.getOrDefault(after.get("s1.example"), 0)).isEqualTo(2);
    }
  }

  private static UrlTask task(String url) {
    return HotHosts.NONE.task(url, false, CLOCK.instant());
  }

  /** Registers {@code perHost} URLs of each task's host, as a corpus scan does before producing them. */
  private static void register(FleetRepositories fleet, List<UrlTask> tasks, int perHost) {
    Map<String, Boolean> urls = new HashMap<>();
    for (UrlTask t : tasks) {
      for (int i = 0; i < perHost; i++) {
        urls.put("http://" + t.host() + "/p" + i, false);
      }
    }
    fleet.urls().register("repo", urls, HotHosts::hostOf, CLOCK.instant(), Duration.ofMinutes(30), "test");
  }
}
