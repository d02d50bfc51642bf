package org.docgate.scan;

import java.util.List;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.LoadedDocument;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;

/**
 * The corpus after every file was read: the index validators share, the parsed documents, and the findings of
 * intake and loading (files that did not become documents).
 *
 * <p>A class with identity equality, not a record: it holds the whole corpus, and Camel hashes the objects whose
 * methods a route calls ({@code ${body.documents()}}), which for a record would hash every document each time.
 */
public final class IndexedCorpus {
  private final CorpusIndex index;
  private final List<MarkdownDocument> documents;
  private final List<Finding> intakeFindings;
  private final int fileCount;
  private final List<LoadedDocument> loaded;

  /**
   * @param fileCount Markdown files found, parsed or not
   * @param loaded every file as it was read (parsed or not), for the next scan to reuse
   */
  public IndexedCorpus(CorpusIndex index, List<MarkdownDocument> documents, List<Finding> intakeFindings,
      int fileCount, List<LoadedDocument> loaded) {
    this.index = index;
    this.loaded = List.copyOf(loaded);
    this.documents = List.copyOf(documents);
    this.intakeFindings = List.copyOf(intakeFindings);
    this.fileCount = fileCount;
  }

  public CorpusIndex index() {
    return index;
  }

  public List<MarkdownDocument> documents() {
    return documents;
  }

  public List<Finding> intakeFindings() {
    return intakeFindings;
  }

  public List<LoadedDocument> loaded() {
    return loaded;
  }

  public int fileCount() {
    return fileCount;
  }
}
