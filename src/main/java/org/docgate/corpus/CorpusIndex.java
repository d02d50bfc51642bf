package org.docgate.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.function.Predicate;
import org.docgate.config.OwnRepository;
import org.docgate.markdown.MarkdownDocument;

/**
 * Everything a validator may ask about the corpus as a whole: which files and folders exist, and each parsed
 * document (for its anchors). Immutable once built; shared by all validator threads.
 */
public final class CorpusIndex {
  private final Path root;
  private final Set<String> files;
  private final Set<String> directories;
  private final Map<String, MarkdownDocument> documents;
  /**
   * Anchors by document path, collected on first use: an incremental scan validates the links of a few documents,
   * and collecting every document's anchors for every new index was a few percent of an edit (issue 21.3).
   */
  private final Map<String, Set<String>> anchors = new ConcurrentHashMap<>();
  /**
   * The lookups by lower-cased path and name and the values derived from the paths alone ({@link #ofPaths}), built on
   * first use: the service's next index takes them over when its files and folders are the same ({@link #inherit}),
   * so an edit that adds or removes nothing does not sort every path again.
   */
  private volatile Paths paths;
  private final Map<Object, Future<Object>> derived = new ConcurrentHashMap<>();
  private final DocumentValues documentValues;

  public CorpusIndex(Path root, Set<String> files, Set<String> directories, Map<String, MarkdownDocument> documents) {
    this.root = root;
    this.files = Set.copyOf(files);
    this.directories = Set.copyOf(directories);
    this.documents = Map.copyOf(documents);
    this.documentValues = new DocumentValues(this.documents);
  }

  /** What follows from which files and folders exist, and nothing else. */
  private static final class Paths {
    final Map<String, List<String>> byLowerPath = new HashMap<>();
    final Map<String, List<String>> byLowerName = new HashMap<>();
    final Map<Object, Object> derived = new ConcurrentHashMap<>();

