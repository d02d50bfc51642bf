package org.docgate.validate.weblinks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.docgate.config.DeclaredRules;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.config.OwnRepository;
import org.docgate.finding.Finding;
import org.docgate.finding.Rule;
import org.docgate.http.Network;
import org.docgate.markdown.Link;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.Position;
import org.docgate.validate.Metric;
import org.docgate.validate.Prepared;
import org.docgate.validate.Tally;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.Validator;
import org.docgate.validate.ValidatorDeclaration;

/**
 * External link checking ({@code links/external-*}). The network part runs once per scan, in the corpus step
 * ({@link #prepare}, see {@link CorpusCheck}); each document then gets the findings of its own links.
 *
 * <p>Per link: {@code weblinks.links.total|excluded|unchecked|blocked|checked|unverified|verified|ok|broken} and
 * {@code weblinks.links.outcome.<outcome>}. Once per scan: {@code weblinks.urls.*}, {@code weblinks.http.requests},
 * {@code weblinks.cache.hits|misses}, {@code weblinks.latency.<outcome>.<bucket>}. Metric {@code externalLinkHealth}
 * = ok ÷ verified (checked minus unverified).
 */
public final class WebLinkValidator implements Validator {
  private static final DeclaredRules RULES = DeclaredRules.of("weblinks");

  private final WebLinkConfig config;
  private final List<Pattern> ignores;
  private final Network network;
  private final Clock clock;

  private final String repository;

  public WebLinkValidator(WebLinkConfig config, List<Pattern> ignores, Network network, Clock clock) {
    this(config, ignores, network, clock, "");
  }

  /** @param repository the corpus's own repository, whose links the link validator checks offline, or empty */
  public WebLinkValidator(WebLinkConfig config, List<Pattern> ignores, Network network, Clock clock,
      String repository) {
    this.config = config;
    this.ignores = List.copyOf(ignores);
    this.network = network;
    this.clock = clock;
    this.repository = repository;
  }

  public static WebLinkValidator fromRules(RuleFiles rules, DocgateConfig docgate, Network network, Clock clock) {
    return new WebLinkValidator(WebLinkConfig.fromRules(rules), docgate.linkIgnores(), network, clock,
        docgate.repository());
  }

  /** One deduplicated, cached check of every URL of the corpus serves all documents. */
  @Override
  public boolean corpusWide() {
    return true;
  }

  /** What this validator is, declared once (see {@link ValidatorDeclaration}). */
  public static final ValidatorDeclaration DECLARATION = new ValidatorDeclaration("weblinks", "External links",
      "External links (weblinks)", RULES.rules(),
      List.of(new Metric("externalLinkHealth", "weblinks.links.ok", "weblinks.links.verified")),
      in -> fromRules(in.rules(), in.config(), in.network(), in.clock()));

  @Override
  public ValidatorDeclaration declaration() {
    return DECLARATION;
  }

  /**
   * A document's external links, per parsed document (identity): the corpus-wide run lists every document's links
   * again for each new index, which the service makes after every edit.
   */
  private final com.github.benmanes.caffeine.cache.Cache<MarkdownDocument, List<ExternalLinks.Occurrence>>
      occurrences = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().build();

  private List<ExternalLinks.Occurrence> occurrences(MarkdownDocument doc) {
    return occurrences.get(doc, d -> List.copyOf(ExternalLinks.in(d, ignores, config)));
  }

  /**
   * The external links the network check owns: links into the corpus's own repository (other than pinned to a
   * commit) are the link validator's, checked against the local tree.
   */
  private List<ExternalLinks.Occurrence> occurrences(MarkdownDocument doc, Optional<OwnRepository> own) {
    List<ExternalLinks.Occurrence> all = occurrences(doc);
    if (own.isEmpty()) {
      return all;
    }
    return all.stream()
        .filter(o -> own.get().match(o.link().destination()).map(OwnRepository.Link::pinned).orElse(true))
        .toList();
  }

