package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

class HostPlacementTest {
  /** Which worker of {@code n} a partition goes to: round robin (a fresh sticky group) or in contiguous ranges. */
  private static final IntBinaryOperator ROUND_ROBIN = (p, n) -> p % n;
  private static final IntBinaryOperator RANGES = (p, n) -> p * n / 48;

  @Test
  void hundredEqualHostsOnFortyEightPartitionsGiveEveryWorkerOfOneToFourItsShare() {
    Map<String, Long> hosts = new LinkedHashMap<>();
    for (int h = 1; h <= 100; h++) {
      hosts.put("127.0.1." + h, 100L);
    }
    Map<String, Integer> placed = HostPlacement.place(48, Map.of(), hosts);

    int[] perPartition = new int[48];
    placed.values().forEach(p -> perPartition[p]++);
    assertThat(java.util.Arrays.stream(perPartition).boxed().toList()).allSatisfy(k -> assertThat(k).isBetween(2, 3));
    for (int n = 1; n <= 4; n++) {
      int fair = (100 + n - 1) / n; // 100, 50, 34, 25
      assertThat(busiest(placed, n, ROUND_ROBIN)).as("hosts of the busiest of %d, round robin", n).isEqualTo(fair);
      assertThat(busiest(placed, n, RANGES)).as("hosts of the busiest of %d, ranges", n).isEqualTo(fair);
    }
  }

  @Test
  void hostsOfUnequalSizeAreSpreadByUrlsNotByCount() {
    Map<String, Long> hosts = new LinkedHashMap<>();
    Random random = new Random(19);
    long total = 0;
    long largest = 0;
    for (int h = 0; h < 300; h++) {
      long urls = 1 + (long) Math.pow(10, 4 * random.nextDouble()); // 1 to 10,000: a few big hosts, many small
      hosts.put("host-" + h + ".example", urls);
      total += urls;
      largest = Math.max(largest, urls);
    }
    Map<String, Integer> placed = HostPlacement.place(48, Map.of(), hosts);

    long[] load = new long[48];
    placed.forEach((h, p) -> load[p] += hosts.get(h));
    long max = java.util.Arrays.stream(load).max().orElseThrow();
    long min = java.util.Arrays.stream(load).min().orElseThrow();
    // greedy, largest first: no partition ends more than one host above the lightest
    assertThat(max - min).isLessThanOrEqualTo(largest);
    assertThat((double) max).isLessThan(1.2 * total / 48 + largest);
  }

  @Test
  void newHostsGoToTheLightestPartitionsAndOldOnesAreNotMoved() {
    Map<Integer, HostPlacement.Load> loads = new HashMap<>();
    for (int p = 0; p < 12; p++) {
      loads.put(p, new HostPlacement.Load(p == 5 ? 10 : 500, p == 5 ? 1 : 3));
    }
    Map<String, Integer> placed = HostPlacement.place(12, loads, Map.of("new.example", 200L, "small.example", 3L));

    assertThat(placed).containsOnlyKeys("new.example", "small.example");
    assertThat(placed.get("new.example")).isEqualTo(5); // the big one first, to the lightest
    assertThat(placed.get("small.example")).isEqualTo(5); // 210 there is still the lightest
  }

  @Test
  void theTieOrderVisitsEveryPartitionOnceSpreadOverQuarters() {
    int[] order = HostPlacement.spreadOrder(48);
    assertThat(order).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 48).toArray());
    assertThat(java.util.Arrays.copyOf(order, 4)).containsExactly(0, 13, 26, 39);
    assertThat(HostPlacement.spreadOrder(1)).containsExactly(0);
    assertThat(HostPlacement.spreadOrder(12)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
  }

  private static int busiest(Map<String, Integer> placed, int workers, IntBinaryOperator owner) {
    int[] hosts = new int[workers];
    placed.values().forEach(p -> hosts[owner.applyAsInt(p, workers)]++);
    return java.util.Arrays.stream(hosts).max().orElseThrow();
  }
}
