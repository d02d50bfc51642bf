package org.docgate.validate.links;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.finding.Rule;
import org.docgate.markdown.Link;
import org.docgate.markdown.LinkKind;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.validate.Metric;
import org.docgate.validate.Tally;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.Validator;

/**
 * Internal link integrity: relative and root-relative paths, same-file and cross-file anchors (GitHub's slugs plus
 * explicit HTML anchors), letter case, links that leave the corpus, and undefined reference labels. Looks only at
 * the corpus index, never at the disk outside the corpus.
 *
 * <p>Counters: {@code links.byKind.<kind>}, {@code links.internal.checked|ok|directory|unverifiedAnchor},
 * {@code links.internal.broken.<rule>}, {@code links.external}, {@code links.otherScheme}, {@code links.ignored}.
 */
public final class InternalLinkValidator implements Validator {
  private static final Set<String> MARKDOWN_EXTENSIONS = Set.of("md", "markdown");

  private final List<Pattern> ignores;

  public InternalLinkValidator(List<Pattern> ignores) {
    this.ignores = List.copyOf(ignores);
  }

  @Override
  public String id() {
    return "links";
  }

  @Override
  public List<Rule> rules() {
    return LinkRules.ALL;
  }

  @Override
  public List<Metric> metrics() {
    return List.of(new Metric("linkValidity", "links.internal.ok", "links.internal.checked"));
  }

  @Override
  public ValidationResult validate(MarkdownDocument doc, CorpusIndex index) {
    Run run = new Run(doc, index);
    for (Link link : doc.links()) {
      run.check(link);
    }
    // every finding is one checked, broken link: a suppressed one leaves both sides of linkValidity
    List<Tally> tallies = run.findings.stream()
        .map(f -> Tally.of(f, "links.internal.checked",
            "links.internal.broken." + f.rule().substring(f.rule().indexOf('/') + 1)))
        .toList();
    return new ValidationResult(run.findings, run.counters, tallies);
  }

  /** The state of validating one document. */
  private final class Run {
    private final MarkdownDocument doc;
    private final CorpusIndex index;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Long> counters = new TreeMap<>();

    Run(MarkdownDocument doc, CorpusIndex index) {
      this.doc = doc;
      this.index = index;
    }

    void check(Link link) {
      count("links.byKind." + link.kind().label());
      if (link.kind() == LinkKind.REFERENCE || (link.kind() == LinkKind.IMAGE && link.label() != null)) {
        // the destination is checked once, at its definition
        if (!link.defined()) {
          count("links.internal.checked");
          broken(LinkRules.UNDEFINED_REFERENCE);
          findings.add(finding(LinkRules.UNDEFINED_REFERENCE, link,
              "reference label [" + link.label() + "] has no definition; GitHub shows the brackets as text",
              null).withTarget("[" + link.label() + "]"));
        }
        return;
      }
      if (ignores.stream().anyMatch(p -> p.matcher(link.target()).find())) {
        count("links.ignored");
        return;
      }
      LinkTarget target = LinkTarget.parse(link.destination());
      switch (target.kind()) {
        case EXTERNAL -> count("links.external");
        case OTHER_SCHEME -> count("links.otherScheme");
        case INTERNAL -> checkInternal(link, target);
      }
    }

