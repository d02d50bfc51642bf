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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.docgate.corpus.CorpusListing;
import org.docgate.corpus.CorpusScanner;
import org.docgate.corpus.FileStamp;
import org.docgate.corpus.LoadedDocument;
import org.docgate.corpus.SourceFile;
import org.docgate.scan.DocumentResult;
import org.docgate.scan.ScanOutcome;
import org.docgate.scan.ScanPipeline;
import org.docgate.report.ScanReport;
import org.docgate.scan.ScanRequest;
import org.docgate.scan.ScanState;
import org.docgate.scan.Scope;

/**
 * The corpus as the service keeps it between scans: the state the last scan left (every loaded document, each
 * document's results per scope group, the validators' prepared states), so that a change re-reads only the changed
 * files and re-validates only them and the documents that link into them (plus the corpus-wide validators, which see
 * every document). Every scan, full or incremental, goes through the scan pipeline ({@link ScanPipeline}, the route
 * {@code direct:scan}) with a scope and the state to reuse. Not thread-safe: {@link ScanService} runs one update at a
 * time.
 */
public final class LiveCorpus {
  private final Path root;
  private final CorpusScanner scanner;
  private final ScanPipeline pipeline;
  private final Clock clock;

  private volatile CorpusSnapshot snapshot = CorpusSnapshot.EMPTY;
  private ScanState state = ScanState.NONE;
  private ReverseLinks reverse = ReverseLinks.of(List.of());
  /** The last scan's site routes (see {@link #siteRootOf}): when an edit changes them, every link is checked again. */
  private Object siteRoot;
  /**
   * The listing the last scan applied, where each Markdown file is in it, and that scan's generation (null before the
   * first scan).
   */
  private volatile Applied applied;

  private record Applied(CorpusListing listing, Map<String, Integer> positions, long generation) {}

  public LiveCorpus(Path root, CorpusScanner scanner, ScanPipeline pipeline, Clock clock) {
    this.root = root.toAbsolutePath().normalize();
    this.scanner = scanner;
    this.pipeline = pipeline;
    this.clock = clock;
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
    return full(started, listing, CorpusSnapshot.of(listing, snapshot.inputs().keySet()));
  }

  /** Validates everything again, on a listing just made (and its snapshot). */
  private Update full(Instant started, CorpusListing listing, CorpusSnapshot now) {
    Map<String, LoadedDocument> unchanged = new HashMap<>();
    for (SourceFile f : listing.markdown()) {
      LoadedDocument kept = state.loaded().get(f.path());
      FileStamp before = snapshot.markdown().get(f.path());
      if (kept != null && before != null && before.equals(now.markdown().get(f.path()))) {
        unchanged.put(f.path(), kept);
      }
    }
    ScanOutcome outcome = scan(started, listing, Scope.split(null, null), state.reusing(unchanged, Map.of()));
    snapshot = now.withInputs(state.indexed().index().inputs());
    return new Update(outcome.report(), Changes.NONE, Set.of(), listing.markdown().size(), true);
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
    CorpusSnapshot now = CorpusSnapshot.of(listing, snapshot.inputs().keySet());
    return unchanged(now) ? null : new Listed(listing, now, before);
  }

