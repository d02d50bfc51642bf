package org.docgate.process;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One checker process: a command, its stdin, a wall-clock timeout. The environment is the JVM's minus the variables
 * that make a shell, Python or node run startup code ({@code BASH_ENV}, {@code ENV}, {@code PYTHONSTARTUP},
 * {@code NODE_OPTIONS}: {@code --require}), with
 * {@code LC_ALL=C} so messages are in English. Nothing here runs a snippet: checkers only parse. Its output is read by
 * an {@link ProcessOutput} of its own (never a pool thread), at most {@value #OUTPUT_CAP_MB} MB: a checker that writes
 * more is killed at once and the run fails (its texts stay unchecked). stderr is discarded or merged into stdout, so
 * there is one pipe to drain.
 */
public final class Subprocess {
  /** gofmt's -l and -e output over 250 snippets × 3 readings is a few MB at most; more is a runaway. */
  public static final int OUTPUT_CAP_MB = 32;

  public record Result(int exitCode, String stdout, long nanos) {}

  private Subprocess() {}

  /** The absolute path of a program on the PATH, if installed. */
  public static Optional<String> find(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }

  /** Runs to completion; an {@link IOException} when it cannot start or outlives the timeout (then it is killed). */
  public static Result run(List<String> command, byte[] stdin, Duration timeout) throws IOException {
    return run(command, stdin, timeout, false);
  }

  /** As {@link #run(List, byte[], Duration)}; with {@code withStderr} the output holds stderr too (gofmt's errors). */
  public static Result run(List<String> command, byte[] stdin, Duration timeout, boolean withStderr) throws IOException {
    return run(command, stdin, timeout, withStderr, OUTPUT_CAP_MB * 1024 * 1024);
  }

  public static Result run(List<String> command, byte[] stdin, Duration timeout, boolean withStderr, int outputCap)
      throws IOException {
    long start = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(command);
    if (withStderr) {
      pb.redirectErrorStream(true);
    } else {
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    Map<String, String> env = pb.environment();
    env.remove("BASH_ENV");
    env.remove("ENV");
    env.remove("PYTHONSTARTUP");
    env.remove("NODE_OPTIONS");
    env.put("LC_ALL", "C");
    Process process = pb.start();
    try {
      ProcessOutput out = ProcessOutput.start(process.getInputStream(), outputCap, process::destroyForcibly,
          "docgate-checker-output");
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin);
      } catch (IOException e) {
        // the process exited without reading everything; its output says why
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
      }
      byte[] stdout = out.bytes(Duration.ofSeconds(5));
      if (out.overflowed()) {
        throw new IOException(command.get(0) + " wrote more than " + outputCap / 1024 + " KB of output and was"
            + " killed");
      }
      return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8), System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted", e);
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }
}
