package org.docgate.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.markdown.MarkdownDocument;

/**
 * MyST's explicit targets: a line {@code (server)=} names the heading or block under it, and {@code [the
 * server](server)} links to it from any page of the Sphinx project, as {@code {ref}`server`} does (LXD's manual: 208
 * targets; round 48 judged 10 of 30 sampled links WRONG when they were read as missing files). Pure.
 */
public final class MystTargets {
  /** A target line: {@code (label)=}, alone on its line. */
  private static final Pattern TARGET = Pattern.compile("(?m)^\\(([\\w.:-]+)\\)=[ \\t]*$");

  private MystTargets() {}

  private record DocumentKey() {}

  private record CorpusKey() {}

  /** The targets a document declares. */
  static List<String> of(MarkdownDocument doc) {
    if (!doc.source().contains(")=")) {
      return List.of(); // what every target line holds
    }
    List<String> out = new java.util.ArrayList<>();
    Matcher m = TARGET.matcher(doc.source());
    while (m.find()) {
      out.add(m.group(1));
    }
    return List.copyOf(out);
  }

  /** The corpus's targets, each with the document that declares it (the first, in path order). */
  private static Map<String, String> all(CorpusIndex index) {
    Map<String, String> out = new HashMap<>();
    for (MarkdownDocument doc : new java.util.TreeMap<>(index.documents()).values()) {
      for (String label : index.ofDocument(new DocumentKey(), doc, MystTargets::of)) {
        out.putIfAbsent(label, doc.path());
      }
    }
    return Map.copyOf(out);
  }

  /**
   * The document a link's destination names as a MyST target, if the corpus declares one by that name: a destination
   * without a folder part or a fragment, as written.
   */
  public static Optional<String> documentOf(CorpusIndex index, String written) {
    if (written == null || written.isEmpty() || written.contains("/") || written.contains("#")) {
      return Optional.empty();
    }
    return Optional.ofNullable(index.derived(new CorpusKey(), MystTargets::all).get(written));
  }
}
