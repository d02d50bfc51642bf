package org.docgate.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.docgate.corpus.CorpusListing;
import org.docgate.corpus.CorpusScanner;
import org.docgate.corpus.DocumentLoader;
import org.docgate.corpus.LoadedDocument;
import org.docgate.corpus.SourceFile;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.scan.IndexedCorpus;
import org.docgate.scan.Indexer;
import org.docgate.scan.ReportAssembler;
import org.docgate.scan.ScanReport;
import org.docgate.scan.ScanRequest;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.Validator;
import org.docgate.validate.ValidatorRegistry;

/**
 * The corpus as the service keeps it between scans: every loaded document and its validation results, so that a
 * change re-reads only the changed files and re-validates only them and the documents that link into them (plus the
 * corpus-wide validators, which see every document). Not thread-safe: {@link ScanService} runs one update at a time.
 */
public final class LiveCorpus {
  private final Path root;
  private final CorpusScanner scanner;
  private final DocumentLoader loader;
  private final ValidatorRegistry registry;
  private final ReportAssembler assembler;
  private final Clock clock;
  private final ExecutorService pool;

  private volatile CorpusSnapshot snapshot = CorpusSnapshot.EMPTY;
  private final Map<String, LoadedDocument> loaded = new HashMap<>();
  /** Per document: the results of the validators that look only at the document and its link targets. */
  private final Map<String, ValidationResult> local = new HashMap<>();
  /** Results of the validators that read linked documents (internal links), re-run on documents linking to a change. */
  private final Map<String, ValidationResult> linked = new HashMap<>();
  /** Per document: the results of the corpus-wide validators. */
  private final Map<String, ValidationResult> global = new HashMap<>();
  private ReverseLinks reverse = ReverseLinks.of(List.of());

  public LiveCorpus(Path root, CorpusScanner scanner, DocumentLoader loader, ValidatorRegistry registry, Clock clock,
      ExecutorService pool) {
    this.root = root.toAbsolutePath().normalize();
    this.scanner = scanner;
    this.loader = loader;
    this.registry = registry;
    this.assembler = new ReportAssembler(clock, registry);
    this.clock = clock;
    this.pool = pool;
  }

  public Path root() {
    return root;
  }

  /** True when the last scan saw a Markdown file at this corpus path. */
  public boolean hasDocument(String path) {
    return snapshot.markdown().containsKey(path);
  }

  /**
   * Validates everything again. Files whose size and modification time are unchanged since they were read are not
   * read and parsed again (the first full scan reads all); every document is re-validated with every validator.
   */
  public Update full() {
    Instant started = clock.instant();
    generation++; // listings made before this one are older than what it applies
    CorpusListing listing = list();
    CorpusSnapshot now = CorpusSnapshot.of(listing);
    Set<String> all = new HashSet<>();
    Set<String> reread = new HashSet<>();
    for (SourceFile f : listing.markdown()) {
      all.add(f.path());
      CorpusSnapshot.Stamp before = snapshot.markdown().get(f.path());
      if (!loaded.containsKey(f.path()) || before == null || !before.equals(now.markdown().get(f.path()))) {
        reread.add(f.path());
      }
    }
    loaded.keySet().retainAll(all);
    local.clear();
    linked.clear();
    global.clear();
    load(listing, reread);
    IndexedCorpus corpus = index(listing);
    validate(corpus, all, all, true);
    snapshot = now;
    reverse = ReverseLinks.of(corpus.documents());
    return new Update(assemble(started, corpus), Changes.NONE, all.size(), true);
  }

  /**
   * Counts applied scans. A listing made while the count was N may be applied only while it is still N: a full scan
   * that ran in between saw a newer corpus, and applying the older listing would undo what it read.
   */
  private volatile long generation;

  /** One listing and its stamps, made outside the scan lock; {@link #refresh(Listed)} applies it. */
  public record Listed(CorpusListing listing, CorpusSnapshot snapshot, long generation) {}

  /**
   * Lists the corpus without applying anything (the watcher calls it while another thread may be scanning). Returns
   * the listing when it differs from the last applied scan, else null.
   */
  public Listed listIfChanged() {
    long before = generation;
    CorpusListing listing = list();
    CorpusSnapshot now = CorpusSnapshot.of(listing);
    return now.since(snapshot).isEmpty() ? null : new Listed(listing, now, before);
  }

  /**
   * The polling watcher's tick: what the corpus looks like now when it differs from the last scan (equal results on
   * two ticks: nothing moved in between), else null.
   */
  public CorpusSnapshot poll() {
    Listed listed = listIfChanged();
    return listed == null ? null : listed.snapshot();
  }

  /** Applies what changed since the last scan, as listed now; null when nothing changed. */
  public Update refresh() {
    return refresh(null);
  }

