package org.docgate.metrics;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * External tools of the metrics tests (promtool, prometheus-pushgateway). Absent locally: the test is skipped with a
 * message. With {@code CI=true} (set it in .ci/run, which installs them) an absent tool fails the test instead.
 */
public final class Tools {
  private Tools() {}

  public static Path require(String name, String debianPackage) {
    Path found = find(name);
    if (found == null) {
      String message = name + " not found on PATH or in /usr/bin (Debian package " + debianPackage + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true and " + message);
      }
      Assumptions.abort("skipped: " + message);
    }
    return found;
  }

  private static Path find(String name) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.add("/usr/bin");
    for (String dir : dirs) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return Path.of(dir, name);
      }
    }
    return null;
  }

  public record Result(int exit, String output) {}

  /** Runs a command (stdin from {@code input} if not null) and returns its exit code and merged output. */
  public static Result run(String input, List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (input != null) {
      p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Result(p.exitValue(), out);
  }
}
