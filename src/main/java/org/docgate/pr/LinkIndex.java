package org.docgate.pr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.docgate.config.DocgateConfig;
import org.docgate.corpus.CorpusScanner;
import org.docgate.corpus.DocumentLoader;
import org.docgate.corpus.LoadedDocument;
import org.docgate.corpus.SourceFile;
import org.docgate.markdown.Link;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.docgate.corpus.LinkTarget;

/**
 * The reverse link index of one tree: for every corpus path, the documents whose internal links (images included)
 * resolve to it. Links are resolved exactly as the link validator resolves them ({@link LinkTarget}), so "links into
 * a changed file" means the same thing to both.
 */
public final class LinkIndex {
  private final Set<String> documents;
  private final Map<String, Set<String>> inbound;

  LinkIndex(Set<String> documents, Map<String, Set<String>> inbound) {
    this.documents = Set.copyOf(documents);
    this.inbound = inbound;
  }

  /** Lists and parses the Markdown documents of {@code root} with the scan's include/exclude rules. */
  public static LinkIndex of(Path root, DocgateConfig config) throws IOException {
    DocumentLoader loader = new DocumentLoader(new MarkdownParser());
    Map<String, Set<String>> inbound = new HashMap<>();
    Set<String> documents = new TreeSet<>();
    for (SourceFile source : new CorpusScanner(config).scan(root).markdown()) {
      documents.add(source.path());
      LoadedDocument loaded = loader.load(source);
      if (loaded.document() != null) {
        add(loaded.document(), inbound);
      }
    }
    return new LinkIndex(documents, inbound);
  }

  /** From documents already parsed (the fast path parses each tree once). */
  static LinkIndex of(java.util.Collection<MarkdownDocument> parsed, java.util.Collection<String> markdownPaths) {
    Map<String, Set<String>> inbound = new HashMap<>();
    parsed.forEach(d -> add(d, inbound));
    return new LinkIndex(new TreeSet<>(markdownPaths), inbound);
  }

  static void add(MarkdownDocument doc, Map<String, Set<String>> inbound) {
    for (Link link : doc.links()) {
      if (!link.defined() || link.destination() == null) {
        continue;
      }
      LinkTarget target = LinkTarget.parse(link.destination());
      if (target.kind() != LinkTarget.Kind.INTERNAL || target.path().isEmpty()) {
        continue;
      }
      LinkTarget.resolve(doc.path(), target.path()).ifPresent(
          to -> inbound.computeIfAbsent(to, k -> new TreeSet<>()).add(doc.path()));
    }
  }

  /** Whether {@code path} is a Markdown document of this tree (listed with the scan's include/exclude rules). */
  public boolean isDocument(String path) {
    return documents.contains(path);
  }

  /** The documents with at least one link resolving to one of {@code paths}. */
  public Set<String> linkingInto(Collection<String> paths) {
    Set<String> from = new TreeSet<>();
    for (String p : paths) {
      from.addAll(inbound.getOrDefault(p, Set.of()));
    }
    return from;
  }
}