  /**
   * Applies what changed since the last scan: re-reads changed and added files, drops removed ones, re-validates them
   * and every document linking into any touched path. Uses {@code listed} when no scan was applied since it was made,
   * else lists again. Returns null when nothing changed.
   */
  public Update refresh(Listed listed) {
    Instant started = clock.instant();
    boolean current = listed != null && listed.generation() == generation;
    generation++;
    CorpusListing listing = current ? listed.listing() : list();
    CorpusSnapshot now = current ? listed.snapshot() : CorpusSnapshot.of(listing);
    Changes changes = now.since(snapshot);
    if (changes.isEmpty()) {
      return null;
    }
    Set<String> reread = new HashSet<>(changes.added());
    reread.addAll(changes.changed());
    for (String gone : changes.removed()) {
      loaded.remove(gone);
      local.remove(gone);
      linked.remove(gone);
      global.remove(gone);
    }
    load(listing, reread);
    IndexedCorpus corpus = index(listing);
    ReverseLinks after = ReverseLinks.of(corpus.documents());
    Set<String> affected = new HashSet<>(reread);
    affected.addAll(reverse.linkersOf(changes.touched()));
    affected.addAll(after.linkersOf(changes.touched()));
    affected.removeAll(changes.removed());
    validate(corpus, reread, affected, false);
    snapshot = now;
    reverse = after;
    return new Update(assemble(started, corpus), changes, affected.size(), false);
  }

  private CorpusListing list() {
    try {
      return scanner.scan(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus " + root + ": " + e.getMessage(), e);
    }
  }

  private void load(CorpusListing listing, Set<String> paths) {
    List<Future<LoadedDocument>> futures = new ArrayList<>();
    for (SourceFile f : listing.markdown()) {
      if (paths.contains(f.path())) {
        futures.add(pool.submit(() -> loader.load(f)));
      }
    }
    for (LoadedDocument l : await(futures)) {
      loaded.put(l.path(), l);
      local.remove(l.path());
      linked.remove(l.path());
      global.remove(l.path());
    }
  }

  private IndexedCorpus index(CorpusListing listing) {
    List<LoadedDocument> present = new ArrayList<>();
    for (SourceFile f : listing.markdown()) {
      LoadedDocument l = loaded.get(f.path());
      if (l != null) {
        present.add(l);
      }
    }
    return new Indexer().index(listing, present);
  }

  /**
   * Validates the changed documents with every validator, the affected ones (changed, or linking into a touched path)
   * with the validators that read linked documents, and, when any exists, all others with the corpus-wide ones.
   */
  private void validate(IndexedCorpus corpus, Set<String> changed, Set<String> affected, boolean everything) {
    boolean anyCorpusWide = registry.validators().stream().anyMatch(Validator::corpusWide);
    Predicate<Validator> own = v -> !v.corpusWide() && !v.readsLinkedDocuments();
    Predicate<Validator> links = v -> !v.corpusWide() && v.readsLinkedDocuments();
    List<Future<Runnable>> futures = new ArrayList<>();
    for (MarkdownDocument doc : corpus.documents()) {
      boolean edited = everything || changed.contains(doc.path());
      boolean hit = edited || affected.contains(doc.path());
      if (!hit && !anyCorpusWide) {
        continue;
      }
      futures.add(pool.submit(() -> {
        ValidationResult g = registry.validate(doc, corpus.index(), Validator::corpusWide);
        ValidationResult l = edited ? registry.validate(doc, corpus.index(), own) : null;
        ValidationResult k = hit ? registry.validate(doc, corpus.index(), links) : null;
        return () -> {
          global.put(doc.path(), g);
          if (l != null) {
            local.put(doc.path(), l);
          }
          if (k != null) {
            linked.put(doc.path(), k);
          }
        };
      }));
    }
    await(futures).forEach(Runnable::run);
  }

  private ScanReport assemble(Instant started, IndexedCorpus corpus) {
    List<ValidationResult> results = new ArrayList<>();
    for (MarkdownDocument doc : corpus.documents()) {
      ValidationResult l = local.get(doc.path());
      ValidationResult k = linked.get(doc.path());
      ValidationResult g = global.get(doc.path());
      if (l != null) {
        results.add(l);
      }
      if (k != null) {
        results.add(k);
      }
      if (g != null) {
        results.add(g);
      }
    }
    return assembler.assemble(new ScanRequest(root, started), corpus, results);
  }

  private static <T> List<T> await(List<Future<T>> futures) {
    List<T> out = new ArrayList<>(futures.size());
    for (Future<T> f : futures) {
      try {
        out.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("scan interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable c = e.getCause();
        throw c instanceof RuntimeException re ? re : new IllegalStateException(c.getMessage(), c);
      }
    }
    return out;
  }

  /**
   * One scan's outcome.
   *
   * @param changes what changed (none for a full scan)
   * @param validated documents validated with every validator
   */
  public record Update(ScanReport report, Changes changes, int validated, boolean full) {}
}
