package org.docgate.validate.terminology;

import java.util.Set;
import java.util.TreeSet;

/**
 * The governed forms a document's code blocks use as a value of their own ({@code handler: kata},
 * {@code --runtime=kata}): every lower-case word ({@code [a-z][a-z0-9-]*}, longest) that is a governed form and is
 * not inside a path, URL or domain ({@code /gvisor/releases}). Immutable; pure.
 *
 * <p>One pass over the characters instead of a regular expression: every scan reads every code block of the corpus
 * (2.6% of a warm {@code --offline} scan's samples on vshpere-1019 went to the regex and its substrings), and only a
 * word as long as some governed form is cut out to look it up.
 */
final class CodeWords {
  private final Set<String> governed;
  /** {@code lengths[n]}: some governed form has n characters. */
  private final boolean[] lengths;

  CodeWords(Set<String> governed) {
    this.governed = Set.copyOf(governed);
    int longest = governed.stream().mapToInt(String::length).max().orElse(0);
    this.lengths = new boolean[longest + 1];
    governed.forEach(g -> lengths[g.length()] = true);
  }

  /** The governed forms {@code body} uses as a value, added to {@code out}. */
  void addIn(String body, Set<String> out) {
    int n = body.length();
    int i = 0;
    while (i < n) {
      char c = body.charAt(i);
      if (c < 'a' || c > 'z') {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < n && continues(body.charAt(end))) {
        end++;
      }
      int length = end - i;
      if (length < lengths.length && lengths[length]) {
        String w = body.substring(i, end);
        char before = i > 0 ? body.charAt(i - 1) : ' ';
        char after = end < n ? body.charAt(end) : ' ';
        if (governed.contains(w) && "/._@:".indexOf(before) < 0 && !Character.isLetterOrDigit(before)
            && "/._@".indexOf(after) < 0 && !Character.isLetterOrDigit(after)) {
          out.add(w);
        }
      }
      i = end;
    }
  }

  /** The governed forms {@code body} uses as a value, sorted. */
  Set<String> in(String body) {
    Set<String> out = new TreeSet<>();
    addIn(body, out);
    return out;
  }

  private static boolean continues(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }
}
