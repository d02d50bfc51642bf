package org.docgate.service;

import java.util.Set;

/**
 * How the service notices that the corpus changed, between scans and without the scan lock: by listing it
 * ({@link PollingDetector}) or from the operating system's file events ({@link EventDetector}). Either way the change
 * is then applied the same way (one listing, then {@link LiveCorpus#refresh(LiveCorpus.Listed)}), so the result does not
 * depend on the detector.
 */
public interface ChangeDetector extends AutoCloseable {

  /**
   * Looks for changes. Returns null when none were seen, else a value that stays equal while nothing new happens (the
   * {@link Debouncer} waits for it to settle).
   */
  Object look();

  /**
   * The changes seen so far settled and are about to be applied: the listing that follows covers them. Changes seen
   * after this call are pending again.
   */
  void take();

  /** The listing that {@link #look()} made, when it made one and it is still usable; else null (list again). */
  LiveCorpus.Listed listed();

  /**
   * The corpus paths the changes just taken only modified in place (no file or folder created, removed or renamed),
   * when the detector knows them (file events); else null. The service then reads those files' sizes and times again
   * instead of listing the corpus ({@link LiveCorpus#listModified}).
   */
  default Set<String> modifiedFiles() {
    return null;
  }

  /** How it watches, for the start-up line and the README: {@code events (...)} or {@code poll (...)}. */
  String describe();

  @Override
  void close();
}
