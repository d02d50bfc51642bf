package org.docgate.markdown;

import java.util.Locale;

/** Where a link came from in the Markdown source. */
public enum LinkKind {
  /** {@code [text](target)} */
  INLINE,
  /** {@code [text][label]}, {@code [label][]} or {@code [label]}: the target comes from a definition */
  REFERENCE,
  /** {@code [label]: target}: checked once, at the definition */
  DEFINITION,
  /** {@code ![alt](src)} and {@code ![alt][label]} */
  IMAGE,
  /** {@code <https://...>} */
  AUTOLINK,
  /** a URL in running text */
  BARE_URL,
  /** {@code <a href="...">} in raw HTML */
  HTML_HREF,
  /** {@code <img src="...">} in raw HTML */
  HTML_SRC;

  /** The kebab-case name used in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
