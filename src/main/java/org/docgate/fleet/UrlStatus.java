package org.docgate.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docgate.report.store.FleetUrls;
import org.docgate.validate.weblinks.Outcome;

/**
 * The URL work of one repository (the URLs it links to) or of the whole fleet, as {@code fleet status} shows it. By
 * result, each URL once: {@code ok}, {@code broken}, {@code failing} (a check that proves nothing: timeout, 5xx, 429,
 * a login wall), {@code skipped} (not requested: excluded, refused by the address policy), {@code pending} (never
 * checked). By schedule, across those: {@code inFlight} (leased: produced, its check not stored yet), {@code due} (the
 * next schedule cycle produces it), and the next time a URL falls due after now.
 *
 * @param repository null for the whole fleet
 * @param nextDue null when no URL falls due later
 */
public record UrlStatus(String repository, long urls, long ok, long broken, long failing, long skipped, long pending,
    long inFlight, long due, Instant nextDue) {

  /** A repository that links to no URL (or whose scans have not registered any yet). */
  public static UrlStatus none(String repository) {
    return new UrlStatus(repository, 0, 0, 0, 0, 0, 0, 0, 0, null);
  }

  /** Folds the store's tallies by outcome: each repository in the tallies' order, then the whole fleet (always). */
  public static List<UrlStatus> of(List<FleetUrls.Tally> tallies) {
    Map<String, UrlStatus> byRepository = new LinkedHashMap<>();
    UrlStatus fleet = none(null);
    for (FleetUrls.Tally t : tallies) {
      if (t.repository() == null) {
        fleet = fleet.plus(t);
      } else {
        byRepository.merge(t.repository(), none(t.repository()).plus(t), (a, b) -> a.plus(t));
      }
    }
    List<UrlStatus> all = new ArrayList<>(byRepository.values());
    all.add(fleet);
    return all;
  }

  private UrlStatus plus(FleetUrls.Tally t) {
    Outcome.Verdict v = verdict(t.outcome());
    long n = t.urls();
    Instant next = nextDue == null || (t.nextDue() != null && t.nextDue().isBefore(nextDue)) ? t.nextDue() : nextDue;
    return new UrlStatus(repository, urls + n, ok + (v == Outcome.Verdict.OK ? n : 0),
        broken + (v == Outcome.Verdict.BROKEN ? n : 0), failing + (v == Outcome.Verdict.UNVERIFIED ? n : 0),
        skipped + (v == Outcome.Verdict.NOT_CHECKED ? n : 0), pending + (v == null ? n : 0),
        inFlight + t.inFlight(), due + t.due(), next);
  }

  /** The verdict of a stored outcome label; null for a URL never checked. */
  private static Outcome.Verdict verdict(String label) {
    if (label == null) {
      return null;
    }
    // an outcome this docgate does not know (a newer worker's) proves nothing either way
    return Arrays.stream(Outcome.values()).filter(o -> o.label().equals(label)).findFirst().map(Outcome::verdict)
        .orElse(Outcome.Verdict.UNVERIFIED);
  }
}
