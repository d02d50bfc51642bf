package org.docgate.validate.weblinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The URLs of a host are checked by as many threads as the host may have requests in flight, not one per URL. */
class HostWorkersTest {
  private record Url(String host, int n) {}

  @Test
  void aHostsUrlsShareAsManyThreadsAsItsLimitAndEachIsCheckedOnce() {
    List<Url> urls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      urls.add(new Url("busy.example", i));
    }
    for (int i = 0; i < 3; i++) {
      urls.add(new Url("quiet.example", i));
    }
    Map<String, Set<Thread>> threads = new ConcurrentHashMap<>();
    Map<Url, Integer> checked = new ConcurrentHashMap<>();
    HostWorkers.forEach(urls, Url::host, host -> host.equals("busy.example") ? 2 : 4, u -> {
      threads.computeIfAbsent(u.host(), h -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread());
      checked.merge(u, 1, Integer::sum);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertThat(checked).hasSize(23).allSatisfy((u, times) -> assertThat(times).isEqualTo(1));
    // a thread per URL (the earlier scheduling) parked 20 threads on busy.example's two permits
    assertThat(threads.get("busy.example")).hasSizeBetween(1, 2);
    assertThat(threads.get("quiet.example")).hasSizeBetween(1, 3); // never more workers than URLs
    assertThat(threads.get("busy.example")).allMatch(Thread::isVirtual);
  }
}
