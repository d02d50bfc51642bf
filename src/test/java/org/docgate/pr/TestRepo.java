package org.docgate.pr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A throw-away git repository driven by the {@code git} command; tests skip when git is absent. */
public final class TestRepo {
  private final Path dir;

  private TestRepo(Path dir) {
    this.dir = dir;
  }

  public static TestRepo init(Path dir) throws Exception {
    if (!gitAvailable() && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("the git command is missing; CI (.ci/run) installs it");
    }
    Assumptions.assumeTrue(gitAvailable(), "skipped: the git command is not installed");
    TestRepo repo = new TestRepo(java.nio.file.Files.createDirectories(dir));
    repo.git("init", "-q", "-b", "main");
    repo.git("config", "user.email", "test@example.invalid");
    repo.git("config", "user.name", "Test");
    repo.git("config", "commit.gpgsign", "false");
    return repo;
  }

  public Path dir() {
    return dir;
  }

  public TestRepo write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return this;
  }

  /** Stages everything and commits; returns the commit id. */
  public String commit(String message) throws Exception {
    git("add", "-A");
    git("commit", "-q", "-m", message);
    return git("rev-parse", "HEAD").strip();
  }

  public String git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  static boolean gitAvailable() {
    try {
      Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
