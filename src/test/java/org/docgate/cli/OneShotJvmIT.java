package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 item 2, on the packaged jar: {@code java -jar docgate.jar scan} runs the scan in a second JVM with the
 * one-shot settings and its exit code and output; a JVM option that chooses the collector keeps it in the first.
 */
class OneShotJvmIT {
  static final Path JAR = Path.of(System.getProperty("docgate.jar", "target/docgate.jar")).toAbsolutePath();
  static final Path DEMO = Path.of("examples/demo").toAbsolutePath();

  record Run(int exit, String out, List<String> childCommand) {}

  /** Runs the jar and records the command line of the JVM it starts, if any. */
  static Run jar(Path workDir, List<String> jvmOptions, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "out", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("XDG_CACHE_HOME", workDir.resolve("cache").toString());
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    Process p = pb.start();
    List<String> child = List.of();
    // the scan's JVM lives for seconds (Camel's start alone is one); the last look counts, since right after the fork
    // a child still shows its parent's command line
    while (p.isAlive()) {
      Optional<String[]> seen = p.children().filter(c -> c.info().command().orElse("").endsWith("/java"))
          .findFirst().flatMap(c -> c.info().arguments());
      child = seen.map(List::of).orElse(child);
      Thread.sleep(20);
    }
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("docgate finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), child);
  }

  @Test
  void aPlainJavaJarScanRunsWithTheOneShotSettings(@TempDir Path dir) throws Exception {
    Run run = jar(dir, List.of(), "scan", DEMO.toString(), "--offline", "--only", "links", "--format", "json");
    assertThat(run.childCommand()).containsAll(OneShotJvm.OPTIONS)
        .containsSubsequence("-jar", JAR.toString(), "scan", DEMO.toString(), "--offline");
    assertThat(run.exit()).as("the scan's exit code: the demo corpus has broken links").isEqualTo(1);
    assertThat(run.out()).contains("\"rule\" : \"links/missing-file\"");
    assertThat(dir.resolve("cache/docgate")).isDirectoryContaining("glob:**/docgate-*.jsa");
  }

  @Test
  void aHeapSizeGivenIsPassedOn(@TempDir Path dir) throws Exception {
    Run run = jar(dir, List.of("-Xmx300m"), "scan", DEMO.toString(), "--offline", "--only", "links");
    assertThat(run.childCommand()).contains("-XX:+UseSerialGC", "-Xmx300m");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void theJvmsOwnWarningsStayOffStdout(@TempDir Path dir) throws Exception {
    // -Xmx64m is smaller than the one-shot settings' young generation (96 MB): the JVM warns, on stdout by default,
    // which would corrupt the JSON report
    Run run = jar(dir, List.of("-Xmx64m"), "scan", DEMO.toString(), "--offline", "--only", "links", "--format", "json");
    assertThat(run.childCommand()).contains("-Xmx64m");
    assertThat(run.out()).startsWith("{").doesNotContain("[warning]");
  }

  @Test
  void aChosenCollectorKeepsTheScanInTheJvmThatWasStarted(@TempDir Path dir) throws Exception {
    Run run = jar(dir, List.of("-XX:+UseG1GC"), "scan", DEMO.toString(), "--offline", "--only", "links");
    assertThat(run.childCommand()).isEmpty();
    assertThat(run.exit()).isEqualTo(1);
  }
}
