package org.docgate.validate.terminology;

import java.util.List;

/**
 * One glossary pair: the Chinese term, its English term and other accepted glosses (an abbreviation such as VM).
 */
record Gloss(String chinese, String english, List<String> alternates) {
  Gloss {
    alternates = List.copyOf(alternates);
  }

  /** The English forms a gloss may give, the full term first. */
  List<String> forms() {
    List<String> all = new java.util.ArrayList<>();
    all.add(english);
    all.addAll(alternates);
    return all;
  }
}
