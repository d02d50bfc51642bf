package org.docgate.report;

import java.nio.charset.StandardCharsets;

/**
 * Corpus paths in URIs (RFC 3986): the SARIF artifact locations and the HTML report's file links and filter values
 * encode them the same way, as UTF-8 bytes where only unreserved characters stay.
 */
public final class UriPath {
  private static final String UNRESERVED_PUNCTUATION = "-._~";

  private UriPath() {}

  /** A corpus-relative path as a relative URI reference: each segment percent-encoded, the {@code /} kept. */
  public static String of(String path) {
    return encode(path, UNRESERVED_PUNCTUATION + "/");
  }

  /** One path segment: everything but the unreserved characters (so also {@code /}, {@code :}, {@code %}, {@code #}) is encoded. */
  public static String segment(String segment) {
    return encode(segment, UNRESERVED_PUNCTUATION);
  }

  private static String encode(String text, String kept) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || kept.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
