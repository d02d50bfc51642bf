package org.docgate.pr;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;

/**
 * The findings an issue report has already shown, kept in the issue body itself as a hidden comment
 * ({@code <!-- docgate:seen error,warning ... -->} with one fingerprint per finding), so a CI cron job without a report
 * store and {@code serve} compare the same way: "new" means new since the previous report, not since the previous
 * watch run. The body is limited (GitHub: 65,536 characters), so whole severities are kept, most severe first, while
 * they fit; a finding of a severity left out is never called new (unknown is not new). Pure.
 */
public record IssueBaseline(Set<Severity> covered, Set<String> fingerprints) {
  static final String OPEN = "<!-- docgate:seen ";
  private static final Pattern BLOCK = Pattern.compile("<!-- docgate:seen ([a-z,]*)\\n([0-9a-f\\s]*)-->");
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");

  public IssueBaseline {
    covered = covered.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(covered));
    fingerprints = Set.copyOf(fingerprints);
  }

  /** The baseline written into an earlier body, or empty when the body has none (or a malformed one). */
  public static Optional<IssueBaseline> parse(String body) {
    Matcher m = BLOCK.matcher(body == null ? "" : body);
    if (!m.find()) {
      return Optional.empty();
    }
    Set<Severity> covered = EnumSet.noneOf(Severity.class);
    for (String label : m.group(1).split(",")) {
      if (!label.isEmpty()) {
        try {
          covered.add(Severity.parse(label));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    Set<String> seen = new HashSet<>();
    Matcher fp = FINGERPRINT.matcher(m.group(2));
    while (fp.find()) {
      seen.add(fp.group());
    }
    return Optional.of(new IssueBaseline(covered, seen));
  }

  /** The findings this baseline did not know: of a covered severity and not seen. */
  public List<Finding> newIn(List<Finding> findings) {
    return findings.stream().filter(f -> covered.contains(f.severity()) && !fingerprints.contains(f.fingerprint()))
        .toList();
  }

  /**
   * The hidden block for {@code findings}: every fingerprint of each severity, most severe first, while the block
   * stays within {@code budget} characters.
   */
  public static String block(List<Finding> findings, int budget) {
    StringBuilder prints = new StringBuilder();
    List<String> covered = new ArrayList<>();
    for (Severity s : Severity.values()) {
      StringBuilder these = new StringBuilder();
      int n = 0;
      for (Finding f : findings) {
        if (f.severity() == s && f.fingerprint() != null) {
          these.append(f.fingerprint()).append(++n % 8 == 0 ? '\n' : ' ');
        }
      }
      if (OPEN.length() + 40 + prints.length() + these.length() > budget) {
        break; // a severity that does not fit whole is left out, and so is every milder one
      }
      prints.append(these);
      covered.add(s.label());
    }
    String body = prints.toString().strip();
    return OPEN + String.join(",", covered) + "\n" + body + (body.isEmpty() ? "" : "\n") + "-->\n";
  }
}
