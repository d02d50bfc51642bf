package org.docgate.markdown;

import java.util.ArrayList;
import java.util.List;

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
}
