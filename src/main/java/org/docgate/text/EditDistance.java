package org.docgate.text;

/** Levenshtein distance over code points, with an early exit past a limit. Pure. */
public final class EditDistance {
  private EditDistance() {}

  /** The distance, or {@code limit + 1} when it is larger than {@code limit}. */
  public static int between(String a, String b, int limit) {
    if (Math.abs(a.codePointCount(0, a.length()) - b.codePointCount(0, b.length())) > limit) {
      return limit + 1; // the cheap check first: most candidates of a suggestion differ in length
    }
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    int[] prev = new int[y.length + 1];
    int[] cur = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= y.length; j++) {
        int cost = x[i - 1] == y[j - 1] ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[y.length], limit + 1);
  }
}
