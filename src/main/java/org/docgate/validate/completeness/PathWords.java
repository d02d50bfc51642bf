package org.docgate.validate.completeness;

import java.util.regex.Pattern;

/** Path-like words in running text ("Container/", "Semantic/: ...", "**.github/ISSUE_TEMPLATE/**"). Pure. */
final class PathWords {
  private PathWords() {}

  /** A run of characters containing a {@code /}, ended by whitespace, table pipes, brackets or CJK punctuation. */
  static final Pattern PATTERN =
      Pattern.compile("[^\\s|（）()《》\\[\\],，:：、;；\"'`*]+/[^\\s|（）()《》\\[\\],，:：、;；\"'`*]*");
}
