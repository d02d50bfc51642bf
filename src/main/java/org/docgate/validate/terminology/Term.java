package org.docgate.validate.terminology;

import java.util.Objects;

/**
 * One literal a rule looks for. {@code group} ties terms of one rule together: the pair of a consistency rule or
 * the glossary entry of a bilingual rule.
 *
 * @param text the literal as written in the rule file
 * @param preferred the form to suggest (for a variant or a wrongly cased term), or null
 */
record Term(String text, boolean ignoreCase, Role role, String preferred, int group) {
  enum Role {
    /** A substitution's non-preferred spelling. */
    VARIANT,
    /** A substitution's preferred spelling: counted, never flagged. */
    PREFERRED,
    /** An existence token. */
    FORBIDDEN,
    /** One side of a consistency pair. */
    FORM,
    /** A capitalization term: any other case is flagged. */
    CASED,
    /** The Chinese side of a glossary pair. */
    CHINESE,
    /** A known longer compound: it only shadows shorter terms inside it (longest match wins). */
    COMPOUND
  }

  Term {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(role, "role");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty term");
    }
  }
}
