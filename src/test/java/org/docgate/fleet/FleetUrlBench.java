package org.docgate.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The loopback hosts and corpora of {@code MODE=urls bench/fleet.sh} (not a test): {@code hosts} servers on
 * 127.0.1.1.. answering after {@code latencyMs}, and for each run name given, {@code corpora} corpora whose
 * {@code urls} distinct URLs (over all corpora of the run, 100 links per file) go round the hosts; rules for the
 * workers. Then it reads commands from stdin: {@code reset} forgets the requests seen, {@code counts FILE} writes the
 * server-side counts of the requests since the last reset to FILE; EOF stops it. JDK classes only.
 *
 * <p>Usage: {@code FleetUrlBench OUT_DIR HOSTS LATENCY_MS CORPORA URLS CONCURRENCY INTERVAL_MS RUN...}
 */
public final class FleetUrlBench {
  private FleetUrlBench() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int hosts = Integer.parseInt(args[1]);
    long latency = Long.parseLong(args[2]);
    int corpora = Integer.parseInt(args[3]);
    int urls = Integer.parseInt(args[4]);
    int concurrency = Integer.parseInt(args[5]);
    long interval = Long.parseLong(args[6]);
    List<String> runs = List.of(args).subList(7, args.length);
    try (HostServers servers = new HostServers("127.0.1.1", hosts, Duration.ofMillis(latency))) {
      for (String run : runs) {
        for (int c = 0; c < corpora; c++) {
          Path dir = Files.createDirectories(out.resolve(run).resolve(String.format("c%02d", c)));
          StringBuilder doc = new StringBuilder();
          int file = 0;
          int mine = 0;
          // corpus c gets URL numbers c, c + corpora, ...: every host in every corpus, no URL in two corpora
          for (int i = c; i < urls; i += corpora) {
            if (mine % 100 == 0) {
              doc.append("# Links ").append(mine / 100).append("\n\n");
            }
            doc.append("- [page ").append(i).append("](").append(servers.base(i % hosts)).append('/').append(run)
                .append("/page/").append(i).append(")\n");
            mine++;
            if (mine % 100 == 0) {
              Files.writeString(dir.resolve(String.format("links-%03d.md", file++)), doc);
              doc.setLength(0);
            }
          }
          if (!doc.isEmpty()) {
            Files.writeString(dir.resolve(String.format("links-%03d.md", file)), doc);
          }
        }
      }
      Path rules = Files.createDirectories(out.resolve("rules"));
      Files.writeString(rules.resolve("links.yaml"), """
          # bench/fleet.sh MODE=urls: loopback hosts allowed; each worker at most %d requests in flight; per host 1 in
          # flight and %d ms between starts (the politeness the fleet must hold globally)
          allow: ["127.0.0.0/8"]
          concurrency: {global: %d, perHost: 1}
          interval: %dms
          fragments: {check: false}
          cache: {enabled: false}
          """.formatted(concurrency, interval, concurrency, interval), StandardCharsets.UTF_8);
      Files.writeString(out.resolve("ready"), "serving " + hosts + " hosts\n", StandardCharsets.UTF_8);
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals("reset")) {
          servers.reset();
        } else if (line.startsWith("counts ")) {
          HostServers.Counts k = servers.counts();
          List<HostServers.Seen> seen = servers.seen();
          long first = seen.stream().mapToLong(HostServers.Seen::startNanos).min().orElse(0);
          long last = seen.stream().mapToLong(HostServers.Seen::startNanos).max().orElse(0);
          int hostsSeen = k.perHost().size();
          Path tmp = Path.of(line.substring(7) + ".tmp");
          Files.writeString(tmp, "{\"requests\": %d, \"distinct\": %d, \"duplicates\": %d, \"maxInFlightPerHost\": %d,"
              .formatted(k.requests(), k.distinctUrls(), k.duplicates(), k.maxInFlightPerHost())
              + " \"minGapMs\": %.1f, \"spanS\": %.3f, \"hosts\": %d, \"gapsBelowInterval\": %d}\n".formatted(
                  k.minGapPerHost() == null ? -1.0 : k.minGapPerHost().toNanos() / 1e6, (last - first) / 1e9,
                  hostsSeen, servers.gapsBelow(Duration.ofMillis(interval))));
          Files.move(tmp, Path.of(line.substring(7)), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
      }
    }
    System.exit(0);
  }
}
