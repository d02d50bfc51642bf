package org.docgate.scan;

import org.docgate.corpus.DocumentLoader;
import org.docgate.corpus.LoadedDocument;
import org.docgate.corpus.SourceFile;

/**
 * Pipeline stage 2: read and parse one file, or take the document a previous scan loaded when the request says the
 * file did not change since (the service's unchanged files).
 */
public final class Loading {
  private final DocumentLoader loader;

  public Loading(DocumentLoader loader) {
    this.loader = loader;
  }

  public LoadedDocument load(SourceFile file, ScanRequest request) {
    LoadedDocument kept = request.previous().loaded().get(file.path());
    return kept != null ? kept : loader.load(file);
  }
}
