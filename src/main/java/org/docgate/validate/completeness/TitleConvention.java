package org.docgate.validate.completeness;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.Heading;
import org.docgate.markdown.MarkdownDocument;

/**
 * Pages that open with an H2 as their title by the corpus's own convention: of the documents of one folder, or of
 * one file name in sibling folders ({@code packages/button/zh-CN.md}, {@code packages/cell/zh-CN.md}), at least
 * {@value #SHARE}% and {@value #MIN} or more have no H1 and open with an H2 (vant's 55 component pages, whose site shows
 * the H2 as the page's title: 6 missing titles judged NOFIX in round 28), landing pages only among their sibling
 * folders' landing pages ({@code es/col/README.md}, {@code es/modal/README.md}). Their missing title is the convention, not a
 * slip; a page of such a group that opens with an H3 is still reported. Derived once per index.
 */
final class TitleConvention {
  static final int SHARE = 80;
  static final int MIN = 5;

  private TitleConvention() {}

  private record Key() {}

  private static final Set<String> LANDING = Set.of("readme.md", "index.md", "_index.md");

  /** Whether the document belongs to a group whose pages open with an H2 title. */
  static boolean h2Titled(CorpusIndex index, String path) {
    return index.derived(new Key(), TitleConvention::groups).contains(path);
  }

  /** At most this share (percent) of a corpus's documents, and at most {@value #FEW_H1} of them, have an H1. */
  static final int H1_SHARE = 3;
  static final int FEW_H1 = 3;
  /** Fewer documents than this decide nothing about a corpus's titles. */
  static final int MIN_DOCUMENTS = 20;

  private record TitledKey() {}

  /**
   * Why a page's missing title is its corpus's convention, or null: {@code h2Title} ({@link #h2Titled}), or
   * {@code titlesElsewhere} when hardly any page of the corpus has an H1 (at most {@value #H1_SHARE}% and
   * {@value #FEW_H1}, of {@value #MIN_DOCUMENTS} or more): its site takes titles from its menu or front matter (Bun's
   * docs: 85 untitled pages judged NOFIX in round 44, three of 302 pages with an H1). Not for landing pages or the
   * files at the corpus root (a README's or CONTRIBUTING's H1 is what GitHub shows first).
   */
  static String untitledBy(CorpusIndex index, String path) {
    if (h2Titled(index, path)) {
      return "h2Title";
    }
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    return path.indexOf('/') > 0 && !LANDING.contains(name) && !name.startsWith("readme")
        && index.derived(new TitledKey(), TitleConvention::titlesElsewhere) ? "titlesElsewhere" : null;
  }

  private static boolean titlesElsewhere(CorpusIndex index) {
    int documents = index.documents().size();
    long withH1 = index.documents().values().stream()
        .filter(d -> d.allHeadings().stream().anyMatch(h -> h.level() == 1)).count();
    return documents >= MIN_DOCUMENTS && withH1 <= FEW_H1 && withH1 * 100 <= (long) H1_SHARE * documents;
  }

  private static Set<String> groups(CorpusIndex index) {
    Map<String, List<String>> members = new HashMap<>();
    for (MarkdownDocument doc : index.documents().values()) {
      String name = doc.path().substring(doc.path().lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
      List<String> groups = groupsOf(doc.path());
      if (LANDING.contains(name)) {
        // a folder's landing page titles the folder, whatever its pages do; but sibling folders' landing pages are a
        // group of their own (santd's es/<component>/README.md, each "## API": 12 of 30 sampled judged NOFIX, round 43)
        groups = groups.stream().filter(g -> g.startsWith("name:")).toList();
      }
      for (String group : groups) {
        members.computeIfAbsent(group, k -> new java.util.ArrayList<>()).add(doc.path());
      }
    }
    Set<String> out = new HashSet<>();
    members.forEach((group, paths) -> {
      if (paths.size() < MIN) {
        return;
      }
      List<String> h2 = paths.stream().filter(p -> opensWithH2(index.documents().get(p))).toList();
      if (h2.size() * 100L >= (long) SHARE * paths.size()) {
        out.addAll(h2);
      }
    });
    return Set.copyOf(out);
  }

  /** The folder's group, and the group of its file name in sibling folders. */
  private static List<String> groupsOf(String path) {
    int slash = path.lastIndexOf('/');
    String folder = slash < 0 ? "" : path.substring(0, slash + 1);
    String name = path.substring(slash + 1);
    int up = folder.isEmpty() ? -1 : folder.lastIndexOf('/', folder.length() - 2);
    String siblings = (up < 0 ? "" : folder.substring(0, up + 1)) + "*/" + name;
    return folder.isEmpty() ? List.of("folder:") : List.of("folder:" + folder, "name:" + siblings);
  }

  private static boolean opensWithH2(MarkdownDocument doc) {
    List<Heading> headings = doc.headings();
    return !headings.isEmpty() && headings.get(0).level() == 2 && headings.stream().noneMatch(h -> h.level() == 1);
  }
}
