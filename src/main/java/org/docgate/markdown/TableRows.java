package org.docgate.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/** Splitting a raw Markdown table row (`| a | b |`) into its cells, for readers of tables kept as data. Pure. */
public final class TableRows {
  private TableRows() {}

  /** The stripped cells of one row; outer pipes are optional and {@code \|} stays inside its cell. */
  public static List<String> cells(String row) {
    String r = row.strip();
    if (r.startsWith("|")) {
      r = r.substring(1);
    }
    if (r.endsWith("|") && !r.endsWith("\\|")) {
      r = r.substring(0, r.length() - 1);
    }
    List<String> out = new ArrayList<>();
    for (String c : r.split("(?<!\\\\)\\|", -1)) {
      out.add(c.strip());
    }
    return out;
  }

  /** A table's delimiter row: "| --- | :---: |". */
  private static final Pattern DELIMITER_ROW = Pattern.compile("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$");

  /**
   * The header cell, lower case and without emphasis or code marks, of the column that 1-based {@code column} of
   * 1-based {@code line} is in, when that line is a row of a pipe table; null otherwise. {@code lineAt} gives a line's
   * text (null past the document).
   */
  public static String headerOf(IntFunction<String> lineAt, int line, int column) {
    String row = lineAt.apply(line);
    if (row == null || !row.contains("|")) {
      return null;
    }
    int l = line - 1;
    while (l >= 1 && lineAt.apply(l) != null && lineAt.apply(l).contains("|")
        && !DELIMITER_ROW.matcher(lineAt.apply(l)).matches()) {
      l--;
    }
    if (l < 2 || lineAt.apply(l) == null || !DELIMITER_ROW.matcher(lineAt.apply(l)).matches()
        || lineAt.apply(l - 1) == null) {
      return null;
    }
    List<String> header = cells(lineAt.apply(l - 1));
    int cell = cellIndex(row, column - 1);
    if (cell < 0 || cell >= header.size()) {
      return null;
    }
    return header.get(cell).replaceAll("[*_`]", "").strip().toLowerCase(Locale.ROOT);
  }

  /** The 0-based cell of a table row that {@code offset} is in, counting pipes outside code spans, or -1. */
  public static int cellIndex(String row, int offset) {
    if (offset < 0 || offset > row.length()) {
      return -1;
    }
    int cell = row.strip().startsWith("|") ? -1 : 0;
    boolean code = false;
    for (int i = 0; i < offset; i++) {
      char c = row.charAt(i);
      if (c == '`') {
        code = !code;
      } else if (c == '|' && !code && (i == 0 || row.charAt(i - 1) != '\\')) {
        cell++;
      }
    }
    return cell;
  }
}
