package org.docgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusListing;
import org.docgate.corpus.CorpusScanner;
import org.docgate.corpus.DocumentLoader;
import org.docgate.corpus.LoadedDocument;
import org.docgate.corpus.SourceFile;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.docgate.scan.IndexedCorpus;
import org.docgate.scan.Indexer;

/**
 * The shared reference corpus the benchmarks read in their {@code @Setup}: where it is, which of its documents are
 * "typical" (the median size) and "large" (the largest), and the corpus index a scan would build. Read only.
 */
public final class BenchCorpus {
  static final String NAME = "corpus/vshpere-1019";

  private BenchCorpus() {}

  /**
   * {@code -Ddocgate.corpus=DIR}, else {@code $DOCGATE_SHARED/corpus/vshpere-1019}, else the first
   * {@code shared/corpus/vshpere-1019} beside the working folder or one of its parents.
   */
  public static Path root() {
    String property = System.getProperty("docgate.corpus");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String shared = System.getenv("DOCGATE_SHARED");
    if (shared != null && !shared.isBlank()) {
      return Path.of(shared).resolve(NAME);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      for (Path candidate : List.of(p.resolve("shared").resolve(NAME), p.resolveSibling("shared").resolve(NAME))) {
        if (Files.isDirectory(candidate)) {
          return candidate;
        }
      }
    }
    return Path.of("/work/shared").resolve(NAME);
  }

  /** Why the benchmarks cannot run here, or null when the corpus is present. */
  public static String absentMessage() {
    Path root = root();
    return Files.isDirectory(root) ? null
        : "skipped: the shared reference corpus is absent (expected at " + root
            + "; set -Ddocgate.corpus=DIR or DOCGATE_SHARED)";
  }

  /** The corpus root, or a clear failure of the benchmark's setup. */
  public static Path requireRoot() {
    String absent = absentMessage();
    if (absent != null) {
      throw new IllegalStateException(absent);
    }
    return root().toAbsolutePath().normalize();
  }

  /** Every Markdown file, ordered by (size, path): deterministic picks on any machine holding the same corpus. */
  public static List<Path> markdownBySize(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".md")).toList());
      files.sort(Comparator.comparingLong(BenchCorpus::size).thenComparing(Path::toString));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code typical}: the document of median size; {@code large}: the largest. */
  public static Path pick(Path root, String which) {
    List<Path> files = markdownBySize(root);
    if (files.isEmpty()) {
      throw new IllegalStateException("no Markdown file under " + root);
    }
    return switch (which) {
      case "typical" -> files.get(files.size() / 2);
      case "large" -> files.get(files.size() - 1);
      default -> throw new IllegalArgumentException("unknown document '" + which + "' (typical or large)");
    };
  }

  /** The document's text as the loader decodes it (UTF-8, without a byte-order mark). */
  public static String read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  /** Parses one document of the corpus, as the scan does. */
  public static MarkdownDocument parse(Path root, Path file) {
    return new MarkdownParser().parse(relative(root, file), read(file));
  }

  /** The packaged config, as {@code docgate scan} without {@code --config} uses it. */
  public static DocgateConfig config(RuleFiles rules) {
    return rules.read("docgate.yaml").map(f -> DocgateConfig.parse(f.source(), f.text()))
        .orElse(DocgateConfig.defaults());
  }

  /** The whole corpus listed, loaded and indexed, as the scan's first three stages do it. */
  public static IndexedCorpus index(Path root, DocgateConfig config) {
    try {
      CorpusListing listing = new CorpusScanner(config).scan(root);
      DocumentLoader loader = new DocumentLoader(new MarkdownParser());
      List<LoadedDocument> loaded = new ArrayList<>();
      for (SourceFile f : listing.markdown()) {
        loaded.add(loader.load(f));
      }
      return new Indexer().index(listing, loaded);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line for the benchmark log: which document a trial measures. */
  public static String describe(Path root, Path file, MarkdownDocument doc) {
    return String.format("%s: %,d bytes, %,d lines, %,d headings, %,d links, %,d prose runs",
        relative(root, file), size(file), doc.lineCount(), doc.headings().size(), doc.links().size(),
        doc.prose().size());
  }
}
