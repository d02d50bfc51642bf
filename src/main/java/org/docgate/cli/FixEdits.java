package org.docgate.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.docgate.report.CertainFix;

/** Pure text work of {@code docgate fix}: applying one file's edits, and the unified diff of before and after. */
final class FixEdits {
  private static final int CONTEXT = 3;

  private FixEdits() {}

  /**
   * The edits in report order, without those overlapping an earlier kept one (two suggestions for the same text
   * cannot both be right); each one left out is passed to {@code skipped} with the one it clashes with.
   */
  static List<CertainFix> firstOfOverlapping(List<CertainFix> edits, BiConsumer<CertainFix, CertainFix> skipped) {
    List<CertainFix> kept = new ArrayList<>();
    for (CertainFix edit : edits) {
      kept.stream().filter(edit::overlaps).findFirst().ifPresentOrElse(
          clash -> skipped.accept(edit, clash), () -> kept.add(edit));
    }
    return kept;
  }

  /**
   * {@code text} with the (non-overlapping) edits applied. Lines are split as {@link java.nio.file.Files#readAllLines}
   * splits them (so line numbers match the findings') and keep their own terminators, so CRLF files stay CRLF.
   */
  static String apply(String text, List<CertainFix> edits) {
    List<String> lines = lines(text);
    List<CertainFix> backwards = new ArrayList<>(edits);
    // right to left on a line, so earlier columns stay valid
    backwards.sort(Comparator.comparingInt(CertainFix::line).thenComparing(CertainFix::startColumn,
        Comparator.reverseOrder()));
    for (CertainFix e : backwards) {
      String line = lines.get(e.line() - 1);
      lines.set(e.line() - 1, line.substring(0, e.startColumn() - 1) + e.replacement()
          + line.substring(e.endColumn() - 1));
    }
    return String.join("", lines);
  }

  /** The lines of {@code text}, each with its terminator ({@code \r\n}, {@code \n} or {@code \r}) if it has one. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        int end = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        lines.add(text.substring(start, end));
        start = end;
        i = end - 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  /**
   * A unified diff ({@code --- a/path}, {@code +++ b/path}, hunks with 3 lines of context) of two texts with the same
   * number of lines (fixes replace within a line); empty when they are equal.
   */
  static String unifiedDiff(String path, String before, String after) {
    List<String> old = lines(before);
    List<String> neu = lines(after);
    TreeSet<Integer> changed = new TreeSet<>();
    for (int i = 0; i < old.size(); i++) {
      if (!old.get(i).equals(neu.get(i))) {
        changed.add(i);
      }
    }
    if (changed.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("--- a/" + path + "\n+++ b/" + path + "\n");
    List<Integer> all = new ArrayList<>(changed);
    int i = 0;
    while (i < all.size()) {
      int j = i;
      // changes closer than two contexts share a hunk, as diff -u does
      while (j + 1 < all.size() && all.get(j + 1) - all.get(j) <= 2 * CONTEXT) {
        j++;
      }
      int from = Math.max(0, all.get(i) - CONTEXT);
      int to = Math.min(old.size() - 1, all.get(j) + CONTEXT);
      int n = to - from + 1;
      out.append("@@ -").append(from + 1).append(',').append(n).append(" +").append(from + 1).append(',').append(n)
          .append(" @@\n");
      for (int k = from; k <= to; k++) {
        if (changed.contains(k)) {
          line(out, '-', old.get(k));
          line(out, '+', neu.get(k));
        } else {
          line(out, ' ', old.get(k));
        }
      }
      i = j + 1;
    }
    return out.toString();
  }

  /**
   * One diff line. As in {@code diff -u}, only {@code \n} ends a line: a CRLF line keeps its {@code \r}, so the diff
   * applies to the file as it is; a lone {@code \r} (old Mac files) is shown as a line end.
   */
  private static void line(StringBuilder out, char mark, String line) {
    String bare = line.endsWith("\n") || line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    out.append(mark).append(bare).append('\n');
    if (bare.length() == line.length()) {
      out.append("\\ No newline at end of file\n");
    }
  }
}
