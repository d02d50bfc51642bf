package org.docgate.pr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.docgate.finding.Finding;

/**
 * The findings of a change, by fingerprint (rule, path, target, message and ordinal: not the line, so a finding that
 * only moved is not new): {@code added} in head and not in base, {@code fixed} in base and not in head,
 * {@code preExisting} in both. Only touched files count; the rest of the corpus is not the change's business.
 */
public record PrFindings(List<Finding> added, List<Finding> fixed, List<Finding> preExisting) {
  public PrFindings {
    added = List.copyOf(added);
    fixed = List.copyOf(fixed);
    preExisting = List.copyOf(preExisting);
  }

  /** Pure: both lists must carry fingerprints ({@link org.docgate.finding.Fingerprints#assign}). */
  public static PrFindings classify(List<Finding> base, List<Finding> head, Set<String> touched) {
    Set<String> inBase = fingerprints(base);
    Set<String> inHead = fingerprints(head);
    List<Finding> added = new ArrayList<>();
    List<Finding> preExisting = new ArrayList<>();
    for (Finding f : head) {
      if (touched.contains(f.path())) {
        (inBase.contains(f.fingerprint()) ? preExisting : added).add(f);
      }
    }
    List<Finding> fixed = new ArrayList<>();
    for (Finding f : base) {
      if (touched.contains(f.path()) && !inHead.contains(f.fingerprint())) {
        fixed.add(f);
      }
    }
    return new PrFindings(added, fixed, preExisting);
  }

  private static Set<String> fingerprints(List<Finding> findings) {
    Set<String> all = new HashSet<>();
    for (Finding f : findings) {
      if (f.fingerprint() == null) {
        throw new IllegalArgumentException("finding without fingerprint: " + f);
      }
      all.add(f.fingerprint());
    }
    return all;
  }
}
