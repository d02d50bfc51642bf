package org.docgate.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.process.ScratchFolders;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Where a job's corpus comes from: a folder is used as it is; a git URL is cloned (JGit, no git binary needed) into a
 * fresh folder under the worker's work directory and the ref checked out, so workers stay stateless.
 */
public final class Checkouts {
  private final Path workDir;

  public Checkouts(Path workDir) {
    this.workDir = workDir;
  }

  /** A corpus ready to scan: the folder, its commit when it came from git, and the folder to delete afterwards. */
  public record Checkout(Path corpus, String revision, Path owned) {}

  public Checkout checkout(FleetJob job) {
    if (!job.isGit()) {
      Path folder = Path.of(job.source());
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException("corpus folder not found on this worker: " + job.source());
      }
      return new Checkout(folder, null, null);
    }
    Path dir;
    try {
      Files.createDirectories(workDir);
      dir = Files.createTempDirectory(workDir, "checkout-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a checkout folder under " + workDir, e);
    }
    try (Git git = Git.cloneRepository().setURI(job.source()).setDirectory(dir.toFile()).setNoCheckout(true)
        .call()) {
      Repository repo = git.getRepository();
      ObjectId commit = resolve(repo, job.ref() == null ? "HEAD" : job.ref());
      if (commit == null) {
        throw new IllegalArgumentException("no ref '" + job.ref() + "' in " + job.source());
      }
      git.checkout().setName(commit.name()).call();
      return new Checkout(dir, commit.name(), dir);
    } catch (GitAPIException | IOException | RuntimeException e) {
      delete(dir);
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalStateException("cannot check out " + job.source()
          + (job.ref() == null ? "" : " at " + job.ref()) + ": " + e.getMessage(), e);
    }
  }

  /** A branch of the remote, a tag, or a commit id. */
  private static ObjectId resolve(Repository repo, String ref) throws IOException {
    for (String name : new String[] {"refs/remotes/origin/" + ref, "refs/tags/" + ref + "^{commit}", ref}) {
      ObjectId id = repo.resolve(name);
      if (id != null) {
        return id;
      }
    }
    return null;
  }

  /** Removes a checkout this class made; a folder source is never touched. */
  public void release(Checkout checkout) {
    if (checkout != null && checkout.owned() != null) {
      delete(checkout.owned());
    }
  }

  private static void delete(Path dir) {
    try {
      ScratchFolders.delete(dir);
    } catch (IOException ignored) {
      // a leftover checkout under the work directory only costs disk; the result is stored already
    }
  }
}