    Paths(Set<String> files, Set<String> directories) {
      for (String f : files) {
        byLowerPath.computeIfAbsent(f.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
        byLowerName.computeIfAbsent(baseName(f).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
      }
      for (String d : directories) {
        if (!d.isEmpty()) {
          byLowerPath.computeIfAbsent(d.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(d);
          byLowerName.computeIfAbsent(baseName(d).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(d);
        }
      }
      byLowerPath.values().forEach(Collections::sort);
      byLowerName.values().forEach(Collections::sort);
    }
  }

  private Paths paths() {
    Paths p = paths;
    if (p == null) {
      synchronized (this) {
        p = paths;
        if (p == null) {
          p = new Paths(files, directories);
          paths = p;
        }
      }
    }
    return p;
  }

  /**
   * A value derived from which files and folders exist alone (a suggestion for a missing path): computed once, and
   * kept by the service's later indexes while no file or folder is added or removed.
   */
  @SuppressWarnings("unchecked")
  public <T> T ofPaths(Object key, Function<CorpusIndex, T> compute) {
    Map<Object, Object> values = paths().derived;
    Object known = values.get(key);
    if (known == null) {
      known = compute.apply(this);
      Object raced = values.putIfAbsent(key, known);
      known = raced != null ? raced : known;
    }
    return (T) known;
  }

  public Path root() {
    return root;
  }

  /** The largest file {@link #configText} reads. */
  private static final long MAX_CONFIG_BYTES = 1 << 20;

  /**
   * The files other than Markdown that this index's values read (a site generator's config or navigation, a linter's
   * settings, a document's metadata file), each with its stamp when read: the service re-scans when one of them
   * changes, as a fresh scan would read it anew.
   */
  private final Map<String, FileStamp> inputs = new ConcurrentHashMap<>();

  /**
   * The text of a small file of the corpus that configures how it is read (a site generator's config or navigation,
   * a renderer's marker file), as UTF-8; "" when it is larger than 1 MiB or cannot be read (not evidence either way).
   */
  public String configText(String path) {
    return inputText(path, MAX_CONFIG_BYTES).orElse("");
  }

  /**
   * The text of a file of the corpus that is no Markdown document but says how documents are read (UTF-8, a byte
   * order mark dropped), noted as one of this index's {@link #inputs}; empty when it is larger than {@code maxBytes}
   * or cannot be read.
   */
  public Optional<String> inputText(String path, long maxBytes) {
    java.nio.file.Path file = root.resolve(path);
    try {
      var attributes = java.nio.file.Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
      noteInput(path, FileStamp.of(attributes));
      if (attributes.size() > maxBytes) {
        return Optional.empty();
      }
      String text = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (java.io.IOException | RuntimeException e) {
      noteInput(path, FileStamp.ABSENT);
      return Optional.empty();
    }
  }

  /** Notes a file other than Markdown that a value of this index read, with its stamp then. */
  public void noteInput(String path, FileStamp stamp) {
    inputs.put(path, stamp);
  }

  /** The files other than Markdown this index's values read so far, with their stamps when read. */
  public Map<String, FileStamp> inputs() {
    return Map.copyOf(inputs);
  }

  public boolean isFile(String path) {
    return files.contains(path);
  }

  public boolean isDirectory(String path) {
    return directories.contains(path);
  }

  public Set<String> files() {
    return files;
  }

  public Set<String> directories() {
    return directories;
  }

  public Map<String, MarkdownDocument> documents() {
    return documents;
  }

  /** The anchors of a parsed document, or null when the path is not a parsed document. */
  public Set<String> anchorsOf(String path) {
    MarkdownDocument doc = documents.get(path);
    return doc == null ? null : anchors.computeIfAbsent(path, p -> Collections.unmodifiableSet(doc.anchors()));
  }

  /** How many documents' anchors this index collected so far (for tests). */
  int anchorsCollected() {
    return anchors.size();
  }

  /** Files and folders whose path equals {@code path} ignoring case. */
  public List<String> withPathIgnoringCase(String path) {
    return paths().byLowerPath.getOrDefault(path.toLowerCase(Locale.ROOT), List.of());
  }

  /** Files and folders named {@code name} (ignoring case) anywhere in the corpus. */
  public List<String> withNameIgnoringCase(String name) {
    return paths().byLowerName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** Every file and folder by its lower-cased name: lower-cased name to paths, each list sorted. */
  public Map<String, List<String>> byLowerName() {
    return Collections.unmodifiableMap(paths().byLowerName);
  }

  /**
   * Corpus-wide data a validator derives once per index (a link graph, counts per folder, external link results),
   * computed on first use by whichever validator thread asks first; others asking for the same key wait for it.
   * {@code key} should be a constant owned by the validator. A memo of futures rather than computeIfAbsent, so a
   * long computation (the network) never blocks threads asking for other keys.
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Object key, Function<CorpusIndex, T> compute) {
    FutureTask<Object> task = new FutureTask<>(() -> compute.apply(this));
    Future<Object> existing = derived.putIfAbsent(key, task);
    if (existing == null) {
      task.run();
      existing = task;
    }
    return (T) Futures.await(existing, key);
  }

  /** The values of {@link #carried} and {@link #combined}, and those earlier indexes made, for the next to take over. */
  private final CorpusWideValues corpusWide = new CorpusWideValues(this);

  /**
   * As {@link #derived}, for a value that reads the documents at the paths {@code reads} accepts and nothing else but
   * which files and folders exist (the templates' headings, which pages are entry points): the service's next index
   * takes it over from the one before while no such document is edited, added or removed and no file or folder is
   * added or removed ({@link #inherit}), also when the indexes in between did not ask for it. {@code reads} must
   * accept every path the value can depend on.
   */
  public <T> T carried(Object key, Predicate<String> reads, Function<CorpusIndex, T> compute) {
    return derived(key, i -> corpusWide.carried(key, reads, compute));
  }

  /**
   * As {@link #derived}, for a value that reads which files, folders and documents exist and nothing of the documents
   * but their paths (which pages are entry points: their paths say): the service's next index takes it over while the
   * same files, folders and documents exist, however the documents were edited.
   */
  public <T> T ofDocumentPaths(Object key, Function<CorpusIndex, T> compute) {
    return derived(key, i -> corpusWide.carriedByPaths(key, compute));
  }

  /**
   * As {@link #derived}, for a value combined from one part per document ({@code part}, kept per document as
   * {@link #ofDocument} keeps it under {@code partKey}): the parts of every document the first time; in the service,
   * the value the index before made ({@link #inherit}), updated by the parts of the documents edited, added or removed
   * since ({@link Combination#next}), and taken over as it was when each of them has a part equal to its previous one
   * (and, if the combination reads them, the same files and folders exist). An edit then neither asks every
   * document for its part nor combines them all again (issue 21.3: each such combination visited every document on
   * every edit). {@code partKey} must have value equality; a previous value made with another one is not updated.
   */
  public <P, T> T combined(Object key, Object partKey, Function<MarkdownDocument, P> part, Combination<P, T> how) {
    return derived(key, i -> corpusWide.combined(key, partKey, part, how, documentValues));
  }

  /**
   * A value derived from one document of this index alone (its currency, a validator's pass over it), computed once
   * per document object and key and, in the service, kept for the next index while the document is unchanged (see
   * {@link #inherit}). Corpus-wide values are built from such parts ({@link #derived} over
   * {@code ofDocument} of every document), so that an edit recomputes one document's part. {@code compute} must read
   * nothing but the document and what {@code key} names (a validator, its settings); its value must not change with
   * other documents. {@code key} must have value equality (a record), as in {@link #derived}. A document that is not
   * this index's own is computed each time.
   */
  public <T> T ofDocument(Object key, MarkdownDocument doc, Function<MarkdownDocument, T> compute) {
    return documentValues.get(key, doc, compute, v -> true);
  }

  /**
   * Computes {@link #ofDocument(Object, MarkdownDocument, Function)} of every document of this index side by side, for
   * a corpus-wide value ({@link #derived}) about to combine them: the first document a validator thread validates
   * asks for that value and the other threads wait for it, so parts computed one after another left all but one core
   * idle (a third of the shared corpus's validation CPU). Call it with the key and function the combination passes
   * to {@code ofDocument}, which then finds them computed; a part that fails is thrown there, not here.
   */
  public <T> void computeEveryDocument(Object key, Function<MarkdownDocument, T> compute) {
    documentValues.computeAll(key, compute);
  }

  /**
   * As {@link #ofDocument(Object, MarkdownDocument, Function)}, for a value that also depends on corpus facts the
   * caller can check: a value kept from the previous index is used only when {@code stillValid} accepts it (the
   * corpus's word counts it read are still the same), else it is computed again.
   */
  public <T> T ofDocument(Object key, MarkdownDocument doc, Function<MarkdownDocument, T> compute,
      Predicate<T> stillValid) {
    return documentValues.get(key, doc, compute, stillValid);
  }

  /**
   * Takes over the per-document values ({@link #ofDocument}) the previous index of the same corpus used, for the
   * documents both hold as the same object (the service re-reads only changed files), and its path lookups and
   * values derived from the paths ({@link #ofPaths}) when both have the same files and folders, and its
   * {@link #carried} and {@link #combined} values with what they were made from. Call before any validator
   * asks this index for a value; values of replaced and removed documents, and values the previous index did not use,
   * are left behind, so the memory follows one generation's documents.
   */
  public void inherit(CorpusIndex previous) {
    if (previous != null && previous != this) {
      documentValues.inherit(previous.documentValues);
      boolean sameFiles = previous.files.equals(files) && previous.directories.equals(directories);
      Paths before = previous.paths;
      if (before != null && paths == null && sameFiles) {
        paths = before;
      }
      corpusWide.inherit(previous.corpusWide);
    }
  }

  /** How many per-document values each path computed (not inherited) in this index: for tests and profiles. */
  public Map<String, Integer> documentValuesComputed() {
    return documentValues.computed();
  }

  public static String baseName(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  private record OwnRepositoryKey(String configured) {}

  /** The repository this corpus is in ({@link OwnRepository#of(String, Path)} for its root), once. */
  public Optional<OwnRepository> ownRepository(String configured) {
    return derived(new OwnRepositoryKey(configured), i -> OwnRepository.of(configured, i.root()));
  }
}
