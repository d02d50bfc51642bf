package org.docgate.validate.snippets;

/**
 * Why a checker rejected a snippet, at a 1-based line and column of the snippet's body.
 *
 * @param structural true for a well-formed snippet of the wrong shape (a compose service key misspelt), false for a
 *     syntax error
 * @param excerpt true for a well-formed part shown alone (a Kubernetes object without metadata or name)
 */
record Problem(int line, int column, String message, boolean structural, boolean excerpt) {
  Problem {
    line = Math.max(1, line);
    column = Math.max(1, column);
  }

  Problem(int line, int column, String message, boolean structural) {
    this(line, column, message, structural, false);
  }

  /**
   * A well-formed snippet that is a part shown alone, as docs show them (a Pod without metadata, to show its
   * affinity): {@code snippets/incomplete}, never {@code syntax}.
   */
  static Problem excerpt(int line, int column, String message) {
    return new Problem(line, column, message, true, true);
  }

  static Problem syntax(int line, int column, String message) {
    return new Problem(line, column, message, false);
  }
}
