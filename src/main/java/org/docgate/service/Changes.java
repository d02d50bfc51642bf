package org.docgate.service;

import java.util.HashSet;
import java.util.Set;

/**
 * What changed in the corpus between two listings.
 *
 * @param added Markdown files that are new
 * @param changed Markdown files whose size or modification time changed
 * @param removed Markdown files that are gone
 * @param otherPaths other files and folders that appeared or disappeared (images, folders a link may point to)
 */
public record Changes(Set<String> added, Set<String> changed, Set<String> removed, Set<String> otherPaths) {
  public Changes {
    added = Set.copyOf(added);
    changed = Set.copyOf(changed);
    removed = Set.copyOf(removed);
    otherPaths = Set.copyOf(otherPaths);
  }

  public static final Changes NONE = new Changes(Set.of(), Set.of(), Set.of(), Set.of());

  public boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && otherPaths.isEmpty();
  }

  /** Every path whose existence or content changed: what links into must be checked again. */
  public Set<String> touched() {
    Set<String> all = new HashSet<>(added);
    all.addAll(changed);
    all.addAll(removed);
    all.addAll(otherPaths);
    return all;
  }

  public int size() {
    return touched().size();
  }
}
