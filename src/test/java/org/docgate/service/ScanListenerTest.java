package org.docgate.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.docgate.report.readiness.Readiness;
import org.junit.jupiter.api.Test;

/** A scan listener overrides only the events it hears; {@link ScanService.Listener#all} passes each one to all. */
class ScanListenerTest {
  @Test
  void eachListenerHearsOnlyTheEventsItOverrides() {
    List<String> heard = new ArrayList<>();
    ScanService.Listener failures = new ScanService.Listener() {
      @Override
      public void failed(String trigger, RuntimeException error) {
        heard.add("failed " + trigger);
      }
    };
    StringWriter log = new StringWriter();
    ScanService.Listener all = ScanService.Listener.all(failures, new RunLog(new PrintWriter(log)),
        ScanService.Listener.NONE);

    all.scanned(IssueReporterTest.REPORT, new Readiness(100, List.of()), Duration.ZERO);
    all.stored(new ScanService.Latest(7, "watch", IssueReporterTest.REPORT, new Readiness(100, List.of()), null,
        Duration.ZERO));
    all.failed("schedule", new IllegalStateException("disk full"));

    assertThat(heard).containsExactly("failed schedule");
    assertThat(log.toString().lines()).containsExactly(
        "docgate: run 7 (watch): 0 errors, 0 warnings, 0 info; readiness 100.0; 0.0 s",
        "docgate: run failed (schedule): disk full");
  }
}
