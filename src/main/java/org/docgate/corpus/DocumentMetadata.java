package org.docgate.corpus;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.docgate.markdown.MarkdownDocument;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What a document says about itself outside its prose: the top-level scalar values of its YAML front matter, or
 * else of a metadata file beside it (a KEP's {@code kep.yaml}, a {@code metadata.yaml}; the names are data in
 * {@code rules/currency.yaml}). The currency model reads its {@code status} from here ("implemented" is a record,
 * "implementable" is living) and completeness its {@code stage} ("alpha": answers the template requires only from
 * beta on are not due yet). Keys are lower-cased; values are strings, stripped. Immutable.
 *
 * @param source where the values come from: {@code front matter} or the metadata file's corpus-relative path;
 *     empty when the document has none
 */
public record DocumentMetadata(String source, Map<String, String> values) {
  /** A document that states nothing about itself. */
  public static final DocumentMetadata NONE = new DocumentMetadata("", Map.of());

  private static final Object KEY = new Object();

  public DocumentMetadata {
    values = Map.copyOf(values);
  }

  /** Reads a corpus file's text by its corpus-relative path; empty when there is none or it cannot be read. */
  @FunctionalInterface
  public interface FileText {
    Optional<String> read(String path);
  }

  /** The value of the first of {@code keys} present (matched ignoring case), or null. */
  public String value(List<String> keys) {
    for (String k : keys) {
      String v = values.get(k.toLowerCase(Locale.ROOT));
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  /**
   * The document's metadata: its front matter when that holds one of {@code keys}, else the first of {@code files}
   * in the document's own folder that does (read through {@code read}), else {@link #NONE}. A file that does not
   * parse, or is not a mapping, counts as absent: metadata only ever exempts, so a doubt keeps the document judged.
   */
  public static DocumentMetadata of(MarkdownDocument doc, List<String> files, List<String> keys, FileText read) {
    if (!(read instanceof IndexFiles in)) {
      return resolve(doc, files, keys, read, frontMatter(doc.source()));
    }
    // a scan asks for every document's status on every re-validation: an unchanged document whose metadata files
    // read the same texts (a stat per file and index, see Read) has the metadata it had
    Resolved known = RESOLVED.getIfPresent(doc);
    if (known != null && known.holds(files, keys, in)) {
      return known.metadata();
    }
    RESOLUTIONS.incrementAndGet();
    List<String> paths = new ArrayList<>();
    List<Optional<String>> texts = new ArrayList<>();
    DocumentMetadata m = resolve(doc, files, keys, path -> {
      Optional<String> text = in.read(path);
      paths.add(path);
      texts.add(text);
      return text;
    }, in.index().ofDocument(FRONT_MATTER, doc, d -> frontMatter(d.source())));
    RESOLVED.put(doc, new Resolved(files, keys, List.copyOf(paths), List.copyOf(texts), m));
    return m;
  }

  /** The front matter when it holds one of {@code keys}, else the first of {@code files} beside it that does. */
  private static DocumentMetadata resolve(MarkdownDocument doc, List<String> files, List<String> keys, FileText read,
      DocumentMetadata front) {
    if (front.value(keys) != null) {
      return front;
    }
    String folder = doc.path().contains("/") ? doc.path().substring(0, doc.path().lastIndexOf('/') + 1) : "";
    for (String name : files) {
      String path = folder + name;
      DocumentMetadata m = read.read(path).map(text -> parsed(path, text)).orElse(NONE);
      if (m.value(keys) != null) {
        return m;
      }
    }
    return NONE;
  }

  /**
   * A document's metadata as resolved through an index's files, and the texts of the files it read then (each text
   * object as the index gave it: the same object while the file is unchanged, see {@link #readDisk}). The service's
   * next index takes it over while each of those files gives the same text: resolving every document's metadata on
   * every edit (its front matter, the names of the files beside it, their parsed values) took 4 ms of an edit on
   * k8s-enhancements, where every KEP's README reads its {@code kep.yaml} (issue 21.3).
   */
  private record Resolved(List<String> files, List<String> keys, List<String> paths, List<Optional<String>> texts,
      DocumentMetadata metadata) {
    boolean holds(List<String> files, List<String> keys, IndexFiles in) {
      if (!(this.files == files || this.files.equals(files)) || !(this.keys == keys || this.keys.equals(keys))) {
        return false;
      }
      for (int i = 0; i < paths.size(); i++) {
        if (in.read(paths.get(i)) != texts.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Each parsed document's metadata as last resolved through an index (identity, weakly held). */
  private static final Cache<MarkdownDocument, Resolved> RESOLVED = Caffeine.newBuilder().weakKeys().build();

  /** How many documents' metadata was resolved through an index rather than taken over (for tests). */
  static final java.util.concurrent.atomic.AtomicLong RESOLUTIONS = new java.util.concurrent.atomic.AtomicLong();

  /**
   * Reads the files of a corpus index from its folder on disk, each once per index (every document of a KEP's folder
   * asks for the same {@code kep.yaml}); a path that is not a file of the index is never read.
   */
  public static FileText of(CorpusIndex index) {
    Map<String, Optional<String>> cache = index.derived(KEY, i -> new ConcurrentHashMap<String, Optional<String>>());
    return new IndexFiles(index, cache);
  }

  /** The key of a document's front matter among the index's per-document values. */
  private static final Object FRONT_MATTER = new Object();

  /** The files of an index, read once per index; and the index, which keeps each document's front matter. */
  private record IndexFiles(CorpusIndex index, Map<String, Optional<String>> cache) implements FileText {
    @Override
    public Optional<String> read(String path) {
      return index.isFile(path) ? cache.computeIfAbsent(path, p -> readDisk(index, p)) : Optional.empty();
    }
  }

  private static Optional<String> readDisk(CorpusIndex index, String path) {
    Path file = index.root().resolve(path);
    try {
      BasicFileAttributes stamp = Files.readAttributes(file, BasicFileAttributes.class);
      index.noteInput(path, FileStamp.of(stamp));
      Read known = READ.getIfPresent(file);
      if (known != null && known.holds(stamp)) {
        return known.text();
      }
      Instant readAt = Instant.now();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Optional<String> out = Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
      READ.put(file, new Read(stamp.size(), stamp.lastModifiedTime(), readAt, out));
      DISK_READS.incrementAndGet();
      return out;
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * A metadata file's text as read, with its size and modification time then. The service's next index asks for every
   * {@code kep.yaml} again after each edit (completeness compares each document's status): reading them all was a
   * tenth of completeness's share of an edit on k8s-enhancements (issue 21.3); a {@code stat} now tells whether the
   * text can have changed, as the service's listing does for Markdown files. As in git's "racy clean" rule, a file
   * modified less than {@link #SETTLED} before it was read is read again: a same-size rewrite within the file
   * system's timestamp tick would keep its time.
   */
  private record Read(long size, FileTime modified, Instant readAt, Optional<String> text) {
    boolean holds(BasicFileAttributes now) {
      return now.size() == size && now.lastModifiedTime().equals(modified)
          && modified.toInstant().plus(SETTLED).isBefore(readAt);
    }
  }

  private static final Duration SETTLED = Duration.ofSeconds(2);

  /** Metadata files as last read, by absolute path; bounded like {@link #PARSED}. */
  private static final Cache<Path, Read> READ = Caffeine.newBuilder().maximumSize(4_096).build();

  /** How many metadata files were read from the disk (for tests). */
  static final java.util.concurrent.atomic.AtomicLong DISK_READS = new java.util.concurrent.atomic.AtomicLong();

  /** A metadata file's path and text: what its values are parsed from. */
  private record FileContent(String path, String text) {}

  /**
   * Metadata files parsed, by path and text. Every document of a KEP's folder reads the same {@code kep.yaml}, and the
   * service asks again for every document on every index (completeness compares each document's status on each
   * edit): parsing each file's YAML again was a third of an edit's validation on k8s-enhancements (issue 21.3). A
   * file is looked at once per index (a {@code stat}, and a read when its size or time changed, see {@link Read});
   * the parse is kept for an equal text. Bounded: a corpus holds a few hundred such files.
   */
  private static final Cache<FileContent, DocumentMetadata> PARSED = Caffeine.newBuilder().maximumSize(4_096).build();

  /** {@link #parse} of a metadata file, once per path and text (see {@link #PARSED}). */
  static DocumentMetadata parsed(String path, String text) {
    return PARSED.get(new FileContent(path, text), f -> parse(f.path(), f.text()));
  }

  /** The YAML front matter at the top of the source ({@code ---} to {@code ---} or {@code ...}), or {@link #NONE}. */
  static DocumentMetadata frontMatter(String source) {
    // the lines up to the block's end only: most documents have none, and this is asked of every document
    Iterator<String> lines = source.lines().iterator();
    if (!lines.hasNext() || !lines.next().strip().equals("---")) {
      return NONE;
    }
    List<String> block = new ArrayList<>();
    while (lines.hasNext()) {
      String line = lines.next();
      String l = line.strip();
      if (l.equals("---") || l.equals("...")) {
        return parse("front matter", String.join("\n", block));
      }
      block.add(line);
    }
    return NONE;
  }

  /** The top-level scalars of a YAML mapping; {@link #NONE} when the text is not one. */
  static DocumentMetadata parse(String source, String yaml) {
    Object loaded;
    try {
      loaded = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(yaml);
    } catch (RuntimeException e) {
      return NONE;
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      return NONE;
    }
    Map<String, String> values = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (k != null && v != null && !(v instanceof Map) && !(v instanceof List)) {
        values.put(k.toString().strip().toLowerCase(Locale.ROOT), v.toString().strip());
      }
    });
    return new DocumentMetadata(source, values);
  }
}
