package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 item 2: {@code java -jar docgate.jar scan} with JVM defaults peaked at 589 MB on a 466-file corpus (G1
 * with a quarter of the machine, C2). The jar restarts itself with the one-shot settings when it was given none, and
 * runs as started whenever someone chose.
 */
class OneShotJvmTest {
  static final Path JAVA = Path.of("/jdk/bin/java");
  static final Function<Path, Optional<Path>> NO_ARCHIVE = jar -> Optional.empty();

  static Optional<List<String>> restart(List<String> commandLine, Map<String, String> env, String... args) {
    return OneShotJvm.restartCommand(JAVA, commandLine, args, env, NO_ARCHIVE);
  }

  @Test
  void aScanStartedWithoutOptionsRestartsWithTheOneShotSettings() {
    assertThat(restart(List.of("-jar", "docgate.jar", "scan", "docs"), Map.of(), "scan", "docs", "--offline"))
        .contains(List.of("/jdk/bin/java", "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:ReservedCodeCacheSize=240m", "-XX:MaxNewSize=96m", "-XX:MinHeapFreeRatio=20",
            "-XX:MaxHeapFreeRatio=40", "-jar", "docgate.jar", "scan", "docs", "--offline"));
  }

  @Test
  void heapSizesAndPropertiesAreKeptAndComeAfterOurs() {
    List<String> command = restart(List.of("-XX:MaxRAMPercentage=75", "-Dfile.encoding=UTF-8", "-Xmx1g", "-jar",
        "/app/docgate.jar", "readiness", "/corpus"), Map.of(), "readiness", "/corpus").orElseThrow();
    assertThat(command.subList(1 + OneShotJvm.OPTIONS.size(), command.size())).containsExactly(
        "-XX:MaxRAMPercentage=75", "-Dfile.encoding=UTF-8", "-Xmx1g", "-jar", "/app/docgate.jar", "readiness", "/corpus");
  }

  @Test
  void anOptionThatChoosesTheJvmMeansItRunsAsStarted() {
    for (String chosen : List.of("-XX:+UseG1GC", "-XX:TieredStopAtLevel=1", "-agentlib:jdwp=transport=dt_socket",
        "-javaagent:jacoco.jar", "-XX:SharedArchiveFile=x.jsa", "-Xint", "--enable-preview")) {
      assertThat(restart(List.of(chosen, "-jar", "docgate.jar", "scan", "."), Map.of(), "scan", "."))
          .as(chosen).isEmpty();
    }
  }

  @Test
  void optionsFromTheEnvironmentCountAsGiven() {
    List<String> line = List.of("-jar", "docgate.jar", "scan", ".");
    assertThat(restart(line, Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseParallelGC"), "scan", ".")).isEmpty();
    assertThat(restart(line, Map.of("JDK_JAVA_OPTIONS", " -Xmx2g  -XX:+UseZGC "), "scan", ".")).isEmpty();
    // a heap size alone is a size, not a choice of JVM: the restarted JVM inherits the variable and applies it
    assertThat(restart(line, Map.of("JAVA_TOOL_OPTIONS", "-Xmx2g"), "scan", ".")).isPresent();
  }

  @Test
  void onlyCorpusReadingOneShotCommandsRestart() {
    for (String command : List.of("scan", "fix", "readiness", "pr", "issue-report")) {
      assertThat(restart(List.of("-jar", "d.jar", command), Map.of(), command)).as(command).isPresent();
    }
    for (String command : List.of("serve", "fleet", "explain", "terms", "manifest", "completion", "help")) {
      assertThat(restart(List.of("-jar", "d.jar", command), Map.of(), command)).as(command).isEmpty();
    }
    assertThat(restart(List.of("-jar", "d.jar"), Map.of())).isEmpty();
    assertThat(restart(List.of("-jar", "d.jar", "scan", "--help"), Map.of(), "scan", "--help")).isEmpty();
    assertThat(restart(List.of("-jar", "d.jar", "scan", "-V"), Map.of(), "scan", "-V")).isEmpty();
    // a folder named help is a corpus
    assertThat(restart(List.of("-jar", "d.jar", "scan", "help"), Map.of(), "scan", "help")).isPresent();
  }

  @Test
  void aJvmStartedWithAClassPathRunsAsStarted() {
    assertThat(restart(List.of("-cp", "target/classes", "org.docgate.cli.DocgateCommand", "scan", "."), Map.of(),
        "scan", ".")).isEmpty();
  }

  @Test
  void theArchiveIsTheLaunchersAndUsedWhenThereIsOne() {
    List<String> command = OneShotJvm.restartCommand(JAVA, List.of("-jar", "d.jar", "scan", "."),
        new String[] {"scan", "."}, Map.of(), jar -> Optional.of(Path.of("/cache/docgate-1-2.jsa"))).orElseThrow();
    assertThat(command).containsSequence("-XX:+AutoCreateSharedArchive",
        "-XX:SharedArchiveFile=/cache/docgate-1-2.jsa");
  }

  @Test
  void theArchiveIsNamedAfterTheJarsPathSizeAndTimeAndItsOlderOnesGo(@TempDir Path dir) throws Exception {
    Path jar = Files.writeString(dir.resolve("docgate.jar"), "12345");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_500L));
    String owner = OneShotJvm.owner(jar);
    Path cache = Files.createDirectories(dir.resolve("cache/docgate"));
    Path older = Files.writeString(cache.resolve("docgate-" + owner + "-9-9.jsa"), "old");
    Path ownerless = Files.writeString(cache.resolve("docgate-9-9.jsa"), "old");
    // another checkout's archive in the same cache folder stays: deleting it made every scan there write it again
    Path other = Files.writeString(cache.resolve("docgate-0123abcd-9-9.jsa"), "other");
    Path archive = OneShotJvm.archive(jar, Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()))
        .orElseThrow();
    assertThat(archive).isEqualTo(cache.resolve("docgate-" + owner + "-5-1700000000.jsa"));
    assertThat(older).doesNotExist();
    assertThat(ownerless).doesNotExist();
    assertThat(other).exists();
    assertThat(OneShotJvm.archive(jar, Map.of("HOME", dir.resolve("home").toString()))).contains(
        dir.resolve("home/.cache/docgate/docgate-" + owner + "-5-1700000000.jsa"));
  }

  @Test
  void theOwnerIsWhatTheLaunchersMd5sumGives(@TempDir Path dir) throws Exception {
    Path jar = Files.writeString(dir.resolve("docgate.jar"), "12345");
    Process md5 = new ProcessBuilder("bash", "-c", "printf '%s' \"$(readlink -f \"$1\")\" | md5sum", "_",
        jar.toString()).start();
    String out = new String(md5.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(md5.waitFor()).isZero();
    assertThat(OneShotJvm.owner(jar)).hasSize(8).isEqualTo(out.substring(0, 8));
  }

  /** The launcher and the jar give a scan the same settings: one list changed without the other is a fork. */
  @Test
  void theLauncherGivesAScanTheSameSettings(@TempDir Path repo) throws Exception {
    List<String> launcher = FakeLauncher.in(repo).javaArguments(Map.of(), "scan", "/corpus");
    List<String> tuning = new ArrayList<>(launcher.subList(0, launcher.indexOf("-jar")));
    tuning.removeIf(a -> a.contains("SharedArchive") || a.startsWith("-Xlog:cds"));
    assertThat(tuning).containsExactlyElementsOf(OneShotJvm.OPTIONS);
  }
}
