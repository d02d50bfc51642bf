package org.docgate.validate.versions;

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
 * @param release the newest release's version as its heading writes it, parsed
 * @param log the document the version was read from
 */
record OwnRelease(Version release, String log) {
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
          OwnRelease r = new OwnRelease(Version.parse(m.group(1), VersionScheme.DOTTED), doc.path());
          if (best == null || r.release.compareAtPrecision(best.release) > 0) {
            best = r;
          }
        }
      }
    }
    return best;
  }

  /** The release as written ("4.3.1"). */
  String version() {
    return release.written();
  }

  /**
   * Whether {@code written} ("v4.2.0", "4.2") is an older release of the same major line as this one, compared at the
   * precision both give ("4.3" is not older than "4.3.1").
   */
  boolean isNewerThan(String written) {
    Version other = Version.parse(written, VersionScheme.DOTTED);
    return other.numbers().get(0).equals(release.numbers().get(0)) && release.compareAtPrecision(other) > 0;
  }
}
