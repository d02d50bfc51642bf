package org.docgate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Texts made of random pieces, for tests that hold a fast path to the slow one it stands for (a pre-check to the
 * regex it skips): seeded, so a failure repeats.
 */
public final class RandomTexts {
  private RandomTexts() {}

  /** {@code count} texts, each of fewer than {@code maxPieces} pieces drawn from {@code pieces}. */
  public static List<String> of(long seed, int count, int maxPieces, String... pieces) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(maxPieces); n > 0; n--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      out.add(text.toString());
    }
    return out;
  }
}
