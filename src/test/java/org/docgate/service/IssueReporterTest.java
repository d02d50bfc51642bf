package org.docgate.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.ScanReport;
import org.junit.jupiter.api.Test;

/** {@code serve --issue-report}: scheduled runs post, other runs do not, and a failed post is one log line. */
class IssueReporterTest {
  static final ScanReport REPORT = new ScanReport(ScanReport.SCHEMA, "/docs", Instant.EPOCH, Instant.EPOCH, 1,
      Map.of(), Map.of(), List.of());

  static ScanService.Latest run(long id, String trigger) {
    return new ScanService.Latest(id, trigger, REPORT, new Readiness(100, List.of()), null, Duration.ZERO);
  }

  @Test
  void onlyScheduledRunsPostAndEachGetsALogLine() {
    List<Long> posted = new ArrayList<>();
    StringWriter log = new StringWriter();
    List<ScanService.Latest> runs = List.of(run(1, "start"), run(2, "watch"), run(3, "schedule"), run(4, "api"));
    IssueReporter reporter = new IssueReporter((report, readiness) -> {
      posted.add((long) posted.size());
      return "issue octo/docs#1 updated (0 new)";
    }, Runnable::run, new PrintWriter(log));
    runs.forEach(reporter::stored);
    assertThat(posted).hasSize(1);
    assertThat(log.toString()).isEqualTo("docgate: run 3: issue octo/docs#1 updated (0 new)" + System.lineSeparator());
  }

  @Test
  void aFailedPostIsOneLogLineNotAnException() {
    StringWriter log = new StringWriter();
    IssueReporter reporter = new IssueReporter((report, readiness) -> {
      throw new IllegalStateException("GitHub API: POST /repos/o/r/issues returned HTTP 403\n::error::forged");
    }, Runnable::run, new PrintWriter(log));
    reporter.stored(run(7, "schedule"));
    assertThat(log.toString()).startsWith("docgate: run 7: issue report failed: GitHub API: POST")
        .contains("\\n::error::forged").hasLineCount(1);
  }
}
