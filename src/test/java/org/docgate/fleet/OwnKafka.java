package org.docgate.fleet;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A broker of one test's own, started with {@code bin/start-kafka} (loopback, free ports from {@code firstPort}), that
 * the test may stop (SIGTERM: a clean shutdown), kill (SIGKILL) and start again on the same ports and log dir
 * ({@code bin/start-kafka --restart}). The shared {@link TestKafka} broker is never restarted: other tests use it.
 * Without the broker jars the test skips, and fails under CI=true.
 */
final class OwnKafka implements AutoCloseable {
  private final Path dir;
  private final String bootstrap;

  private OwnKafka(Path dir, String bootstrap) {
    this.dir = dir;
    this.bootstrap = bootstrap;
  }

  static OwnKafka start(int firstPort) throws IOException, InterruptedException {
    return start(firstPort, java.util.Map.of());
  }

  /** @param env more of bin/start-kafka's settings, e.g. DOCGATE_KAFKA_SASL_USERS for a SASL listener */
  static OwnKafka start(int firstPort, java.util.Map<String, String> env) throws IOException, InterruptedException {
    Path err = Files.createTempFile("docgate-own-kafka", ".log");
    ProcessBuilder pb = new ProcessBuilder("bin/start-kafka").redirectError(err.toFile());
    pb.environment().put("DOCGATE_KAFKA_PORT", Integer.toString(firstPort));
    pb.environment().putAll(env);
    String out = run(pb, err);
    Matcher dir = Pattern.compile("dir (\\S+) ").matcher(Files.readString(err));
    if (out == null || !dir.find()) {
      String why = "bin/start-kafka failed: " + Files.readString(err).strip();
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort("skipped: " + why);
    }
    return new OwnKafka(Path.of(dir.group(1)), out);
  }

  String bootstrap() {
    return bootstrap;
  }

  /** The SASL_PLAINTEXT listener's address (started with DOCGATE_KAFKA_SASL_USERS). */
  String saslBootstrap() throws IOException {
    return Files.readString(dir.resolve("sasl-bootstrap")).strip();
  }

  /** The broker's log, for a failure message. */
  Path dir() {
    return dir;
  }

  /** SIGTERM: the broker shuts down cleanly (its controlled shutdown); returns once the process is gone. */
  void stop() throws IOException, InterruptedException {
    end(false);
  }

  /** SIGKILL: no shutdown at all, the log dir as a crash leaves it. */
  void kill() throws IOException, InterruptedException {
    end(true);
  }

  /** The same broker again: same ports, same log dir (topics, offsets and groups as they were). */
  void restart() throws IOException, InterruptedException {
    Path err = Files.createTempFile("docgate-own-kafka", ".log");
    String out = run(new ProcessBuilder("bin/start-kafka", "--restart", dir.toString()).redirectError(err.toFile()),
        err);
    if (!bootstrap.equals(out)) {
      throw new IllegalStateException("the broker did not come back on " + bootstrap + ": " + Files.readString(err));
    }
  }

  private void end(boolean kill) throws IOException, InterruptedException {
    long pid = Long.parseLong(Files.readString(dir.resolve("pid")).strip());
    ProcessHandle broker = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no broker " + pid));
    if (kill) {
      broker.destroyForcibly();
    } else {
      broker.destroy();
    }
    try {
      broker.onExit().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the broker " + pid + " did not stop", e);
    }
  }

  private static String run(ProcessBuilder pb, Path err) throws IOException, InterruptedException {
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
      return null;
    }
    return out.lines().reduce((a, b) -> b).orElseThrow();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    new ProcessBuilder("bin/start-kafka", "--stop", dir.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
  }
}
