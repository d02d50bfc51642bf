package org.docgate.validate.completeness;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.docgate.config.DeclaredRules;
import org.docgate.config.DocgateConfig;
import org.docgate.config.SiteRouteSettings;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.SiteRoutes;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.CurrencyRules;
import org.docgate.corpus.DocumentMetadata;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.validate.Metric;
import org.docgate.validate.SeverityOverrides;
import org.docgate.validate.Prepared;
import org.docgate.validate.Tally;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.ValidatorDeclaration;
import org.docgate.validate.Validator;

/**
 * Completeness and claims: placeholders, empty sections, titles and heading levels, orphans, documents named in
 * prose that are not where they are said to be, stale counts, and required sections. Stateless per call; the
 * corpus-wide link graph and folder counts are derived once per index.
 *
 * <p>Counters ({@code stats.completeness}): {@code documents.total|complete|reachable|orphan},
 * {@code sections.total|complete}, {@code references.checked|ok|moved|dangling},
 * {@code counts.claims|checked|stale}. Metrics: {@code completeness} (documents without a warning or error of this
 * validator, after suppressions and severity overrides) and {@code reachability} (documents reachable by links
 * from the roots).
 */
public final class CompletenessValidator implements Validator {
  private static final DeclaredRules RULES = DeclaredRules.of("completeness");

  private static final Set<String> SECTION_RULES =
      Set.of("completeness/placeholder", "completeness/empty-section");

  private final CompletenessConfig config;
  /** The configured repository of the corpus ({@code repository:} of docgate.yaml), or empty. */
  private final String repository;
  /** Whether links are a site's routes ({@code links.siteRoutes} of docgate.yaml): orphans follow them too. */
  private final SiteRouteSettings siteRoutes;
  /** Which documents are records and which passages historical: not judged for currency (counts, orphans). */
  private final CurrencyRules currency;
  private final SeverityOverrides severityOverrides;
  private final SourceLines source;
  private final PlaceholderCheck placeholders;
  private final EmptySectionCheck emptySections;
  private final TitleCheck titles = new TitleCheck();
  private final OrphanCheck orphans = new OrphanCheck();
  private final ReferenceCheck references;
  private final StaleCountCheck counts = new StaleCountCheck();
  private final StatusCheck statuses = new StatusCheck();
  private final ProgressCheck progress = new ProgressCheck();
  private final TreeListingCheck trees = new TreeListingCheck();
  private final ListCountCheck listCounts = new ListCountCheck();
  private final IncompleteListingCheck listings = new IncompleteListingCheck();
  private final RequiredSectionCheck requiredSections = new RequiredSectionCheck();
  /**
   * What a document says about itself alone, per parsed document (identity, weakly held): the service keeps the
   * objects of unchanged documents across re-validations, so after one edit only the edited document's placeholders,
   * sections, titles and count claims are looked for again, and the corpus-wide part (orphans, references, counts)
   * is all that runs for the others. Profiling the service put 80% of an edit's re-validation here before.
   */
  private final Cache<MarkdownDocument, Local> locals = Caffeine.newBuilder().weakKeys().build();

  /**
   * References resolve against the corpus listing only (which files and folders exist), so a document's result
   * holds while the listing does: an edit that adds or removes no file re-checks only the edited document.
   */
  private final Cache<MarkdownDocument, ListingResult> referenceResults = Caffeine.newBuilder().weakKeys().build();
  /** Which files, folders and parsed documents exist: what references and count subjects resolve against. */
  private record FileListing(Set<String> files, Set<String> directories, Set<String> documents) {}

  private record ListingResult(FileListing listing, ReferenceCheck.Result result) {}

  /**
   * A document's whole result while the corpus facts it depends on hold: the listing, its links in and its status,
   * and for a document with count claims the sizes its claims were compared with (a folder's counts, a document's
   * lines), which must be equal in the new index. Re-checking every document with count claims on every edit was
   * the largest part of completeness's share of an edit on vshpere-1019 (issue 21.3).
   */
  private final Cache<MarkdownDocument, Whole> wholes = Caffeine.newBuilder().weakKeys().build();

  /** The corpus facts every result depends on; the listing is compared by identity first. */
  private record Dependencies(FileListing listing, boolean linkedTo, boolean reachable, DocumentMetadata metadata,
      SiteRoutes routes, boolean included, String titleConvention, boolean notLinkedCorpus) {}

