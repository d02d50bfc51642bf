package org.docgate.report.store;

import static org.docgate.report.store.Sql.instant;
import static org.docgate.report.store.Sql.utc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The fleet's external URLs in the shared PostgreSQL (table {@code fleet_urls}, V5): one row per distinct URL with its
 * newest result, the next check time and the in-flight lease, plus which repository links to which URL
 * ({@code fleet_url_refs}). Results are opaque JSON here (the weblinks package reads and writes them). Every write is
 * safe with many workers and schedulers at once: insert-if-new, upsert where newer, leases taken with
 * {@code FOR UPDATE SKIP LOCKED}. Thread-safe. All times come from the caller's clock, never the database's.
 */
public final class FleetUrls {
  /** A URL to check: a row that was inserted or leased, so it is produced to the URL topic exactly once per cycle. */
  public record Due(String url, String host, boolean readPage) {}

  /** A stored result: its JSON and when it was checked. */
  public record Known(String result, Instant checkedAt) {}

  /**
   * What a corpus scan learned from the store.
   *
   * @param known the URLs that have a result
   * @param due the URLs this call registered (new, or now wanting their page read): the caller produces them
   */
  public record Registration(Map<String, Known> known, List<Due> due) {}

  private final PooledDatabase pool;

  FleetUrls(PooledDatabase pool) {
    this.pool = pool;
  }

  /** Which URL-topic partition each host is produced to, on the same database and connections. */
  public FleetHostSlots hostSlots() {
    return new FleetHostSlots(pool);
  }

