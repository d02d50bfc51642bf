package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.FleetResult;
import org.docgate.report.store.FleetUrls;
import org.docgate.report.store.RunStatus;
import org.docgate.validate.weblinks.CheckResult;
import org.docgate.validate.weblinks.Outcome;
import org.docgate.validate.weblinks.OwnerChecker;
import org.docgate.validate.weblinks.WebLinkConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code fleet schedule} on a real PostgreSQL with a clock the test moves: a URL registered by a scan is produced
 * once, its next check follows the link cache TTLs (ok 7 days, broken 6 hours, a failure soon and never as late as
 * ok), two schedulers at once never lease one URL twice (FOR UPDATE SKIP LOCKED), and a repository whose URL results
 * changed since its scan is submitted again, once.
 */
class FleetScheduleTest {
  private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

  /** A queue that records what was produced, per scheduler. */
  private static final class RecordingQueue implements UrlQueue {
    final List<UrlTask> sent = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void send(List<UrlTask> tasks) {
      sent.addAll(tasks);
    }
  }

  @Test
  void dueUrlsFollowTheCacheTtlsAndTwoSchedulersNeverLeaseOneUrlTwice() throws Exception {
    try (TestPostgres pg = new TestPostgres(); FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      FleetUrls urls = fleet.urls();
      MovableClock clock = new MovableClock(T0);
      RecordingQueue scanQueue = new RecordingQueue();
      FleetUrlBook book = new FleetUrlBook(urls, scanQueue, HotHosts.parse(List.of("hot.example=4")), clock, "w1");

      // a scan of r1 registers 200 URLs over 20 hosts: all queued once, by the scan; a second scan queues nothing
      Map<String, Boolean> links = new LinkedHashMap<>();
      for (int i = 0; i < 200; i++) {
        links.put("https://h" + (i % 20) + ".example/page/" + i, false);
      }
      links.put("https://hot.example/a", false);
      java.nio.file.Path root = java.nio.file.Files.createTempDirectory("fleet-schedule");
      book.scanning(root, "r1");
      assertThat(book.results(root, links)).isEmpty();
      assertThat(scanQueue.sent).hasSize(201);
      assertThat(scanQueue.sent).filteredOn(t -> t.host().equals("hot.example")).singleElement()
          .satisfies(t -> assertThat(t.key()).matches("hot\\.example#[0-3]"));
      assertThat(book.results(root, links)).isEmpty();
      assertThat(scanQueue.sent).as("insert-if-new: a known URL is not queued again").hasSize(201);
      fleet.record(new FleetResult("r1", root.toString(), null, "job-1", T0, RunStatus.COMPLETE, 1L, "w1", T0, null));

      RecordingQueue produced = new RecordingQueue();
      List<List<FleetJob>> resubmitted = Collections.synchronizedList(new ArrayList<>());
      UrlScheduler scheduler = new UrlScheduler(urls, fleet, produced, resubmitted::add, HotHosts.NONE, clock,
          Duration.ofMinutes(30), 50, "s1");
      assertThat(scheduler.once().urls()).as("registered URLs are leased by the scan that queued them").isZero();

      // the owners store results a minute later: 1 in 4 broken, 1 in 4 timed out, the rest ok
      clock.advance(Duration.ofMinutes(1));
      OwnerChecker ttl = new OwnerChecker(WebLinkConfig.defaults(), org.docgate.http.Network.none(), clock, 1,
          (h, s) -> { });
      Map<String, Outcome> outcomes = new LinkedHashMap<>();
      int i = 0;
      for (String url : links.keySet()) {
        Outcome o = i % 4 == 1 ? Outcome.BROKEN : i % 4 == 2 ? Outcome.TIMEOUT : Outcome.OK;
        outcomes.put(url, o);
        CheckResult r = new CheckResult(o, o == Outcome.BROKEN ? 404 : o == Outcome.OK ? 200 : 0, o.label(), null,
            null, false);
        Instant at = clock.instant();
        assertThat(urls.store(url, HotHosts.hostOf(url), false, o.label(), OwnerChecker.toJson(r), at,
            ttl.nextCheck(r, at), "w1")).isTrue();
        // the same result stored again (a redelivery) does not win: it is not newer
        assertThat(urls.store(url, HotHosts.hostOf(url), false, o.label(), OwnerChecker.toJson(r), at,
            ttl.nextCheck(r, at), "w2")).isFalse();
        i++;
      }
      long timeouts = outcomes.values().stream().filter(o -> o == Outcome.TIMEOUT).count();
      long broken = outcomes.values().stream().filter(o -> o == Outcome.BROKEN).count();

      // the results changed since r1's scan read the store: r1 is submitted again, once
      UrlScheduler.Cycle first = scheduler.once();
      assertThat(first.urls()).isZero();
      assertThat(first.repositories()).containsExactly("r1");
      assertThat(resubmitted).singleElement().satisfies(jobs -> assertThat(jobs).singleElement()
          .satisfies(j -> assertThat(j.repository()).isEqualTo("r1")));
      assertThat(scheduler.once().repositories()).as("not again until a result changes again").isEmpty();

      // 2 hours on: only the failures (a timeout is never kept like a working link)
      clock.advance(Duration.ofHours(2));
      scheduler.once();
      assertThat(produced.sent).map(UrlTask::url).containsExactlyInAnyOrderElementsOf(
          outcomes.entrySet().stream().filter(e -> e.getValue() == Outcome.TIMEOUT).map(Map.Entry::getKey).toList());
      assertThat(produced.sent).hasSize((int) timeouts);
      assertThat(scheduler.once().urls()).as("leased: not produced twice while its check runs").isZero();

      // 7 hours on: the broken ones are due too (the timeouts are still leased: 30 min lease ran out, so again)
      produced.sent.clear();
      clock.advance(Duration.ofHours(5));
      scheduler.once();
      assertThat(produced.sent).filteredOn(t -> outcomes.get(t.url()) == Outcome.BROKEN).hasSize((int) broken);
      assertThat(produced.sent).filteredOn(t -> outcomes.get(t.url()) == Outcome.OK).isEmpty();

      // 8 days on, every URL due (leases ran out): two schedulers at once share them, none leased twice
      produced.sent.clear();
      clock.advance(Duration.ofDays(8));
      RecordingQueue a = new RecordingQueue();
      RecordingQueue b = new RecordingQueue();
      UrlScheduler sa = new UrlScheduler(urls, fleet, a, jobs -> { }, HotHosts.NONE, clock, Duration.ofMinutes(30),
          7, "sa");
      UrlScheduler sb = new UrlScheduler(urls, fleet, b, jobs -> { }, HotHosts.NONE, clock, Duration.ofMinutes(30),
          7, "sb");
      CountDownLatch go = new CountDownLatch(1);
      try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
        Future<UrlScheduler.Cycle> fa = pool.submit(() -> {
          go.await();
          return sa.once();
        });
        Future<UrlScheduler.Cycle> fb = pool.submit(() -> {
          go.await();
          return sb.once();
        });
        go.countDown();
        assertThat(fa.get().urls() + fb.get().urls()).isEqualTo(links.size());
      }
      Set<String> both = new HashSet<>(a.sent.stream().map(UrlTask::url).toList());
      both.retainAll(b.sent.stream().map(UrlTask::url).toList());
      assertThat(both).as("no URL leased by both schedulers").isEmpty();
      assertThat(a.sent.size() + b.sent.size()).isEqualTo(links.size());
      assertThat(urls.counts(clock.instant())).containsEntry("urls", (long) links.size())
          .containsEntry("leased", (long) links.size());
    }
  }
}
