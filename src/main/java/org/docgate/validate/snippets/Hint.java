package org.docgate.validate.snippets;

import org.docgate.finding.Rule;

/** Advice on a snippet that parses, at a 1-based line and column of the text its checker read. */
record Hint(Rule rule, int line, int column, String message) {
  Hint {
    line = Math.max(1, line);
    column = Math.max(1, column);
  }
}
