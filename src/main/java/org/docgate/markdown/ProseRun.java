package org.docgate.markdown;

/**
 * A run of text outside code and HTML, as written in the source (so offsets into it map to columns).
 *
 * @param scope what kind of text it is; validators choose the scopes they read
 */
public record ProseRun(String text, Scope scope, Position position) {
  /** The part of a run on one source line, at its 1-based line and column; a carriage return became a space. */
  public record LinePart(int line, int column, String text) {}

  /** This run cut at its line breaks: the first part keeps the run's column, the others start at column 1. */
  public java.util.List<LinePart> lines() {
    String[] parts = text.split("\n", -1);
    java.util.List<LinePart> out = new java.util.ArrayList<>(parts.length);
    for (int k = 0; k < parts.length; k++) {
      out.add(new LinePart(position.line() + k, k == 0 ? position.column() : 1, parts[k].replace('\r', ' ')));
    }
    return out;
  }

  public enum Scope {
    PARAGRAPH,
    HEADING,
    TABLE,
    LINK_TEXT,
    ALT_TEXT
  }
}
