package org.docgate.validate.terminology;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.docgate.markdown.Link;
import org.docgate.markdown.MarkdownDocument;

/**
 * Lines that quote a change: a list item of a record (a changelog, release notes) that names a commit or a pull or
 * merge request by its reference, such as {@code * [[`f5369da047`](…/commit/f5369da047)] - **build**: add Github
 * Action ([#31153](…/pull/31153))} or {@code * May 17, 2019 [PR 77989](…/pull/77989) Remove Powershell dependency}.
 * Its words are the commit's subject or the request's title as written then: "fixing" {@code Github} there would
 * break the quote (judged NOFIX or WRONG blind, 25 of 31 terminology findings of the Node.js changelogs, round 20).
 * A link whose text is the writer's own words ({@code are [implemented](…/pull/69960)}) or a paragraph that cites a
 * request ("the [introduction of CronJob in kubernetes](…/pull/11980)", a proposal's prose) quotes nothing. Pure.
 */
final class ChangeQuotes {
  /** A commit ({@code /commit/<sha>}) or a pull or merge request ({@code /pull/123}, {@code /merge_requests/45}). */
  private static final Pattern CHANGE = Pattern.compile(
      "^https?://[^/?#]+/[^?#]*/(?:commits?/[0-9a-fA-F]{7,40}|pull/\\d+|-/merge_requests/\\d+|merge_requests/\\d+)"
          + "(?![\\w-])");

  private ChangeQuotes() {}

  /**
   * A link text that is only a reference: a commit hash, {@code #123}, {@code !45}, {@code PR 77989}. Not a bare URL:
   * "- Test skipped on MacOS (https://github.com/…/pull/109218)" is a proposal's own note beside its request.
   */
  private static final Pattern REFERENCE = Pattern.compile(
      "(?i)(?:[0-9a-f]{7,40}|[\\w.-]*(?:/[\\w.-]+)?[#!]\\d+|(?:PR|MR|pull request|merge request)\\s*[#!]?\\d+)");
  private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d{1,9}[.)])\\s");

  /** The 1-based lines of {@code doc} that are list items naming a commit or request by its reference. */
  static Set<Integer> lines(MarkdownDocument doc) {
    Set<Integer> lines = new HashSet<>();
    List<String> source = null;
    for (Link l : doc.links()) {
      if (l.destination() == null || !CHANGE.matcher(l.destination()).find() || l.text() == null
          || !REFERENCE.matcher(l.text().replace("`", "").strip()).matches()) {
        continue;
      }
      if (source == null) {
        source = doc.sourceLines();
      }
      int line = l.position().line();
      if (line <= source.size() && LIST_ITEM.matcher(source.get(line - 1)).find()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
