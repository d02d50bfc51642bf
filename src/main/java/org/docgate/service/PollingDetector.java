package org.docgate.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Finds changes by listing the corpus and comparing size and modification time of every file: works on every file
 * system (network and read-only mounts included) but costs a walk of the whole corpus per look. So that the walk
 * never takes more than a fifth of a core, a look comes at the earliest four listing times after the previous one
 * ended (100,000 files listed in 1 s: one look every 5 s at most); until then the previous answer stands.
 */
public final class PollingDetector implements ChangeDetector {
  static final int IDLE_FACTOR = 4;

  private final LiveCorpus corpus;
  private final Clock clock;
  private Instant nextLook = Instant.MIN;
  private LiveCorpus.Listed last;

  public PollingDetector(LiveCorpus corpus, Clock clock) {
    this.corpus = corpus;
    this.clock = clock;
  }

  @Override
  public Object look() {
    Instant start = clock.instant();
    if (start.isBefore(nextLook)) {
      return last == null ? null : last.snapshot();
    }
    last = corpus.listIfChanged();
    Instant end = clock.instant();
    nextLook = end.plus(Duration.between(start, end).multipliedBy(IDLE_FACTOR));
    return last == null ? null : last.snapshot();
  }

  @Override
  public void take() {
    // nothing to forget: the next look compares with whatever the scan applied
  }

  @Override
  public LiveCorpus.Listed listed() {
    LiveCorpus.Listed l = last;
    last = null;
    return l;
  }

  @Override
  public String describe() {
    return "poll (a listing of the corpus at most every " + IDLE_FACTOR + "x its own duration)";
  }

  @Override
  public void close() {}
}
