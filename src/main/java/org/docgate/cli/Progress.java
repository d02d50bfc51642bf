package org.docgate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.docgate.scan.ScanProgress;

/**
 * A progress line on stderr for scans that take over two seconds, only when stderr is a terminal (never in CI logs
 * or pipes). Shows files read and checked and the elapsed time; cleared when the scan ends.
 */
final class Progress implements AutoCloseable {
  private static final long DELAY_MS = 2000;
  private final Thread thread;
  private final PrintWriter err;
  private final ScanProgress progress;
  private volatile boolean shown;

  private Progress(PrintWriter err, ScanProgress progress) {
    this.err = err;
    this.progress = progress;
    this.thread = new Thread(this::loop, "docgate-progress");
    this.thread.setDaemon(true);
  }

  static Progress startIfTerminal(PrintWriter err, boolean enabled, ScanProgress progress) {
    Progress p = new Progress(err, progress);
    if (enabled && stderrIsTerminal()) {
      p.thread.start();
    }
    return p;
  }

  /**
   * The line goes to stderr, so stderr is what must be a terminal: {@code System.console()} describes stdin and
   * stdout, which printed the line into {@code 2>log} files and hid it in {@code scan --format json > r.json}. On
   * Linux the answer is where file descriptor 2 points; elsewhere the console is the best guess.
   */
  private static boolean stderrIsTerminal() {
    return isTerminal(Path.of("/proc/self/fd/2")).orElseGet(() -> System.console() != null);
  }

  /** Whether the descriptor link points at a terminal device; empty when there is no such link (not Linux). */
  static Optional<Boolean> isTerminal(Path descriptorLink) {
    try {
      String target = Files.readSymbolicLink(descriptorLink).toString();
      return Optional.of(target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
          || target.equals("/dev/console"));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private void loop() {
    long start = System.currentTimeMillis();
    String[] spin = {"|", "/", "-", "\\"};
    try {
      Thread.sleep(DELAY_MS);
      for (int i = 0; ; i++) {
        shown = true;
        err.print("\r\033[Kdocgate: " + spin[i % 4] + " " + progress.describe() + ", "
            + (System.currentTimeMillis() - start) / 1000 + " s");
        err.flush();
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    thread.interrupt();
    if (shown) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