  /**
   * @param measured the sizes the count claims were compared with (empty without count claims)
   * @param excused the pages a listing left out whose own text was read (a record, a stub: {@link
   *     IncompleteListingCheck}), with the verdict; an edit of one that changes it checks the listing again
   * @param orphan whether the result reports the document as an orphan: its message cites {@code namedAt}, the
   *     entry-point line that names the document (null: none), which a README edit alone can move or remove
   */
  private record Whole(Dependencies deps, Map<StaleCountCheck.Measure, List<Long>> measured,
      Map<String, Boolean> excused, ValidationResult result, boolean orphan, Listing namedAt) {
    boolean citesListingOf(CorpusIndex index, CompletenessConfig config, String path) {
      return !orphan || Objects.equals(namedAt, Listing.of(index, config, path));
    }

    boolean holds(Dependencies now, CorpusIndex index) {
      return deps.equals(now) && measured.entrySet().stream().allMatch(
          e -> e.getValue().equals(StaleCountCheck.measure(index, e.getKey().subject(), e.getKey().unit())));
    }
  }

  /** How many documents were checked (not kept from an earlier index): for tests. */
  private final java.util.concurrent.atomic.AtomicLong checked = new java.util.concurrent.atomic.AtomicLong();

  /** The corpus-independent findings, in report order around the corpus-wide ones, and the lines with count claims. */
  private record Local(List<Finding> first, List<Finding> last, StaleCountCheck.Claims claims,
      Map<String, Long> exemptions, DocumentMetadata metadata) {}

  /**
   * @param severityOverrides the config's per-rule severities, so that the metric counts what the report shows
   */
  public CompletenessValidator(CompletenessConfig config, Map<String, Optional<Severity>> severityOverrides) {
    this(config, severityOverrides, SourceLines.LOADED, CurrencyRules.load(RuleFiles.packaged()));
  }

  /**
   * The validator with {@code completeness/config.yaml} and {@code currency.yaml} from the rules folder, the config's
   * severities and its record/living globs.
   */
  public static CompletenessValidator fromRules(RuleFiles rules, DocgateConfig docgate) {
    return new CompletenessValidator(CompletenessConfig.load(rules), docgate.ruleSeverities(), SourceLines.LOADED,
        CurrencyRules.load(rules, docgate), docgate.repository(), docgate.siteRoutes());
  }

  CompletenessValidator(CompletenessConfig config, Map<String, Optional<Severity>> severityOverrides,
      SourceLines source) {
    this(config, severityOverrides, source, CurrencyRules.load(RuleFiles.packaged()));
  }

  CompletenessValidator(CompletenessConfig config, Map<String, Optional<Severity>> severityOverrides,
      SourceLines source, CurrencyRules currency) {
    this(config, severityOverrides, source, currency, "", SiteRouteSettings.DEFAULTS);
  }

  /** @param repository the config's {@code repository} (empty: the corpus's {@code .git/config}, else inferred) */
  CompletenessValidator(CompletenessConfig config, Map<String, Optional<Severity>> severityOverrides,
      SourceLines source, CurrencyRules currency, String repository, SiteRouteSettings siteRoutes) {
    this.repository = repository;
    this.siteRoutes = siteRoutes;
    this.currency = currency;
    this.config = config;
    this.severityOverrides = new SeverityOverrides(severityOverrides);
    this.source = source;
    PlaceholderMarkers markers = new PlaceholderMarkers(config.markers(), config.notMarkers());
    this.placeholders = new PlaceholderCheck(markers);
    this.emptySections = new EmptySectionCheck(markers);
    this.references = new ReferenceCheck(new ReferenceCandidates(config.referenceExtensions(), config.templateNames()));
  }

  /** Orphan pages, corpus counts and the link graph depend on every document. */
  @Override
  public boolean corpusWide() {
    return true;
  }

  /** What this validator is, declared once (see {@link ValidatorDeclaration}). */
  public static final ValidatorDeclaration DECLARATION = new ValidatorDeclaration("completeness",
      "Completeness and claims", "Completeness and claims (completeness)", RULES.rules(),
      List.of(new Metric("completeness", "completeness.documents.complete", "completeness.documents.total"),
          new Metric("reachability", "completeness.documents.reachable", "completeness.documents.total")),
      in -> fromRules(in.rules(), in.config()));

