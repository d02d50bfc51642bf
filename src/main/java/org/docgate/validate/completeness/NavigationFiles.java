package org.docgate.validate.completeness;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.Glob;
import org.docgate.corpus.LinkTarget;

/**
 * A site generator's navigation, kept outside Markdown ({@code orphans.navigation}: an MkDocs {@code nav:}, a
 * Docusaurus sidebar, date-fns's {@code docs/config.js}): the documents a navigation file names are on the site's menu,
 * so they are no orphans. Eight date-fns pages listed only in {@code docs/config.js} were judged NOFIX as orphans in
 * round 23 ("reachable through the site generator"). A name is read as a path from the file's folder, from the corpus
 * root, or from a {@code docs/} folder beside the file (MkDocs's default {@code docs_dir}).
 */
final class NavigationFiles {
  /** A Markdown file's name or path as a navigation file writes it. */
  private static final Pattern PAGE = Pattern.compile("[\\w@~./-]*[\\w-]\\.(?:md|markdown|mdx)(?![\\w.])",
      Pattern.CASE_INSENSITIVE);

  private NavigationFiles() {}

  /** The key of the corpus's navigation files among the values an index derives from its paths alone. */
  private record PathsKey(List<Glob> navigation) {}

  /** Each navigation file of the corpus and the documents it names (corpus paths), sorted. */
  static Map<String, List<String>> of(CorpusIndex index, List<Glob> navigation) {
    Map<String, List<String>> out = new HashMap<>();
    if (navigation.isEmpty()) {
      return out;
    }
    // which files are navigation files follows from the paths: matched once, kept while no file comes or goes (an
    // edit in the service reads the few files again, not every path against every glob)
    List<String> files = index.ofPaths(new PathsKey(navigation), i -> navigationFiles(i, navigation));
    for (String file : files) {
      TreeSet<String> named = new TreeSet<>();
      Matcher m = PAGE.matcher(index.configText(file));
      while (m.find()) {
        landsOn(index, file, m.group()).ifPresent(named::add);
      }
      if (!named.isEmpty()) {
        out.put(file, List.copyOf(named));
      }
    }
    return out;
  }

  private static List<String> navigationFiles(CorpusIndex index, List<Glob> navigation) {
    List<String> out = new java.util.ArrayList<>();
    for (String file : new TreeSet<>(index.files())) {
      String lower = file.toLowerCase(Locale.ROOT);
      if (!index.documents().containsKey(file) && navigation.stream().anyMatch(g -> g.matches(file) || g.matches(lower))) {
        out.add(file);
      }
    }
    return List.copyOf(out);
  }

  private static Optional<String> landsOn(CorpusIndex index, String file, String written) {
    String dir = LinkTarget.directoryOf(file);
    String[] froms = {file, "", (dir.isEmpty() ? "" : dir + "/") + "docs/_"};
    for (String from : froms) {
      Optional<String> path = from.isEmpty() ? LinkTarget.resolve("", written.startsWith("/") ? written : "/" + written)
          : LinkTarget.resolve(from, written);
      if (path.isPresent() && index.documents().containsKey(path.get())) {
        return path;
      }
    }
    return Optional.empty();
  }
}