  /**
   * Registers the URLs of one scan of {@code repository}: a URL never seen is inserted with a lease (so schedule does
   * not produce it too) and returned as due; a URL seen without its page read, now wanted with it, is leased and due
   * again; every URL's reference from the repository is stamped {@code now}. Returns the results known.
   *
   * @param urls url -> whether its page must be read (a #fragment to verify)
   * @param hostOf the host of a URL (the topic key before sub-keying)
   */
  public Registration register(String repository, Map<String, Boolean> urls, Function<String, String> hostOf,
      Instant now, Duration lease, String worker) {
    if (urls.isEmpty()) {
      return new Registration(Map.of(), List.of());
    }
    return pool.inTransaction("register the fleet URLs of " + repository, c -> {
      List<Due> due = new ArrayList<>();
      Instant leasedUntil = now.plus(lease);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO fleet_urls (url, host, read_page, next_check_at,"
          + " leased_until, leased_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING")) {
        // sorted: two scans inserting overlapping URLs take their row locks in one order (no deadlock)
        for (Map.Entry<String, Boolean> e : new java.util.TreeMap<>(urls).entrySet()) {
          String host = hostOf.apply(e.getKey());
          ps.setString(1, e.getKey());
          ps.setString(2, host);
          ps.setBoolean(3, e.getValue());
          ps.setObject(4, utc(now));
          ps.setObject(5, utc(leasedUntil));
          ps.setString(6, worker);
          if (ps.executeUpdate() > 0) {
            due.add(new Due(e.getKey(), host, e.getValue()));
          }
        }
      }
      Set<String> inserted = new LinkedHashSet<>();
      due.forEach(d -> inserted.add(d.url()));
      List<String> wantPage = urls.entrySet().stream().filter(e -> e.getValue() && !inserted.contains(e.getKey()))
          .map(Map.Entry::getKey).sorted().toList();
      if (!wantPage.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE fleet_urls SET read_page = TRUE, leased_until = ?,"
            + " leased_by = ? WHERE url = ANY (?) AND NOT read_page RETURNING url, host")) {
          ps.setObject(1, utc(leasedUntil));
          ps.setString(2, worker);
          ps.setArray(3, array(c, wantPage));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              due.add(new Due(rs.getString(1), rs.getString(2), true));
            }
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO fleet_url_refs (repository, url, seen_at)"
          + " VALUES (?, ?, ?) ON CONFLICT (repository, url) DO UPDATE SET seen_at = EXCLUDED.seen_at")) {
        for (String url : new java.util.TreeSet<>(urls.keySet())) {
          ps.setString(1, repository);
          ps.setString(2, url);
          ps.setObject(3, utc(now));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      Map<String, Known> known = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT url, result, checked_at FROM fleet_urls"
          + " WHERE url = ANY (?) AND result IS NOT NULL")) {
        ps.setArray(1, array(c, List.copyOf(urls.keySet())));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            known.put(rs.getString(1), new Known(rs.getString(2), instant(rs, 3)));
          }
        }
      }
      return new Registration(known, due);
    });
  }

  /** When each of {@code urls} that has a result was checked (one query for a whole batch). */
  public Map<String, Instant> checkedAt(List<String> urls) {
    if (urls.isEmpty()) {
      return Map.of();
    }
    return pool.read("read fleet URLs", c -> {
      Map<String, Instant> at = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT url, checked_at FROM fleet_urls WHERE url = ANY (?)"
          + " AND checked_at IS NOT NULL")) {
        ps.setArray(1, array(c, urls));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            at.put(rs.getString(1), instant(rs, 2));
          }
        }
      }
      return at;
    });
  }

  /** Whether {@code url} has a result checked at or after {@code since} (a redelivered check is skipped). */
  public boolean checkedSince(String url, Instant since) {
    return pool.read("read a fleet URL", c -> Sql.count(c,
        "SELECT COUNT(*) FROM fleet_urls WHERE url = ? AND checked_at >= ?", url, utc(since)) > 0);
  }

  /**
   * Stores a check's result unless a newer one is there ({@code ON CONFLICT ... DO UPDATE ... WHERE newer}), ends the
   * lease and sets the next check time. {@code changed_at} moves only when the result differs from the stored one.
   * Returns whether the row was written.
   */
  public boolean store(String url, String host, boolean readPage, String outcome, String result, Instant checkedAt,
      Instant nextCheckAt, String worker) {
    return pool.read("store the result of " + url, c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO fleet_urls AS u (url, host, read_page, outcome,"
          + " result, checked_at, checked_by, changed_at, next_check_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (url) DO UPDATE SET outcome = EXCLUDED.outcome, result = EXCLUDED.result,"
          + " checked_at = EXCLUDED.checked_at, checked_by = EXCLUDED.checked_by,"
          + " changed_at = CASE WHEN u.result IS DISTINCT FROM EXCLUDED.result THEN EXCLUDED.checked_at"
          + " ELSE u.changed_at END,"
          + " next_check_at = EXCLUDED.next_check_at, leased_until = NULL, leased_by = NULL"
          + " WHERE u.checked_at IS NULL OR u.checked_at < EXCLUDED.checked_at")) {
        ps.setString(1, url);
        ps.setString(2, host);
        ps.setBoolean(3, readPage);
        ps.setString(4, outcome);
        ps.setString(5, result);
        ps.setObject(6, utc(checkedAt));
        ps.setString(7, worker);
        ps.setObject(8, utc(checkedAt));
        ps.setObject(9, utc(nextCheckAt));
        return ps.executeUpdate() > 0;
      }
    });
  }

  /**
   * Leases up to {@code limit} due URLs ({@code next_check_at <= now}, no live lease) for {@code lease}: rows another
   * scheduler holds are skipped, not waited for ({@code FOR UPDATE SKIP LOCKED}), so several schedulers never lease
   * one URL twice. The caller produces the returned URLs after this returns (the lease is committed); if it dies
   * before, the lease runs out and the next cycle produces them.
   */
  public List<Due> lease(Instant now, Duration lease, int limit, String scheduler) {
    return pool.inTransaction("lease due fleet URLs", c -> {
      List<Due> due = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT url, host, read_page FROM fleet_urls"
          + " WHERE next_check_at <= ? AND (leased_until IS NULL OR leased_until <= ?)"
          + " ORDER BY next_check_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
        ps.setObject(1, utc(now));
        ps.setObject(2, utc(now));
        ps.setInt(3, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            due.add(new Due(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
          }
        }
      }
      if (!due.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE fleet_urls SET leased_until = ?, leased_by = ?"
            + " WHERE url = ANY (?)")) {
          ps.setObject(1, utc(now.plus(lease)));
          ps.setString(2, scheduler);
          ps.setArray(3, array(c, due.stream().map(Due::url).toList()));
          ps.executeUpdate();
        }
      }
      return due;
    });
  }

  /**
   * The repositories a URL result changed for since their scan read it, stamped {@code now} so the next cycle does not
   * return them again: schedule submits them, and their rescan reads the new results.
   */
  public List<String> claimStaleRepositories(Instant now) {
    return pool.inTransaction("find repositories with changed URL results", c -> {
      List<String> repositories = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("UPDATE fleet_url_refs r SET seen_at = ? FROM fleet_urls u"
          + " WHERE u.url = r.url AND u.changed_at > r.seen_at RETURNING r.repository")) {
        ps.setObject(1, utc(now));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            repositories.add(rs.getString(1));
          }
        }
      }
      return repositories.stream().distinct().sorted().toList();
    });
  }

  /**
   * URLs of one outcome, for {@code fleet status}: of one repository (those it links to), or of the whole fleet.
   *
   * @param repository null for the whole fleet (a URL linked from several repositories counts once)
   * @param outcome the stored check's outcome label, or null for URLs never checked
   * @param inFlight leased now: produced to the URL topic, the check not stored yet
   * @param due not leased and {@code next_check_at <= now}: the next schedule cycle produces them
   * @param nextDue the earliest {@code next_check_at} after now, or null
   */
  public record Tally(String repository, String outcome, long urls, long inFlight, long due, Instant nextDue) {}

  /** The URL tallies by outcome of every repository with URLs, then of the whole fleet ({@link Tally#repository} null). */
  public List<Tally> tallies(Instant now) {
    String counts = "u.outcome, COUNT(*), COUNT(*) FILTER (WHERE u.leased_until > ?),"
        + " COUNT(*) FILTER (WHERE u.next_check_at <= ? AND (u.leased_until IS NULL OR u.leased_until <= ?)),"
        + " MIN(u.next_check_at) FILTER (WHERE u.next_check_at > ?)";
    return pool.read("count the fleet URLs by state", c -> {
      List<Tally> tallies = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT r.repository, " + counts
          + " FROM fleet_url_refs r JOIN fleet_urls u ON u.url = r.url GROUP BY r.repository, u.outcome"
          + " ORDER BY r.repository, u.outcome")) {
        readTallies(ps, now, true, tallies);
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT " + counts
          + " FROM fleet_urls u GROUP BY u.outcome ORDER BY u.outcome")) {
        readTallies(ps, now, false, tallies);
      }
      return tallies;
    });
  }

  private static void readTallies(PreparedStatement ps, Instant now, boolean byRepository, List<Tally> into)
      throws SQLException {
    for (int i = 1; i <= 4; i++) {
      ps.setObject(i, utc(now));
    }
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        int col = byRepository ? 2 : 1;
        into.add(new Tally(byRepository ? rs.getString(1) : null, rs.getString(col), rs.getLong(col + 1),
            rs.getLong(col + 2), rs.getLong(col + 3), instant(rs, col + 4)));
      }
    }
  }

  /** Counts for status: URLs in all, pending (never checked), leased now, by outcome. */
  public Map<String, Long> counts(Instant now) {
    return pool.read("count the fleet URLs", c -> {
      Map<String, Long> counts = new java.util.TreeMap<>();
      counts.put("urls", Sql.count(c, "SELECT COUNT(*) FROM fleet_urls"));
      counts.put("pending", Sql.count(c, "SELECT COUNT(*) FROM fleet_urls WHERE checked_at IS NULL"));
      counts.put("leased", Sql.count(c, "SELECT COUNT(*) FROM fleet_urls WHERE leased_until > ?", utc(now)));
      counts.put("due", Sql.count(c, "SELECT COUNT(*) FROM fleet_urls WHERE next_check_at <= ?", utc(now)));
      try (PreparedStatement ps = c.prepareStatement("SELECT outcome, COUNT(*) FROM fleet_urls"
          + " WHERE outcome IS NOT NULL GROUP BY outcome"); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put("outcome." + rs.getString(1), rs.getLong(2));
        }
      }
      return counts;
    });
  }

  private static Array array(Connection c, List<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray(String[]::new));
  }
}
