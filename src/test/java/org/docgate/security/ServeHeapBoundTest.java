package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.docgate.cli.FakeLauncher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 (smaller item): {@code serve} had no heap bound (2.6 GB committed after loading 100,000 files, up to a
 * quarter of the machine). The launcher bounds it by default, {@code DOCGATE_SERVE_HEAP} or {@code DOCGATE_JAVA_OPTS}
 * override it, and one-shot scans keep their own settings. Runs the real {@code bin/docgate} in a copy of the
 * repository layout with a recording {@code java} in place of the JDK ({@link FakeLauncher}), so nothing is built or
 * started.
 */
class ServeHeapBoundTest {
  @TempDir Path repo;
  private FakeLauncher launcher;

  @BeforeEach
  void layout() throws IOException {
    launcher = FakeLauncher.in(repo);
  }

  private List<String> javaArguments(Map<String, String> env, String... args) throws Exception {
    return launcher.javaArguments(env, args);
  }

  @Test
  void serveRunsWithABoundedHeapByDefault() throws Exception {
    List<String> args = javaArguments(Map.of(), "serve", "/corpus");
    assertThat(args).contains("-Xmx2g", "-XX:+ExitOnOutOfMemoryError");
    assertThat(args.subList(args.indexOf("-jar"), args.size())).containsExactly("-jar",
        launcher.jar().toString(), "serve", "/corpus");
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
