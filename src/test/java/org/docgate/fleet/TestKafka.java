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
 * The real single-node KRaft broker the fleet tests share: {@code DOCGATE_TEST_KAFKA} when set (a broker that
 * {@code bin/start-kafka} started), else one this JVM starts with {@code bin/start-kafka} on the first free loopback
 * ports from 59092 (Maven Central jars, cached after the first run) and stops when it exits. Without a broker the
 * tests skip, and fail under CI=true.
 */
final class TestKafka {
  private static String bootstrap;
  private static String failure;

  private TestKafka() {}

  static synchronized String bootstrap() {
    if (bootstrap == null && failure == null) {
      String given = System.getenv("DOCGATE_TEST_KAFKA");
      if (given != null && !given.isBlank()) {
        bootstrap = given.strip();
      } else {
        start();
      }
    }
    if (bootstrap == null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("no Kafka broker under CI=true: " + failure);
      }
      Assumptions.abort("skipped: no Kafka broker (" + failure + "); bin/start-kafka starts one");
    }
    return bootstrap;
  }

  private static void start() {
    try {
      Path err = Files.createTempFile("docgate-start-kafka", ".log");
      Process p = new ProcessBuilder("bin/start-kafka").redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
        failure = "bin/start-kafka failed: " + Files.readString(err).strip();
        return;
      }
      Matcher dir = Pattern.compile("dir (\\S+) ").matcher(Files.readString(err));
      if (dir.find()) {
        String folder = dir.group(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            new ProcessBuilder("bin/start-kafka", "--stop", folder).inheritIO().start().waitFor(20, TimeUnit.SECONDS);
          } catch (IOException | InterruptedException ignored) {
            // the JVM is going; a leftover broker dies with the machine's temp dir
          }
        }));
      }
      bootstrap = out.lines().reduce((a, b) -> b).orElseThrow();
    } catch (IOException e) {
      failure = "cannot run bin/start-kafka: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "interrupted";
    }
  }
}
