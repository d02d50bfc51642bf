package org.docgate.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Turns a file's bytes into text: strict UTF-8, with or without a BOM; anything else is a reason, not text. Pure. */
public final class SourceDecoder {
  private static final int BINARY_PROBE = 8192;

  private SourceDecoder() {}

  /** The outcome: text, or the rule that failed with a 1-based position and message. */
  public sealed interface Decoded permits Text, Rejected {}

  public record Text(String text) implements Decoded {}

  public record Rejected(org.docgate.finding.Rule rule, int line, int column, String message) implements Decoded {}

  public static Decoded decode(byte[] bytes) {
    int probe = Math.min(bytes.length, BINARY_PROBE);
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      return new Rejected(CorpusRules.ENCODING, 1, 1, "file is UTF-16 (byte-order mark found); save it as UTF-8");
    }
    for (int i = 0; i < probe; i++) {
      if (bytes[i] == 0) {
        return new Rejected(CorpusRules.BINARY, 1, 1,
            "file holds NUL bytes (first at byte " + i + "): binary data, not Markdown; not checked");
      }
    }
    int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      return rejectEncoding(bytes, in.position(), out);
    }
    decoder.flush(out);
    out.flip();
    return new Text(out.toString());
  }

  private static Rejected rejectEncoding(byte[] bytes, int badByte, CharBuffer decodedSoFar) {
    decodedSoFar.flip();
    String before = decodedSoFar.toString();
    int line = 1;
    int lastNewline = -1;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        lastNewline = i;
      }
    }
    int column = before.length() - lastNewline;
    String guess = looksLike(bytes, Charset.forName("GB18030")) ? " It decodes as GBK/GB18030: convert it with "
        + "'iconv -f GB18030 -t UTF-8'." : "";
    return new Rejected(CorpusRules.ENCODING, line, column, String.format(Locale.ROOT,
        "not valid UTF-8 at byte %d (0x%02X); not checked.%s", badByte, bytes[badByte] & 0xFF, guess));
  }

  private static boolean looksLike(byte[] bytes, Charset charset) {
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
