package org.docgate.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository the corpus is, so absolute links into it ({@code https://github.com/<owner>/<repo>/blob/<ref>/
 * path#frag}, {@code /tree/}, GitLab's {@code /-/blob/}) can be checked against the local tree like relative ones
 * instead of over the network. From the {@code repository:} config key, else the corpus root's {@code .git/config}
 * (remote {@code origin}, else the first remote).
 *
 * @param host lower-case host, e.g. {@code github.com}
 * @param source where it was found, for the report
 */
public record OwnRepository(String host, String owner, String name, String source) {
  private static final Pattern URL_FORM =
      Pattern.compile("^(?:[a-z+]+://)?(?:[^@/]+@)?([^/:]+)(?::\\d+)?[:/]([^/]+)/([^/]+?)(?:\\.git)?/?$");
  private static final Pattern SHORT_FORM = Pattern.compile("^([^/\\s]+)/([^/\\s]+)$");
  private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*remote\\s+\"([^\"]+)\"\\s*]\\s*$");
  private static final Pattern URL_LINE = Pattern.compile("^\\s*url\\s*=\\s*(\\S+)\\s*$");
  // A commit id pins the link to a snapshot that may differ from the local tree: left to the web check.
  private static final Pattern COMMIT = Pattern.compile("^[0-9a-f]{7,40}$");
  private static final long MAX_GIT_CONFIG = 1 << 20;

  /**
   * An absolute link into this repository.
   *
   * @param base the URL up to and including the ref and its slash, e.g. {@code https://github.com/o/r/blob/main/}
   * @param path the repository path as written (percent-encoded, no leading slash; empty for the root)
   * @param rest the query and fragment as written, e.g. {@code #leads} (empty when none)
   * @param pinned the ref is a commit id
   */
  public record Link(String base, String path, String rest, boolean pinned) {}

  /** {@code github.com/owner/repo}, {@code owner/repo} (GitHub), an https or ssh clone URL. */
  public static Optional<OwnRepository> parse(String spec, String source) {
    String s = spec.strip();
    Matcher m = URL_FORM.matcher(s);
    if (m.matches() && (s.contains("://") || s.contains("@") || m.group(1).contains("."))) {
      return Optional.of(new OwnRepository(m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.group(3), source));
    }
    Matcher shortForm = SHORT_FORM.matcher(s);
    if (shortForm.matches()) {
      return Optional.of(new OwnRepository("github.com", shortForm.group(1), shortForm.group(2), source));
    }
    return Optional.empty();
  }

  /** The remote {@code origin} of a git config text, else its first remote with a URL. */
  public static Optional<OwnRepository> fromGitConfig(String text, String source) {
    String remote = null;
    String first = null;
    String origin = null;
    for (String line : text.lines().toList()) {
      Matcher section = SECTION.matcher(line);
      if (section.matches()) {
        remote = section.group(1);
        continue;
      }
      if (line.strip().startsWith("[")) {
        remote = null;
        continue;
      }
      Matcher url = URL_LINE.matcher(line);
      if (remote != null && url.matches()) {
        first = first == null ? url.group(1) : first;
        origin = remote.equals("origin") ? url.group(1) : origin;
      }
    }
    String chosen = origin != null ? origin : first;
    return chosen == null ? Optional.empty() : parse(chosen, source);
  }

  /**
   * The configured repository, else the one of {@code root/.git/config} (only when {@code .git} is a folder inside
   * the corpus: a worktree's {@code .git} file points outside it, where docgate does not read).
   */
  public static Optional<OwnRepository> of(String configured, Path root) {
    if (configured != null && !configured.isBlank()) {
      return parse(configured, "configured");
    }
    Path config = root.resolve(".git").resolve("config");
    try {
      if (Files.isDirectory(root.resolve(".git")) && Files.isRegularFile(config)
          && Files.size(config) <= MAX_GIT_CONFIG) {
        return fromGitConfig(Files.readString(config, StandardCharsets.UTF_8), ".git/config");
      }
    } catch (IOException e) {
      return Optional.empty(); // unreadable: links to the repository stay external
    }
    return Optional.empty();
  }

  /** The link as a link into this repository, if it is one ({@code blob} or {@code tree}, any scheme case). */
  public Optional<Link> match(String destination) {
    String d = destination.strip();
    String lower = d.toLowerCase(Locale.ROOT);
    String prefix = null;
    for (String scheme : new String[] {"https://", "http://"}) {
      for (String www : new String[] {"", "www."}) {
        String p = scheme + www + host + "/" + owner.toLowerCase(Locale.ROOT) + "/" + name.toLowerCase(Locale.ROOT)
            + "/";
        if (lower.startsWith(p)) {
          prefix = d.substring(0, p.length());
        }
      }
    }
    if (prefix == null) {
      return Optional.empty();
    }
    String after = d.substring(prefix.length());
    String kindPart = after.startsWith("-/") ? "-/" : "";
    after = after.substring(kindPart.length());
    int slash = after.indexOf('/');
    String kind = slash < 0 ? after : after.substring(0, slash);
    if (!kind.equals("blob") && !kind.equals("tree") || slash < 0) {
      return Optional.empty(); // issues, pulls, raw, the repository's home page: not files
    }
    String rest = after.substring(slash + 1);
    int refEnd = firstOf(rest, "/?#");
    String ref = rest.substring(0, refEnd);
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    String afterRef = rest.substring(refEnd);
    String path = afterRef.startsWith("/") ? afterRef.substring(1) : afterRef;
    int tail = firstOf(path, "?#");
    String base = prefix + kindPart + kind + "/" + ref + "/";
    return Optional.of(new Link(base, path.substring(0, tail), path.substring(tail),
        COMMIT.matcher(ref).matches()));
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  /** {@code github.com/owner/repo}. */
  public String label() {
    return host + "/" + owner + "/" + name;
  }
}
