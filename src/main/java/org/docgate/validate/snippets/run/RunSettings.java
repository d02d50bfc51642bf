package org.docgate.validate.snippets.run;

import java.time.Duration;

/**
 * Limits of one sandboxed snippet run ({@code rules/snippets/run.yaml}).
 *
 * @param enabled false refuses every run (snippets still ask with {@code {run}} or {@code <!-- docgate-run -->})
 * @param timeout wall-clock limit; the whole sandbox (every process in it) is killed when it passes
 * @param cpuSeconds CPU time per process (RLIMIT_CPU)
 * @param memoryMb address space and data segment per process (RLIMIT_AS, RLIMIT_DATA)
 * @param processes processes of the sandbox user (RLIMIT_NPROC): what stops a fork bomb
 * @param outputKb stdout and stderr kept each; a run that writes more to either is killed at once
 * @param tmpMb size of the private {@code /tmp} and the largest file a run may write (RLIMIT_FSIZE)
 */
public record RunSettings(boolean enabled, Duration timeout, int cpuSeconds, int memoryMb, int processes, int outputKb,
    int tmpMb) {
  public RunSettings {
    if (timeout.isNegative() || timeout.isZero() || cpuSeconds < 1 || memoryMb < 16 || processes < 2 || outputKb < 1
        || tmpMb < 1) {
      throw new IllegalArgumentException("run limits must be positive (memoryMb >= 16, processes >= 2)");
    }
  }

  public static RunSettings defaults() {
    return new RunSettings(true, Duration.ofSeconds(10), 5, 512, 64, 64, 16);
  }
}
