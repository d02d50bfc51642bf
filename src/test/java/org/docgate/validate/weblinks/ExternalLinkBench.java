package org.docgate.validate.weblinks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The servers and corpus of {@code bench/external-links.sh} (not a test): {@code hosts} loopback hosts
 * (127.0.1.1, 127.0.1.2, ...), each a JDK HttpServer that answers every request after {@code delayMs}; a corpus of
 * {@code urls} distinct URLs spread evenly over them, 100 links per file; rules for docgate. Writes {@code ready}
 * when serving and stops by itself after {@code maxSeconds} (or when its stdin closes). JDK classes only.
 *
 * <p>Usage: {@code ExternalLinkBench OUT_DIR URLS HOSTS DELAY_MS MAX_SECONDS}
 */
public final class ExternalLinkBench {
  private ExternalLinkBench() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int urls = Integer.parseInt(args[1]);
    int hosts = Integer.parseInt(args[2]);
    long delay = Long.parseLong(args[3]);
    long maxSeconds = Long.parseLong(args[4]);
    if (hosts > 250) {
      throw new IllegalArgumentException("at most 250 hosts (127.0.1.1-127.0.1.250)");
    }
    AtomicLong requests = new AtomicLong();
    List<HttpServer> servers = new ArrayList<>();
    List<String> bases = new ArrayList<>();
    for (int h = 0; h < hosts; h++) {
      String ip = "127.0.1." + (h + 1);
      HttpServer s = HttpServer.create(new InetSocketAddress(ip, 0), 1024);
      s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      s.createContext("/", exchange -> {
        requests.incrementAndGet();
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      s.start();
      servers.add(s);
      bases.add("http://" + ip + ":" + s.getAddress().getPort());
    }
    writeCorpus(out, urls, bases);
    Files.writeString(out.resolve("ready"), "serving " + hosts + " hosts\n", StandardCharsets.UTF_8);
    Thread stdinWatch = Thread.ofPlatform().daemon().start(() -> {
      try {
        while (System.in.read() >= 0) {
          // wait for EOF
        }
      } catch (IOException e) {
        // closed
      }
    });
    stdinWatch.join(TimeUnit.SECONDS.toMillis(maxSeconds));
    servers.forEach(s -> s.stop(0));
    long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
    Files.writeString(out.resolve("requests"), requests.get() + " " + cpuMillis + "\n", StandardCharsets.UTF_8);
    System.exit(0);
  }

  private static void writeCorpus(Path out, int urls, List<String> bases) throws IOException {
    Path corpus = Files.createDirectories(out.resolve("corpus"));
    StringBuilder doc = new StringBuilder();
    int file = 0;
    for (int i = 0; i < urls; i++) {
      if (i % 100 == 0) {
        doc.append("# Links ").append(i / 100).append("\n\n");
      }
      // consecutive links go to different hosts, as in a real corpus
      doc.append("- [page ").append(i).append("](").append(bases.get(i % bases.size())).append("/page/")
          .append(i).append(")\n");
      if (i % 100 == 99 || i == urls - 1) {
        Files.writeString(corpus.resolve(String.format("links-%03d.md", file++)), doc, StandardCharsets.UTF_8);
        doc.setLength(0);
      }
    }
    for (String variant : List.of("nocache", "cache")) {
      Path rules = Files.createDirectories(out.resolve("rules-" + variant));
      Files.writeString(rules.resolve("links.yaml"), """
          # benchmark: loopback hosts allowed; per-host limit 4 (the default); global above 100 x 4 so that the
          # per-host limit is what binds
          allow: ["127.0.0.0/8"]
          concurrency: {global: 512, perHost: 4}
          fragments: {check: false}
          cache: {enabled: %s, directory: "%s"}
          """.formatted(variant.equals("cache"), out.resolve("cache")), StandardCharsets.UTF_8);
    }
  }
}
