package org.docgate.validate.completeness;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.config.OwnRepository;
import org.docgate.corpus.CorpusIndex;

/**
 * Absolute links into the corpus's own repository ({@code https://github.com/nodejs/node/blob/HEAD/doc/contributing/
 * releases.md}), resolved to the documents they lead to, so that a page other pages link to by URL is no orphan.
 * Pure over the index.
 *
 * <p>A link's path is matched by its longest suffix that is a document of the corpus ({@code contributing/releases.md}
 * of {@code doc/contributing/releases.md}); what it cut off is the prefix under which the corpus lies in the
 * repository ({@code doc/}, or nothing when the corpus is the repository's root). A prefix counts only when links lead
 * through it to two or more documents: one link to {@code test/common/README.md} does not make the corpus's
 * {@code README.md} that file. The repository is the configured one (or the corpus's {@code .git/config} remote);
 * without one, the repository whose links resolve so most often, when no other ties with it: a corpus links other
 * repositories' {@code README.md} too, but its own pages through one consistent prefix.
 */
final class RepositoryLinks {
  /** host/owner/repo/(-/)(blob|tree)/ref/path on the code hosts whose URLs name files so. */
  private static final Pattern TREE = Pattern.compile(
      "(?i)^https?://(?:www\\.)?(github\\.com|gitlab\\.com)/([^/?#]+)/([^/?#]+)/(?:-/)?(?:blob|tree)/[^/?#]+/([^?#]+)");

  /** A link to a path of a repository: {@code github.com/nodejs/node} (lower-case) and the path in it, decoded. */
  record TreeLink(String repository, String path) {}

  private RepositoryLinks() {}

  /** The tree link a destination is, if it is one. */
  static Optional<TreeLink> parse(String destination) {
    Matcher m = destination == null ? null : TREE.matcher(destination.strip());
    if (m == null || !m.find()) {
      return Optional.empty();
    }
    String path = m.group(4);
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    try {
      path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // a stray % is kept as written
    }
    String repository = (m.group(1) + "/" + m.group(2) + "/" + m.group(3)).toLowerCase(Locale.ROOT);
    return path.isEmpty() ? Optional.empty() : Optional.of(new TreeLink(repository, path));
  }

  /** A link's longest suffix that is a document, and the prefix it cut off. */
  private record Match(String prefix, String document) {}

  /** The document each link of the corpus's own repository leads to (links it cannot place are left out). */
  static Map<TreeLink, String> resolve(CorpusIndex index, Collection<TreeLink> links, Optional<OwnRepository> own) {
    Map<TreeLink, Match> matches = new HashMap<>();
    // per repository, per prefix: the documents links reach through it
    Map<String, Map<String, Set<String>>> reached = new TreeMap<>();
    for (TreeLink link : new HashSet<>(links)) {
      Match match = longestSuffix(index, link.path());
      if (match != null) {
        matches.put(link, match);
        reached.computeIfAbsent(link.repository(), r -> new HashMap<>())
            .computeIfAbsent(match.prefix(), p -> new HashSet<>()).add(match.document());
      }
    }
    String configured = own.map(r -> (r.host() + "/" + r.owner() + "/" + r.name()).toLowerCase(Locale.ROOT))
        .orElse(null);
    String chosen = configured != null ? configured : mostResolved(matches, reached);
    Map<TreeLink, String> out = new HashMap<>();
    if (chosen == null) {
      return out;
    }
    Map<String, Set<String>> prefixes = reached.getOrDefault(chosen, Map.of());
    matches.forEach((link, match) -> {
      if (link.repository().equals(chosen) && (prefixes.get(match.prefix()).size() >= 2
          || configured != null && match.prefix().isEmpty())) { // the configured repository's root is the corpus's
        out.put(link, match.document());
      }
    });
    return out;
  }

  /** The repository with the most links resolved through a prefix shared by two or more documents; null on a tie. */
  private static String mostResolved(Map<TreeLink, Match> matches, Map<String, Map<String, Set<String>>> reached) {
    Map<String, Integer> counts = new TreeMap<>();
    matches.forEach((link, match) -> {
      if (reached.get(link.repository()).get(match.prefix()).size() >= 2) {
        counts.merge(link.repository(), 1, Integer::sum);
      }
    });
    String best = null;
    int most = 0;
    boolean tie = false;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
        tie = false;
      } else if (e.getValue() == most) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  private static Match longestSuffix(CorpusIndex index, String path) {
    List<String> parts = List.of(path.split("/"));
    for (int i = 0; i < parts.size(); i++) {
      String suffix = String.join("/", parts.subList(i, parts.size()));
      if (index.documents().containsKey(suffix)) {
        return new Match(String.join("/", parts.subList(0, i)), suffix);
      }
    }
    return null;
  }
}
