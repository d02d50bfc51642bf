package org.docgate.validate.completeness;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.markdown.Link;

/**
 * The other repositories a document points into, from its links to code hosts
 * ({@code https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/...}): a path named in prose whose first
 * folder is one of theirs ({@code pkg/}, {@code test/}, {@code docs/}) may be theirs rather than this corpus's.
 */
final class OtherRepositories {
  /** host/owner/repo/(blob|tree|raw|edit)/ref/first-folder, on the code hosts people link source trees on. */
  private static final Pattern TREE = Pattern.compile(
      "(?i)^https?://(?:www\\.)?(github\\.com|gitlab\\.com|bitbucket\\.org|git\\.k8s\\.io|codeberg\\.org)/"
          + "([^/]+)/([^/]+)(?:/-)?/(?:blob|tree|raw|edit|src)/[^/]+/([^/?#]+)/");
  /** A short link host of the Kubernetes project: git.k8s.io/kubernetes/pkg/... */
  private static final Pattern K8S_SHORT = Pattern.compile("(?i)^https?://git\\.k8s\\.io/([^/]+)/([^/?#]+)/");
  /** A sentence naming a repository as where something is: "in kubernetes/kubernetes", "k/k", "the test-infra repo". */
  private static final Pattern NAMES_A_REPOSITORY = Pattern.compile(
      "(?i)\\b(k/k|[a-z0-9-]+/[a-z0-9-]+ repo(sitory)?|in (the )?[a-z0-9-]+ repo(sitory)?|upstream|"
          + "kubernetes/kubernetes|kubernetes/test-infra|kubernetes/website)\\b");

  private static final Pattern REPOSITORY_WORD = Pattern.compile("(?i)\\brepo(s|sitory|sitories)?\\b");
  private static final Pattern THIS_REPOSITORY = Pattern.compile("(?i)\\b(this|our) repo(sitory)?\\b");
  /** An owner/name (no file extension) said to be a repository: "a repository named `kubernetes/cloud-provider-x`". */
  private static final Pattern NAMED_REPOSITORY = Pattern.compile("(?i)\\brepo(s|sitory|sitories)?\\b[^.;]{0,40}?"
      + "`?\\b[a-z0-9_-]+/[a-z0-9_<>{}-]+(?![\\w./])|\\b[a-z0-9_-]+/[a-z0-9_<>{}-]+`?\\s+repo(s|sitory|sitories)?\\b");
  private static final Pattern LIST_OR_CONTINUATION = Pattern.compile("^(\\s+\\S|\\s*([-*+]|\\d+[.)])\\s)");

  private final Set<String> firstFolders = new HashSet<>();
  private final Set<Integer> linkingLines = new HashSet<>();

  private OtherRepositories(DocumentContext ctx) {
    for (Link link : ctx.doc.links()) {
      String dest = link.destination();
      if (dest == null) {
        continue;
      }
      Matcher m = TREE.matcher(dest);
      Matcher k = K8S_SHORT.matcher(dest);
      if (m.find()) {
        firstFolders.add(m.group(4).toLowerCase(Locale.ROOT));
        linkingLines.add(link.position().line());
      } else if (k.find()) {
        firstFolders.add(k.group(2).toLowerCase(Locale.ROOT));
        linkingLines.add(link.position().line());
      }
    }
  }

  static OtherRepositories of(DocumentContext ctx) {
    return ctx.otherRepositories(() -> new OtherRepositories(ctx));
  }

  /**
   * Whether the list item on {@code line} describes the layout of another repository: the paragraph leading into its
   * list speaks of a repository ("Those repositories shall have the following structure:", "Additionally, the
   * repository should have:"), not this one, and its section names another repository by owner/name ("a single
   * repository named `kubernetes/cloud-provider-<provider_name>`"). The paths listed ({@code docs/testing.md}) are
   * files every such repository must have, not this corpus's.
   */
  static boolean describesAnother(DocumentContext ctx, int line) {
    Outline.Section section = ctx.outline.sectionAt(line);
    String own = ctx.line(line);
    if (section == null || own == null || !LIST_OR_CONTINUATION.matcher(own).find()) {
      return false;
    }
    int l = line - 1;
    while (l > section.firstLine() && (blank(ctx, l) || LIST_OR_CONTINUATION.matcher(ctx.line(l)).find())) {
      l--;
    }
    StringBuilder leadIn = new StringBuilder();
    for (; l > section.firstLine() && !blank(ctx, l); l--) {
      leadIn.insert(0, ctx.line(l) + " ");
    }
    if (!REPOSITORY_WORD.matcher(leadIn).find() || THIS_REPOSITORY.matcher(leadIn).find()) {
      return false;
    }
    StringBuilder above = new StringBuilder();
    for (int k = section.firstLine(); k < line; k++) {
      above.append(ctx.line(k) == null ? "" : ctx.line(k)).append(' ');
    }
    return NAMED_REPOSITORY.matcher(above).find();
  }

  private static boolean blank(DocumentContext ctx, int line) {
    String text = ctx.line(line);
    return text == null || text.isBlank();
  }

  /** Whether a path written on {@code line} (raw text {@code text}) may belong to another repository. */
  boolean owns(int line, String written, String text) {
    if (firstFolders.isEmpty() && (text == null || !NAMES_A_REPOSITORY.matcher(text).find())) {
      return false;
    }
    if (linkingLines.contains(line) || (text != null && NAMES_A_REPOSITORY.matcher(text).find())) {
      return true;
    }
    String p = written.startsWith("/") ? written.substring(1) : written;
    int slash = p.indexOf('/');
    return slash > 0 && firstFolders.contains(p.substring(0, slash).toLowerCase(Locale.ROOT));
  }
}
