package org.docgate.scan;

import java.util.Map;
import org.docgate.corpus.LoadedDocument;
import org.docgate.validate.PreparedCorpus;

/**
 * What one scan made that a later scan of the same corpus can reuse: the loaded documents (an unchanged file is not
 * read again), each document's results per scope group (kept for documents outside the next scope), and the
 * validators' prepared states. The service keeps it between scans; a one-shot scan starts from {@link #NONE}.
 *
 * <p>A class with identity equality, not a record: it holds the whole corpus (see {@link IndexedCorpus}).
 */
public final class ScanState {
  public static final ScanState NONE = new ScanState(Map.of(), Map.of(), PreparedCorpus.NONE, null, ReportParts.NONE);

  private final Map<String, LoadedDocument> loaded;
  private final Map<String, DocumentResult> results;
  private final PreparedCorpus prepared;
  private final IndexedCorpus indexed;
  private final ReportParts reportParts;

  /**
   * @param loaded documents by path, to use instead of reading the file (only those whose file is unchanged)
   * @param results each document's results by scope group
   * @param indexed the corpus the state describes (null when none was scanned)
   * @param reportParts its report's findings and counters per document result, for the next report to reuse
   */
  ScanState(Map<String, LoadedDocument> loaded, Map<String, DocumentResult> results, PreparedCorpus prepared,
      IndexedCorpus indexed, ReportParts reportParts) {
    this.loaded = Map.copyOf(loaded);
    this.results = Map.copyOf(results);
    this.prepared = prepared;
    this.indexed = indexed;
    this.reportParts = reportParts;
  }

  public Map<String, LoadedDocument> loaded() {
    return loaded;
  }

  public Map<String, DocumentResult> results() {
    return results;
  }

  public PreparedCorpus prepared() {
    return prepared;
  }

  public IndexedCorpus indexed() {
    return indexed;
  }

  ReportParts reportParts() {
    return reportParts;
  }

  /** The same state with only these loaded documents and results (what still holds for the next scan). */
  public ScanState reusing(Map<String, LoadedDocument> stillLoaded, Map<String, DocumentResult> stillValid) {
    return new ScanState(stillLoaded, stillValid, prepared, indexed, reportParts);
  }
}
