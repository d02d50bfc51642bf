package org.docgate.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A link destination split into what docgate checks: its kind, the path (percent-decoded), and the fragment
 * (percent-decoded, without {@code #}). Pure functions only.
 */
public record LinkTarget(Kind kind, String path, String fragment) {

  public enum Kind {
    /** a file or folder of the corpus, or an anchor in the same file */
    INTERNAL,
    /** http(s) or protocol-relative: the web link validator's job */
    EXTERNAL,
    /** mailto:, tel:, data:, ftp: and other schemes docgate does not check */
    OTHER_SCHEME
  }

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

  public static LinkTarget parse(String destination) {
    String d = destination.strip();
    if (d.startsWith("//")) {
      return new LinkTarget(Kind.EXTERNAL, d, null);
    }
    if (SCHEME.matcher(d).matches() && !looksLikeWindowsDrive(d)) {
      String lower = d.toLowerCase(java.util.Locale.ROOT);
      boolean web = lower.startsWith("http:") || lower.startsWith("https:");
      return new LinkTarget(web ? Kind.EXTERNAL : Kind.OTHER_SCHEME, d, null);
    }
    String fragment = null;
    int hash = d.indexOf('#');
    if (hash >= 0) {
      fragment = percentDecode(d.substring(hash + 1));
      d = d.substring(0, hash);
    }
    int query = d.indexOf('?');
    if (query >= 0) {
      d = d.substring(0, query);
    }
    return new LinkTarget(Kind.INTERNAL, percentDecode(d), fragment);
  }

  private static boolean looksLikeWindowsDrive(String d) {
    return d.length() >= 3 && Character.isLetter(d.charAt(0)) && d.charAt(1) == ':'
        && (d.charAt(2) == '\\' || d.charAt(2) == '/');
  }

  /**
   * Decodes {@code %XX} escapes as UTF-8 ({@code %E5%AE%B9} → 容, {@code %20} → space). A malformed escape or invalid
   * UTF-8 leaves the text as written. {@code +} stays {@code +}: this is a path, not a form.
   */
  public static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int cp = s.codePointAt(i);
        byte[] enc = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        bytes.write(enc, 0, enc.length);
        i += Character.charCount(cp);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return s;
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /**
   * Resolves a link path written in {@code fromDocument} to a corpus-relative path ({@code ""} is the root).
   * {@code /x.md} starts at the corpus root. Empty when the path climbs out of the corpus.
   */
  public static Optional<String> resolve(String fromDocument, String linkPath) {
    return walk(fromDocument, linkPath, false);
  }

  /**
   * Resolves like {@link #resolve} but stops at the corpus root instead of leaving it ({@code ../x.md} written in the
   * root means {@code x.md}): what the author of an escaping link most likely meant.
   */
  public static String resolveClamped(String fromDocument, String linkPath) {
    return walk(fromDocument, linkPath, true).orElseThrow();
  }

  private static Optional<String> walk(String fromDocument, String linkPath, boolean clampAtRoot) {
    Deque<String> parts = new ArrayDeque<>();
    String dir = directoryOf(fromDocument);
    if (!linkPath.startsWith("/") && !dir.isEmpty()) {
      for (String p : dir.split("/")) {
        parts.addLast(p);
      }
    }
    for (String p : linkPath.split("/")) {
      if (p.equals("..")) {
        if (parts.isEmpty() && !clampAtRoot) {
          return Optional.empty();
        }
        parts.pollLast();
      } else if (!p.isEmpty() && !p.equals(".")) {
        parts.addLast(p);
      }
    }
    return Optional.of(String.join("/", parts));
  }

  public static String directoryOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The relative link from a document to a corpus path, e.g. {@code ../Container/README.md}. */
  public static String relativeLink(String fromDocument, String to) {
    String[] from = directoryOf(fromDocument).isEmpty() ? new String[0] : directoryOf(fromDocument).split("/");
    String[] target = to.isEmpty() ? new String[0] : to.split("/");
    int common = 0;
    while (common < from.length && common < target.length - 1 && from[common].equals(target[common])) {
      common++;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = common; i < from.length; i++) {
      sb.append("../");
    }
    for (int i = common; i < target.length; i++) {
      sb.append(target[i]);
      if (i < target.length - 1) {
        sb.append('/');
      }
    }
    return sb.isEmpty() ? "./" : sb.toString();
  }
}
