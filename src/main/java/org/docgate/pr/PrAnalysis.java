package org.docgate.pr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.docgate.corpus.LoadedDocument;
import org.docgate.process.ScratchFolders;
import org.docgate.report.ScanReport;
import org.docgate.report.readiness.Gate;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.readiness.ReadinessScorer;
import org.docgate.scan.ScanOutcome;
import org.docgate.scan.ScanPipeline;
import org.docgate.scan.ScanRequest;
import org.docgate.scan.Scope;

/**
 * Changed-files mode: exports base and head into temporary folders (never touching the repository), scans both
 * through the scan pipeline, and classifies the findings of the touched documents. The pipeline is injected, so this
 * class stays free of Camel and of the command line.
 */
public final class PrAnalysis {
  private final Git git;
  private final Path repoDir;
  private final List<Gate> gates;
  private final ScanPipeline pipeline;
  private final Clock clock;
  private final boolean touchedOnly;

  /**
   * @param touchedOnly validate only the touched documents (both trees still read and indexed whole, so links are
   *     checked against all of each): the same findings for the touched files in a fraction of the time; readiness
   *     before and after then covers the touched files only. Else full scans of both trees.
   */
  public PrAnalysis(Path repoDir, Duration gitTimeout, List<Gate> gates, ScanPipeline pipeline, Clock clock,
      boolean touchedOnly) {
    this.git = new Git(repoDir, gitTimeout);
    this.repoDir = repoDir;
    this.gates = List.copyOf(gates);
    this.pipeline = pipeline;
    this.clock = clock;
    this.touchedOnly = touchedOnly;
  }

  public PrResult run(String baseRef, String headRef) throws Exception {
    git.requireRepository();
    String base = git.commit(baseRef);
    String head = git.commit(headRef);
    List<Change> changes = git.changes(base, head);
    Path work = Files.createTempDirectory("docgate-pr-");
    try {
      Path baseTree = Files.createDirectory(work.resolve("base"));
      Path headTree = Files.createDirectory(work.resolve("head"));
      git.export(base, baseTree);
      git.export(head, headTree);
      // touched-only: the first pass reads and indexes (nothing validated), the second validates the touched set
      // with the documents the first one loaded
      Scope first = touchedOnly ? Scope.NONE : Scope.ALL;
      ScanOutcome baseScan = pipeline.run(new ScanRequest(baseTree, clock.instant()).withScope(first));
      ScanOutcome headScan = pipeline.run(new ScanRequest(headTree, clock.instant()).withScope(first));
      Set<String> touched = touched(changes, links(baseScan), links(headScan));
      if (touchedOnly) {
        baseScan = pipeline.run(new ScanRequest(baseTree, clock.instant(), Scope.only(touched), baseScan.state(),
            null));
        headScan = pipeline.run(new ScanRequest(headTree, clock.instant(), Scope.only(touched), headScan.state(),
            null));
      }
      ScanReport baseReport = baseScan.report();
      ScanReport headReport = headScan.report();
      PrFindings findings = PrFindings.classify(baseReport.findings(), headReport.findings(), touched);
      Readiness before = ReadinessScorer.score(gates, baseReport.metrics(), baseReport.findings());
      Readiness after = ReadinessScorer.score(gates, headReport.metrics(), headReport.findings());
      // reported as the repository's files: SARIF locations are relative to it, and the temp tree is about to go
      ScanReport asRepo = headReport.withCorpus(repoDir.toString());
      return new PrResult(base, head, changes, touched, findings, before, after, asRepo, touchedOnly);
    } finally {
      ScratchFolders.delete(work);
    }
  }

  /** Which documents link into which paths, from the documents the scan read. */
  private static LinkIndex links(ScanOutcome scan) {
    return LinkIndex.of(scan.state().indexed().documents(),
        scan.state().indexed().loaded().stream().map(LoadedDocument::path).toList());
  }

  /** Changed documents of either tree, and the documents of either tree linking into any changed file. */
  static Set<String> touched(List<Change> changes, LinkIndex base, LinkIndex head) {
    List<String> changed = new ArrayList<>();
    changes.forEach(c -> changed.addAll(c.paths()));
    Set<String> touched = new TreeSet<>();
    for (String p : changed) {
      if (base.isDocument(p) || head.isDocument(p)) {
        touched.add(p);
      }
    }
    touched.addAll(base.linkingInto(changed));
    touched.addAll(head.linkingInto(changed));
    return touched;
  }
}
