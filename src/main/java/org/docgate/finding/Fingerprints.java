package org.docgate.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Gives each finding a fingerprint that survives line shifts: a hash of rule, path, target and message, plus the
 * ordinal of that combination within the file (so two identical broken links in one file stay distinct).
 */
public final class Fingerprints {
  private Fingerprints() {}

  /** Returns the findings sorted by path, line, column, rule, each with its fingerprint set. */
  public static List<Finding> assign(List<Finding> findings) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(ORDER);
    Map<String, Integer> seen = new HashMap<>();
    List<Finding> out = new ArrayList<>(sorted.size());
    for (Finding f : sorted) {
      String key = f.rule() + '\0' + f.path() + '\0' + nullToEmpty(f.target()) + '\0' + f.message();
      int ordinal = seen.merge(key, 1, Integer::sum);
      out.add(f.withFingerprint(hash(key + '\0' + ordinal)));
    }
    return List.copyOf(out);
  }

  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::path)
          .thenComparingInt(Finding::line)
          .thenComparingInt(Finding::column)
          .thenComparing(Finding::rule)
          .thenComparing(Finding::message);

  /** One digest per thread: looking SHA-256 up again for each of a report's thousands of findings showed in profiles. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  });

  static String hash(String text) {
    byte[] digest = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 8);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
