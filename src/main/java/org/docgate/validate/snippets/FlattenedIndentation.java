package org.docgate.validate.snippets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a broken YAML block most likely went wrong when its indentation was flattened (pasted through a list item, an
 * editor that strips leading spaces): a key with no value followed by lines at its own level ({@code metadata:} then
 * {@code name: web} under it, not indented). YAML reads that key as null and fails further down, at a line that is
 * fine in itself ("mapping values are not allowed here", a duplicate {@code memory}); the reader should be sent to
 * the key that lost its children. Asked only for a block that already fails, so a legitimately empty key in a valid
 * file is never reported.
 */
final class FlattenedIndentation {
  private static final Pattern EMPTY_KEY = Pattern.compile("^(\\s*)(?:-\\s+)?([A-Za-z_][\\w.\\-/]*):\\s*(?:#.*)?$");
  private static final Pattern KEY = Pattern.compile("^(\\s*)[A-Za-z_\"'][^:]*:(?:\\s|$)");

  private FlattenedIndentation() {}

  /** The problem at the first such key above the parser's error, naming both; the parser's problem otherwise. */
  static Problem cause(String text, Problem parsed) {
    String[] lines = text.split("\n", -1);
    int last = Math.min(parsed.line(), lines.length) - 1;
    for (int i = 0; i < last; i++) {
      Matcher key = EMPTY_KEY.matcher(lines[i]);
      if (!key.matches() || lines[i].stripLeading().startsWith("-")) {
        continue;
      }
      int next = i + 1;
      while (next < lines.length && (lines[next].isBlank() || lines[next].stripLeading().startsWith("#"))) {
        next++;
      }
      if (next > last) {
        break;
      }
      Matcher sibling = KEY.matcher(lines[next]);
      if (sibling.find() && sibling.group(1).equals(key.group(1))) {
        return Problem.syntax(i + 1, key.group(1).length() + 1, "YAML: '" + key.group(2) + ":' has no value and the"
            + " lines after it are at its own level: indentation lost? (the parser fails at line " + parsed.line()
            + " of the block: " + parsed.message().replaceFirst("^YAML: ", "") + ")");
      }
    }
    return parsed;
  }
}