  /**
   * One scan's network check: every distinct URL of the documents to validate, checked once (or taken from the
   * cache). Its counters and run-level notes (at the first external link, by path) are the corpus result.
   *
   * @param documents the documents it was made for, and their own repository's links filter (see {@link #reuse})
   */
  record Checked(CorpusCheck.Results results, ValidationResult corpusResult, List<MarkdownDocument> documents,
      Optional<OwnRepository> own, Set<String> revalidate) implements Prepared {}

  @Override
  public Prepared prepare(CorpusIndex index, Collection<MarkdownDocument> documents, Prepared previous) {
    Optional<OwnRepository> own = index.ownRepository(repository);
    Checked kept = reuse(previous, documents, own);
    if (kept != null) {
      return kept;
    }
    CorpusCheck.Results results =
        new CorpusCheck(config, ignores, network, clock, d -> occurrences(d, own)).run(index, documents);
    List<Finding> notes = new ArrayList<>();
    Rule note = RULES.rule("links/external-note");
    for (CorpusCheck.Note n : results.notes()) {
      notes.add(new Finding(note.id(), note.severity(), results.owner(),
          results.notePosition().line(), results.notePosition().column(), n.message(), null, null, null));
    }
    // no external link at all: nothing was checked, and the report says nothing about it
    return new Checked(results, results.owner() == null ? ValidationResult.EMPTY
        : new ValidationResult(notes, results.counters()), List.copyOf(documents), own, null);
  }

  /**
   * Offline, the corpus check's results follow from the documents' URLs alone: the previous scan's results (the
   * same object, so each unchanged document's judged links are kept too, see {@link #validate}) when the documents
   * are the same paths and every document that is another object than before contributes the same URLs, fragment
   * wishes and first link position (the service's edit of a paragraph). Online the check runs every scan: results
   * expire and are fetched again. Null when they cannot be reused.
   */
  private Checked reuse(Prepared previous, Collection<MarkdownDocument> documents, Optional<OwnRepository> own) {
    if (!(previous instanceof Checked last) || !(config.offline() || network.offline())
        || last.documents().size() != documents.size() || !last.own().equals(own)) {
      return null;
    }
    Map<String, MarkdownDocument> before = new HashMap<>();
    last.documents().forEach(d -> before.put(d.path(), d));
    for (MarkdownDocument d : documents) {
      MarkdownDocument was = before.get(d.path());
      if (was == null || (was != d && !contribution(was, own).equals(contribution(d, own)))) {
        return null;
      }
    }
    reused.incrementAndGet();
    // the same results judge every document as before: only a document not judged by them has another result
    Set<String> revalidate = new HashSet<>();
    for (MarkdownDocument d : documents) {
      if (!judgedBy(judged.getIfPresent(d), last.results(), own)) {
        revalidate.add(d.path());
      }
    }
    return new Checked(last.results(), last.corpusResult(), List.copyOf(documents), own, Set.copyOf(revalidate));
  }

  private static boolean judgedBy(Judged known, CorpusCheck.Results results, Optional<OwnRepository> own) {
    return known != null && known.results() == results && known.own().equals(own);
  }

  /**
   * What one document gives the corpus check ({@link CorpusCheck#run}): each URL it links to (by key) and whether a
   * link to it wants the page read for its fragment; where its first external link is (the notes stand there when it
   * is the first document by path with one).
   */
  private record Contribution(Map<String, Boolean> urls, Position first) {}

  private Contribution contribution(MarkdownDocument doc, Optional<OwnRepository> own) {
    Map<String, Boolean> urls = new LinkedHashMap<>();
    Position first = null;
    for (ExternalLinks.Occurrence o : occurrences(doc, own)) {
      if (first == null) {
        first = o.link().position();
      }
      if (!o.ignored() && o.url() != null) {
        urls.merge(o.url().key(), config.checkFragments()
            && RemoteAnchors.worthChecking(o.url().url(), o.url().fragment()), Boolean::logicalOr);
      }
    }
    return new Contribution(urls, first);
  }

