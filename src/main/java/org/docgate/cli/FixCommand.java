package org.docgate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docgate.finding.Finding;
import org.docgate.report.CertainFix;
import org.docgate.report.SourceLines;
import org.docgate.report.ScanReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docgate fix <path>...}: the scan of {@code scan} (same inputs, config and rules), then the certain
 * suggestions, those SARIF offers as {@code fixes}: a unified diff by default, applied with {@code --write}.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
    description = "Apply the certain suggestions (the SARIF fixes) of a scan: a unified diff by default, the files "
        + "rewritten with --write. Report options of scan (--format, --output, ...) do not apply.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the diff was printed, or the edits written", "2:usage or fatal error, or a file to edit (or "
        + "its folder) is not writable: nothing is written"})
final class FixCommand extends ScanCommand {
  /** scan's report options; fix prints a diff, so giving one is a mistake worth saying. */
  private static final List<String> SCAN_ONLY = List.of("--format", "--output", "--pushgateway", "--link-base",
      "--help-base", "--fail-on", "--min-severity", "--path-prefix", "--fix");

  @Option(names = "--write", description = "Rewrite the files (each atomically) instead of printing the diff.")
  boolean write;

  @Override
  public Integer call() throws Exception {
    for (String name : SCAN_ONLY) {
      if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "fix: " + name + " applies to scan only");
      }
    }
    return apply(this, write).exit();
  }

  /** What {@link #apply} did: the exit code, the fixes written, and the scan they came from. */
  record Applied(int exit, int written, ScanReport report) {}

  /**
   * The scan of {@code scan}, then its certain fixes: a diff on its stdout, or with {@code write} the files
   * rewritten (all or nothing). {@code fix} and {@code scan --fix} both come through here.
   */
  static Applied apply(ScanCommand scan, boolean write) throws Exception {
    ScanReport report = scan.scanAll();
    PrintWriter out = scan.spec.commandLine().getOut();
    PrintWriter err = scan.spec.commandLine().getErr();
    Path root = scan.corpus.toAbsolutePath().normalize();
    Map<String, List<CertainFix>> byFile = new LinkedHashMap<>();
    SourceLines sources = new SourceLines(root);
    List<CertainFix> all = new ArrayList<>();
    for (Finding f : report.findings()) {
      CertainFix.of(f, sources).ifPresent(all::add);
    }
    for (CertainFix edit : FixEdits.firstOfOverlapping(all, (skipped, kept) -> err.println("skipped "
        + skipped.path() + ":" + skipped.line() + ":" + skipped.startColumn() + ": " + skipped.description()
        + ": overlaps '" + kept.description() + "', applied first"))) {
      byFile.computeIfAbsent(edit.path(), p -> new ArrayList<>()).add(edit);
    }
    Map<Path, Edited> edited = new LinkedHashMap<>();
    for (Map.Entry<String, List<CertainFix>> e : byFile.entrySet()) {
      Path file = root.resolve(e.getKey()).normalize();
      if (!file.startsWith(root) || !file.toRealPath().startsWith(root.toRealPath())) {
        err.println("skipped " + e.getKey() + ": outside the corpus");
        continue;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      edited.put(file, new Edited(e.getKey(), text, FixEdits.apply(text, e.getValue()), e.getValue().size()));
    }
    int count = edited.values().stream().mapToInt(Edited::fixes).sum();
    if (!write) {
      edited.values().forEach(e -> out.print(FixEdits.unifiedDiff(e.path(), e.before(), e.after())));
      out.flush();
      err.println(count + " fixes in " + edited.size() + " files (dry run: --write applies them)");
      return new Applied(DocgateCommand.EXIT_OK, 0, report);
    }
    List<String> blocked = new ArrayList<>();
    for (Path file : edited.keySet()) {
      if (!writable(file)) {
        blocked.add(root.relativize(file) + " is not writable");
      } else if (!writable(file.getParent())) {
        blocked.add("the folder of " + root.relativize(file) + " is not writable");
      }
    }
    if (!blocked.isEmpty()) {
      // all or nothing: a half-fixed corpus is harder to review than an untouched one
      err.println("docgate fix: nothing written: " + String.join("; ", blocked));
      return new Applied(DocgateCommand.EXIT_FATAL, 0, report);
    }
    for (Map.Entry<Path, Edited> e : edited.entrySet()) {
      replace(e.getKey(), e.getValue().after());
    }
    err.println(count + " fixes written in " + edited.size() + " files");
    err.flush();
    return new Applied(DocgateCommand.EXIT_OK, count, report);
  }

  private record Edited(String path, String before, String after, int fixes) {}

  /**
   * Writable for the user, not only for the process: we usually run as root in containers, where the permission
   * check passes for a file marked read-only; a missing owner write bit is taken as the owner's "do not edit".
   */
  private static boolean writable(Path path) throws IOException {
    if (!Files.isWritable(path)) {
      return false;
    }
    PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    return posix == null || Files.getPosixFilePermissions(path).contains(PosixFilePermission.OWNER_WRITE);
  }

  /** Writes a temp file next to {@code file}, with its permissions, and moves it over: readers never see half. */
  private static void replace(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".docgate-fix");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
