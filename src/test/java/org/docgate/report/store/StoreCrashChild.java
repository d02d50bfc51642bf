package org.docgate.report.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Run in a child JVM by the crash test: stores one complete run, then begins a large one and, in the middle of
 * complete()'s transaction, says so and waits to be killed. Args: jdbc URL (or "-" for H2), data dir, findings.
 */
public final class StoreCrashChild {
  private StoreCrashChild() {}

  public static void main(String[] args) throws Exception {
    String url = args[0].equals("-") ? null : args[0];
    int findings = Integer.parseInt(args[2]);
    IntConsumer waitToBeKilled = rows -> {
      if (rows >= JdbcReportStore.BATCH_SIZE * 4) {
        System.out.println("mid-complete " + rows);
        System.out.flush();
        try {
          Thread.sleep(600_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    ReportStore store = ReportStores.open(url, Path.of(args[1]), StoredReports.CORPUS, Clock.systemUTC(), Map.of(),
        waitToBeKilled);
    long done = store.begin(StoredReports.start("start", StoredReports.T0));
    store.complete(done, StoredReports.large(100), 0.5);
    System.out.println("complete " + done);
    long run = store.begin(StoredReports.start("watch", StoredReports.T0.plusSeconds(60)));
    System.out.println("begun " + run);
    System.out.flush();
    store.complete(run, StoredReports.large(findings), 0.9);
    System.out.println("finished " + run); // the test fails if it gets here
  }
}
