package org.docgate.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads one output stream of a child process on a thread of its own (checker processes, sandboxed runs, git), from the moment the child starts, keeping at most
 * {@code cap} bytes; past the cap it calls {@code overflow} (which kills the child) and stops reading. A reader must
 * never wait for a pool: on the common ForkJoin pool (one worker on 2 CPUs, busy with the scan's own blocking work)
 * readers queued behind blocked workers, so children blocked on full pipes until their timeout (issue 17: a 524 s scan,
 * an stderr flood run to the timeout, a correct snippet reported as printing ''). Threads are bounded by the children
 * running at once (two per sandbox run, one per checker process), which their callers bound.
 */
public final class ProcessOutput {
  /** A cap no child reaches: for callers whose children write little and must be read whole ({@code git}). */
  public static final int UNCAPPED = Integer.MAX_VALUE - 8;

  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final Thread thread;
  private final int cap;
  private volatile boolean overflowed;

  private ProcessOutput(InputStream in, int cap, Runnable overflow, String name) {
    this.cap = cap;
    this.thread = Thread.ofPlatform().daemon().name(name).unstarted(() -> read(in, overflow));
  }

  /** Starts draining {@code in} now. */
  public static ProcessOutput start(InputStream in, int cap, Runnable overflow, String name) {
    ProcessOutput drain = new ProcessOutput(in, cap, overflow, name);
    drain.thread.start();
    return drain;
  }

  private void read(InputStream in, Runnable overflow) {
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        synchronized (kept) {
          int room = cap - kept.size();
          kept.write(buf, 0, Math.min(room, n));
          if (n > room) {
            overflowed = true;
          }
        }
        if (overflowed) {
          overflow.run();
          return;
        }
      }
    } catch (IOException e) {
      // the child was killed or closed the stream; what was read is kept
    }
  }

  /** Whether the child wrote more than the cap (and was stopped). */
  public boolean overflowed() {
    return overflowed;
  }

  /** Everything the child wrote, as UTF-8, once the stream ended (when every holder of the pipe closed it). */
  public String text() throws InterruptedException {
    thread.join();
    synchronized (kept) {
      return kept.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * What was read, once the stream ended or {@code wait} passed (a grandchild may still hold the pipe open; what
   * arrived so far is the answer then).
   */
  public byte[] bytes(Duration wait) throws InterruptedException {
    thread.join(wait);
    synchronized (kept) {
      return kept.toByteArray();
    }
  }
}
