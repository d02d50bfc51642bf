package org.docgate.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.CorpusListing;
import org.docgate.corpus.LoadedDocument;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;

/** Pipeline stage 3: gather the loaded documents into the corpus index (anchors must all be known before links). */
public final class Indexer {

  public IndexedCorpus index(CorpusListing listing, List<LoadedDocument> loaded) {
    List<Finding> findings = new ArrayList<>(listing.findings());
    List<MarkdownDocument> documents = new ArrayList<>();
    Map<String, MarkdownDocument> byPath = new HashMap<>();
    for (LoadedDocument l : loaded) {
      findings.addAll(l.findings());
      if (l.document() != null) {
        documents.add(l.document());
        byPath.put(l.path(), l.document());
      }
    }
    documents.sort(Comparator.comparing(MarkdownDocument::path));
    CorpusIndex index = new CorpusIndex(listing.root(), listing.files(), listing.directories(), byPath);
    return new IndexedCorpus(index, documents, findings, listing.markdown().size()
        + (int) listing.findings().stream().filter(f -> f.rule().equals("corpus/too-large") || f.rule().equals("corpus/unreadable")).count(),
        loaded);
  }
}
