package org.docgate.validate.snippets;

/**
 * A canonical snippet language and the kind of its checker: a {@link SnippetChecker#kind()}, or {@link #SKIP} (not
 * code) or {@link #NONE} (code docgate has no checker for).
 */
record Language(String name, String checker) {
  static final String SKIP = "skip";
  static final String NONE = "none";
}
