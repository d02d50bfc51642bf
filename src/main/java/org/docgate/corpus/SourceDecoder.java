package org.docgate.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.docgate.config.DeclaredRules;

/**
 * Turns a file's bytes into text: UTF-8, with or without a BOM. A few invalid byte sequences become U+FFFD, as GitHub
 * shows them, each with a warning; a file that is mostly not UTF-8 is a reason, not text. Pure.
 */
public final class SourceDecoder {
  private static final DeclaredRules RULES = DeclaredRules.of("corpus");

  private static final int BINARY_PROBE = 8192;
  /**
   * A file is "mostly not UTF-8" (rejected whole, with the GBK hint when it decodes as such) when more than this share
   * of its non-ASCII bytes lie in invalid sequences. A GBK file is near 1.0 (its two-byte characters are almost never
   * valid UTF-8); a UTF-8 file with a stray byte or a cut character is near 0.
   */
  static final double MOSTLY_NOT_UTF8 = 0.5;

  private SourceDecoder() {}

  /** The outcome: text (with a warning per invalid sequence), or the rule that failed with a position and message. */
  public sealed interface Decoded permits Text, Rejected {}

  /** @param invalid one entry per invalid byte sequence, replaced by U+FFFD in {@code text} */
  public record Text(String text, List<Invalid> invalid) implements Decoded {
    public Text {
      invalid = List.copyOf(invalid);
    }

    public Text(String text) {
      this(text, List.of());
    }
  }

  /** An invalid UTF-8 sequence at a 1-based line and column of the decoded text. */
  public record Invalid(int line, int column, String message) {}

  public record Rejected(org.docgate.finding.Rule rule, int line, int column, String message) implements Decoded {}

  public static Decoded decode(byte[] bytes) {
    int probe = Math.min(bytes.length, BINARY_PROBE);
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      return new Rejected(RULES.rule("corpus/encoding"), 1, 1,
          "file is UTF-16 (byte-order mark found); save it as UTF-8");
    }
    for (int i = 0; i < probe; i++) {
      if (bytes[i] == 0) {
        return new Rejected(RULES.rule("corpus/binary"), 1, 1,
            "file holds NUL bytes (first at byte " + i + "): binary data, not Markdown; not checked");
      }
    }
    int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    Position at = new Position();
    List<Invalid> invalid = new ArrayList<>();
    int firstBad = -1;
    int badBytes = 0;
    while (true) {
      int decodedBefore = out.position();
      CoderResult result = decoder.decode(in, out, true);
      at.advance(out, decodedBefore);
      if (!result.isError()) {
        break;
      }
      int bad = in.position();
      firstBad = firstBad < 0 ? bad : firstBad;
      badBytes += result.length();
      invalid.add(new Invalid(at.line, at.column, String.format(Locale.ROOT,
          "invalid UTF-8 at byte %d (%s); shown as U+FFFD, as GitHub does. Fix the character or re-save the file as "
              + "UTF-8", bad, hex(bytes, bad, result.length()))));
      in.position(bad + result.length());
      out.put('\uFFFD');
      at.advance(out, out.position() - 1);
    }
    decoder.flush(out);
    out.flip();
    if (invalid.isEmpty()) {
      return new Text(out.toString());
    }
    if (badBytes > MOSTLY_NOT_UTF8 * nonAscii(bytes, start)) {
      Invalid first = invalid.get(0);
      String guess = decodesAs(bytes, Charset.forName("GB18030")) ? " It decodes as GBK/GB18030: convert it with "
          + "'iconv -f GB18030 -t UTF-8'." : "";
      return new Rejected(RULES.rule("corpus/encoding"), first.line(), first.column(), String.format(Locale.ROOT,
          "not valid UTF-8 (%d invalid sequences, first at byte %d, 0x%02X); not checked.%s", invalid.size(),
          firstBad, bytes[firstBad] & 0xFF, guess));
    }
    return new Text(out.toString(), invalid);
  }

  /** Line and column of the next character to be decoded, advanced over what the decoder wrote. */
  private static final class Position {
    int line = 1;
    int column = 1;

    void advance(CharBuffer out, int from) {
      for (int i = from; i < out.position(); i++) {
        char c = out.get(i);
        if (c == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
    }
  }

  private static int nonAscii(byte[] bytes, int start) {
    int n = 0;
    for (int i = start; i < bytes.length; i++) {
      n += bytes[i] < 0 ? 1 : 0;
    }
    return n;
  }

  private static String hex(byte[] bytes, int from, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < from + length; i++) {
      sb.append(sb.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", bytes[i] & 0xFF));
    }
    return sb.toString();
  }

  private static boolean decodesAs(byte[] bytes, Charset charset) {
    try {
      charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }
}
