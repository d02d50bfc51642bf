package org.docgate.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The corpus's git HEAD commit, when it is inside a git work tree and git is installed; else null. Read-only. */
public final class GitRevision {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

  private GitRevision() {}

  public static String of(Path dir) {
    try {
      Process p = new ProcessBuilder("git", "-C", dir.toString(), "rev-parse", "HEAD")
          .redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      p.getOutputStream().close();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
      return p.exitValue() == 0 && SHA.matcher(out).matches() ? out : null;
    } catch (IOException e) {
      return null; // no git here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** True when {@code dir} or a parent holds a {@code .git} entry (cheap check before running git). */
  public static boolean inWorkTree(Path dir) {
    for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return true;
      }
    }
    return false;
  }
}