  /** How many scans reused the previous scan's corpus check (for tests). */
  private final java.util.concurrent.atomic.AtomicLong reused = new java.util.concurrent.atomic.AtomicLong();

  long reusedChecks() {
    return reused.get();
  }

  /** A document checked alone: the network check of its own links. */
  @Override
  public ValidationResult validate(MarkdownDocument doc, CorpusIndex index) {
    return validate(doc, index, prepare(index, List.of(doc), Prepared.NONE));
  }

  /**
   * A document's judged links per parsed document (identity, weakly held), with the corpus check's results they were
   * judged by: while a later scan reuses those results ({@link #reuse}), the document's result holds.
   */
  private final com.github.benmanes.caffeine.cache.Cache<MarkdownDocument, Judged> judged =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().build();

  private record Judged(CorpusCheck.Results results, Optional<OwnRepository> own, ValidationResult result) {}

  /** How many documents had their links judged rather than kept (for tests). */
  private final java.util.concurrent.atomic.AtomicLong judgedDocuments = new java.util.concurrent.atomic.AtomicLong();

  long judgedDocuments() {
    return judgedDocuments.get();
  }

  @Override
  public ValidationResult validate(MarkdownDocument doc, CorpusIndex index, Prepared prepared) {
    Checked checked = (Checked) prepared;
    Judged known = judged.getIfPresent(doc);
    if (judgedBy(known, checked.results(), checked.own())) {
      return known.result();
    }
    ValidationResult result = judge(doc, checked);
    judged.put(doc, new Judged(checked.results(), checked.own(), result));
    return result;
  }

  private ValidationResult judge(MarkdownDocument doc, Checked checked) {
    judgedDocuments.incrementAndGet();
    List<ExternalLinks.Occurrence> links = occurrences(doc, checked.own());
    if (links.isEmpty()) {
      return ValidationResult.EMPTY;
    }
    CorpusCheck.Results results = checked.results();
    List<Finding> findings = new ArrayList<>();
    Map<String, Long> counters = new TreeMap<>();
    List<Tally> tallies = new ArrayList<>();
    for (ExternalLinks.Occurrence o : links) {
      int before = findings.size();
      Map<String, Long> added = new TreeMap<>();
      judge(doc, o, results, findings, added);
      added.forEach((k, v) -> counters.merge(k, v, Long::sum));
      // The link's verdict (broken, unverified, blocked), suppressed, takes the link out of the checked counts and
      // externalLinkHealth alike. A redirect to a working page is advice about a working link: it stays counted.
      added.remove("weblinks.links.total");
      for (Finding f : findings.subList(before, findings.size())) {
        if (!f.rule().equals("links/external-redirect")) {
          tallies.add(new Tally(f, List.copyOf(added.keySet())));
        }
      }
    }
    return new ValidationResult(findings, counters, tallies);
  }

