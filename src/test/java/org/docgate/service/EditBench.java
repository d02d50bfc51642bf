package org.docgate.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusScanner;
import org.docgate.finding.Finding;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.docgate.scan.ValidatorRegistry;

/**
 * {@code bench/edits-in-process.sh}: the service's incremental path without HTTP, the store or the watcher, for
 * profiles and for checking reports. A copy of the corpus is scanned once ({@link LiveCorpus#full}); then each edit
 * appends the line {@code bench/service.sh} appends (a broken link) to every ninth Markdown file in turn and applies
 * it as the watcher does on a file event ({@link LiveCorpus#listModified}, {@link LiveCorpus#refresh}). Prints each
 * edit's time; with {@code CHECK=1} each incremental report is compared with a fresh full scan of the same files
 * (findings, stats but the snippets' process counts, metrics) and mismatches are printed. Not a unit test: no timing
 * is asserted anywhere.
 *
 * <p>Arguments: corpus, copy folder (made or replaced), edits, warm-up edits.
 */
public final class EditBench {
  private EditBench() {}

  public static void main(String[] args) throws IOException {
    Path source = Path.of(args[0]);
    Path copy = Path.of(args[1]);
    int edits = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    boolean check = "1".equals(System.getenv("CHECK"));
    boolean mixed = "1".equals(System.getenv("MIXED"));
    copyTree(source, copy);
    List<String> files = markdown(copy);
    DocgateConfig config = DocgateConfig.defaults();
    Clock clock = Clock.systemUTC();
    ValidatorRegistry registry = ValidatorRegistry.builder(config, RuleFiles.packaged()).clock(clock).build();
    LiveCorpus live = new LiveCorpus(copy, new CorpusScanner(config), Scans.pipeline(config, registry, clock), clock);
    long t0 = System.nanoTime();
    live.full();
    System.out.printf("full scan: %d ms, %d documents%n", (System.nanoTime() - t0) / 1_000_000, files.size());
    List<Double> times = new ArrayList<>();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = 0;
    int mismatches = 0;
    for (int i = -warmup; i < edits; i++) {
      if (i == 0) {
        cpu0 = os.getProcessCpuTime();
      }
      int n = i < 0 ? 9 * (warmup + i) + 4 : 9 * i;
      String path = files.get(n % files.size());
      String other = files.get((n * 7 + 3) % files.size());
      boolean listed = mixed ? edit(copy, path, other, i)
          : append(copy, path, "\n[edit " + i + "](missing-" + i + ".md)\n");
      long start = System.nanoTime();
      LiveCorpus.Update update = live.refresh(listed ? live.listModified(Set.of(path)) : null);
      double ms = (System.nanoTime() - start) / 1e6;
      if (i >= 0) {
        times.add(ms);
      }
      String verdict = "";
      if (check) {
        String diff = difference(update.report(), Scans.run(copy, new org.docgate.scan.ScanSettings(config,
            registry, clock)));
        verdict = (diff.isEmpty() ? " same as a full scan" : " MISMATCH " + diff) + " ("
            + update.report().findings().size() + " findings)";
        mismatches += diff.isEmpty() ? 0 : 1;
      }
      System.out.printf("edit %d %s: %.1f ms%s%n", i, path, ms, verdict);
    }
    List<Double> sorted = times.stream().sorted().toList();
    if (!sorted.isEmpty()) {
      // the process's CPU (every thread: the pipeline's, JIT, GC) per measured edit; meaningless with CHECK=1
      System.out.printf("edits: n=%d p50=%.1f p95=%.1f max=%.1f ms, CPU %.1f ms per edit%s%n", sorted.size(),
          sorted.get((int) Math.round(0.5 * (sorted.size() - 1))),
          sorted.get((int) Math.round(0.95 * (sorted.size() - 1))), sorted.getLast(),
          (os.getProcessCpuTime() - cpu0) / 1e6 / sorted.size(), check ? ", mismatches " + mismatches : "");
    }
    System.exit(mismatches == 0 ? 0 : 1);
  }

