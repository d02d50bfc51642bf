package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docgate.cli.DocgateCommand;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.FleetResult;
import org.docgate.report.store.FleetUrls;
import org.docgate.report.store.RunStatus;
import org.docgate.validate.weblinks.CheckResult;
import org.docgate.validate.weblinks.Outcome;
import org.docgate.validate.weblinks.OwnerChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleet status} shows the URL work from the shared PostgreSQL: per repository (the URLs it links to) and for
 * the whole fleet (a shared URL once), by result (ok, broken, failing, skipped, pending) and by schedule (in flight,
 * due, the next due time). r1 links five URLs, one of each result, the pending one still leased by the scan that
 * queued it; r2 links one of r1's and one overdue; r3 links none.
 */
class FleetUrlStatusTest {
  @TempDir Path tmp;

  private static final String A = "https://a.example/ok";
  private static final String B = "https://b.example/gone";
  private static final String C = "https://c.example/slow";
  private static final String D = "https://d.example/new";
  private static final String E = "https://10.0.0.1/internal";
  private static final String F = "https://f.example/overdue";

  @Test
  void urlCountsByResultAndScheduleArePerRepositoryAndForTheWholeFleet() throws Exception {
    // ten minutes ago on the real clock, so the CLI (which reads the wall clock) sees the scan's lease still running
    Instant t0 = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
    try (TestPostgres pg = new TestPostgres(); FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      FleetUrls urls = fleet.urls();
      MovableClock clock = new MovableClock(t0);
      FleetUrlBook book = new FleetUrlBook(urls, tasks -> { }, HotHosts.NONE, clock, "w1");
      scan(book, "r1", A, B, C, D, E);
      scan(book, "r2", A, F);
      store(urls, A, Outcome.OK, t0, t0.plus(Duration.ofDays(7)));
      store(urls, B, Outcome.BROKEN, t0, t0.plus(Duration.ofHours(6)));
      store(urls, C, Outcome.TIMEOUT, t0, t0.plus(Duration.ofHours(1)));
      store(urls, E, Outcome.BLOCKED_BY_POLICY, t0, t0.plus(Duration.ofHours(2)));
      store(urls, F, Outcome.OK, t0.minus(Duration.ofDays(8)), t0.minus(Duration.ofDays(1)));
      for (String r : List.of("r1", "r2", "r3")) {
        fleet.record(new FleetResult(r, "/src/" + r, null, "job-" + r, t0, RunStatus.COMPLETE, 1L, "w1", t0, null));
      }

      Map<String, UrlStatus> now = byRepository(urls.tallies(t0));
      assertThat(now.get("r1")).isEqualTo(new UrlStatus("r1", 5, 1, 1, 1, 1, 1, 1, 0,
          t0.plus(Duration.ofHours(1))));
      assertThat(now.get("r2")).isEqualTo(new UrlStatus("r2", 2, 2, 0, 0, 0, 0, 0, 1,
          t0.plus(Duration.ofDays(7))));
      assertThat(now).doesNotContainKey("r3");
      assertThat(now.get(null)).as("the fleet: A once").isEqualTo(new UrlStatus(null, 6, 2, 1, 1, 1, 1, 1, 1,
          t0.plus(Duration.ofHours(1))));

      // 3 hours on: the timeout and the skipped one are due again, the scan's lease on D ran out (30 min), so D is
      // due rather than in flight; the broken one falls due next
      Map<String, UrlStatus> later = byRepository(urls.tallies(t0.plus(Duration.ofHours(3))));
      assertThat(later.get("r1")).isEqualTo(new UrlStatus("r1", 5, 1, 1, 1, 1, 1, 0, 3,
          t0.plus(Duration.ofHours(6))));
      assertThat(later.get(null)).isEqualTo(new UrlStatus(null, 6, 2, 1, 1, 1, 1, 0, 4,
          t0.plus(Duration.ofHours(6))));

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = DocgateCommand.execute(new String[] {"fleet", "status", "--db", pg.url()}, new PrintWriter(out, true),
          new PrintWriter(err, true));
      assertThat(exit).as(err.toString()).isZero();
      assertThat(out.toString().lines().dropWhile(l -> !l.startsWith("urls of")).toList()).containsExactly(
          "urls of\turls\tok\tbroken\tfailing\tskipped\tpending\tin-flight\tdue\tnext-due",
          "r1\t5\t1\t1\t1\t1\t1\t1\t0\t" + t0.plus(Duration.ofHours(1)),
          "r2\t2\t2\t0\t0\t0\t0\t0\t1\t" + t0.plus(Duration.ofDays(7)),
          "r3\t0\t0\t0\t0\t0\t0\t0\t0\t-",
          "all repositories\t6\t2\t1\t1\t1\t1\t1\t1\t" + t0.plus(Duration.ofHours(1)));
      assertThat(out.toString()).contains("3 repositories");
    }
  }

  @Test
  void anEmptyFleetHasAZeroTotal() throws Exception {
    try (TestPostgres pg = new TestPostgres(); FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      assertThat(UrlStatus.of(fleet.urls().tallies(Instant.now()))).containsExactly(UrlStatus.none(null));
    }
  }

  /** A scan of {@code repository} linking {@code links}: the new ones are inserted, leased for their first check. */
  private void scan(FleetUrlBook book, String repository, String... links) throws Exception {
    Path root = Files.createDirectories(tmp.resolve(repository));
    book.scanning(root, repository);
    Map<String, Boolean> urls = new LinkedHashMap<>();
    for (String l : links) {
      urls.put(l, false);
    }
    book.results(root, urls);
    book.scanned(root);
  }

  private static void store(FleetUrls urls, String url, Outcome o, Instant at, Instant next) {
    CheckResult r = new CheckResult(o, o == Outcome.OK ? 200 : o == Outcome.BROKEN ? 404 : 0, o.label(), null, null,
        false);
    assertThat(urls.store(url, HotHosts.hostOf(url), false, o.label(), OwnerChecker.toJson(r), at, next, "w1"))
        .isTrue();
  }

  private static Map<String, UrlStatus> byRepository(List<FleetUrls.Tally> tallies) {
    Map<String, UrlStatus> by = new LinkedHashMap<>();
    UrlStatus.of(tallies).forEach(u -> by.put(u.repository(), u));
    return by;
  }
}
