package org.docgate.report.html;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's chromium, headless, one fresh profile per run and every background fetch off: a page is opened from a
 * {@code file:} URL and either its DOM (after the script ran) or a screenshot comes back. Absent locally, the test is
 * skipped; absent with {@code CI=true}, it fails (.ci/run installs it).
 */
public final class HeadlessChromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 120;

  private HeadlessChromium() {}

  public static HeadlessChromium orSkip() {
    if (!Files.isExecutable(BINARY)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("chromium is missing at " + BINARY + " and CI=true: .ci/run must apt-get install chromium");
      }
      Assumptions.abort("skipped: no headless browser at " + BINARY + " (apt-get install chromium)");
    }
    return new HeadlessChromium();
  }

  /** The DOM after load and script, serialized. */
  String dumpDom(Path page, String hash) {
    return run(List.of("--dump-dom"), page.toAbsolutePath().toUri().toASCIIString() + hash);
  }

  void screenshot(Path page, String hash, Path png, int width, int height) {
    screenshot(page.toAbsolutePath().toUri().toASCIIString() + hash, png, width, height);
  }

  /** The DOM of a served page (the service dashboard). */
  public String dumpDom(String url) {
    return run(List.of("--dump-dom"), url);
  }

  public void screenshot(String url, Path png, int width, int height) {
    run(List.of("--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height),
        url);
  }

  private String run(List<String> mode, String page) {
    Path work = null;
    try {
      work = Files.createTempDirectory("docgate-chromium-");
      Path profile = work.resolve("profile");
      List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
          "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
          "--virtual-time-budget=2000"));
      command.addAll(mode);
      command.add(page);
      // stdout goes to a file, so a hung browser is caught by the timeout instead of blocking a read
      Path out = work.resolve("stdout.html");
      Process process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectOutput(out.toFile())
          .start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("chromium did not finish within " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        fail("chromium exited with " + process.exitValue() + " on " + page);
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      delete(work);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp profile is harmless
    }
  }
}
