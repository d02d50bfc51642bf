package org.docgate.validate.snippets.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.docgate.process.ProcessOutput;
import org.docgate.process.Subprocess;

/**
 * Runs a snippet confined by bubblewrap, never on the host. The sandbox sees {@code /usr} and {@code /etc} read-only
 * (not the corpus, not {@code /home} or {@code /root}), a private /proc and /dev, no network (only its own loopback),
 * no capabilities, an empty environment, and its own session and PID namespace, so killing bwrap kills every process
 * of the run. {@code prlimit} caps CPU seconds, address space and data segment, file size and processes. RLIMIT_NPROC
 * is not enforced for uid 0, so when docgate runs as root {@code setpriv} first drops to an unprivileged uid of its own
 * ({@value #UID_BASE}+n, one per concurrent run so runs do not share a process count). Whether all this works on this
 * machine is probed once and cached; when it does not, {@link #unavailable()} says why and nothing runs.
 *
 * <p>Memory. Every tmpfs is host memory, so only two can be written, both sized: {@code /tmp} (the work dir and
 * {@code $HOME}, {@code tmpMb}) and {@code /dev/shm} ({@value #SHM_BYTES} bytes: enough for POSIX semaphores such as
 * Python's multiprocessing locks). bwrap's root and {@code /dev} are tmpfs too: both are remounted read-only once
 * their mount points exist (a snippet wrote 2,100 MB there against a 16 MB /tmp before, issue 17). Processes are
 * bounded by RLIMIT_AS/RLIMIT_DATA each ({@code memoryMb}) and RLIMIT_NPROC; a cgroup memory.max would bound their
 * sum tighter, but needs a delegated cgroup v2 memory controller, which docgate does not manage (the CI and
 * development machines here have memory on the v1 hierarchy only). So one run holds at most
 * {@code tmpMb + 1 MB + processes × memoryMb}, and at most {@value #PARALLEL_RUNS} runs are alive at once in one JVM
 * (a semaphore): a scan with many runnable snippets queues them instead of multiplying the bound. SysV shared memory
 * and memfd files, which no rlimit counts, are refused by a seccomp program ({@link SeccompFilter}) where docgate
 * knows the machine's syscall numbers (x86-64, aarch64).
 */
public final class Sandbox {
  static final int UID_BASE = 200_000;
  /** Size of the sandbox's /dev/shm. */
  static final long SHM_BYTES = 1024 * 1024;
  /** Sandbox runs alive at once in this JVM, whatever their caller: the factor of the memory bound. */
  static final int PARALLEL_RUNS = 2;
  private static final Semaphore RUNS = new Semaphore(PARALLEL_RUNS, true);
  private static final String[] ROOT_LINKS = {"bin", "lib", "lib64", "sbin"};
  /**
   * Runs its arguments, then waits until it is the last process besides bwrap's init, so a run is over only when
   * everything it started has ended: a fork bomb or a forgotten background job ends at the timeout instead of being
   * killed unseen when the snippet's shell returns.
   */
  private static final String WAIT_ALL =
      "\"$@\"; rc=$?; while :; do set -- /proc/[0-9]*; [ $# -le 2 ] && break; sleep 0.05; done; exit $rc";

  /** How a run ended. */
  enum Status { EXITED, TIMED_OUT, OUTPUT_LIMIT }

  /** @param processes processes of the run still alive when it was stopped at the timeout (0 otherwise) */
  record Result(Status status, int exitCode, String stdout, String stderr, long nanos, long processes) {
    boolean ok() {
      return status == Status.EXITED && exitCode == 0;
    }
  }

  private final Optional<String> bwrap;
  private final Optional<String> prlimit;
  private final Optional<String> setpriv;
  private final boolean root;
  private final AtomicInteger nextUid = new AtomicInteger();
  private volatile Optional<String> unavailable;

  Sandbox(Optional<String> bwrap, Optional<String> prlimit, Optional<String> setpriv, boolean root) {
    this.bwrap = bwrap;
    this.prlimit = prlimit;
    this.setpriv = setpriv;
    this.root = root;
  }

  public static Sandbox onPath() {
    return new Sandbox(Subprocess.find("bwrap"), Subprocess.find("prlimit"), Subprocess.find("setpriv"), isRoot());
  }

