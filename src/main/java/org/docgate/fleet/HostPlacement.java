package org.docgate.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where new topic keys (hosts, or {@code host#j} of a hot host) go among the URL topic's partitions: each to the
 * partition with the fewest URLs so far (then the fewest keys), largest key first. Kafka's default, a hash of the key,
 * put 100 hosts on 48 partitions so unevenly that the busiest of 4 workers had 32 % of the URLs (bench/README.md); the
 * group's assignors spread partitions by count, so a partition count must carry a near-equal backlog for the workers'
 * shares to be equal. A key placed once is never moved (see {@link HostSlots}): this only places new ones.
 *
 * <p>Ties (keys of equal weight, as on a fresh fleet) are broken by a fixed spread order, a walk through the partitions
 * with a stride near a quarter of their count and prime to it (0, 13, 26, 39, 4, 17, ... of 48): the partitions that
 * get one key more than the rest then fall into different workers' shares whether the group hands partitions out
 * round robin ({@code p mod N}, the sticky assignors on a fresh group) or in ranges (contiguous blocks, the range
 * assignor and sticky ones after workers joined one by one), for N = 1-4 workers.
 */
public final class HostPlacement {
  /** What a partition carries already: the URLs of its keys when they were placed, and how many keys. */
  public record Load(long urls, int keys) {
    public static final Load EMPTY = new Load(0, 0);
  }

  private HostPlacement() {}

  /**
   * Places new keys.
   *
   * @param partitions the URL topic's partition count
   * @param loads what each partition carries (absent: nothing)
   * @param weights each new key's known URL count (at least 1 is counted, so a key known by none still weighs)
   * @return the partition of each new key
   */
  public static Map<String, Integer> place(int partitions, Map<Integer, Load> loads, Map<String, Long> weights) {
    if (partitions < 1) {
      throw new IllegalArgumentException("a topic has at least one partition, got " + partitions);
    }
    long[] urls = new long[partitions];
    int[] keys = new int[partitions];
    loads.forEach((p, l) -> {
      if (p >= 0 && p < partitions) {
        urls[p] += l.urls();
        keys[p] += l.keys();
      }
    });
    int[] rank = new int[partitions];
    int[] order = spreadOrder(partitions);
    for (int i = 0; i < partitions; i++) {
      rank[order[i]] = i;
    }
    List<Map.Entry<String, Long>> byWeight = new ArrayList<>(weights.entrySet());
    byWeight.sort(Comparator.<Map.Entry<String, Long>>comparingLong(e -> -weight(e.getValue()))
        .thenComparing(Map.Entry::getKey));
    Map<String, Integer> placed = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : byWeight) {
      int best = 0;
      for (int p = 1; p < partitions; p++) {
        if (urls[p] < urls[best] || urls[p] == urls[best] && (keys[p] < keys[best]
            || keys[p] == keys[best] && rank[p] < rank[best])) {
          best = p;
        }
      }
      urls[best] += weight(e.getValue());
      keys[best]++;
      placed.put(e.getKey(), best);
    }
    return placed;
  }

  private static long weight(Long urls) {
    return Math.max(1, urls == null ? 0 : urls);
  }

  /** The order ties are broken in: a stride walk, the stride the first above a quarter of the count prime to it. */
  static int[] spreadOrder(int partitions) {
    int stride = partitions / 4 + 1;
    while (gcd(stride, partitions) != 1) {
      stride++;
    }
    int[] order = new int[partitions];
    for (int i = 0; i < partitions; i++) {
      order[i] = (int) ((long) i * stride % partitions);
    }
    return order;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
