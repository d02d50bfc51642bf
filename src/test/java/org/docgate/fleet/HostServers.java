package org.docgate.fleet;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback HTTP servers standing for many hosts (one JDK HttpServer per address 127.0.x.y; Linux routes all of
 * 127/8 to lo), each answering after a fixed latency, that count what the politeness rules are about: every request
 * (host, path, start), requests in flight per host, and so duplicates, the most in flight per host and the shortest
 * start-to-start gap per host. Paths: {@code /gone/...} answers 404, {@code /slow-down} 429 with
 * {@code Retry-After: 15}, anything else 200. Used by the fleet tests and by bench/fleet.sh (FleetUrlBench).
 */
public final class HostServers implements AutoCloseable {
  /** One request as the server saw it. */
  public record Seen(String host, String method, String path, long startNanos) {}

  /** The politeness counts over every request. */
  public record Counts(int requests, int distinctUrls, int duplicates, int maxInFlightPerHost,
      Duration minGapPerHost, Map<String, Integer> perHost) {}

  public static final String RETRY_AFTER_SECONDS = "15";

  private final List<HttpServer> servers = new ArrayList<>();
  private final List<String> bases = new ArrayList<>();
  private final List<Seen> seen = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> peak = new ConcurrentHashMap<>();

  /** @param firstAddress e.g. "127.0.1.1": hosts are that address and the next {@code hosts - 1} in its last byte */
  public HostServers(String firstAddress, int hosts, Duration latency) throws IOException {
    String prefix = firstAddress.substring(0, firstAddress.lastIndexOf('.') + 1);
    int first = Integer.parseInt(firstAddress.substring(firstAddress.lastIndexOf('.') + 1));
    if (first + hosts - 1 > 254) {
      throw new IllegalArgumentException("at most " + (255 - first) + " hosts from " + firstAddress);
    }
    for (int h = 0; h < hosts; h++) {
      String ip = prefix + (first + h);
      HttpServer s = HttpServer.create(new InetSocketAddress(ip, 0), 1024);
      s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      s.createContext("/", exchange -> {
        long start = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        seen.add(new Seen(ip, exchange.getRequestMethod(), path, start));
        int now = inFlight.computeIfAbsent(ip, k -> new AtomicInteger()).incrementAndGet();
        peak.computeIfAbsent(ip, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        try {
          Thread.sleep(latency);
          if (path.startsWith("/slow-down")) {
            exchange.getResponseHeaders().add("Retry-After", RETRY_AFTER_SECONDS);
            exchange.sendResponseHeaders(429, -1);
          } else {
            exchange.sendResponseHeaders(path.startsWith("/gone/") ? 404 : 200, -1);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          inFlight.get(ip).decrementAndGet();
          exchange.close();
        }
      });
      s.start();
      servers.add(s);
      bases.add("http://" + ip + ":" + s.getAddress().getPort());
    }
  }

  /** {@code http://127.0.x.y:port} of host {@code i}. */
  public String base(int i) {
    return bases.get(i);
  }

  public int hosts() {
    return bases.size();
  }

  public List<Seen> seen() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  /** Forgets the requests seen so far (the next benchmark run counts its own). */
  public void reset() {
    synchronized (seen) {
      seen.clear();
    }
    peak.values().forEach(a -> a.set(0));
  }

  /** How many start-to-start gaps to one host were shorter than {@code interval}, as the server saw them. */
  public int gapsBelow(Duration interval) {
    Map<String, List<Long>> starts = new HashMap<>();
    seen().forEach(s -> starts.computeIfAbsent(s.host(), k -> new ArrayList<>()).add(s.startNanos()));
    int n = 0;
    for (List<Long> l : starts.values()) {
      l.sort(null);
      for (int i = 1; i < l.size(); i++) {
        n += l.get(i) - l.get(i - 1) < interval.toNanos() ? 1 : 0;
      }
    }
    return n;
  }

  public Counts counts() {
    List<Seen> all = seen();
    Set<String> urls = new HashSet<>();
    int duplicates = 0;
    Map<String, List<Long>> starts = new HashMap<>();
    Map<String, Integer> perHost = new TreeMap<>();
    for (Seen s : all) {
      if (!urls.add(s.host() + s.path())) {
        duplicates++;
      }
      starts.computeIfAbsent(s.host(), k -> new ArrayList<>()).add(s.startNanos());
      perHost.merge(s.host(), 1, Integer::sum);
    }
    long minGap = Long.MAX_VALUE;
    for (List<Long> l : starts.values()) {
      l.sort(null);
      for (int i = 1; i < l.size(); i++) {
        minGap = Math.min(minGap, l.get(i) - l.get(i - 1));
      }
    }
    int maxInFlight = peak.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
    return new Counts(all.size(), urls.size(), duplicates, maxInFlight,
        minGap == Long.MAX_VALUE ? null : Duration.ofNanos(minGap), perHost);
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
  }
}
