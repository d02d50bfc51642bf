package org.docgate.scan;

import java.util.ArrayList;
import java.util.List;
import org.docgate.corpus.CorpusListing;
import org.docgate.corpus.DocumentLoader;
import org.docgate.corpus.LoadedDocument;
import org.docgate.corpus.SourceFile;

/**
 * Pipeline stage 2: read and parse the files, except those a previous scan loaded and the request says did not
 * change since (the service's unchanged files): {@link #plan} splits the listing, the route reads only
 * {@link Plan#toRead()} in parallel, {@link #all} puts both together again for the index.
 */
public final class Loading {
  private final DocumentLoader loader;

  public Loading(DocumentLoader loader) {
    this.loader = loader;
  }

  /**
   * The files to read and the documents kept from the previous scan. Identity equality, not a record: the route
   * calls {@code ${body.toRead()}} on it, and Camel hashes such a body (see {@link IndexedCorpus}).
   */
  public static final class Plan {
    private final List<SourceFile> toRead;
    private final List<LoadedDocument> kept;

    Plan(List<SourceFile> toRead, List<LoadedDocument> kept) {
      this.toRead = List.copyOf(toRead);
      this.kept = List.copyOf(kept);
    }

    public List<SourceFile> toRead() {
      return toRead;
    }

    public List<LoadedDocument> kept() {
      return kept;
    }
  }

  public Plan plan(CorpusListing listing, ScanRequest request) {
    List<SourceFile> toRead = new ArrayList<>();
    List<LoadedDocument> kept = new ArrayList<>();
    for (SourceFile f : listing.markdown()) {
      LoadedDocument previous = request.previous().loaded().get(f.path());
      if (previous != null) {
        kept.add(previous);
      } else {
        toRead.add(f);
      }
    }
    return new Plan(toRead, kept);
  }

  public LoadedDocument load(SourceFile file) {
    return loader.load(file);
  }

  /** The kept documents and the ones just read. */
  public List<LoadedDocument> all(Plan plan, List<LoadedDocument> read) {
    List<LoadedDocument> all = new ArrayList<>(plan.kept());
    all.addAll(read);
    return all;
  }
}
