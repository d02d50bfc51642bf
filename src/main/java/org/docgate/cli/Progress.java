package org.docgate.cli;

import java.io.PrintWriter;
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

  /** Java 22+ gives a Console even when redirected; its isTerminal() tells the truth (called reflectively on 21). */
  private static boolean stderrIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
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
