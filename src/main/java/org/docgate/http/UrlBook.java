package org.docgate.http;

import java.nio.file.Path;
import java.util.Map;

/**
 * A shared status store of URL results that replaces a scan's inline network check (fleet mode: each URL is checked
 * by the worker that owns its host, results in PostgreSQL). A scan hands it every distinct URL; it returns the
 * results it knows and queues the others. Results travel as the external link check's own JSON (the weblinks package
 * writes and reads it), so this interface does not depend on that package.
 */
public interface UrlBook {
  /**
   * @param corpusRoot the scanned corpus (the book knows which repository it is)
   * @param urls every distinct URL of the scan (normalised, no fragment) -> whether its page must be read
   * @return the known results (JSON) by URL; a URL left out is pending, queued for its host's owner
   */
  Map<String, String> results(Path corpusRoot, Map<String, Boolean> urls);
}
