package org.docgate.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The JVM settings a one-shot run of the jar picks when {@code java -jar docgate.jar scan ...} was started without
 * any. A JVM cannot change its collector or compiler once it runs, and a jar's manifest cannot carry JVM options, so
 * the jar starts itself once more with them and passes the exit code on (bench/README.md, issue 21 item 2: JVM
 * defaults took G1 with a quarter of the machine's memory and C2, 589 MB for a links-only scan of 466 files).
 *
 * <p>The settings are {@code bin/docgate}'s for {@code scan} (a test keeps the two lists equal): C1 only, since a
 * one-shot scan ends before C2 pays off; the serial collector, which collects where G1 grows the heap; the tiered
 * code cache size, because C1's default 48 MB filled on large corpora and the full collection that flushed it left
 * a 1.2 GB heap; less free heap kept after a collection (20-40% of the old generation instead of 40-70%) and a 96 MB
 * young generation, because a scan's live data only grows until it ends (16x corpus: peak RSS 1,464 MB before). And
 * the launcher's class-data-sharing archive (same file name, so both share one), which gives back
 * more start-up time than the second JVM start costs.
 *
 * <p>Heap sizes and system properties on the command line ({@code -Xmx}, {@code -XX:MaxRAMPercentage} as the
 * container image gives, {@code -D}) are kept and passed on. Any other JVM option (a collector, a compiler setting,
 * an agent, a debugger, the launcher's own options) means someone chose: the jar then runs as started. So does every
 * command but the corpus-reading one-shot ones, and help and version requests.
 */
final class OneShotJvm {
  /** Commands that read a corpus once and exit; {@code serve} and the fleet worker live long and are left alone. */
  static final Set<String> COMMANDS = Set.of("scan", "fix", "readiness", "pr", "issue-report");

  /** The same options {@code bin/docgate} gives {@code scan}. */
  static final List<String> OPTIONS = List.of("-Xlog:disable", "-Xlog:all=warning:stderr", // warnings off stdout
      "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
      "-XX:ReservedCodeCacheSize=240m", "-XX:MaxNewSize=96m", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40");

  /** JVM options that only size memory or set properties: they go to the restarted JVM as they were given. */
  private static final List<String> KEPT_PREFIXES = List.of("-Xmx", "-Xms", "-Xss", "-D", "-XX:MaxRAMPercentage=",
      "-XX:InitialRAMPercentage=", "-XX:MinRAMPercentage=", "-XX:MaxRAM=", "-XX:MaxHeapSize=",
      "-XX:InitialHeapSize=");

  private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

  private OneShotJvm() {}

  /**
   * The command that runs {@code args} in a JVM with the one-shot settings, or empty to run them in this one.
   *
   * @param java this JVM's {@code java} executable
   * @param commandLine this process's arguments after the executable ({@code ProcessHandle.Info.arguments()})
   * @param environment JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS count as options given on the command line
   * @param archiveOf the class-data-sharing archive to use or write for a jar, when the cache folder can be written
   */
  static Optional<List<String>> restartCommand(Path java, List<String> commandLine, String[] args,
      Map<String, String> environment, Function<Path, Optional<Path>> archiveOf) {
    if (args.length == 0 || !COMMANDS.contains(args[0])) {
      return Optional.empty();
    }
    for (String arg : args) {
      if (HELP.contains(arg)) {
        return Optional.empty();
      }
    }
    int jar = commandLine.indexOf("-jar");
    if (jar < 0 || jar + 1 >= commandLine.size()) {
      return Optional.empty(); // started with -cp (tests, an IDE): whoever started it chose the JVM
    }
    List<String> given = commandLine.subList(0, jar);
    if (!allKept(given) || !allKept(words(environment.get("JAVA_TOOL_OPTIONS")))
        || !allKept(words(environment.get("JDK_JAVA_OPTIONS")))) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(OPTIONS);
    archiveOf.apply(Path.of(commandLine.get(jar + 1))).ifPresent(a -> command.addAll(List.of(
        "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + a, "-Xlog:cds=off:stderr", "-Xlog:cds+dynamic=off:stderr")));
    command.addAll(given); // after ours, so what was given wins (ours set no sizes and no properties)
    command.add("-jar");
    command.add(commandLine.get(jar + 1));
    command.addAll(List.of(args));
    return Optional.of(command);
  }

  /**
   * Runs {@code args} in a JVM with the one-shot settings when this one was started without settings; returns that
   * JVM's exit code, or empty when the command is to run here.
   */
  static Optional<Integer> restartIfUntuned(String[] args) {
    ProcessHandle.Info self = ProcessHandle.current().info();
    Optional<String[]> commandLine = self.arguments();
    if (commandLine.isEmpty()) {
      return Optional.empty();
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Map<String, String> environment = System.getenv();
    Optional<List<String>> command = restartCommand(java, List.of(commandLine.get()), args, environment,
        jar -> archive(jar, environment));
    if (command.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(run(command.get()));
    } catch (IOException e) {
      return Optional.empty(); // no second JVM (no fork allowed, java gone): run here with what this one has
    }
  }

  /** Runs the command with this process's streams; a stopped parent stops it too. */
  private static int run(List<String> command) throws IOException {
    Process child = new ProcessBuilder(command).inheritIO().start();
    Thread stop = new Thread(() -> {
      child.destroy(); // SIGTERM, so the child's own shutdown hooks run
      try {
        child.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "docgate-one-shot-child");
    Runtime.getRuntime().addShutdownHook(stop);
    while (true) {
      try {
        return child.waitFor();
      } catch (InterruptedException e) {
        // only the shutdown hook ends the child early; keep waiting for its exit code
      }
    }
  }

  /**
   * The launcher's archive: {@code $XDG_CACHE_HOME/docgate/docgate-<owner>-<jar size>-<jar mtime s>.jsa}, where the
   * owner is the first 8 hex digits of the MD5 of the jar's real path; older archives of the same jar (and the
   * owner-less names of earlier launchers) removed. Temurin 25 does not rebuild an archive whose jar changed (it
   * runs without it, 1 s slower), hence a name per build; the owner keeps two checkouts sharing a cache folder from
   * deleting each other's archive on every scan (each scan then paid 2.3 s of CPU to write it again). Empty when the
   * folder cannot be made or written.
   */
  static Optional<Path> archive(Path jar, Map<String, String> environment) {
    String base = environment.get("XDG_CACHE_HOME");
    if (base == null || base.isEmpty()) {
      String home = environment.getOrDefault("HOME", "/tmp");
      base = (home.isEmpty() ? "/tmp" : home) + "/.cache";
    }
    try {
      Path folder = Files.createDirectories(Path.of(base, "docgate"));
      if (!Files.isWritable(folder)) {
        return Optional.empty();
      }
      String owner = owner(jar);
      Path archive = folder.resolve("docgate-" + owner + "-" + Files.size(jar) + "-"
          + Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS) + ".jsa");
      if (!Files.exists(archive)) {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(folder, "docgate*.jsa")) {
          for (Path p : old) {
            String name = p.getFileName().toString();
            if (name.startsWith("docgate-" + owner + "-") || name.matches("docgate-\\d+-\\d+\\.jsa")) {
              Files.deleteIfExists(p);
            }
          }
        }
      }
      return Optional.of(archive);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The first 8 hex digits of the MD5 of the jar's real path, as the launcher computes them with md5sum. */
  static String owner(Path jar) throws IOException {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("MD5")
          .digest(jar.toRealPath().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest).substring(0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean allKept(List<String> options) {
    for (String option : options) {
      boolean kept = false;
      for (String prefix : KEPT_PREFIXES) {
        kept |= option.startsWith(prefix);
      }
      if (!kept) {
        return false;
      }
    }
    return true;
  }

  private static List<String> words(String value) {
    return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
  }
}
