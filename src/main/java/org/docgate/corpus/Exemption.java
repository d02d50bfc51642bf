package org.docgate.corpus;

import java.util.Locale;

/**
 * Why a document or a passage is not judged for currency: the reason (a closed set) and what showed it ("file name
 * has a date: 2025年10月", "heading '版本历史'", "cue 'at least'"). Counted in the report's stats as
 * {@link #counter()}.
 */
public record Exemption(Reason reason, String detail) {
  /** The reasons, in the order they are decided: the document first, then its section, then the sentence. */
  public enum Reason {
    /** A record: dated report, log, meeting notes, changelog, release notes, archive, plan or proposal. */
    RECORD,
    /** Under a heading about history, differences, changes, plans, benchmarks. */
    SECTION,
    /** Narrated history: past tense, graduation history. */
    HISTORY,
    /** A statement tied to a date. */
    DATED,
    /** Two things set side by side. */
    COMPARISON,
    /** A lower bound ("since", "at least", "or later", a minimum-version table): never stale. */
    LOWER_BOUND,
    /** Scoped to versions: a range of releases, a clause opening with one ("In Podman v4.0, ..."). */
    SCOPED,
    /** A plan, a pre-release: not current yet, never ahead of the baseline. */
    PLAN,
    /** What the text says is not supported ("not officially supported"): it claims nothing current. */
    UNSUPPORTED;

    /** {@code record}, {@code lower-bound}: the name used in stats and in {@code docgate explain}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public Exemption {
    if (reason == null || detail == null) {
      throw new IllegalArgumentException("an exemption needs a reason and a detail");
    }
  }

  /** The stats counter of one exempted item: {@code currency.exempt.record}, {@code currency.exempt.lower-bound}. */
  public String counter() {
    return "currency.exempt." + reason.key();
  }

  @Override
  public String toString() {
    return reason.key() + " (" + detail + ")";
  }
}
