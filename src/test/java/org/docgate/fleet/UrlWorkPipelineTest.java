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

  private OwnerChecker checker(Duration interval) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(dir.resolve("links.yaml"), """
        allow: ["127.0.0.0/8"]
        concurrency: {global: 8, perHost: 1}
        interval: %dms
        fragments: {check: false}
        cache: {enabled: false}
        """.formatted(interval.toMillis()));
    return OwnerChecker.fromRules(RuleFiles.overlay(dir), Network.system(), Clock.systemUTC(), 8, (h, s) -> { });
  }

  private static UrlWork.Item item(int partition, long offset, String url, Instant queued) {
    return new UrlWork.Item(TOPIC, partition, offset,
        HotHosts.NONE.task(url, false, queued).toJson());
  }

  /**
   * Every wait here is for a condition with a deadline, never a fixed sleep before an assertion (a CI run once
   * asserted partition 1's commit while it was at 21, its second record not stored yet). The order that matters is
   * read from the server: partition 1 is stored whole before host 0 is asked for its second page, which waits its
   * interval.
   */
  @Test
  void aBatchReturnsWhileItsChecksRunAndEachPartitionCommitsUpToItsFirstRecordNotStored() throws Exception {
    Duration interval = Duration.ofSeconds(2);
    try (HostServers hosts = new HostServers("127.0.4.1", 3, Duration.ofMillis(10));
        TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of());
        OwnerChecker checker = checker(interval)) {
      Instant queued = Instant.now();
      UrlWork work = new UrlWork(fleet.urls(), checker, HostStates.NONE, Clock.systemUTC(), "w1", 2);
      long t0 = System.nanoTime();
      // partition 0: two URLs of host 0, an interval apart at least; partition 1: one URL each of hosts 1 and 2
      work.submit(List.of(item(0, 10, hosts.base(0) + "/page/a", queued), item(0, 11, hosts.base(0) + "/page/b",
          queued)));
      work.submit(List.of(item(1, 20, hosts.base(1) + "/page/c", queued), item(1, 21, hosts.base(2) + "/page/d",
          queued)));
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("two full batches handed over, not waited for")
          .isLessThan(interval);
      UrlWork.Commit partition1Whole = new UrlWork.Commit(new UrlWork.Part(TOPIC, 1), 22);
      UrlWork.Commit partition0Whole = new UrlWork.Commit(new UrlWork.Part(TOPIC, 0), 12);
      List<UrlWork.Commit> commits = new ArrayList<>();
      Deadline deadline = new Deadline(Duration.ofSeconds(30));
      while (!commits.contains(partition1Whole)) {
        deadline.check("partition 1 stored whole; commits so far " + commits);
        commits.addAll(work.stored());
      }
      List<String> askedBefore = paths(hosts);
      assertThat(commits).as("partition 1 stored whole while host 0 waits its interval for its second page")
          .doesNotContain(partition0Whole);
      assertThat(askedBefore).as("the server's order: host 0 asked for one of its pages at most (either may go"
          + " first) when partition 1 was stored whole").contains("/page/c", "/page/d")
          .filteredOn(p -> p.equals("/page/a") || p.equals("/page/b")).hasSizeLessThanOrEqualTo(1);

      // host 0's second page an interval after its first: then partition 0 is stored whole
      while (!commits.contains(partition0Whole)) {
        deadline.check("partition 0 stored whole; commits so far " + commits);
        commits.addAll(work.stored());
      }
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(interval);
      assertThat(Math.abs(start(hosts, "/page/b") - start(hosts, "/page/a"))).isGreaterThanOrEqualTo(
          interval.toNanos());
      assertThat(work.count(UrlWork.Outcome.CHECKED)).isEqualTo(4);
      assertThat(hosts.counts().duplicates()).isZero();
    }
  }

  @Test
  void aPartitionGivenAwayIsDrainedAndOneLostStoresNothingMore() throws Exception {
    Duration interval = Duration.ofSeconds(1);
    try (HostServers hosts = new HostServers("127.0.4.11", 2, Duration.ofMillis(10));
        TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of());
        OwnerChecker checker = checker(interval)) {
      Instant queued = Instant.now();
      UrlWork work = new UrlWork(fleet.urls(), checker, HostStates.NONE, Clock.systemUTC(), "w1", 5);
      work.submit(List.of(item(0, 0, hosts.base(0) + "/page/a", queued), item(1, 0, hosts.base(1) + "/page/x",
          queued), item(1, 1, hosts.base(1) + "/page/y", queued), item(1, 2, hosts.base(1) + "/page/z", queued)));
      // host 1 has had the first of its three pages (any may go first): the other two wait one and two intervals;
      // then partition 1 is lost, so they are stopped and store nothing (lost before partition 0 is drained, so the
      // drain's time cannot let them start first)
      Deadline deadline = new Deadline(Duration.ofSeconds(30));
      while (host1(hosts).isEmpty()) {
        deadline.check("host 1 asked for its first page");
      }
      long firstStart = hosts.seen().stream().filter(s -> s.host().equals("127.0.4.12")).findFirst().orElseThrow()
          .startNanos();
      work.drop(List.of(new UrlWork.Part(TOPIC, 1)));
      List<String> lost = new ArrayList<>(List.of("/page/x", "/page/y", "/page/z"));
      lost.removeAll(host1(hosts));
      assertThat(lost).as("host 1's pages still waiting for their slots when their partition was lost").hasSize(2);

      List<UrlWork.Commit> drained = work.drain(List.of(new UrlWork.Part(TOPIC, 0)));
      assertThat(drained).as("partition 0's check stored, then its offset")
          .containsExactly(new UrlWork.Commit(new UrlWork.Part(TOPIC, 0), 1));
      assertThat(fleet.urls().checkedSince(hosts.base(0) + "/page/a", queued)).isTrue();

      // nothing of partition 1 may happen from here: wait until the last slot (two intervals after host 1's first
      // start) is well past, then look
      long quietUntil = firstStart + interval.multipliedBy(3).toNanos();
      Thread.sleep(Math.max(0, Duration.ofNanos(quietUntil - System.nanoTime()).toMillis()));
      assertThat(host1(hosts)).as("no page of a lost partition requested").doesNotContainAnyElementsOf(lost);
      for (String path : lost) {
        assertThat(fleet.urls().checkedSince(hosts.base(1) + path, queued)).as(path + " stored").isFalse();
      }
      assertThat(work.stored()).isEmpty();
    }
  }

  /**
   * A partition given away (a SIGTERM'd worker leaving, a rebalance) is handed over within about one request and one
   * interval, not after the minutes its polled checks would take: the request in flight finishes and is stored, the
   * checks still waiting for the host's slot are given up (never requested here, their records left uncommitted for
   * the next owner), and the drain returns one interval after the host's last answer, so the next owner's first start
   * keeps the interval. Before, every polled check was finished first and the worker's hosts were never handed over.
   */
  @Test
  void aPartitionGivenAwayFinishesOnlyTheRequestInFlightAndHandsOverOneIntervalAfterItsAnswer() throws Exception {
    Duration interval = Duration.ofSeconds(1);
    Duration latency = Duration.ofMillis(300);
    try (HostServers hosts = new HostServers("127.0.4.31", 1, latency);
        TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of());
        OwnerChecker checker = checker(interval)) {
      Instant queued = Instant.now();
      UrlWork work = new UrlWork(fleet.urls(), checker, HostStates.NONE, Clock.systemUTC(), "w1", 10);
      UrlWork.Part part = new UrlWork.Part(TOPIC, 0);
      work.submit(List.of(item(0, 0, hosts.base(0) + "/page/a", queued)));
      Deadline deadline = new Deadline(Duration.ofSeconds(30));
      while (hosts.seen().isEmpty()) {
        deadline.check("the host asked for page a");
      }
      long started = hosts.seen().get(0).startNanos();
      List<UrlWork.Item> waiting = new ArrayList<>();
      for (int i = 1; i <= 8; i++) {
        waiting.add(item(0, i, hosts.base(0) + "/page/w" + i, queued));
      }
      work.submit(waiting); // eight more for the same host: each waits its turn behind page a

      List<UrlWork.Commit> drained = work.drain(List.of(part));
      long returned = System.nanoTime();

      assertThat(drained).as("committed up to the stored check, the rest left for the next owner")
          .containsExactly(new UrlWork.Commit(part, 1));
      assertThat(Duration.ofNanos(returned - started)).as("handed over one interval after the answer, not before")
          .isGreaterThanOrEqualTo(latency.plus(interval))
          .isLessThan(latency.plus(interval).multipliedBy(3)); // eight more checks would take 8 x 1.3 s
      Thread.sleep(interval.multipliedBy(2).toMillis());
      assertThat(paths(hosts)).as("the checks given up were never requested").containsExactly("/page/a");
      assertThat(fleet.urls().checkedSince(hosts.base(0) + "/page/w1", queued)).isFalse();
      assertThat(work.stored()).isEmpty();
    }
  }

  /**
   * A worker told to stop (SIGTERM) starts no check any more and gives up those waiting for their host, so its URL
   * route's consumer is free at once to commit what is stored and leave the group.
   */
  @Test
  void aStoppedWorkerStartsNothingAndGivesUpTheChecksWaitingForTheirHost() throws Exception {
    Duration interval = Duration.ofSeconds(1);
    try (HostServers hosts = new HostServers("127.0.4.41", 1, Duration.ofMillis(10));
        TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of());
        OwnerChecker checker = checker(interval)) {
      Instant queued = Instant.now();
      UrlWork work = new UrlWork(fleet.urls(), checker, HostStates.NONE, Clock.systemUTC(), "w1", 10);
      work.submit(List.of(item(0, 0, hosts.base(0) + "/page/a", queued), item(0, 1, hosts.base(0) + "/page/b",
          queued)));
      Deadline deadline = new Deadline(Duration.ofSeconds(30));
      while (hosts.seen().isEmpty()) {
        deadline.check("the host asked for its first page");
      }
      String first = hosts.seen().get(0).path();

      work.stop();
      work.submit(List.of(item(0, 2, hosts.base(0) + "/page/c", queued))); // a poll after the stop

      long stopped = System.nanoTime();
      List<UrlWork.Commit> drained = work.drain(List.of(new UrlWork.Part(TOPIC, 0)));
      assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(interval.multipliedBy(2));
      Thread.sleep(interval.multipliedBy(2).toMillis());
      assertThat(paths(hosts)).as("only the page asked before the stop").containsExactly(first);
      // either page may go first; a commit moves only past records stored with every one before them
      assertThat(drained).as("committed up to the first record not stored").isEqualTo(first.equals("/page/a")
          ? List.of(new UrlWork.Commit(new UrlWork.Part(TOPIC, 0), 1)) : List.of());
    }
  }

  /**
   * The result store refuses one record's result (a trigger in PostgreSQL raises for its URL, as a full disk or a
   * constraint would): the records after it are stored, but its partition is committed up to it and not past, and
   * once the store takes it again the result in hand is stored (the URL is not requested again) and the partition
   * commits whole. Nothing is lost and nothing checked twice.
   */
  @Test
  void aResultTheStoreRefusesHoldsItsPartitionsCommitUntilARetryStoresIt() throws Exception {
    try (HostServers hosts = new HostServers("127.0.4.21", 3, Duration.ofMillis(10));
        TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of());
        OwnerChecker checker = checker(Duration.ofMillis(100))) {
      String refused = hosts.base(1) + "/page/refused";
      sql(pg, "CREATE SEQUENCE refusals");
      sql(pg, """
          CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN
            IF NEW.url = '%s' THEN PERFORM nextval('refusals'); RAISE EXCEPTION 'store refuses %%', NEW.url; END IF;
            RETURN NEW;
          END $$ LANGUAGE plpgsql""".formatted(refused));
      sql(pg, "CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON fleet_urls FOR EACH ROW EXECUTE FUNCTION refuse()");
      Instant queued = Instant.now();
      UrlWork work = new UrlWork(fleet.urls(), checker, HostStates.NONE, Clock.systemUTC(), "w1", 3);
      work.submit(List.of(item(0, 0, hosts.base(0) + "/page/a", queued), item(0, 1, refused, queued),
          item(0, 2, hosts.base(2) + "/page/c", queued)));

      List<UrlWork.Commit> commits = new ArrayList<>();
      Deadline deadline = new Deadline(Duration.ofSeconds(60));
      while (refusals(pg) < 2 || !fleet.urls().checkedSince(hosts.base(2) + "/page/c", queued)) {
        deadline.check("the refused result tried twice and the record after it stored");
        commits.addAll(work.stored());
      }
      commits.addAll(work.stored());
      assertThat(commits).as("committed up to the refused record, not past it")
          .containsExactly(new UrlWork.Commit(new UrlWork.Part(TOPIC, 0), 1));
      assertThat(fleet.urls().checkedSince(refused, queued)).isFalse();

      sql(pg, "DROP TRIGGER refuse ON fleet_urls");
      UrlWork.Commit whole = new UrlWork.Commit(new UrlWork.Part(TOPIC, 0), 3);
      while (!commits.contains(whole)) {
        deadline.check("the refused result stored by a retry, its partition committed whole; commits " + commits);
        commits.addAll(work.stored());
      }
      assertThat(fleet.urls().checkedSince(refused, queued)).as("stored by the retry").isTrue();
      assertThat(work.count(UrlWork.Outcome.CHECKED)).isEqualTo(3);
      assertThat(hosts.counts().requests()).as("the retry stores the result in hand: no URL requested twice")
          .isEqualTo(3);
      assertThat(hosts.counts().duplicates()).isZero();
    }
  }

  private static void sql(TestPostgres pg, String statement) throws Exception {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg.url());
        java.sql.Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  /** How often the store refused: a sequence, which the refusing statement's rollback does not undo. */
  private static long refusals(TestPostgres pg) throws Exception {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg.url());
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END"
            + " FROM refusals")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> host1(HostServers hosts) {
    return hosts.seen().stream().filter(s -> s.host().equals("127.0.4.12")).map(HostServers.Seen::path).toList();
  }

  private static List<String> paths(HostServers hosts) {
    return hosts.seen().stream().map(HostServers.Seen::path).toList();
  }

  private static long start(HostServers hosts, String path) {
    return hosts.seen().stream().filter(s -> s.path().equals(path)).findFirst().orElseThrow().startNanos();
  }

  /** A bounded wait: {@link #check} fails once it is past, else pauses briefly before the caller looks again. */
  private static final class Deadline {
    private final long end;

    Deadline(Duration within) {
      end = System.nanoTime() + within.toNanos();
    }

    void check(String what) throws InterruptedException {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(20);
    }
  }
}