  private static boolean append(Path root, String path, String text) throws IOException {
    Files.writeString(root.resolve(path), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    return true;
  }

  /**
   * MIXED=1: edits of every kind a corpus-wide value reads, in turn: links to another page and none at all (the link
   * graph, orphans), prose words and term spellings (word counts, house style), shell commands and code words
   * (learned names), a version section (baselines), lines moved (every position), a file added and removed. Returns
   * whether the edit changed the file in place (else the corpus is listed again, as after a created or deleted file).
   */
  private static boolean edit(Path root, String path, String other, int i) throws IOException {
    Path file = root.resolve(path);
    String rel = relative(path, other);
    switch (Math.floorMod(i, 9)) {
      case 0 -> append(root, path, "\n[edit " + i + "](missing-" + i + ".md) and [again](" + rel + ")\n");
      case 1 -> Files.writeString(file, Files.readString(file).replaceAll("\\]\\([^)]*\\)", "]()"));
      case 2 -> append(root, path, "\nThe kubernetes and Github docs say Promethues runs on kubernetes " + i + ".\n");
      case 3 -> append(root, path, "\n```bash\nkubectl get pods\nistioctl analyze\ncrictl ps\nhelm list\n```\n\n"
          + "Run istioctl and crictl; istioctl again.\n");
      case 4 -> append(root, path, "\n## 版本与兼容策略\n\nKubernetes 1." + (20 + i % 5) + "\n");
      case 5 -> Files.writeString(file, "# Moved " + i + "\n\nTODO fill in.\n\n" + Files.readString(file));
      case 6 -> {
        Files.writeString(root.resolve("added-" + i + ".md"), "# Added\n\nSee [the page](" + path + ").\n");
        return false;
      }
      case 7 -> {
        Files.deleteIfExists(root.resolve("added-" + (i - 1) + ".md"));
        return false;
      }
      default -> Files.writeString(file, Files.readString(file).lines().filter(l -> !l.startsWith("#"))
          .collect(java.util.stream.Collectors.joining("\n")));
    }
    return true;
  }

  private static String relative(String from, String to) {
    Path dir = Path.of(from).getParent();
    return (dir == null ? Path.of(to) : dir.relativize(Path.of(to))).toString();
  }

  /** What differs between two reports' findings, stats (snippet process counts aside) and metrics; "" when none. */
  private static String difference(ScanReport incremental, ScanReport full) {
    List<String> a = incremental.findings().stream().map(Finding::toString).sorted().toList();
    List<String> b = full.findings().stream().map(Finding::toString).sorted().toList();
    StringBuilder out = new StringBuilder();
    if (!a.equals(b)) {
      List<String> onlyA = new ArrayList<>(a);
      onlyA.removeAll(b);
      List<String> onlyB = new ArrayList<>(b);
      onlyB.removeAll(a);
      out.append("findings only incremental ").append(onlyA).append(" only full ").append(onlyB).append("; ");
    }
    Map<String, Object> sa = withoutProcesses(incremental.stats());
    Map<String, Object> sb = withoutProcesses(full.stats());
    if (!sa.equals(sb)) {
      for (String k : sa.keySet()) {
        if (!String.valueOf(sa.get(k)).equals(String.valueOf(sb.get(k)))) {
          out.append("stats ").append(k).append(": ").append(sa.get(k)).append(" vs ").append(sb.get(k)).append("; ");
        }
      }
    }
    if (!incremental.metrics().equals(full.metrics())) {
      out.append("metrics ").append(incremental.metrics()).append(" vs ").append(full.metrics());
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutProcesses(Map<String, Object> stats) {
    Map<String, Object> out = new TreeMap<>(stats);
    if (out.get("snippets") instanceof Map<?, ?> snippets) {
      Map<String, Object> s = new TreeMap<>((Map<String, Object>) snippets);
      s.remove("subprocess");
      out.put("snippets", s);
    }
    return out;
  }

  private static List<String> markdown(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".md")).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (Files.exists(to)) {
      try (Stream<Path> walk = Files.walk(to)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    try (Stream<Path> walk = Files.walk(from)) {
      walk.forEach(p -> {
        try {
          Files.copy(p, to.resolve(from.relativize(p).toString()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
