package org.docgate.markdown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * GitHub's Markdown parser, cmark-gfm, with the extensions github.com enables. Renders many files per process: one
 * shell per batch runs cmark-gfm on each file and prints a marker line before each, so a corpus costs a few
 * processes, not one JVM fork per file.
 */
final class CmarkGfm {
  static final List<String> COMMAND = List.of("cmark-gfm", "--unsafe", "--validate-utf8", "--sourcepos",
      "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "-e", "footnotes");
  private static final String MARKER = "\u001edocgate-differential-file\u001e";
  private static final int BATCH = 100;

  private final Path executable;

  CmarkGfm(Path executable) {
    this.executable = executable;
  }

  /** The HTML of each file, by its path relative to {@code root}. */
  Map<String, String> render(Path root, List<String> paths) throws IOException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Map<String, String>>> batches = new ArrayList<>();
      for (int i = 0; i < paths.size(); i += BATCH) {
        List<String> batch = paths.subList(i, Math.min(paths.size(), i + BATCH));
        batches.add(pool.submit(() -> renderBatch(root, batch)));
      }
      Map<String, String> html = new HashMap<>();
      for (Future<Map<String, String>> batch : batches) {
        html.putAll(batch.get());
      }
      return html;
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Map<String, String> renderBatch(Path root, List<String> batch) throws IOException, InterruptedException {
    String cmark = executable + " " + String.join(" ", COMMAND.subList(1, COMMAND.size()));
    List<String> command = new ArrayList<>(List.of("sh", "-c",
        "for f in \"$@\"; do printf '" + MARKER + "\\n'; " + cmark+ " \"$f\" || exit 1; done", "sh"));
    // github.com shows a YAML front matter block as a table before it renders the rest with cmark-gfm, which alone
    // would read the block as Markdown (its last line a setext heading): such files go to cmark-gfm with the block
    // blanked, as docgate's parser reads them (MarkdownParser.withoutFrontMatter)
    Path blanked = Files.createTempDirectory("docgate-cmark");
    for (int i = 0; i < batch.size(); i++) {
      Path file = root.resolve(batch.get(i));
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String body = MarkdownParser.withoutFrontMatter(text);
      if (body.equals(text)) {
        command.add(batch.get(i));
      } else {
        Path copy = blanked.resolve(i + ".md");
        Files.writeString(copy, body, StandardCharsets.UTF_8);
        command.add(copy.toString());
      }
    }
    Process p = new ProcessBuilder(command).directory(root.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("cmark-gfm failed on a batch starting with " + batch.get(0));
    }
    String[] parts = out.split(MARKER + "\n", -1);
    if (parts.length != batch.size() + 1) {
      throw new IOException("expected " + batch.size() + " outputs, got " + (parts.length - 1));
    }
    Map<String, String> html = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      html.put(batch.get(i), parts[i + 1]);
    }
    try (var files = Files.list(blanked)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(blanked);
    return html;
  }
}