  private static boolean isRoot() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      return false;
    }
  }

  /** Why nothing can run here, or empty when the sandbox works; probed on first call with a trivial run. */
  public Optional<String> unavailable() {
    Optional<String> known = unavailable;
    if (known == null) {
      synchronized (this) {
        if (unavailable == null) {
          unavailable = probe();
        }
        known = unavailable;
      }
    }
    return known;
  }

  private Optional<String> probe() {
    if (bwrap.isEmpty()) {
      return Optional.of("bubblewrap (bwrap) is not installed");
    }
    if (prlimit.isEmpty()) {
      return Optional.of("prlimit (util-linux) is not installed, so runs cannot be limited");
    }
    if (root && setpriv.isEmpty()) {
      return Optional.of("docgate runs as root and setpriv (util-linux) is missing: the process limit would not hold");
    }
    if (!Files.isExecutable(Path.of("/usr/bin/true"))) {
      return Optional.of("/usr/bin/true is missing");
    }
    try {
      Result r = execute(List.of("/usr/bin/true"), RunSettings.defaults());
      if (!r.ok()) {
        String why = r.stderr().strip().lines().findFirst().orElse("exit " + r.exitCode());
        return Optional.of("bubblewrap does not work here: " + why);
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("bubblewrap does not work here: " + e.getMessage());
    }
  }

  /** Runs a command inside the sandbox; refuses (IOException) when the sandbox is unavailable. */
  Result run(List<String> command, RunSettings limits) throws IOException {
    Optional<String> why = unavailable();
    if (why.isPresent()) {
      throw new IOException(why.get());
    }
    return execute(command, limits);
  }

  List<String> commandLine(List<String> command, RunSettings limits) {
    List<String> c = new ArrayList<>();
    if (root) {
      int uid = UID_BASE + Math.floorMod(nextUid.getAndIncrement(), 10_000);
      c.addAll(List.of(setpriv.orElseThrow(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
    }
    long tmpBytes = limits.tmpMb() * 1024L * 1024L;
    c.addAll(List.of(prlimit.orElseThrow(), "--nproc=" + limits.processes(),
        "--as=" + limits.memoryMb() * 1024L * 1024L, "--data=" + limits.memoryMb() * 1024L * 1024L, "--cpu=" + limits.cpuSeconds(), "--fsize=" + tmpBytes,
        "--core=0", "--"));
    Optional<Path> filter = SeccompFilter.forThisMachine();
    if (filter.isPresent()) {
      // bwrap loads the seccomp program from a file descriptor: open it as fd 3, then become bwrap
      c.addAll(List.of("/usr/bin/bash", "--noprofile", "--norc", "-c", "exec 3<\"$0\" && exec \"$@\"",
          filter.get().toString()));
    }
    c.add(bwrap.orElseThrow());
    if (filter.isPresent()) {
      c.addAll(List.of("--seccomp", "3"));
    }
    c.addAll(List.of("--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
        "--clearenv", "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin", "--setenv", "HOME", "/tmp",
        "--setenv", "LC_ALL", "C", "--setenv", "TMPDIR", "/tmp",
        "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"));
    for (String link : ROOT_LINKS) {
      Path p = Path.of("/" + link);
      if (Files.isSymbolicLink(p)) {
        try {
          c.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), p.toString()));
        } catch (IOException e) {
          // without the link, programs under it are not found: the run says so
        }
      } else if (Files.isDirectory(p)) {
        c.addAll(List.of("--ro-bind", p.toString(), p.toString()));
      }
    }
    // the read-only remounts come last: bwrap creates the other mount points in / and /dev first
    c.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--size", Long.toString(SHM_BYTES), "--tmpfs", "/dev/shm",
        "--size", Long.toString(tmpBytes), "--tmpfs", "/tmp", "--remount-ro", "/dev", "--remount-ro", "/",
        "--chdir", "/tmp", "--", "/usr/bin/bash", "--noprofile", "--norc", "-c", WAIT_ALL, "docgate-run"));
    c.addAll(command);
    return c;
  }

  private Result execute(List<String> command, RunSettings limits) throws IOException {
    try {
      RUNS.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    try {
      return executeAlone(command, limits);
    } finally {
      RUNS.release();
    }
  }

  private Result executeAlone(List<String> command, RunSettings limits) throws IOException {
    long start = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(commandLine(command, limits));
    pb.environment().clear();
    pb.environment().put("PATH", "/usr/bin:/bin");
    Process process = pb.start();
    int cap = limits.outputKb() * 1024;
    try {
      process.getOutputStream().close();
      // each stream is cut at the cap on its own: a flood on either kills the run at once, not at the timeout
      ProcessOutput out = ProcessOutput.start(process.getInputStream(), cap, () -> killTree(process), "docgate-run-out");
      ProcessOutput err = ProcessOutput.start(process.getErrorStream(), cap, () -> killTree(process), "docgate-run-err");
      boolean finished = process.waitFor(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
      long alive = 0;
      if (!finished) {
        alive = 1 + process.descendants().count(); // bwrap, its init and the wait-all wrapper included
        killTree(process);
      }
      process.waitFor(5, TimeUnit.SECONDS);
      String stdout = new String(out.bytes(Duration.ofSeconds(5)), StandardCharsets.UTF_8);
      String stderr = new String(err.bytes(Duration.ofSeconds(5)), StandardCharsets.UTF_8);
      boolean overflow = out.overflowed() || err.overflowed();
      Status status = overflow ? Status.OUTPUT_LIMIT : !finished ? Status.TIMED_OUT : Status.EXITED;
      int exit = process.isAlive() ? -1 : process.exitValue();
      return new Result(status, exit, stdout, stderr, System.nanoTime() - start, alive);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      if (process.isAlive()) {
        killTree(process);
      }
    }
  }

  /** bwrap's PID namespace dies with it (--die-with-parent); the descendants are killed too, to be sure. */
  private static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
