package org.docgate.validate.snippets;

/**
 * Why a checker rejected a snippet, at a 1-based line and column of the snippet's body.
 *
 * @param structural true for a well-formed snippet of the wrong shape (a Kubernetes object without a name), false for
 *     a syntax error
 */
record Problem(int line, int column, String message, boolean structural) {
  Problem {
    line = Math.max(1, line);
    column = Math.max(1, column);
  }

  static Problem syntax(int line, int column, String message) {
    return new Problem(line, column, message, false);
  }
}
