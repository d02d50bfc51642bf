package org.docgate.fleet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.docgate.camel.CamelFleet;

/** A {@code docgate fleet worker} in its own JVM on this build's classes, offline, without /metrics. */
final class WorkerProcess {
  private WorkerProcess() {}

  /**
   * @param workDir its checkouts folder
   * @param log where its stdout and stderr go
   * @param extra more options ({@code --routes DIR})
   */
  static Process start(CamelFleet.Kafka kafka, String db, String id, Path workDir, Path log, String... extra)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "org.docgate.cli.DocgateCommand", "fleet", "worker", "--brokers", kafka.brokers(), "--topic",
        kafka.corporaTopic(), "--group", kafka.group(), "--partitions", Integer.toString(kafka.partitions()),
        "--session-timeout", Long.toString(kafka.sessionTimeout().toMillis()), "--db", db, "--worker-id", id,
        "--work-dir", workDir.toString(), "--offline", "--metrics-port", "-1"));
    cmd.addAll(List.of(extra));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
