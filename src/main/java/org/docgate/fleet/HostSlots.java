package org.docgate.fleet;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.docgate.report.store.FleetHostSlots;

/**
 * The URL-topic partition of each topic key, kept in the shared PostgreSQL: a key seen for the first time is placed
 * by {@link HostPlacement} (the partition with the fewest URLs known, by the key's own known URL count) and keeps that
 * partition across restarts, new hosts and every process of the fleet. A host never moves: moving it while URLs of it
 * wait in its old partition would give it two owners at once, and the global per-host limit rests on one owner per
 * host. Partitions are read once per process and cached (they never change). Thread-safe.
 *
 * <p>The partition count must stay what it was when the keys were placed: a topic with another count gets
 * {@code slot mod count}, which keeps one partition per host but not the balance.
 */
public final class HostSlots {
  private final FleetHostSlots store;
  private final int partitions;
  private final Clock clock;
  private final Map<String, Integer> cache = new ConcurrentHashMap<>();

  public HostSlots(FleetHostSlots store, int partitions, Clock clock) {
    if (partitions < 1) {
      throw new IllegalArgumentException("a topic has at least one partition, got " + partitions);
    }
    this.store = store;
    this.partitions = partitions;
    this.clock = clock;
  }

  /** The partition of each task's key, placing the keys never seen before. */
  public Map<String, Integer> of(List<UrlTask> tasks) {
    Map<String, UrlTask> missing = new LinkedHashMap<>();
    for (UrlTask t : tasks) {
      if (!cache.containsKey(t.key())) {
        missing.putIfAbsent(t.key(), t);
      }
    }
    if (!missing.isEmpty()) {
      Map<String, Integer> found = store.known(List.copyOf(missing.keySet()));
      cache.putAll(found);
      List<FleetHostSlots.NewKey> fresh = new ArrayList<>();
      missing.values().stream().filter(t -> !found.containsKey(t.key()))
          .forEach(t -> fresh.add(new FleetHostSlots.NewKey(t.key(), t.host(), t.shards())));
      if (!fresh.isEmpty()) {
        cache.putAll(store.place(fresh, (loads, urls) -> {
          Map<Integer, HostPlacement.Load> byPartition = new HashMap<>();
          loads.forEach(l -> byPartition.merge(Math.floorMod(l.slot(), partitions),
              new HostPlacement.Load(l.urls(), l.keys()),
              (a, b) -> new HostPlacement.Load(a.urls() + b.urls(), a.keys() + b.keys())));
          return HostPlacement.place(partitions, byPartition, urls);
        }, clock.instant()));
      }
    }
    Map<String, Integer> out = new HashMap<>();
    tasks.forEach(t -> out.put(t.key(), Math.floorMod(cache.get(t.key()), partitions)));
    return out;
  }
}
