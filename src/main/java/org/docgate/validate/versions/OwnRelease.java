package org.docgate.validate.versions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.Heading;
import org.docgate.markdown.MarkdownDocument;

/**
 * The corpus's own newest release, as its release notes or changelog at the corpus root name it: the highest version
 * among their headings ({@code ## 4.3.1}, {@code ## [5.2.0] - 2024-05-01}, {@code # v1.8.0 (2021-08-15)}), pre-releases
 * and "Unreleased" left out. A README at the root that calls an older version "the latest" ("Latest Version: 4.2.0" in
 * podman 4.3.1's README, a recall probe of round 26) has not been updated since. Pure.
 *
 * @param log the document the version was read from
 */
record OwnRelease(String version, List<Integer> numbers, String log) {
  /** Root-level logs: CHANGELOG.md, RELEASE_NOTES.md, HISTORY.md, NEWS.md, CHANGES.md (any case, any Markdown suffix). */
  private static final Pattern LOG = Pattern.compile("(?:changelog|change_log|changes|release[-_ ]?notes|history|news)"
      + "\\.(?:md|markdown)", Pattern.CASE_INSENSITIVE);
  /** A heading that starts with a release's version: "4.3.1", "v1.8.0 (2021-08-15)", "[5.2.0] - 2024-05-01". */
  private static final Pattern RELEASE = Pattern.compile("^\\[?[vV]?(\\d{1,4}(?:\\.\\d{1,4}){1,3})\\]?(?![\\w.-])");

  /** The corpus's own newest release, or null when no root log names one. */
  static OwnRelease of(CorpusIndex index) {
    OwnRelease best = null;
    for (MarkdownDocument doc : index.documents().values()) {
      if (doc.path().indexOf('/') >= 0 || !LOG.matcher(doc.path()).matches()) {
        continue;
      }
      for (Heading h : doc.headings()) {
        Matcher m = RELEASE.matcher(h.text().strip());
        if (m.find()) {
          OwnRelease r = new OwnRelease(m.group(1), numbers(m.group(1)), doc.path());
          if (best == null || compare(r.numbers, best.numbers) > 0) {
            best = r;
          }
        }
      }
    }
    return best;
  }

  /** Whether {@code written} ("v4.2.0", "4.2") is an older release of the same major line as this one. */
  boolean isNewerThan(String written) {
    List<Integer> other = numbers(written.toLowerCase(Locale.ROOT).replaceFirst("^v", ""));
    return other.get(0).equals(numbers.get(0)) && compare(numbers, other) > 0;
  }

  static List<Integer> numbers(String version) {
    List<Integer> out = new ArrayList<>();
    for (String part : version.split("\\.")) {
      out.add(Integer.parseInt(part));
    }
    return out;
  }

  /** Compares at the precision both give ("4.3" is not newer than "4.3.1"). */
  static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
