package org.docgate.validate.snippets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a snippet confined by bubblewrap, never on the host. The sandbox sees {@code /usr} and {@code /etc} read-only
 * (not the corpus, not {@code /home} or {@code /root}), a private size-capped tmpfs {@code /tmp} as its work dir, a
 * private /proc and /dev, no network (only its own loopback), no capabilities, an empty environment, and its own
 * session and PID namespace, so killing bwrap kills every process of the run. {@code prlimit} caps CPU seconds,
 * address space, file size and processes. RLIMIT_NPROC is not enforced for uid 0, so when docgate runs as root
 * {@code setpriv} first drops to an unprivileged uid of its own ({@value #UID_BASE}+n, one per concurrent run so
 * runs do not share a process count). Whether all this works on this machine is probed once and cached; when it does
 * not, {@link #unavailable()} says why and nothing runs.
 */
final class Sandbox {
  static final int UID_BASE = 200_000;
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

  static Sandbox onPath() {
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
  Optional<String> unavailable() {
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
        "--as=" + limits.memoryMb() * 1024L * 1024L, "--cpu=" + limits.cpuSeconds(), "--fsize=" + tmpBytes,
        "--core=0", "--"));
    c.addAll(List.of(bwrap.orElseThrow(), "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
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
    c.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--size", Long.toString(tmpBytes), "--tmpfs", "/tmp",
        "--chdir", "/tmp", "--", "/usr/bin/bash", "--noprofile", "--norc", "-c", WAIT_ALL, "docgate-run"));
    c.addAll(command);
    return c;
  }

  private Result execute(List<String> command, RunSettings limits) throws IOException {
    long start = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(commandLine(command, limits));
    pb.environment().clear();
    pb.environment().put("PATH", "/usr/bin:/bin");
    Process process = pb.start();
    int cap = limits.outputKb() * 1024;
    AtomicBoolean overflow = new AtomicBoolean();
    try {
      process.getOutputStream().close();
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(
          () -> readCapped(process.getInputStream(), cap, overflow, process));
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(
          () -> readCapped(process.getErrorStream(), cap, overflow, process));
      boolean finished = process.waitFor(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
      long alive = 0;
      if (!finished) {
        alive = 1 + process.descendants().count(); // bwrap, its init and the wait-all wrapper included
        killTree(process);
      }
      process.waitFor(5, TimeUnit.SECONDS);
      String stdout = text(out);
      String stderr = text(err);
      Status status = !finished ? Status.TIMED_OUT : overflow.get() ? Status.OUTPUT_LIMIT : Status.EXITED;
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

  private static String text(CompletableFuture<byte[]> f) {
    try {
      return new String(f.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    } catch (Exception e) {
      return "";
    }
  }

  /** Reads up to {@code cap} bytes; past it, kills the run (a snippet that floods output is a failed run). */
  private static byte[] readCapped(InputStream in, int cap, AtomicBoolean overflow, Process process) {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        int room = cap - kept.size();
        kept.write(buf, 0, Math.min(room, n));
        if (n > room) {
          overflow.set(true);
          killTree(process);
          break;
        }
      }
    } catch (IOException e) {
      // the process was killed; what was read is kept
    }
    return kept.toByteArray();
  }
}