  /**
   * As {@link #listIfChanged()} when the file events say that only these corpus paths were modified in place (no file
   * or folder created, removed or renamed): the last applied listing with those files' sizes and times read again, so
   * an edit costs a few {@code stat} calls instead of a walk of the corpus. Returns null when that cannot tell (a path
   * that is not a listed Markdown file, a file that is gone or is no longer a regular file within the size limit) or
   * when nothing changed; the caller then lists the corpus.
   */
  public Listed listModified(Set<String> paths) {
    long before = generation;
    Applied last = applied;
    if (last == null || last.generation() != before || paths.isEmpty()) {
      return null; // a scan started since the last one applied: its listing may differ, list the corpus
    }
    List<SourceFile> markdown = new ArrayList<>(last.listing().markdown());
    for (String path : paths) {
      Integer at = last.positions().get(path);
      if (at == null) {
        return null;
      }
      Optional<SourceFile> again = scanner.again(markdown.get(at));
      if (again.isEmpty()) {
        return null;
      }
      markdown.set(at, again.get());
    }
    CorpusListing listing = new CorpusListing(last.listing().root(), markdown, last.listing().files(),
        last.listing().directories(), last.listing().findings());
    CorpusSnapshot now = CorpusSnapshot.of(listing).withInputs(snapshot.inputs()); // only Markdown files moved
    return unchanged(now) ? null : new Listed(listing, now, before);
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
    CorpusSnapshot now = current ? listed.snapshot() : CorpusSnapshot.of(listing, snapshot.inputs().keySet());
    Changes changes = now.since(snapshot);
    Set<String> inputs = now.inputsChangedSince(snapshot);
    if (changes.isEmpty() && inputs.isEmpty()) {
      return null;
    }
    if (!inputs.isEmpty()) {
      // a file the scan read besides Markdown (navigation, linter settings, a metadata file) changed: a fresh scan
      // would read it anew for every document it concerns
      Update whole = full(started, listing, now);
      return new Update(whole.report(), changes, inputs, whole.validated(), true);
    }
    Set<String> reread = new HashSet<>(changes.added());
    reread.addAll(changes.changed());
    Map<String, LoadedDocument> unchanged = new HashMap<>(state.loaded());
    unchanged.keySet().removeAll(reread);
    unchanged.keySet().removeAll(changes.removed());
    // Links are read from each document's own text: an unchanged document links where it linked before, and a
    // re-read one is validated whole anyway, so the last scan's reverse links name every document to re-check.
    Set<String> affected = new HashSet<>(reread);
    affected.addAll(reverse.linkersOf(changes.touched()));
    affected.removeAll(changes.removed());
    Map<String, DocumentResult> kept = new HashMap<>(state.results());
    kept.keySet().removeAll(reread);
    Object routesBefore = siteRoot;
    ScanOutcome outcome = scan(started, listing, Scope.split(reread, affected), state.reusing(unchanged, kept));
    snapshot = now.withInputs(state.indexed().index().inputs());
    if (!Objects.equals(routesBefore, siteRoot)) {
      // the corpus's links now read as another site's routes (or as files again): every document's links change
      Update whole = full();
      return new Update(whole.report(), changes, Set.of(), whole.validated(), true);
    }
    return new Update(outcome.report(), changes, Set.of(), affected.size(), false);
  }

  /** The root folder of the site routes a report's links followed ({@code stats.links.siteRoutes.root}), or null. */
  private static Object siteRootOf(ScanReport report) {
    return report.stats().get("links") instanceof Map<?, ?> links
        && links.get("siteRoutes") instanceof Map<?, ?> routes ? routes.get("root") : null;
  }

  /** One pass through the pipeline; its state is kept for the next. */
  private ScanOutcome scan(Instant started, CorpusListing listing, Scope scope, ScanState previous) {
    ScanOutcome outcome = pipeline.run(new ScanRequest(root, started, scope, previous, listing));
    state = outcome.state();
    siteRoot = siteRootOf(outcome.report());
    reverse = ReverseLinks.of(state.indexed().documents(), reverse);
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < listing.markdown().size(); i++) {
      positions.put(listing.markdown().get(i).path(), i);
    }
    applied = new Applied(listing, positions, generation);
    return outcome;
  }

  private CorpusListing list() {
    try {
      return scanner.scan(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus " + root + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code now} shows nothing the last scan did not see: no Markdown file, other path or input changed. */
  private boolean unchanged(CorpusSnapshot now) {
    return now.since(snapshot).isEmpty() && now.inputsChangedSince(snapshot).isEmpty();
  }

  /**
   * One scan's outcome.
   *
   * @param changes what changed (none for a full scan)
   * @param inputs the other files the scans read that changed (navigation, linter settings, metadata), which made
   *     this update a full one
   * @param validated documents validated with every validator
   */
  public record Update(ScanReport report, Changes changes, Set<String> inputs, int validated, boolean full) {}
}
