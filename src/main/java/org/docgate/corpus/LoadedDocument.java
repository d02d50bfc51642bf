package org.docgate.corpus;

import java.util.List;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;

/**
 * One Markdown file after reading and parsing.
 *
 * @param document the model, or null when the file could not be parsed (then {@code findings} says why)
 */
public record LoadedDocument(String path, MarkdownDocument document, List<Finding> findings) {
  public LoadedDocument {
    findings = List.copyOf(findings);
  }
}
