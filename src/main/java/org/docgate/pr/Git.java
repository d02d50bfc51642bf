package org.docgate.pr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.docgate.process.ProcessOutput;

/**
 * The {@code git} command, read-only: resolving refs, listing changes, exporting a revision's tree. Nothing is ever
 * written into the repository (no checkout, no worktree, no index refresh: {@code GIT_OPTIONAL_LOCKS=0}).
 */
public record Git(Path repo, Duration timeout) {
  /** Fails with a clear message when {@code repo} is not inside a git work tree or git is missing. */
  public void requireRepository() {
    if (!Files.isDirectory(repo)) {
      throw new GitException(repo + " is not a folder");
    }
    Result r = run(List.of("git", "rev-parse", "--git-dir"), null);
    if (r.exit() != 0) {
      throw new GitException(repo + " is not a git repository (" + firstLine(r.err()) + ")");
    }
    Result prefix = run(List.of("git", "rev-parse", "--show-prefix"), null);
    if (prefix.exit() == 0 && !prefix.out().strip().isEmpty()) {
      throw new GitException(repo + " is a folder inside a repository; give the repository's top folder (use "
          + "--config include patterns to limit the scan to " + prefix.out().strip() + ")");
    }
  }

  /** The full commit id of {@code ref}; a clear error when the ref is unknown. */
  public String commit(String ref) {
    if (ref.startsWith("-")) {
      throw new GitException("not a git revision: '" + ref + "'");
    }
    Result r = run(List.of("git", "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"), null);
    if (r.exit() != 0) {
      throw new GitException("unknown revision '" + ref + "' in " + repo
          + " (fetch it first; in CI check out with full history, e.g. fetch-depth: 0)");
    }
    return r.out().strip();
  }

  /** The files changed from {@code base} to {@code head} (commit ids), renames detected. */
  public List<Change> changes(String base, String head) {
    Result r = run(List.of("git", "diff", "--name-status", "-z", "-M", "--no-ext-diff", base, head, "--"), null);
    if (r.exit() != 0) {
      throw new GitException("git diff " + base + " " + head + " failed: " + firstLine(r.err()));
    }
    return NameStatus.parse(r.out());
  }

  /**
   * Writes the tree of {@code commit} into the empty folder {@code into}: {@code git archive} to a tar file beside
   * it, then {@code tar -x}. The repository and its work tree are not touched.
   */
  public void export(String commit, Path into) throws IOException {
    Path tar = Files.createTempFile("docgate-pr-", ".tar");
    try {
      Result a = run(List.of("git", "archive", "--format=tar", "-o", tar.toString(), commit), null);
      if (a.exit() != 0) {
        throw new GitException("git archive " + commit + " failed: " + firstLine(a.err()));
      }
      Result x = runIn(into, List.of("tar", "-x", "--no-same-owner", "-f", tar.toString()));
      if (x.exit() != 0) {
        throw new GitException("tar -x of " + commit + " failed: " + firstLine(x.err()));
      }
    } finally {
      Files.deleteIfExists(tar);
    }
  }

  private Result run(List<String> command, Path dir) {
    return runIn(dir == null ? repo : dir, command);
  }

  private Result runIn(Path dir, List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
    pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    pb.environment().put("LC_ALL", "C");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new GitException("cannot run " + command.get(0) + ": " + e.getMessage()
          + " (is " + command.get(0) + " installed and on the PATH?)");
    }
    try {
      p.getOutputStream().close();
      // each stream on a thread of its own: on the common ForkJoin pool (one worker on 2 CPUs, busy with the scan) a
      // reader can queue behind blocked work while git blocks on a full pipe until the timeout (issue 17.4)
      ProcessOutput out = ProcessOutput.start(p.getInputStream(), ProcessOutput.UNCAPPED, () -> { }, "git-stdout");
      ProcessOutput err = ProcessOutput.start(p.getErrorStream(), ProcessOutput.UNCAPPED, () -> { }, "git-stderr");
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new GitException(String.join(" ", command.subList(0, Math.min(2, command.size())))
            + " timed out after " + timeout.toSeconds() + " s in " + dir);
      }
      return new Result(p.exitValue(), out.text(), err.text());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new GitException("interrupted while running " + command.get(0));
    } catch (IOException e) {
      throw new GitException("cannot run " + command.get(0) + ": " + e.getMessage());
    }
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  private record Result(int exit, String out, String err) {}
}
