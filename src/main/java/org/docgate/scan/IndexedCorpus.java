package org.docgate.scan;

import java.util.List;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;

/**
 * The corpus after every file was read: the index validators share, the parsed documents, and the findings of
 * intake and loading (files that did not become documents).
 *
 * @param fileCount Markdown files found, parsed or not
 */
public record IndexedCorpus(CorpusIndex index, List<MarkdownDocument> documents, List<Finding> intakeFindings,
    int fileCount) {
  public IndexedCorpus {
    documents = List.copyOf(documents);
    intakeFindings = List.copyOf(intakeFindings);
  }
}