    private void checkInternal(Link link, LinkTarget target) {
      count("links.internal.checked");
      if (target.path().isEmpty()) {
        checkAnchor(link, doc.path(), target.fragment(), "");
        return;
      }
      Optional<String> resolved = LinkTarget.resolve(doc.path(), target.path());
      if (resolved.isEmpty()) {
        broken(LinkRules.OUTSIDE_CORPUS);
        String meant = LinkTarget.resolveClamped(doc.path(), target.path());
        boolean exists = !meant.isEmpty() && (index.isFile(meant) || index.isDirectory(meant));
        String suggestion = exists ? withFragment(rewrite(target.path(), meant), target.fragment()) : null;
        findings.add(finding(LinkRules.OUTSIDE_CORPUS, link,
            "link '" + link.target() + "' climbs out of the corpus root; it was not followed"
                + (exists ? "; did you mean '" + rewrite(target.path(), meant) + "'?" : ""), suggestion));
        return;
      }
      String path = resolved.get();
      if (index.isFile(path)) {
        if (target.fragment() != null && isMarkdown(path)) {
          checkAnchor(link, path, target.fragment(), target.path());
        } else {
          count("links.internal.ok");
        }
        return;
      }
      if (index.isDirectory(path)) {
        count("links.internal.ok");
        count("links.internal.directory");
        return;
      }
      List<String> otherCase = index.withPathIgnoringCase(path);
      if (!otherCase.isEmpty()) {
        String actual = otherCase.get(0);
        broken(LinkRules.CASE_MISMATCH);
        findings.add(finding(LinkRules.CASE_MISMATCH, link, "'" + path + "' exists only as '" + actual
            + "' (letter case differs: works on macOS and Windows, breaks on Linux and GitHub)",
            withFragment(rewrite(target.path(), actual), target.fragment())));
        return;
      }
      if (existsOutsideIndex(path)) {
        count("links.internal.ok"); // e.g. inside an excluded folder
        return;
      }
      broken(LinkRules.MISSING_FILE);
      Optional<String> suggestion = Suggestions.forMissingPath(index, path);
      String message = "'" + path + "' does not exist"
          + suggestion.map(s -> "; did you mean '" + rewrite(target.path(), s) + "'?").orElse("");
      findings.add(finding(LinkRules.MISSING_FILE, link, message,
          suggestion.map(s -> withFragment(rewrite(target.path(), s), target.fragment())).orElse(null)));
    }

    private void checkAnchor(Link link, String path, String fragment, String writtenPath) {
      if (fragment == null || fragment.isEmpty() || fragment.equals("top")) {
        count("links.internal.ok");
        return;
      }
      Set<String> anchors = index.anchorsOf(path);
      if (anchors == null) {
        count("links.internal.ok");
        count("links.internal.unverifiedAnchor"); // target could not be parsed: reported on its own
        return;
      }
      if (anchors.contains(fragment)) {
        count("links.internal.ok");
        return;
      }
      String where = path.equals(doc.path()) ? "this document" : "'" + path + "'";
      String lower = fragment.toLowerCase(Locale.ROOT);
      if (anchors.contains(lower)) {
        broken(LinkRules.ANCHOR_CASE);
        findings.add(finding(LinkRules.ANCHOR_CASE, link, "anchor '#" + fragment + "' in " + where
            + " exists only as '#" + lower + "' (GitHub anchors are lower-case)", writtenPath + "#" + lower));
        return;
      }
      broken(LinkRules.MISSING_ANCHOR);
      Optional<String> suggestion = Suggestions.forMissingAnchor(anchors, fragment);
      findings.add(finding(LinkRules.MISSING_ANCHOR, link, "no heading or HTML anchor '#" + fragment + "' in " + where
          + suggestion.map(s -> "; did you mean '#" + s + "'?").orElse(""),
          suggestion.map(s -> writtenPath + "#" + s).orElse(null)));
    }

    /** The suggested link: root-relative when the author wrote root-relative, else relative to this document. */
    private String rewrite(String writtenPath, String corpusPath) {
      String rewritten = writtenPath.startsWith("/") ? "/" + corpusPath : LinkTarget.relativeLink(doc.path(), corpusPath);
      return writtenPath.endsWith("/") && !rewritten.endsWith("/") && index.isDirectory(corpusPath)
          ? rewritten + "/" : rewritten;
    }

    private boolean existsOutsideIndex(String path) {
      // The index holds every walked file; excluded folders were not walked. The path is already inside the root.
      return Files.exists(index.root().resolve(path));
    }

    private Finding finding(Rule rule, Link link, String message, String suggestion) {
      return new Finding(rule.id(), rule.severity(), doc.path(), link.position().line(), link.position().column(),
          message, link.target(), suggestion, null);
    }

    private void broken(Rule rule) {
      count("links.internal.broken." + rule.id().substring(rule.id().indexOf('/') + 1));
    }

    private void count(String counter) {
      counters.merge(counter, 1L, Long::sum);
    }
  }

  private static String withFragment(String path, String fragment) {
    return fragment == null ? path : path + "#" + fragment;
  }

  private static boolean isMarkdown(String path) {
    int dot = path.lastIndexOf('.');
    return dot >= 0 && MARKDOWN_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
