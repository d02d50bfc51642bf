package org.docgate.report.store;

import static org.docgate.report.store.Sql.utc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet's topic key -> URL-topic partition table ({@code fleet_host_slots}, V6): a key is placed once, when it is
 * first produced, and keeps its partition for good (see org.docgate.fleet.HostSlots). Placing is serialised across
 * processes by a transaction-scoped advisory lock, so two schedulers placing at once both see the other's loads.
 * Thread-safe.
 */
public final class FleetHostSlots {
  /** A key to place: its host (whose URLs are counted) and how many keys the host is split into. */
  public record NewKey(String key, String host, int shards) {}

  /** A partition's load: the URLs its keys had when placed, and how many keys. */
  public record SlotLoad(int slot, long urls, int keys) {}

  /** Chooses the partitions of new keys from the loads and the keys' URL counts. */
  @FunctionalInterface
  public interface Placer {
    Map<String, Integer> place(List<SlotLoad> loads, Map<String, Long> urls);
  }

  /** Any constant: the advisory lock all placing transactions of one database take. */
  private static final long LOCK = 0x646f6367L; // "docg"

  private final PooledDatabase pool;

  FleetHostSlots(PooledDatabase pool) {
    this.pool = pool;
  }

  /** The partitions of the keys that have one. */
  public Map<String, Integer> known(List<String> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    return pool.read("read the fleet's host slots", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT topic_key, slot FROM fleet_host_slots WHERE topic_key = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("text", keys.toArray(String[]::new)));
        return slots(ps);
      }
    });
  }

  /**
   * Places the keys that have no partition yet (under the lock, with the loads as they are then) and returns the
   * partitions of all of {@code keys}: those placed before by anyone keep theirs.
   */
  public Map<String, Integer> place(List<NewKey> keys, Placer placer, Instant now) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    return pool.inTransaction("place hosts on the fleet's URL partitions", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        ps.setLong(1, LOCK);
        ps.executeQuery().close();
      }
      String[] all = keys.stream().map(NewKey::key).toArray(String[]::new);
      Map<String, Integer> placed;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT topic_key, slot FROM fleet_host_slots WHERE topic_key = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("text", all));
        placed = slots(ps);
      }
      List<NewKey> fresh = keys.stream().filter(k -> !placed.containsKey(k.key())).toList();
      if (fresh.isEmpty()) {
        return placed;
      }
      Map<String, Long> perHost = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT host, COUNT(*) FROM fleet_urls WHERE host = ANY (?) GROUP BY host")) {
        ps.setArray(1, c.createArrayOf("text", fresh.stream().map(NewKey::host).distinct().toArray(String[]::new)));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            perHost.put(rs.getString(1), rs.getLong(2));
          }
        }
      }
      Map<String, Long> urls = new HashMap<>();
      fresh.forEach(k -> urls.put(k.key(), perHost.getOrDefault(k.host(), 0L) / Math.max(1, k.shards())));
      List<SlotLoad> loads = new java.util.ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT slot, SUM(urls), COUNT(*) FROM fleet_host_slots GROUP BY slot");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          loads.add(new SlotLoad(rs.getInt(1), rs.getLong(2), rs.getInt(3)));
        }
      }
      Map<String, Integer> chosen = placer.place(loads, urls);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO fleet_host_slots (topic_key, slot, urls,"
          + " assigned_at) VALUES (?, ?, ?, ?) ON CONFLICT (topic_key) DO NOTHING")) {
        for (NewKey k : fresh) {
          ps.setString(1, k.key());
          ps.setInt(2, chosen.get(k.key()));
          ps.setLong(3, urls.get(k.key()));
          ps.setObject(4, utc(now));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      placed.putAll(chosen);
      return placed;
    });
  }

  private static Map<String, Integer> slots(PreparedStatement ps) throws SQLException {
    Map<String, Integer> m = new HashMap<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getInt(2));
      }
    }
    return m;
  }
}