  @Override
  public ValidatorDeclaration declaration() {
    return DECLARATION;
  }

  /**
   * The corpus step's result: the link graph (orphans, reachability), the listing references resolve against, and
   * the documents whose kept result does not hold in this index (null: every one, see {@link Prepared#revalidate()}).
   */
  /**
   * @param notLinked the candidate orphans when the corpus does not navigate by links ({@link OrphanCheck}), else 0
   */
  private record Corpus(LinkGraph graph, FileListing listing, Set<String> revalidate, int notLinked)
      implements Prepared {
    @Override
    public ValidationResult corpusResult() {
      return notLinked == 0 ? Prepared.super.corpusResult()
          : new ValidationResult(List.of(), Map.of("completeness.orphans.notLinkedCorpus", (long) notLinked));
    }
  }

  private record NotLinkedKey(CompletenessValidator validator, LinkGraph graph) {}

  /**
   * How many pages would be orphans when more than {@link OrphanCheck#NOT_LINKED_SHARE}% of the corpus's pages (entry
   * points left out) would be, and at least {@link OrphanCheck#NOT_LINKED_MIN}; else 0. Once per index and graph.
   */
  private int notLinked(CorpusIndex index, LinkGraph graph) {
    return index.derived(new NotLinkedKey(this, graph), i -> {
      int pages = 0;
      int candidates = 0;
      for (MarkdownDocument doc : i.documents().values()) {
        if (OrphanCheck.isEntryPoint(i, config, doc) || config.skips(doc.path())) {
          continue;
        }
        pages++;
        if (graph.inboundOf(doc.path()).isEmpty()) {
          DocumentContext ctx = new DocumentContext(doc, i, config, source, currency, graph.routes());
          candidates += OrphanCheck.candidate(ctx, graph) ? 1 : 0;
        }
      }
      // a site (its links follow routes) whose menu the corpus does not hold: most pages unlinked says the menu
      // is made elsewhere (LobeHub's docs: 149 of 214 pages, on a sidebar its site builds from the folders)
      int share = graph.routes().active() && graph.navigation().isEmpty() ? OrphanCheck.NOT_LINKED_SHARE_OF_SITE
          : OrphanCheck.NOT_LINKED_SHARE;
      return candidates >= OrphanCheck.NOT_LINKED_MIN && candidates * 100L > (long) share * pages ? candidates : 0;
    });
  }

  /**
   * Builds the link graph of the whole corpus once per scan (every document's orphan check reads it). After a scan of
   * the same corpus, names the documents whose kept result does not hold: the same test {@link #validate} makes
   * before it checks a document again, here made once for every document instead of in the per-document split.
   */
  @Override
  public Prepared prepare(CorpusIndex index, Collection<MarkdownDocument> documents, Prepared previous) {
    SiteRoutes routes = SiteRoutes.of(index, siteRoutes);
    LinkGraph graph = LinkGraph.build(index, config.roots(), index.ownRepository(repository), routes,
        NavigationFiles.of(index, config.navigation(), routes));
    Corpus corpus = new Corpus(graph, listing(index, previous), null, notLinked(index, graph));
    if (!(previous instanceof Corpus)) {
      return corpus;
    }
    Set<String> revalidate = new java.util.HashSet<>();
    for (MarkdownDocument doc : documents) {
      if (kept(doc, index, dependencies(doc, index, corpus), corpus) == null) {
        revalidate.add(doc.path());
      }
    }
    return new Corpus(corpus.graph(), corpus.listing(), Set.copyOf(revalidate), corpus.notLinked());
  }

  /** A document checked alone: the corpus step made for it. */
  @Override
  public ValidationResult validate(MarkdownDocument doc, CorpusIndex index) {
    return validate(doc, index, prepare(index, List.of(doc), Prepared.NONE));
  }

  @Override
  public ValidationResult validate(MarkdownDocument doc, CorpusIndex index, Prepared prepared) {
    Corpus corpus = (Corpus) prepared;
    Dependencies deps = dependencies(doc, index, corpus);
    Whole whole = kept(doc, index, deps, corpus);
    if (whole != null) {
      return whole.result();
    }
    Map<StaleCountCheck.Measure, List<Long>> measured = new java.util.HashMap<>();
    Map<String, Boolean> excused = new java.util.HashMap<>();
    ValidationResult result = check(doc, index, corpus, measured, excused);
    boolean orphan = result.findings().stream().anyMatch(f -> f.rule().equals("completeness/orphan"));
    wholes.put(doc, new Whole(deps, Map.copyOf(measured), Map.copyOf(excused), result, orphan,
        orphan ? Listing.of(index, config, doc.path()) : null));
    return result;
  }

