package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.docgate.config.RuleFiles;
import org.docgate.http.Network;
import org.docgate.report.store.FleetRepositories;
import org.docgate.validate.weblinks.OwnerChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A poll's checks do not hold the next poll back until its slowest host is done: {@code bench/fleet.sh MODE=urls}
 * showed a worker checking batch by batch at 36 URLs/s against its 160/s cap, because each batch (a few partitions'
 * records, so a few hosts at one request per interval) waited for its last host. Offsets are committed per partition
 * up to the first record not stored yet; a partition given away is drained and committed whole, one lost stores
 * nothing more. PostgreSQL from DOCGATE_TEST_PG_URL (skipped without it, a failure under CI=true).
 */
class UrlWorkPipelineTest {
  private static final String TOPIC = "docgate.test.urls";

  @TempDir Path tmp;

  private OwnerChecker checker() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(dir.resolve("links.yaml"), """
        allow: ["127.0.0.0/8"]
        concurrency: {global: 8, perHost: 1}
        interval: 1s
        fragments: {check: false}
        cache: {enabled: false}
        """);
    return OwnerChecker.fromRules(RuleFiles.overlay(dir), Network.system(), Clock.systemUTC(), 8, (h, s) -> { });
  }

  private static UrlWork.Item item(int partition, long offset, String url, Instant queued) {
    return new UrlWork.Item(TOPIC, partition, offset,
        HotHosts.NONE.task(url, false, queued).toJson());
  }

  @Test
  void aBatchReturnsWhileItsChecksRunAndEachPartitionCommitsUpToItsFirstRecordNotStored() throws Exception {
    try (HostServers hosts = new HostServers("127.0.4.1", 3, Duration.ofMillis(10));
        TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of());
        OwnerChecker checker = checker()) {
      Instant queued = Instant.now();
      UrlWork work = new UrlWork(fleet.urls(), checker, HostStates.NONE, Clock.systemUTC(), "w1", 2);
      long t0 = System.nanoTime();
      // partition 0: two URLs of host 0, 1 s apart at least; partition 1: one URL each of hosts 1 and 2
      work.submit(List.of(item(0, 10, hosts.base(0) + "/page/a", queued), item(0, 11, hosts.base(0) + "/page/b",
          queued)));
      work.submit(List.of(item(1, 20, hosts.base(1) + "/page/c", queued), item(1, 21, hosts.base(2) + "/page/d",
          queued)));
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("two full batches handed over, not waited for")
          .isLessThan(Duration.ofMillis(900));
      List<UrlWork.Commit> early = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (early.stream().noneMatch(c -> c.part().partition() == 1) && System.nanoTime() < deadline) {
        early.addAll(work.stored());
        Thread.sleep(20);
      }
      assertThat(early).as("partition 1 stored whole while host 0 waits its interval for /page/b")
          .contains(new UrlWork.Commit(new UrlWork.Part(TOPIC, 1), 22))
          .doesNotContain(new UrlWork.Commit(new UrlWork.Part(TOPIC, 0), 12));
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(900));

      // /page/b a second after /page/a: then partition 0 is stored whole
      List<UrlWork.Commit> later = new ArrayList<>();
      while (!later.contains(new UrlWork.Commit(new UrlWork.Part(TOPIC, 0), 12)) && System.nanoTime() < deadline) {
        later.addAll(work.stored());
        Thread.sleep(20);
      }
      assertThat(later).contains(new UrlWork.Commit(new UrlWork.Part(TOPIC, 0), 12));
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      assertThat(work.count(UrlWork.Outcome.CHECKED)).isEqualTo(4);
      assertThat(hosts.counts().duplicates()).isZero();
    }
  }

  @Test
  void aPartitionGivenAwayIsDrainedAndOneLostStoresNothingMore() throws Exception {
    try (HostServers hosts = new HostServers("127.0.4.11", 2, Duration.ofMillis(10));
        TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of());
        OwnerChecker checker = checker()) {
      Instant queued = Instant.now();
      UrlWork work = new UrlWork(fleet.urls(), checker, HostStates.NONE, Clock.systemUTC(), "w1", 5);
      String lostUrl = hosts.base(1) + "/page/z";
      work.submit(List.of(item(0, 0, hosts.base(0) + "/page/a", queued), item(0, 1, hosts.base(0) + "/page/b",
          queued), item(1, 0, hosts.base(1) + "/page/x", queued), item(1, 1, hosts.base(1) + "/page/y", queued),
          item(1, 2, lostUrl, queued)));
      List<UrlWork.Commit> drained = work.drain(List.of(new UrlWork.Part(TOPIC, 0)));
      assertThat(drained).as("both of partition 0's checks stored (1 s apart), then its offset")
          .containsExactly(new UrlWork.Commit(new UrlWork.Part(TOPIC, 0), 2));
      assertThat(fleet.urls().checkedSince(hosts.base(0) + "/page/b", queued)).isTrue();

      // by now (~1 s) host 1 had /page/x and is about to get /page/y; /page/z waits another second: lost, it is
      // stopped and stores nothing
      work.drop(List.of(new UrlWork.Part(TOPIC, 1)));
      Thread.sleep(2500);
      assertThat(fleet.urls().checkedSince(lostUrl, queued)).isFalse();
      assertThat(hosts.seen().stream().map(HostServers.Seen::path)).doesNotContain("/page/z");
      assertThat(work.stored()).isEmpty();
    }
  }
}
