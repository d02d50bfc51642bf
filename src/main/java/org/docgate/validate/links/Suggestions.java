package org.docgate.validate.links;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.docgate.corpus.CorpusIndex;
import org.docgate.text.EditDistance;
import org.docgate.corpus.LinkTarget;

/**
 * "Did you mean ...": the closest existing path or anchor to a broken one. Most breakages are moves and renames,
 * so a file of the same name elsewhere wins, then a near-identical name.
 */
final class Suggestions {
  private Suggestions() {}

  /**
   * A corpus path to suggest for a missing one, if one is close enough. It reads which paths exist alone, so it is
   * kept while they do ({@link CorpusIndex#ofPaths}): the service re-validates an edited document and the documents
   * linking to it after each edit, and comparing their broken links with every path again was a sixth of an edit on
   * k8s-handbook-zh (issue 21.3).
   */
  static Optional<String> forMissingPath(CorpusIndex index, String missing) {
    return index.ofPaths(new MissingPath(missing), i -> {
      COMPUTED.incrementAndGet();
      return closestPath(i, missing);
    });
  }

  private record MissingPath(String path) {}

  /** How many suggestions for missing paths were computed rather than kept (for tests). */
  static final java.util.concurrent.atomic.AtomicLong COMPUTED = new java.util.concurrent.atomic.AtomicLong();

  private static Optional<String> closestPath(CorpusIndex index, String missing) {
    String name = CorpusIndex.baseName(missing);
    List<String> sameName = index.withNameIgnoringCase(name);
    if (!sameName.isEmpty()) {
      return sameName.stream().min(byDistanceTo(missing));
    }
    int limit = Math.max(1, name.codePointCount(0, name.length()) / 4);
    String lowerName = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = limit + 1;
    Comparator<String> tieBreak = byDistanceTo(missing);
    // one distance per distinct name, not per path: many folders hold a README.md or an index.md
    for (Map.Entry<String, List<String>> e : index.byLowerName().entrySet()) {
      int d = EditDistance.between(lowerName, e.getKey(), limit);
      if (d > limit || d > bestDistance) {
        continue;
      }
      for (String path : e.getValue()) {
        // a near name in another folder is more often a different document (02_ESXi网络配置 vs 02_ESXi安装配置)
        if (!sameNumbering(name, CorpusIndex.baseName(path)) || (d > 1 && !sameFolder(path, missing))) {
          continue;
        }
        if (d < bestDistance || tieBreak.compare(path, best) < 0) {
          best = path;
          bestDistance = d;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean sameFolder(String a, String b) {
    return LinkTarget.directoryOf(a).equals(LinkTarget.directoryOf(b));
  }

  /**
   * {@code 02_eBPF编程实践.md} is not a typo of {@code 08_eBPF最佳实践.md}: in numbered series a different number is a
   * different document, so names that both start with a number must start with the same one.
   */
  static boolean sameNumbering(String a, String b) {
    String na = leadingDigits(a);
    String nb = leadingDigits(b);
    return na.isEmpty() || nb.isEmpty() || na.equals(nb);
  }

  private static String leadingDigits(String s) {
    int i = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    return s.substring(0, i);
  }

  /** An existing anchor to suggest for a missing fragment, if one is close enough. */
  static Optional<String> forMissingAnchor(Collection<String> anchors, String fragment) {
    return forMissingAnchor(anchors, fragment, SlugStyle.GITHUB);
  }

  /** As above, where the renderer slugs headings its own way (a fragment written as heading text). */
  static Optional<String> forMissingAnchor(Collection<String> anchors, String fragment, SlugStyle slugs) {
    if (anchors.isEmpty()) {
      return Optional.empty();
    }
    String slugged = slugs.slugOf(fragment);
    if (anchors.contains(slugged)) {
      return Optional.of(slugged); // written as heading text, or with punctuation GitHub drops
    }
    String squeezed = squeeze(slugged);
    for (String a : anchors) {
      if (!squeezed.isEmpty() && squeeze(a).equals(squeezed)) {
        return Optional.of(a);
      }
    }
    // Compared without hyphens, so an emoji or a dropped "1." prefix costs nothing; CJK words are short, so a
    // two-character rename (快速开始 -> 快速上手) is still a candidate.
    int length = squeezed.codePointCount(0, squeezed.length());
    int limit = length <= 3 ? 1 : Math.max(2, length / 4);
    String best = null;
    int bestDistance = limit + 1;
    for (String a : anchors) {
      int d = EditDistance.between(squeezed, squeeze(a), limit);
      if (d < bestDistance) {
        best = a;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** An anchor without hyphens and underscores. */
  private static String squeeze(String anchor) {
    return anchor.replace("-", "").replace("_", "");
  }

  private static Comparator<String> byDistanceTo(String missing) {
    return Comparator.<String>comparingInt(c -> pathDistance(c, missing)).thenComparing(c -> c);
  }

  private static int pathDistance(String a, String b) {
    return EditDistance.between(a, b, Math.max(a.length(), b.length()));
  }
}
