package org.docgate.scan;

import java.util.List;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.validate.PreparedCorpus;

/**
 * The corpus between the validators' corpus step and the per-document split: the indexed corpus, what each validator
 * prepared, and the documents the request's scope validates (the split's input).
 *
 * <p>A class with identity equality (see {@link IndexedCorpus}).
 */
public final class PreparedScan {
  private final ScanRequest request;
  private final IndexedCorpus indexed;
  private final PreparedCorpus prepared;
  private final List<MarkdownDocument> documents;
  private final List<Scope.Group> groups;

  /** With the request's scope groups. */
  public PreparedScan(ScanRequest request, IndexedCorpus indexed, PreparedCorpus prepared,
      List<MarkdownDocument> documents) {
    this(request, indexed, prepared, documents, request.scope().groups());
  }

  /**
   * @param groups the request's scope groups, a per-validator group split into one group per validator on the
   *     documents its corpus step named (see {@link Scope.Group#perValidator()})
   */
  public PreparedScan(ScanRequest request, IndexedCorpus indexed, PreparedCorpus prepared,
      List<MarkdownDocument> documents, List<Scope.Group> groups) {
    this.request = request;
    this.indexed = indexed;
    this.prepared = prepared;
    this.documents = List.copyOf(documents);
    this.groups = List.copyOf(groups);
  }

  /** The scope groups this scan validates with, each on its documents. */
  public List<Scope.Group> groups() {
    return groups;
  }

  public ScanRequest request() {
    return request;
  }

  public IndexedCorpus indexed() {
    return indexed;
  }

  public PreparedCorpus prepared() {
    return prepared;
  }

  /** The documents to validate, in path order. */
  public List<MarkdownDocument> documents() {
    return documents;
  }
}
