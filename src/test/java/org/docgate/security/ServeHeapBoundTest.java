package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 (smaller item): {@code serve} had no heap bound (2.6 GB committed after loading 100,000 files, up to a
 * quarter of the machine). The launcher bounds it by default, {@code DOCGATE_SERVE_HEAP} or {@code DOCGATE_JAVA_OPTS}
 * override it, and one-shot scans keep their own settings. Runs the real {@code bin/docgate} in a copy of the
 * repository layout with a recording {@code java} in place of the JDK, so nothing is built or started.
 */
class ServeHeapBoundTest {
  @TempDir Path repo;
  private Path jdk;

  @BeforeEach
  void layout() throws IOException {
    Files.createDirectories(repo.resolve("bin"));
    for (String script : List.of("docgate", "find-jdk.sh")) {
      Files.copy(Path.of("bin", script), repo.resolve("bin").resolve(script));
    }
    for (String dir : List.of("src/main", "routes", "rules", "target")) {
      Files.createDirectories(repo.resolve(dir));
    }
    Files.writeString(repo.resolve("pom.xml"), "<project/>");
    Path jar = Files.writeString(repo.resolve("target/docgate.jar"), "not a jar");
    FileTime later = FileTime.fromMillis(System.currentTimeMillis() + 60_000);
    Files.setLastModifiedTime(jar, later); // newer than the sources: the launcher does not build
    jdk = repo.resolve("fake-jdk");
    Files.createDirectories(jdk.resolve("bin"));
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
    Path java = Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private List<String> javaArguments(Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(repo.resolve("bin/docgate").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", jdk.toString());
    pb.environment().put("XDG_CACHE_HOME", repo.resolve("cache").toString());
    pb.environment().remove("DOCGATE_JAVA_OPTS");
    pb.environment().remove("DOCGATE_SERVE_HEAP");
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  @Test
  void serveRunsWithABoundedHeapByDefault() throws Exception {
    List<String> args = javaArguments(Map.of(), "serve", "/corpus");
    assertThat(args).contains("-Xmx2g", "-XX:+ExitOnOutOfMemoryError");
    assertThat(args.subList(args.indexOf("-jar"), args.size())).containsExactly("-jar",
        repo.resolve("target/docgate.jar").toString(), "serve", "/corpus");
  }

  @Test
  void theOperatorCanChangeTheBound() throws Exception {
    assertThat(javaArguments(Map.of("DOCGATE_SERVE_HEAP", "6g"), "serve", "/corpus"))
        .contains("-Xmx6g").doesNotContain("-Xmx2g");
    List<String> opts = javaArguments(Map.of("DOCGATE_JAVA_OPTS", "-Xmx8g"), "serve", "/corpus");
    assertThat(opts.lastIndexOf("-Xmx8g")).as("the later -Xmx wins").isGreaterThan(opts.indexOf("-Xmx2g"));
  }

  @Test
  void aOneShotScanKeepsItsOwnSettings() throws Exception {
    assertThat(javaArguments(Map.of(), "scan", "/corpus")).contains("-XX:+UseSerialGC")
        .noneMatch(a -> a.startsWith("-Xmx"));
  }
}
