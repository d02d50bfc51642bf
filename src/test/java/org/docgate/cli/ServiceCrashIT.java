package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.docgate.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service killed with SIGKILL in the middle of its start scan of the shared corpus: after a restart the complete
 * runs are intact, the interrupted run is marked failed, and a new scan completes.
 */
class ServiceCrashIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private Process serve(Path corpus, Path data, int port, Path log) throws IOException {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        JarIT.JAR.toString(), "serve", corpus.toString(), "--data", data.toString(), "--port", Integer.toString(port),
        "--management-port", Integer.toString(freePort()), "--offline", "--schedule", "off", "--watch", "0",
        "--only", "links,versions,completeness,terms");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }

  private JsonNode await(int port, String path, Predicate<JsonNode> until, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .build(), HttpResponse.BodyHandlers.ofString()).body());
        if (until.test(last)) {
          return last;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no answer of " + path + " matched within " + within + "; last: " + last);
  }

  @Test
  void aKilledScanIsMarkedFailedAndCompleteRunsSurvive(@TempDir Path data, @TempDir Path logs) throws Exception {
    Path corpus = SharedFiles.referenceCorpus().toAbsolutePath();
    int port = freePort();
    Process first = serve(corpus, data, port, logs.resolve("first.log"));
    JsonNode completeRun;
    try {
      await(port, "/health/ready", n -> n.path("status").asText().equals("UP"), Duration.ofMinutes(3));
      completeRun = await(port, "/api/runs", n -> n.path("total").asInt() == 1, Duration.ofSeconds(10))
          .path("items").get(0);
      assertThat(completeRun.path("status").asText()).isEqualTo("complete");
    } finally {
      first.destroyForcibly().waitFor();
    }

    // killed in the middle of its start scan: a fresh JVM parses and validates the whole corpus for seconds, while
    // a scan asked of a warm service reuses what it kept and can end before a kill lands
    int port1 = freePort();
    Process killed = serve(corpus, data, port1, logs.resolve("killed.log"));
    try {
      await(port1, "/api/runs", n -> n.path("total").asInt() == 2
          && n.path("items").get(0).path("status").asText().equals("running"), Duration.ofMinutes(3));
    } finally {
      killed.destroyForcibly().waitFor();
    }

    int port2 = freePort();
    Process second = serve(corpus, data, port2, logs.resolve("second.log"));
    try {
      await(port2, "/health/ready", n -> n.path("status").asText().equals("UP"), Duration.ofMinutes(3));
      JsonNode runs = await(port2, "/api/runs", n -> n.path("total").asInt() == 3, Duration.ofSeconds(10));
      JsonNode newest = runs.path("items").get(0);
      JsonNode interrupted = runs.path("items").get(1);
      JsonNode oldest = runs.path("items").get(2);
      assertThat(newest.path("status").asText()).isEqualTo("complete");
      assertThat(newest.path("trigger").asText()).isEqualTo("start");
      assertThat(interrupted.path("status").asText()).isEqualTo("failed");
      assertThat(interrupted.path("error").asText()).contains("interrupted");
      assertThat(interrupted.path("trigger").asText()).isEqualTo("start");
      assertThat(oldest.path("id").asLong()).isEqualTo(completeRun.path("id").asLong());
      assertThat(oldest.path("status").asText()).isEqualTo("complete");
      assertThat(oldest.path("findings").asLong()).isEqualTo(completeRun.path("findings").asLong());
      JsonNode stored = await(port2, "/api/runs/" + oldest.path("id").asLong() + "/findings?size=1",
          n -> n.has("total"), Duration.ofSeconds(10));
      assertThat(stored.path("total").asLong()).isEqualTo(completeRun.path("findings").asLong());
      assertThat(newest.path("findings").asLong()).isEqualTo(completeRun.path("findings").asLong());
    } finally {
      second.destroy();
      second.waitFor();
    }
  }
}
