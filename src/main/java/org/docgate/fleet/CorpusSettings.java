package org.docgate.fleet;

import java.nio.file.Path;
import org.docgate.scan.ScanSettings;

/**
 * The settings a fleet worker scans one corpus with: the corpus's own when it brings a config of its own (its
 * {@code .docgate.yaml}, found as {@code docgate scan} finds it), so a job's findings are those of a one-shot scan of
 * the same folder; null when the worker's own settings apply.
 */
@FunctionalInterface
public interface CorpusSettings {
  /** Every corpus with the worker's settings. */
  CorpusSettings WORKER = corpus -> null;

  /** @return the corpus's own settings, or null for the worker's */
  ScanSettings of(Path corpus);
}
