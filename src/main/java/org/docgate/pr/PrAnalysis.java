package org.docgate.pr;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.docgate.config.DocgateConfig;
import org.docgate.report.readiness.Gate;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.readiness.ReadinessScorer;
import org.docgate.scan.ScanReport;
import org.docgate.validate.ValidatorRegistry;

/**
 * Changed-files mode: exports base and head into temporary folders (never touching the repository), scans both,
 * and classifies the findings of the touched documents. The scan itself is injected, so this class stays free of
 * Camel and of the command line.
 */
public final class PrAnalysis {
  /** Scans one exported tree (the CLI passes its Camel pipeline). */
  @FunctionalInterface
  public interface TreeScanner {
    ScanReport scan(Path root) throws Exception;
  }

  private final Git git;
  private final Path repoDir;
  private final DocgateConfig config;
  private final List<Gate> gates;
  private final TreeScanner scanner;
  private final TouchedScan touchedScan;

  /** Full scans of both trees through {@code scanner}: readiness before and after is the whole corpus's. */
  public PrAnalysis(Path repoDir, Duration gitTimeout, DocgateConfig config, List<Gate> gates,
      TreeScanner scanner) {
    this(repoDir, gitTimeout, config, gates, scanner, null);
  }

  private PrAnalysis(Path repoDir, Duration gitTimeout, DocgateConfig config, List<Gate> gates,
      TreeScanner scanner, TouchedScan touchedScan) {
    this.git = new Git(repoDir, gitTimeout);
    this.repoDir = repoDir;
    this.config = config;
    this.gates = List.copyOf(gates);
    this.scanner = scanner;
    this.touchedScan = touchedScan;
  }

  /**
   * Both trees parsed and indexed whole, only the touched documents validated (in process): the same findings for
   * the touched files, in a fraction of the time; readiness before and after then covers the touched files only.
   */
  public static PrAnalysis touchedOnly(Path repoDir, Duration gitTimeout, DocgateConfig config, List<Gate> gates,
      ValidatorRegistry registry, Clock clock) {
    return new PrAnalysis(repoDir, gitTimeout, config, gates, null, new TouchedScan(config, registry, clock));
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
      Set<String> touched;
      ScanReport baseReport;
      ScanReport headReport;
      if (touchedScan == null) {
        touched = touched(changes, LinkIndex.of(baseTree, config), LinkIndex.of(headTree, config));
        baseReport = scanner.scan(baseTree);
        headReport = scanner.scan(headTree);
      } else {
        TouchedScan.Tree baseIndexed = touchedScan.index(baseTree);
        TouchedScan.Tree headIndexed = touchedScan.index(headTree);
        touched = touched(changes, baseIndexed.links(), headIndexed.links());
        baseReport = touchedScan.validate(baseIndexed, touched);
        headReport = touchedScan.validate(headIndexed, touched);
      }
      PrFindings findings = PrFindings.classify(baseReport.findings(), headReport.findings(), touched);
      Readiness before = ReadinessScorer.score(gates, baseReport.metrics(), baseReport.findings());
      Readiness after = ReadinessScorer.score(gates, headReport.metrics(), headReport.findings());
      // reported as the repository's files: SARIF locations are relative to it, and the temp tree is about to go
      ScanReport asRepo = new ScanReport(headReport.schema(), repoDir.toString(), headReport.startedAt(),
          headReport.finishedAt(), headReport.documents(), headReport.metrics(), headReport.stats(),
          headReport.findings());
      return new PrResult(base, head, changes, touched, findings, before, after, asRepo, touchedScan != null);
    } finally {
      deleteTree(work);
    }
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

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        dir.toFile().setWritable(true);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