  /**
   * What the corpus contributes to a document without count claims: the listing (references), whether anything
   * links to it (orphan), whether it is reachable, and the status it states beside it (a kep.yaml edited from
   * implementable to implemented makes it a record). While those hold, its result holds.
   */
  private Dependencies dependencies(MarkdownDocument doc, CorpusIndex index, Corpus corpus) {
    LinkGraph graph = corpus.graph();
    return new Dependencies(corpus.listing(), !graph.inboundOf(doc.path()).isEmpty(),
        graph.reachable().contains(doc.path()), currency.metadata(doc, DocumentMetadata.of(index)), graph.routes(),
        graph.included().contains(doc.path()), TitleConvention.untitledBy(index, doc.path()), corpus.notLinked() > 0);
  }

  /** The document's last result when it holds in this index with these dependencies, else null. */
  private Whole kept(MarkdownDocument doc, CorpusIndex index, Dependencies deps, Corpus corpus) {
    Whole whole = wholes.getIfPresent(doc);
    return whole != null && whole.holds(deps, index)
        && whole.citesListingOf(index, config, doc.path()) && excusesHold(whole, doc, index, corpus) ? whole : null;
  }

  /** Whether the pages a listing's result excused by their own text (or did not) still read the same. */
  private boolean excusesHold(Whole whole, MarkdownDocument doc, CorpusIndex index, Corpus corpus) {
    if (whole.excused().isEmpty()) {
      return true;
    }
    DocumentContext ctx = new DocumentContext(doc, index, config, source, currency, corpus.graph().routes());
    return whole.excused().entrySet().stream()
        .allMatch(e -> IncompleteListingCheck.excused(ctx, e.getKey()) == e.getValue());
  }

  /** How many documents this validator checked rather than kept from an earlier index (for tests). */
  long checked() {
    return checked.get();
  }

  private ValidationResult check(MarkdownDocument doc, CorpusIndex index, Corpus corpus,
      Map<StaleCountCheck.Measure, List<Long>> measured, Map<String, Boolean> excused) {
    checked.incrementAndGet();
    LinkGraph graph = corpus.graph();
    DocumentContext ctx = new DocumentContext(doc, index, config, source, currency, graph.routes());
    Map<String, Long> counters = new TreeMap<>();
    List<Finding> findings = new ArrayList<>();
    findings.addAll(orphans.check(ctx, graph, corpus.notLinked() > 0));
    ctx.drainExemptions().forEach((k, v) -> counters.merge(k, v, Long::sum));
    if (!config.skips(doc.path())) {
      Local local = locals.getIfPresent(doc);
      if (local == null || !local.metadata().equals(ctx.currency().metadata())) {
        local = local(ctx);
        locals.put(doc, local);
      }
      String untitledBy = graph.included().contains(doc.path()) ? "included" // a piece another document pastes in
          : TitleConvention.untitledBy(index, doc.path()); // its group's pages open with an H2, or no page has an H1
      if (untitledBy != null) {
        long untitled = local.first().stream().filter(f -> f.rule().equals("completeness/missing-title")).count();
        local.first().stream().filter(f -> !f.rule().equals("completeness/missing-title")).forEach(findings::add);
        if (untitled > 0) {
          counters.merge("completeness.exempt." + untitledBy, untitled, Long::sum);
        }
      } else {
        findings.addAll(local.first());
      }
      local.exemptions().forEach((k, v) -> counters.merge(k, v, Long::sum));
      ReferenceCheck.Result refs = references(ctx, corpus.listing());
      findings.addAll(refs.findings());
      refs.counters().forEach((k, v) -> counters.merge(k, v, Long::sum));
      findings.addAll(counts.check(ctx, counters, local.claims(), measured));
      findings.addAll(statuses.check(ctx));
      findings.addAll(progress.check(ctx, counters));
      findings.addAll(trees.check(ctx, counters));
      findings.addAll(listings.check(ctx, excused));
      ctx.drainExemptions().forEach((k, v) -> counters.merge(k, v, Long::sum));
      findings.addAll(local.last());
    }

    List<Finding> shown = findings.stream().filter(f -> !doc.isSuppressed(f.rule(), f.line())).toList();
    count(counters, "completeness.documents.total", 1);
    count(counters, "completeness.documents.complete", shown.stream().anyMatch(this::counts) ? 0 : 1);
    count(counters, "completeness.documents.reachable", graph.reachable().contains(doc.path()) ? 1 : 0);
    count(counters, "completeness.documents.orphan",
        shown.stream().anyMatch(f -> f.rule().equals("completeness/orphan")) ? 1 : 0);
    List<Finding> sectionFindings =
        shown.stream().filter(f -> SECTION_RULES.contains(f.rule()) && counts(f)).toList();
    // a marker in a heading flags the whole section, subsections included
    List<Outline.Section> markedHeadings = ctx.outline.sections().stream()
        .filter(s -> sectionFindings.stream().anyMatch(f -> f.rule().equals("completeness/placeholder")
            && f.line() == s.firstLine()))
        .toList();
    for (Outline.Section s : ctx.outline.sections()) {
      count(counters, "completeness.sections.total", 1);
      boolean incomplete = markedHeadings.stream().anyMatch(m -> m.contains(s.firstLine()))
          || sectionFindings.stream().anyMatch(f -> f.line() >= s.firstLine() && f.line() <= s.bodyEnd());
      count(counters, "completeness.sections.complete", incomplete ? 0 : 1);
    }
    return new ValidationResult(findings, counters, tallies(findings));
  }

