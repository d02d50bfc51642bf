package org.docgate.markdown;

/**
 * A run of text outside code and HTML, as written in the source (so offsets into it map to columns).
 *
 * @param scope what kind of text it is; validators choose the scopes they read
 */
public record ProseRun(String text, Scope scope, Position position) {

  public enum Scope {
    PARAGRAPH,
    HEADING,
    TABLE,
    LINK_TEXT,
    ALT_TEXT
  }
}
