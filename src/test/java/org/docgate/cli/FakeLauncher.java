package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code bin/docgate} in a copy of the repository layout, with a recording {@code java} in place of the JDK:
 * what the launcher would start is printed, nothing is built or started. For the tests of the launcher's JVM
 * settings ({@code ServeHeapBoundTest}, {@code OneShotJvmTest}).
 */
public final class FakeLauncher {
  private final Path repo;
  private final Path jdk;

  private FakeLauncher(Path repo, Path jdk) {
    this.repo = repo;
    this.jdk = jdk;
  }

  /** Lays the launcher, a jar newer than the sources (so it does not build) and a recording JDK out in {@code repo}. */
  public static FakeLauncher in(Path repo) throws IOException {
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
    Path jdk = repo.resolve("fake-jdk");
    Files.createDirectories(jdk.resolve("bin"));
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
    Path java = Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new FakeLauncher(repo, jdk);
  }

  /** The jar the launcher runs. */
  public Path jar() {
    return repo.resolve("target/docgate.jar");
  }

  /**
   * The arguments the launcher gives {@code java} for {@code docgate args...}, one per element; {@code env} is added
   * to an environment without DOCGATE_JAVA_OPTS and DOCGATE_SERVE_HEAP.
   */
  public List<String> javaArguments(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(repo.resolve("bin/docgate").toString()));
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
}