  /**
   * The counters a reference or count finding's claim added: a suppressed one leaves both sides of the reference and
   * count ratios. The document and section ratios above already count only what is shown.
   */
  private static List<Tally> tallies(List<Finding> findings) {
    List<Tally> out = new ArrayList<>();
    for (Finding f : findings) {
      String rule = f.rule();
      if (rule.equals("completeness/dangling-reference")) {
        out.add(Tally.of(f, "completeness.references.checked", "completeness.references.dangling"));
      } else if (rule.equals("completeness/moved-reference")) {
        out.add(Tally.of(f, "completeness.references.checked", "completeness.references.moved"));
      } else if (rule.equals("completeness/stale-count")) {
        out.add(Tally.of(f, "completeness.counts.checked", "completeness.counts.stale"));
      }
    }
    return out;
  }

  private ReferenceCheck.Result references(DocumentContext ctx, FileListing listing) {
    ListingResult known = referenceResults.getIfPresent(ctx.doc);
    if (known != null && known.listing() == listing) {
      return known.result();
    }
    ReferenceCheck.Result result = references.check(ctx);
    referenceResults.put(ctx.doc, new ListingResult(listing, result));
    return result;
  }

  /** The listing of this index: the previous scan's object when equal, so reuse is an identity test. */
  private static FileListing listing(CorpusIndex index, Prepared previous) {
    FileListing now = new FileListing(index.files(), index.directories(), Set.copyOf(index.documents().keySet()));
    FileListing last = previous instanceof Corpus c ? c.listing() : null;
    return last != null && last.equals(now) ? last : now;
  }

  private Local local(DocumentContext ctx) {
    List<Finding> first = new ArrayList<>();
    List<Finding> unfinished = new ArrayList<>(placeholders.check(ctx));
    // a section holding only a reported marker ("==TODO==") is that placeholder finding, not also an empty section
    unfinished.addAll(emptySections.check(ctx, unfinished.stream().map(Finding::line).collect(Collectors.toSet())));
    if (config.isTemplate(ctx.doc.path())) {
      // a template's sections are empty and marked TODO on purpose: whoever copies it fills them in
      unfinished.forEach(f -> ctx.exempt("template"));
    } else {
      first.addAll(unfinished);
    }
    first.addAll(titles.check(ctx));
    first.addAll(listCounts.check(ctx));
    return new Local(List.copyOf(first), List.copyOf(requiredSections.check(ctx)), StaleCountCheck.claims(ctx),
        ctx.drainExemptions(), ctx.currency().metadata());
  }

  /** Whether a finding counts against completeness: a warning or error once the config's overrides apply. */
  private boolean counts(Finding f) {
    Severity effective = severityOverrides.severityOf(f).orElse(null);
    return effective == Severity.ERROR || effective == Severity.WARNING;
  }

  private static void count(Map<String, Long> counters, String name, long n) {
    counters.merge(name, n, Long::sum);
  }
}