  private void judge(MarkdownDocument doc, ExternalLinks.Occurrence o, CorpusCheck.Results results,
      List<Finding> findings, Map<String, Long> counters) {
    count(counters, "weblinks.links.total");
    Link link = o.link();
    if (o.ignored()) {
      count(counters, "weblinks.links.excluded");
      count(counters, "weblinks.links.outcome." + Outcome.EXCLUDED.label());
      return;
    }
    if (o.url() == null && link.kind() == org.docgate.markdown.LinkKind.BARE_URL) {
      // text GitHub's autolinking turned into a link, which is no URL at all: a value, not a link the author wrote
      // ('default: "http://localhost:2379,http://localhost:4001"' in etcd's docs, judged WRONG in round 24)
      count(counters, "weblinks.links.bareNotUrl");
      return;
    }
    CheckResult r = o.url() == null ? CheckResult.of(Outcome.INVALID_URL, UrlNormalizer.whyNot(link.destination()))
        : results.of(o.url().key());
    Outcome outcome = r.outcome();
    count(counters, "weblinks.links.outcome." + outcome.label());
    switch (outcome) {
      case UNCHECKED -> {
        count(counters, "weblinks.links.unchecked");
        return;
      }
      case BLOCKED_BY_POLICY -> {
        count(counters, "weblinks.links.blocked");
        findings.add(finding(doc, link, "links/external-blocked", outcome.label() + ": " + r.detail()
            + " (not fetched; list it under 'allow' in rules/links.yaml to check it)", null));
        return;
      }
      default -> count(counters, "weblinks.links.checked");
    }
    switch (outcome.verdict()) {
      case BROKEN -> {
        count(counters, "weblinks.links.verified");
        count(counters, "weblinks.links.broken");
        findings.add(finding(doc, link, "links/external-broken", outcome.label() + ": " + r.detail(), null));
      }
      case UNVERIFIED -> {
        count(counters, "weblinks.links.unverified");
        if (outcome != Outcome.NETWORK_UNAVAILABLE) { // said once, in a note, not once per link
          findings.add(finding(doc, link, "links/external-unverified", outcome.label() + ": " + r.detail()
              + " (not counted as broken)", null));
        }
      }
      default -> judgeWorking(doc, o, r, findings, counters);
    }
  }

  private void judgeWorking(MarkdownDocument doc, ExternalLinks.Occurrence o, CheckResult r, List<Finding> findings,
      Map<String, Long> counters) {
    Link link = o.link();
    String fragment = o.url().fragment();
    if (r.outcome() == Outcome.REDIRECTED) {
      String suggestion = r.movedTo().contains("#") || fragment == null ? r.movedTo() : r.movedTo() + "#" + fragment;
      findings.add(finding(doc, link, "links/external-redirect",
          "redirected: moved permanently to " + r.movedTo(), suggestion));
    }
    RemoteAnchors.Status anchor = config.checkFragments()
        ? RemoteAnchors.find(o.url().url(), r, fragment) : RemoteAnchors.Status.NOT_CHECKED;
    switch (anchor) {
      case MISSING -> {
        count(counters, "weblinks.links.verified");
        count(counters, "weblinks.links.broken");
        count(counters, "weblinks.links.fragment.missing");
        findings.add(finding(doc, link, "links/external-missing-anchor",
            r.outcome().label() + ", but the page has no id or name '" + fragment + "'" + closest(o, r), null));
      }
      case UNVERIFIED -> {
        count(counters, "weblinks.links.unverified");
        count(counters, "weblinks.links.fragment.unverified");
        findings.add(finding(doc, link, "links/external-unverified",
            r.outcome().label() + ", but fragment '#" + fragment + "' could not be verified: "
                + (r.anchors() == null || r.anchors().isEmpty()
                    ? "the page has no ids (not HTML, or rendered by JavaScript)"
                    : "not in the first " + config.maxPageBytes() / 1024 + " KB read"), null));
      }
      default -> {
        count(counters, "weblinks.links.verified");
        count(counters, "weblinks.links.ok");
      }
    }
  }

  /** "; did you mean '#x'?" when an id differs only in case or separators. */
  private static String closest(ExternalLinks.Occurrence o, CheckResult r) {
    String want = norm(o.url().fragment());
    return RemoteAnchors.linkable(o.url().url(), r.anchors()).stream().filter(id -> norm(id).equals(want))
        .findFirst().map(id -> "; did you mean '#" + id + "'?").orElse("");
  }

  private static String norm(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_\\s]", "");
  }

  private static Finding finding(MarkdownDocument doc, Link link, String ruleId, String message,
      String suggestion) {
    Rule rule = RULES.rule(ruleId);
    return new Finding(rule.id(), rule.severity(), doc.path(), link.position().line(), link.position().column(),
        message, link.target(), suggestion, null);
  }

  private static void count(Map<String, Long> counters, String name) {
    counters.merge(name, 1L, Long::sum);
  }
}
