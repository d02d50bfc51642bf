package org.docgate.validate.versions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.config.DeclaredRules;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.Combination;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.CurrencyRules;
import org.docgate.corpus.DocumentCurrency;
import org.docgate.corpus.Exemption;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.docgate.corpus.CueWords;
import org.docgate.markdown.CodeBlock;
import org.docgate.markdown.Heading;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.Sessions;
import org.docgate.validate.Metric;
import org.docgate.validate.Prepared;
import org.docgate.validate.Tally;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.ValidatorDeclaration;
import org.docgate.validate.Validator;

/**
 * Product versions stated in prose, headings and tables (and image tags and apiVersions in code) checked against
 * the version manifest. Mentions in historical context are counted but not judged. Thread-safe: all state is per
 * document.
 *
 * <p>Counters: {@code versions.mentions.<Product>.<version>} (dots and spaces in both replaced by {@code _}:
 * {@code versions.mentions.Kubernetes.1_31}, {@code versions.mentions.vSphere.8_0_U3}), {@code versions.checked},
 * {@code versions.aligned}, {@code versions.exempt.comparison|path|section|cue} (mentions counted but not judged, by
 * reason), {@code versions.stale|eol|eol-example|ahead}, {@code versions.inconsistent},
 * {@code versions.code.imageTags}, {@code versions.code.apiVersions}, {@code versions.code.removedApis}.
 */
public final class VersionValidator implements Validator {
  private static final DeclaredRules RULES = DeclaredRules.of("versions");
  /**
   * How old (in whole months before the clock) a latest claim's own date may be before {@code versions/dated-latest}
   * reports it: a year, the release cadence of most products the corpora name (Kubernetes three a year, Docker and
   * Istio more).
   */
  static final int DATED_LATEST_MONTHS = 12;

  private final VersionManifest manifest;
  private final CurrencyRules currency;
  private final Clock clock;
  /** A table cell that is only a version: {@code 1.31}, {@code v1.30.2}, {@code 1.28+}, {@code 1.6.x}. */
  /** A cell that starts with a version, alone or before a note: "1.32", "v1.32（最新）", "1.31 (LTS)". */
  private static final Pattern LEADING_VERSION =
      Pattern.compile("(v?\\d{1,4}(?:\\.\\d{1,4}){1,2}(?:\\.[xX])?)(?=$|\\s|[(（*])");
  private static final Pattern BARE_VERSION =
      Pattern.compile("v?\\d{1,4}(?:\\.\\d{1,4}){1,3}(?:\\.x|\\+|\\s?U\\d{1,2}[a-z]?)?");

  private final MentionExtractor extractor;
  private final CodeMentions code;
  private final SupportStatus status;
  private final RemovedApis removedApis;
  /** Blocks whose lines may be an outline of versions ("Kubernetes:\n  推荐: 1.29"), not a program. */
  private static final Set<String> OUTLINE_LANGUAGES = Set.of("", "yaml", "yml", "text", "txt", "plaintext", "plain",
      "markdown", "md", "none");
  /**
   * Tree and list marks before an outline line's text: "├── ", "- ", "✅ ", and ASCII white space (regex {@code \s}).
   * A loop over these rather than a regex: every line of every outline block is measured, and for each line its
   * parent's lines above again.
   */
  private static final String OUTLINE_INDENT = " \t\n\u000B\f\r│├└─┌┬┴┼|*+•·>-✅✓✔☑\uFE0F";
  /** An outline line's key and value: "推荐: 1.29 (LTS)", "Kubernetes：1.30". */
  private static final Pattern OUTLINE_KEY = Pattern.compile("^([^:：\"'{}\\[\\]=]{1,40}?)\\s*[:：](?!//)\\s*(.*)$");

  public VersionValidator(VersionManifest manifest, Clock clock) {
    this(manifest, CurrencyRules.load(RuleFiles.packaged()), clock);
  }

  /** With the currency model (records, historical sections and sentences) of the rules folder and config. */
  public VersionValidator(VersionManifest manifest, CurrencyRules currency, Clock clock) {
    this(manifest, currency, SupportStatus.load(RuleFiles.packaged()), RemovedApis.load(RuleFiles.packaged()), clock);
  }

  /**
   * With the status words that make an outline line or a table row a statement of a supported version, and the
   * removed Kubernetes apiVersions.
   */
  public VersionValidator(VersionManifest manifest, CurrencyRules currency, SupportStatus status,
      RemovedApis removedApis, Clock clock) {
    this.manifest = manifest;
    this.currency = currency;
    this.status = status;
    this.removedApis = removedApis;
    this.clock = clock;
    this.extractor = new MentionExtractor(manifest.allProducts());
    this.code = new CodeMentions(manifest.allProducts(), manifest.pins());
  }

  /** The validator for a rules folder; a broken manifest fails here with its file:line message. */
  public static VersionValidator fromRules(RuleFiles rules, Clock clock) {
    return fromRules(rules, DocgateConfig.defaults(), clock);
  }

  /** As {@link #fromRules(RuleFiles, Clock)}, with the config's {@code currency:} record and living globs. */
  public static VersionValidator fromRules(RuleFiles rules, DocgateConfig config, Clock clock) {
    return new VersionValidator(VersionManifest.load(rules), CurrencyRules.load(rules, config),
        SupportStatus.load(rules), RemovedApis.load(rules), clock);
  }

  /** Reads the document alone: version mentions. */
  @Override
  public boolean readsLinkedDocuments() {
    return false;
  }

  /** What this validator is, declared once (see {@link ValidatorDeclaration}). */
  public static final ValidatorDeclaration DECLARATION = new ValidatorDeclaration("versions", "Version checks",
      "Version checks (versions)", RULES.rules(),
      List.of(new Metric("versionAlignment", "versions.aligned", "versions.checked"),
          new Metric("endOfLifeFree", "versions.notEndOfLife", "versions.judged")),
      in -> fromRules(in.rules(), in.config(), in.clock()));

  @Override
  public ValidatorDeclaration declaration() {
    return DECLARATION;
  }

  /** Conflicting baselines compare the version sections of every living document. */
  @Override
  public boolean corpusWide() {
    return true;
  }

  /**
   * The corpus step: today's baseline conflicts. A document's result is its own pass (the same while the document is,
   * and the day) and the conflicts reported in it, so after an edit the documents whose conflicts changed are the
   * only others whose result can.
   */
  private record Baselines(LocalDate today, Map<String, List<Conflict>> conflicts, Map<String, List<OwnClaim>> behind,
      Set<String> revalidate) implements Prepared {}

  @Override
  public Prepared prepare(CorpusIndex index, Collection<MarkdownDocument> documents, Prepared previous) {
    LocalDate today = LocalDate.now(clock);
    Map<String, List<Conflict>> now = conflicts(index, today);
    Map<String, List<OwnClaim>> behind = behind(index, today);
    if (!(previous instanceof Baselines before) || !before.today().equals(today)) {
      return new Baselines(today, now, behind, null);
    }
    Set<String> revalidate = new java.util.HashSet<>(Prepared.changedKeys(before.conflicts(), now));
    revalidate.addAll(Prepared.changedKeys(before.behind(), behind));
    return new Baselines(today, now, behind, Set.copyOf(revalidate));
  }

  @Override
  public ValidationResult validate(MarkdownDocument doc, CorpusIndex index) {
    LocalDate today = LocalDate.now(clock);
    Run done = finished(doc, today, index);
    // without a corpus (a document checked alone) there is nothing to compare baselines with
    Map<String, List<Conflict>> conflicts = index == null ? Map.of()
        : conflicts(index, today);
    List<Conflict> here = conflicts.getOrDefault(doc.path(), List.of());
    List<OwnClaim> behind = index == null ? List.of() : behind(index, today).getOrDefault(doc.path(), List.of());
    if (here.isEmpty() && behind.isEmpty()) {
      return done.result();
    }
    Run run = new Run(done);
    run.conflictingBaselines(here);
    run.behindOwnRelease(behind, ownRelease(index));
    return run.result();
  }

  /** Whether the pass {@code index} keeps for {@code doc} (today's) holds only what later steps read: for tests. */
  boolean keptPassIsFinished(MarkdownDocument doc, CorpusIndex index) {
    return finished(doc, LocalDate.now(clock), index).workingStateDropped();
  }

  /** The corpus's own newest release ({@link OwnRelease}), once per index. */
  private OwnRelease ownRelease(CorpusIndex index) {
    return index.derived(new OwnReleaseKey(this), i -> java.util.Optional.ofNullable(OwnRelease.of(i))).orElse(null);
  }

  private record OwnReleaseKey(VersionValidator validator) {}

  private record BehindKey(VersionValidator validator, LocalDate today) {}

  /**
   * The root documents' latest claims the corpus's own release is newer than, by path, once per index and day: what
   * the corpus step compares between scans and each root document's validation reports.
   */
  private Map<String, List<OwnClaim>> behind(CorpusIndex index, LocalDate today) {
    return index.derived(new BehindKey(this, today), i -> behindOf(i, today));
  }

  private Map<String, List<OwnClaim>> behindOf(CorpusIndex index, LocalDate today) {
    OwnRelease own = ownRelease(index);
    Map<String, List<OwnClaim>> out = new java.util.TreeMap<>();
    if (own == null) {
      return out;
    }
    for (MarkdownDocument d : index.documents().values()) {
      if (d.path().indexOf('/') < 0) {
        List<OwnClaim> b = finished(d, today, index).behind(own);
        if (!b.isEmpty()) {
          out.put(d.path(), b);
        }
      }
    }
    return Map.copyOf(out);
  }

  /** The key of this validator's corpus-wide baselines in {@link CorpusIndex#derived}. */
  private record BaselinesKey(VersionValidator validator) {}

  /** Whether an ASCII digit, a dot and an ASCII digit follow each other somewhere in the text. */
  static boolean hasDottedNumber(String text) {
    for (int i = text.indexOf('.', 1); i >= 0 && i + 1 < text.length(); i = text.indexOf('.', i + 1)) {
      char before = text.charAt(i - 1);
      char after = text.charAt(i + 1);
      if (before >= '0' && before <= '9' && after >= '0' && after <= '9') {
        return true;
      }
    }
    return false;
  }

  /** The key of a document's finished {@link Run} among the index's per-document values. */
  private record RunKey(VersionValidator validator, LocalDate today) {}

  /**
   * The document's own pass (prose, code, inconsistencies), once per document and day: the baseline comparison reads
   * it for every document and the document's validation again, and in the service an edit leaves the other
   * documents' passes as they were. Not changed after it is made.
   */
  private Run finished(MarkdownDocument doc, LocalDate today, CorpusIndex index) {
    if (index == null) {
      return finished(doc, today, currency.of(doc));
    }
    return index.ofDocument(new RunKey(this, today), doc, d -> finished(d, today, currency.of(d, index)));
  }

  private Run finished(MarkdownDocument doc, LocalDate today, DocumentCurrency current) {
    Run run = new Run(doc, today, current);
    run.prose();
    run.code();
    run.inconsistencies();
    run.done();
    return run;
  }

  /** One document's baseline of a product: the one line its version sections state. */
  private record Stated(String path, Judged first, String lineKey) {}

  /** A conflicting-baseline finding to report in one document. */
  record Conflict(int line, int column, String message, String target) {}

  /**
   * The baselines the living documents state in their version sections (a heading with a baseline word such as
   * "版本与兼容策略"), one line per product and document (a document stating two lines there is left out); a product
   * whose documents state different lines gets one finding, at the first document (by path) of a line other than
   * the one most documents state (on a tie, the newest line is taken as meant).
   */
  private Map<String, List<Conflict>> conflicts(CorpusIndex index, LocalDate today) {
    // each document's baselines are its part (CorpusIndex.combined): an edit that leaves the edited document's
    // baselines as they were keeps the conflicts, and one that changes them compares the kept parts again
    return index.combined(new BaselinesKey(this), new BaselinesOfKey(this, today),
        d -> baselines(finished(d, today, index)), new Combination<Map<Product, Stated>, Map<String, List<Conflict>>>() {
          @Override
          public Map<String, List<Conflict>> of(CorpusIndex i, SortedMap<String, Map<Product, Stated>> parts) {
            return conflicts(parts.values());
          }

          @Override
          public boolean readsListing() {
            return false;
          }
        });
  }

  /** The conflicts between the documents' baselines, each document's given in path order. */
  private static Map<String, List<Conflict>> conflicts(Collection<Map<Product, Stated>> baselinesInPathOrder) {
    Map<Product, List<Stated>> byProduct = new LinkedHashMap<>();
    for (Map<Product, Stated> baselines : baselinesInPathOrder) {
      baselines.forEach((product, st) -> byProduct.computeIfAbsent(product, p -> new ArrayList<>()).add(st));
    }
    Map<String, List<Conflict>> out = new LinkedHashMap<>();
    byProduct.forEach((product, stated) -> {
      Map<String, List<Stated>> byLine = new LinkedHashMap<>();
      stated.forEach(st -> byLine.computeIfAbsent(st.lineKey(), k -> new ArrayList<>()).add(st));
      if (byLine.size() < 2) {
        return;
      }
      String meant = byLine.entrySet().stream()
          .max(Comparator.<Map.Entry<String, List<Stated>>>comparingInt(e -> e.getValue().size())
              .thenComparing(e -> e.getValue().get(0).first().mention().spec().low()))
          .orElseThrow().getKey();
      Stated here = stated.stream().filter(st -> !st.lineKey().equals(meant)).findFirst().orElseThrow();
      StringBuilder others = new StringBuilder();
      int shown = 0;
      for (Stated st : stated) {
        if (st != here && shown < 3) {
          others.append(shown++ == 0 ? "" : ", ").append(st.path()).append(" states ").append(st.lineKey())
              .append(" (line ").append(st.first().line()).append(')');
        }
      }
      if (stated.size() - 1 > shown) {
        others.append(" and ").append(stated.size() - 1 - shown).append(" more");
      }
      Judged j = here.first();
      out.computeIfAbsent(here.path(), p -> new ArrayList<>()).add(new Conflict(j.line(), j.column(),
          product.name() + " baseline differs between documents: this version section states " + here.lineKey()
              + ", " + others + "; the manifest's current line is " + product.currentText()
              + ": make the documents agree", j.mention().text()));
    });
    return out;
  }

  /** The key of a document's baselines (its part of the comparison) among the index's per-document values. */
  private record BaselinesOfKey(VersionValidator validator, LocalDate today) {}

  /** A living document's baseline per product: the one line its version sections state (none when two). */
  private static Map<Product, Stated> baselines(Run r) {
    if (r.exemptFile || r.current.isRecord()) {
      return Map.of();
    }
    Map<Product, Map<String, Judged>> lines = new LinkedHashMap<>();
    for (Judged j : r.baselineStatements()) {
      String key = Run.lineKey(j.mention());
      if (key != null) {
        lines.computeIfAbsent(j.mention().product(), p -> new LinkedHashMap<>()).putIfAbsent(key, j);
      }
    }
    Map<Product, Stated> out = new LinkedHashMap<>();
    lines.forEach((product, keys) -> {
      if (keys.size() == 1) {
        Map.Entry<String, Judged> e = keys.entrySet().iterator().next();
        out.put(product, new Stated(r.doc.path(), e.getValue(), e.getKey()));
      }
    });
    return out;
  }

  /** A version a root document calls the latest, with no date and no product named: {@link OwnRelease}. */
  record OwnClaim(int line, int column, String version) {}

  /** A judged prose mention, kept for the per-document consistency check. */
  private record Judged(Mention mention, int line, int column, String sentence) {}

  private final class Run {
    private final MarkdownDocument doc;
    private final LocalDate today;
    private final boolean exemptFile;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Long> counters = new TreeMap<>();
    private final List<Tally> tallies = new ArrayList<>();
    // The pass's working state, dropped by done(): the index keeps every document's finished Run until the scan
    // ends (three maps per heading and every judged mention with its sentence, for all documents of the corpus).
    private List<Judged> presentTense = new ArrayList<>();
    /** The document's lines while the pass runs ({@link #sourceLines()}); dropped by {@link #done}. */
    private List<String> sourceLines;
    /** Every judged single-version mention of a manifest product, whatever its verdict. */
    private List<Judged> statements = new ArrayList<>();
    private TreeMap<Integer, Boolean> historicalSections = new TreeMap<>();
    private TreeMap<Integer, Boolean> baselineSections = new TreeMap<>();
    /** As historicalSections, but a heading cue that still holds instructions ("对比") does not count: for code. */
    private TreeMap<Integer, Boolean> historicalForCode = new TreeMap<>();
    /** Each heading's text by its line: the nearest one above a table or list may present it as supported. */
    private TreeMap<Integer, String> headingText = new TreeMap<>();
    /** Once done: the judged mentions under a baseline heading, all the corpus comparison reads later. */
    private List<Judged> baselineStatements;
    private final DocumentCurrency current;
    /** While an image tag is judged: its end of life is a warning ({@link #add}). */
    private boolean imageTag;
    /**
     * In a document at the corpus root: versions its sentences call the latest with no date and no product named
     * ("Latest Version: 4.2.0"), held to the corpus's own release notes by the corpus step ({@link OwnRelease}).
     */
    private List<OwnClaim> ownClaims = new ArrayList<>();

    /** A copy of a finished pass, to add the corpus's findings to (the pass itself stays as it was). */
    Run(Run done) {
      this.doc = done.doc;
      this.today = done.today;
      this.exemptFile = done.exemptFile;
      this.current = done.current;
      findings.addAll(done.findings);
      counters.putAll(done.counters);
      tallies.addAll(done.tallies);
      this.ownClaims = done.ownClaims;
    }

    ValidationResult result() {
      return new ValidationResult(findings, counters, tallies);
    }

    Run(MarkdownDocument doc, LocalDate today, DocumentCurrency current) {
      this.doc = doc;
      this.today = today;
      this.exemptFile = manifest.context().exemptsPath(doc.path());
      this.current = current;
      // A section is historical when its heading or any enclosing heading has a heading cue of the manifest (or of
      // the currency model, asked per line). The title (a first H1) never is one: one cue there must not exempt the
      // whole document; whether the document is a record is the currency model's decision.
      List<Heading> stack = new ArrayList<>();
      List<Boolean> flags = new ArrayList<>();
      List<Boolean> baseline = new ArrayList<>();
      List<Boolean> forCode = new ArrayList<>();
      boolean first = true;
      for (Heading h : doc.headings()) {
        boolean title = first && h.level() == 1;
        first = false;
        while (!stack.isEmpty() && stack.get(stack.size() - 1).level() >= h.level()) {
          stack.remove(stack.size() - 1);
          flags.remove(flags.size() - 1);
          baseline.remove(baseline.size() - 1);
          forCode.remove(forCode.size() - 1);
        }
        boolean flag = !title && manifest.context().headingCueIn(currency.blankExceptions(h.text())) != null
            || (!flags.isEmpty() && flags.get(flags.size() - 1));
        boolean states = !title && manifest.context().baselineHeadingIn(h.text()) != null
            || (!baseline.isEmpty() && baseline.get(baseline.size() - 1));
        // the manifest's and the currency model's heading cues, less those whose sections still hold instructions
        String forCodeHeading = status.blankRunnable(currency.blankExceptions(h.text()));
        boolean codeFlag = !title && (manifest.context().headingCueIn(forCodeHeading) != null
            || currency.section(status.blankRunnable(h.text())) != null)
            || (!forCode.isEmpty() && forCode.get(forCode.size() - 1));
        forCode.add(codeFlag);
        historicalForCode.put(h.position().line(), codeFlag);
        headingText.put(h.position().line(), h.text());
        stack.add(h);
        flags.add(flag);
        baseline.add(states);
        historicalSections.put(h.position().line(), flag);
        baselineSections.put(h.position().line(), states);
      }
    }

    /**
     * The pass is finished: keeps what the corpus comparison and the result read (baseline statements, findings,
     * counters, tallies) and drops the working state.
     */
    void done() {
      baselineStatements = baselineStatements();
      sourceLines = null;
      presentTense = null;
      statements = null;
      historicalSections = null;
      baselineSections = null;
      historicalForCode = null;
      headingText = null;
    }

    /** Whether {@link #done} dropped the working state (for tests). */
    boolean workingStateDropped() {
      return statements == null && presentTense == null && historicalSections == null && sourceLines == null;
    }

    /**
     * The document's lines, split once per pass: prose lines ask for their own source line (list items, images in
     * prose), and splitting the whole source for each made the pass quadratic in a document's length.
     */
    private List<String> sourceLines() {
      if (sourceLines == null) {
        sourceLines = doc.sourceLines();
      }
      return sourceLines;
    }

    /** The judged single-version mentions under a version (baseline) heading. */
    List<Judged> baselineStatements() {
      if (baselineStatements != null) {
        return baselineStatements;
      }
      return statements.stream().filter(j -> {
        Map.Entry<Integer, Boolean> e = baselineSections.floorEntry(j.line());
        return e != null && e.getValue();
      }).toList();
    }

    /**
     * Sentences of a root-level living document that call a version the latest with no date and name no product:
     * the corpus's own project, whose release notes say what its latest release is.
     */
    private void ownClaims(int line, String text, List<Mention> inLine) {
      ownClaims(line, text, inLine, 0);
    }

    /** As above, for a text that starts at column {@code offset} + 1 of its line. */
    private void ownClaims(int line, String text, List<Mention> inLine, int offset) {
      if (exemptFile || current.isRecord() || doc.path().indexOf('/') >= 0 || !DatedLatest.mayClaim(text)) {
        return;
      }
      int start = 0;
      for (int end : Scripts.sentenceEnds(text)) {
        int from = start;
        DatedLatest.Undated claim = DatedLatest.undated(text.substring(from, end));
        if (claim != null && inLine.stream().noneMatch(m -> m.start() < end && m.end() > from)) {
          int column = offset + from + 1 + claim.start();
          if (sentenceExemption(line, column) == null) {
            ownClaims.add(new OwnClaim(line, column, claim.version()));
          }
        }
        start = end;
      }
    }

    /** The own claims the corpus's newest release is newer than (of the same major line). */
    List<OwnClaim> behind(OwnRelease own) {
      return own == null ? List.of() : ownClaims.stream().filter(c -> own.isNewerThan(c.version())).toList();
    }

    void behindOwnRelease(List<OwnClaim> behind, OwnRelease own) {
      for (OwnClaim c : behind) {
        String replaced = c.version().startsWith("v") || c.version().startsWith("V")
            ? c.version().charAt(0) + own.version() : own.version();
        add("versions/not-latest", c.line(), c.column(), "the text calls " + c.version() + " the latest, but the "
            + "corpus's own " + own.log() + " names " + own.version() + ": update the version, or drop \"latest\"",
            c.version(), replaced);
      }
    }

    void conflictingBaselines(List<Conflict> conflicts) {
      for (Conflict c : conflicts) {
        add("versions/conflicting-baseline", c.line(), c.column(), c.message(), c.target(), null, null);
      }
    }

    /** Under a heading (or an enclosing one) with a baseline word of the manifest: "技术栈全景", "版本与兼容策略". */
    private boolean inBaselineSection(int line) {
      Map.Entry<Integer, Boolean> e = baselineSections.floorEntry(line);
      return e != null && e.getValue();
    }

    private boolean inHistoricalSection(int line) {
      Map.Entry<Integer, Boolean> e = historicalSections.floorEntry(line);
      return e != null && e.getValue() || current.sectionAt(line) != null;
    }

    /** Whether code at this line is not judged: an exempt path, a record, a historical section. */
    private boolean codeExempt(int line) {
      return exemptFile || current.isRecord() || inHistoricalSection(line);
    }

    /**
     * Whether versions stated in code at this line are not judged: as {@link #codeExempt}, but under a heading whose
     * only cue is one that still holds instructions ("主流服务网格对比" over an install command) they are.
     */
    private boolean versionsInCodeExempt(int line) {
      Map.Entry<Integer, Boolean> e = historicalForCode.floorEntry(line);
      return exemptFile || current.isRecord() || e != null && e.getValue();
    }

    /** Only a record, an exempt path or a historical section of the currency model: a line that says "支持中". */
    private boolean supportLineExempt(int line) {
      return exemptFile || current.isRecord() || current.sectionAt(line) != null;
    }

    void prose() {
      // a link's text at the root ("* [Latest Version: 4.2.0](.../releases/tag/v4.2.0)"): read for own claims only
      if (doc.path().indexOf('/') < 0) {
        for (org.docgate.markdown.ProseRun run : doc.prose()) {
          if (run.scope() == org.docgate.markdown.ProseRun.Scope.LINK_TEXT) {
            ownClaims(run.position().line(), run.text(), extractor.extract(run.text()), run.position().column() - 1);
          }
        }
      }
      ProseLines lines = new ProseLines(doc);
      lines.text.forEach((line, text) -> {
        Map<String, List<Mention>> bySentence = new LinkedHashMap<>();
        List<Mention> inLine = extractor.extract(text);
        bareVersionsClaimed(line, text, inLine);
        for (Mention m : inLine) {
          bySentence.computeIfAbsent(HistoricalContext.sentenceAround(text, m.start(), m.end()),
              k -> new ArrayList<>()).add(m);
        }
        bySentence.forEach((sentence, mentions) -> {
          Set<Product> compared = comparedProducts(mentions);
          Claim claim = supportClaim(line, sentence, null, false);
          for (Mention m : mentions) {
            judge(m, line, m.start() + 1, sentence, compared.contains(m.product()), false,
                LatestClaim.at(text, m.start(), m.end()), claim, false);
          }
        });
        datedLatest(line, text);
        ownClaims(line, text, inLine);
      });
      Map<Integer, TableTops> tables = new TreeMap<>(); // each table by its header row's line
      lines.cells.forEach((line, cells) -> {
        int header = lines.headerOf(line);
        String row = String.join(" | ", cells.stream().map(ProseLines.Cell::text).toList());
        String context = row;
        boolean comparisonTable = false;
        if (header != line) {
          List<ProseLines.Cell> headerCells = lines.cells.get(header);
          context = String.join(" | ", headerCells.stream().map(ProseLines.Cell::text).toList()) + " | " + row;
          comparisonTable = !comparedProducts(rowMentions(headerCells)).isEmpty();
        }
        Claim claim = header == line ? null
            : supportClaim(line, row, context.substring(0, context.length() - row.length()), true);
        String intro = header == line ? "" : introOf(header);
        if (claim == null && header != line && !intro.isEmpty() && saysSupportedNow(intro)) {
          claim = new Claim("introduced as \"" + intro.strip() + "\"", row, true, false);
        }
        List<Located> found = new ArrayList<>();
        if (claim != null) {
          found.addAll(bareVersionRow(cells, header == line ? null : lines.cells.get(header), line, intro));
        }
        for (int i = 0; i < cells.size(); i++) {
          ProseLines.Cell cell = cells.get(i);
          List<Mention> inCell = extractor.extract(cell.text());
          for (Mention m : inCell) {
            found.add(new Located(m, cell.column() + m.start(), false,
                LatestClaim.at(cell.text(), m.start(), m.end()), false));
          }
          if (inCell.isEmpty() && i + 1 < cells.size()) {
            // "| Kubernetes | 1.28 | 1.29 |": a row with several version cells is a version matrix, not a statement
            found.addAll(productThenVersionCells(cells.get(i), cells.get(i + 1), versionCells(cells) > 1));
          }
        }
        if (header != line) {
          datedLatestRow(line, cells, row);
        }
        Set<Product> compared = comparedProducts(found.stream().map(Located::mention).toList());
        for (Located l : found) {
          judge(l.mention(), line, l.column(), context,
              comparisonTable || l.matrix() || compared.contains(l.mention().product()), true, l.latest(), claim,
              l.claimOnly());
        }
        TableTops t = tables.computeIfAbsent(header, h -> new TableTops());
        t.last = line;
        found.forEach(l -> t.add(l.mention(), line, l.column(), row));
        if (header != line) {
          columnVersions(cells, lines.cells.get(header), line, row, t);
        }
      });
      tables.forEach(this::staleTable);
      imagesInProse(lines);
    }

    /**
     * The versions a table names, per product: the newest one with where it stands, how many different ones, and
     * whether any is a lower bound ("1.20+": the table's range is open, it does not stop anywhere).
     */
    private static final class TableTops {
      /** A product's newest version in the table, the line and the row text it stands in. */
      record Top(Located located, int line, String row) {}

      final Map<Product, Top> newest = new LinkedHashMap<>();
      final Map<Product, Set<String>> versions = new HashMap<>();
      final Set<Product> open = new HashSet<>();
      int last;

      void add(Mention m, int line, int column, String row) {
        Product p = m.product();
        if (m.spec().orLater()) {
          open.add(p);
          return;
        }
        if (!m.spec().isSingle()) {
          return;
        }
        // release lines, not patches: "1.30.0", "1.30.1", "1.30.2" are one line (a code review's case)
        List<Integer> numbers = m.spec().low().numbers();
        versions.computeIfAbsent(p, k -> new HashSet<>())
            .add(numbers.subList(0, Math.min(p.scheme() == VersionScheme.MAJOR ? 1 : 2, numbers.size())).toString());
        Top top = newest.get(p);
        if (top == null || m.spec().low().compareTo(top.located().mention().spec().low()) > 0) {
          newest.put(p, new Top(new Located(m, column, false, false, false), line, row));
        }
      }
    }

    /** A version with a plus right after it: a lower bound ("1.14+"). */
    private static final Pattern OPEN_VERSION = Pattern.compile("v?\\d{1,4}(?:\\.\\d{1,4}){0,2}\\+");

    /** "或更高", "and later": after a version in a cell, a lower bound (the column's range is open). */
    private static final Pattern OPEN_AFTER = Pattern.compile(
        "^\\s*(?:\\+|及以上|以上|或更高|或以上|及更高|(?:or|and) (?:later|above|newer|higher))");

    /**
     * A bare version at the start of a cell whose column's header names one product and no version ("| 支持的
     * Kubernetes 版本 |" over "| v1.30 及以下 |"): that product's version, for the table's newest.
     */
    private void columnVersions(List<ProseLines.Cell> cells, List<ProseLines.Cell> header, int line, String row,
        TableTops t) {
      for (int i = 0; i < cells.size() && i < header.size(); i++) {
        String h = header.get(i).text();
        if (!extractor.extract(h).isEmpty()) {
          continue;
        }
        List<Product> named = extractor.productsNamed(h);
        String text = cells.get(i).text().strip();
        if (OPEN_VERSION.matcher(text).lookingAt()) {
          named.forEach(t.open::add); // "1.14+"
          continue;
        }
        Matcher lead = LEADING_VERSION.matcher(text);
        if (named.size() != 1 || !lead.lookingAt() || !extractor.extract(text).isEmpty()) {
          continue;
        }
        Product p = named.get(0);
        Version v;
        try {
          v = Version.parse(lead.group(1), p.scheme());
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (OPEN_AFTER.matcher(text.substring(lead.end())).lookingAt()) {
          t.open.add(p);
          continue;
        }
        Mention m = new Mention(p, VersionSpec.of(v), 0, lead.group(1).length(), 0, lead.group(1), lead.group(1));
        t.add(m, line, cells.get(i).column() + cells.get(i).text().indexOf(lead.group(1)), row);
      }
    }

    /**
     * A table that names three or more versions of a product, none a lower bound, whose newest has reached its end of
     * life ("| KubeEdge 版本 | K8s 1.25 | … | K8s 1.30 |" when 1.30 ended in 2025): the table has not followed the
     * product's releases. One finding at its newest version, where no other version finding is on the table's
     * lines (each ended row already says it) and the table is judged for currency at all.
     */
    private void staleTable(int header, TableTops t) {
      if (exemptFile || current.isRecord() || current.sectionAt(header) != null || inHistoricalSection(header)) {
        return;
      }
      for (Finding f : findings) {
        if (f.line() >= header && f.line() <= t.last) {
          return;
        }
      }
      t.newest.forEach((p, newest) -> {
        Located top = newest.located();
        if (t.open.contains(p) || t.versions.get(p).size() < 3) {
          // two versions side by side are a before and after ("| ESLint v5 | ESLint v6 |" over one change's
          // behaviour, round 41: WRONG), not a table kept to follow releases
          return;
        }
        int line = newest.line();
        String row = newest.row();
        if (status.saysUnsupported(currency.blankExceptions(row)) || current.sectionAt(line) != null) {
          return;
        }
        // the release cycles upstream, whatever the corpus's baseline: a table that stops at an ended cycle has
        // not followed the product, even where the manifest still calls that cycle current
        Product.EolLine ended = VersionPolicy.endedCycle(top.mention().spec().low(), manifest.cyclesOf(p), today);
        if (ended == null) {
          return;
        }
        Version newer = notEnded(p);
        add("versions/stale-table", line, top.column(), "the newest " + p.name() + " version this table names is "
            + top.mention().spec() + ", end of life " + since(ended) + (newer == null ? ""
            : " (" + newer + " has not ended)") + ": the table has not followed " + p.name() + "'s releases",
            top.mention().text(), null, null);
      });
    }

    /**
     * Image references outside code blocks: each line of prose or of a table (a list item that is only inline code
     * too: "- `node:16-alpine`"), read with its sentence or its row and header row ({@link #imagesInProse(int,
     * String, boolean)}).
     */
    private void imagesInProse(ProseLines lines) {
      if (!manifest.checkImageTags()) {
        return;
      }
      List<String> source = sourceLines();
      boolean[] code = new boolean[source.size() + 2];
      for (CodeBlock b : doc.codeBlocks()) {
        for (int l = b.startLine(); l <= b.endLine() && l < code.length; l++) {
          code[l] = true;
        }
      }
      int frontMatter = org.docgate.markdown.MarkdownlintComments.frontMatterEnd(source);
      for (int line = frontMatter + 1; line <= source.size(); line++) {
        if (code[line] || source.get(line - 1).indexOf(':') < 0 || source.get(line - 1).strip().startsWith("<!--")) {
          continue;
        }
        List<ProseLines.Cell> cells = lines.cells.get(line);
        if (cells != null) {
          int header = lines.headerOf(line);
          String row = String.join(" | ", cells.stream().map(ProseLines.Cell::text).toList());
          String context = header == line ? row : String.join(" | ", lines.cells.get(header).stream()
              .map(ProseLines.Cell::text).toList()) + " | " + row;
          imagesInProse(line, context, true);
        } else {
          imagesInProse(line, lines.text.getOrDefault(line, ""), false);
        }
      }
    }

    /**
     * {@code latest}: the text calls the mention the latest release ({@link LatestClaim}); {@code claimOnly}: a bare
     * version read as a product's only because its table presents it as supported (judged only as that claim).
     */
    private record Located(Mention mention, int column, boolean matrix, boolean latest, boolean claimOnly) {}

    /**
     * Why a sentence or table row presents the versions it names as supported today ({@code why}, for the message),
     * or null: its own words ("1.31 (支持中)"), its table's header row ("| 版本 | 支持状态 |") or the nearest heading
     * above ("当前版本支持计划", "Supported versions"), by {@link SupportStatus#saysCurrentlySupported}. Not when the
     * sentence or row itself says unsupported ("不再支持", "EOL"), nor under a heading that does.
     *
     * @param text the sentence or the row alone (what is judged for exemptions)
     * @param header the table's header row, or null
     * @param row whether {@code text} is a table row
     */
    private Claim supportClaim(int line, String text, String header, boolean row) {
      if (status.currentSupport().isEmpty()) {
        return null;
      }
      String blanked = currency.blankExceptions(text);
      if (status.saysUnsupported(blanked)) {
        return null;
      }
      if (status.saysCurrentlySupported(blanked)) {
        return new Claim("the " + (row ? "row" : "sentence") + " says so", text, row, true);
      }
      if (header != null && status.saysCurrentlySupported(currency.blankExceptions(header))) {
        return new Claim("the table's header says so", text, row, false);
      }
      Map.Entry<Integer, String> heading = headingText.floorEntry(line);
      if (heading != null && saysSupportedNow(heading.getValue())) {
        return new Claim("under \"" + heading.getValue().strip() + "\"", text, row, false);
      }
      return null;
    }

    /** Whether a heading or a table's intro says what it holds is supported now, and nothing of it unsupported. */
    private boolean saysSupportedNow(String text) {
      String blanked = currency.blankExceptions(text);
      return status.saysCurrentlySupported(blanked) && !status.saysUnsupported(blanked);
    }

    /**
     * A table row of a support table whose first cell is a bare version ("| 1.30 | 2024-04-17 | 支持中 |"): that
     * version of the product the first header cell names ("Kubernetes 版本"), else of the one the nearest heading
     * names ("Kubernetes 当前版本支持计划"); nothing when neither names exactly one product.
     */
    private List<Located> bareVersionRow(List<ProseLines.Cell> cells, List<ProseLines.Cell> header, int line,
        String intro) {
      ProseLines.Cell first = cells.get(0);
      Matcher lead = LEADING_VERSION.matcher(first.text().strip());
      if (!lead.lookingAt()) {
        return List.of();
      }
      String version = lead.group(1);
      Product p = theProductNamed(header == null ? "" : header.get(0).text(), intro, line);
      if (p == null) {
        return List.of();
      }
      Version v;
      try {
        v = Version.parse(version, p.scheme() == VersionScheme.MAJOR ? VersionScheme.MAJOR : p.scheme());
      } catch (IllegalArgumentException e) {
        return List.of();
      }
      Mention m = new Mention(p, VersionSpec.of(v), 0, version.length(), 0, version, version);
      return List.of(new Located(m, first.column() + first.text().indexOf(version), false, false, true));
    }

    /**
     * What introduces the table whose header row is {@code header}: the lines right above it (at most three, up to a
     * blank line after text), a paragraph ("例如，当前版本支持计划如下：") and a Hugo shortcode's title
     * ({@code {{< table title="Kubernetes 版本支持计划" >}}}), joined; "" when a heading, a list or nothing is there.
     */
    private String introOf(int header) {
      List<String> source = sourceLines();
      StringBuilder intro = new StringBuilder();
      boolean text = false;
      for (int l = header - 1; l >= 1 && l >= header - 4; l--) {
        String s = source.get(l - 1).strip();
        if (s.isEmpty()) {
          if (text) {
            break;
          }
          continue;
        }
        if (s.startsWith("#") || s.startsWith("|") || s.startsWith("```") || s.startsWith("- ")
            || s.startsWith("* ")) {
          break;
        }
        Matcher title = SHORTCODE_TITLE.matcher(s);
        intro.insert(0, (title.find() ? title.group(1) : s.startsWith("{{") ? "" : s) + " ");
        text = !s.startsWith("{{");
      }
      return intro.toString().strip();
    }

    /**
     * The one product a bare version belongs to: named alone by {@code own} (its sentence, its column's header), else
     * by {@code intro} (what leads into its table or list), else by the nearest enclosing heading that names one; null
     * when none names exactly one.
     */
    private Product theProductNamed(String own, String intro, int line) {
      List<Product> named = own.isEmpty() ? List.of() : extractor.productsNamed(own);
      if (named.size() != 1 && !intro.isEmpty()) {
        named = extractor.productsNamed(intro);
      }
      for (String h : enclosingHeadings(line)) {
        if (named.size() == 1) {
          break;
        }
        named = extractor.productsNamed(h);
      }
      return named.size() == 1 ? named.get(0) : null;
    }

    /**
     * The line that leads into the list holding {@code line}: the first line above its items (and their wrapped
     * lines) that is text ending in a colon ("Currently we support and test against Python versions:"); "" when a
     * heading, code or anything else is there.
     */
    private String listIntroOf(int line) {
      List<String> source = sourceLines();
      for (int l = line - 1; l >= 1 && l >= line - 40; l--) {
        String raw = source.get(l - 1);
        String s = raw.strip();
        if (s.isEmpty() || LIST_ITEM.matcher(raw.stripLeading()).matches() || raw.startsWith(" ") || raw.startsWith("\t")
            || s.startsWith("<!--") && s.endsWith("-->")) {
          continue;
        }
        return s.endsWith(":") || s.endsWith("：") ? s : "";
      }
      return "";
    }

    /** A Hugo shortcode's title: {@code {{< table title="Kubernetes 版本支持计划" >}}}. */
    private static final Pattern SHORTCODE_TITLE = Pattern.compile("^\\{\\{[<%].*?\\btitle=\"([^\"]*)\"");

    /** A bare version in prose: two or three numbers, standing as a token ("1.32", "v1.31.x"). */
    private static final Pattern BARE_IN_TEXT =
        Pattern.compile("(?<![\\w.\\-/:])v?\\d{1,4}\\.\\d{1,4}(?:\\.\\d{1,4}|\\.[xX])?(?![\\w.%/\\-])");
    /** A list item's line, without its indentation: "- v1.31", "2) 1.30". */
    private static final Pattern LIST_ITEM = Pattern.compile("(?:[-*+]|\\d{1,3}[.)])\\s.*");

    /**
     * Bare versions a sentence presents as supported ("当前支持的版本：1.30、1.31、1.32", "- v1.31（维护中）", a list
     * item under "Supported versions"), each judged only as that claim ({@link #supportedButEnded}), as a version
     * of the one product the sentence names ("Kubernetes 当前支持的版本为 …"), else the one the enclosing headings or the
     * title name. A sentence says so itself; under a heading that does, only a list item's versions count (a
     * paragraph there holds other numbers too).
     */
    private void bareVersionsClaimed(int line, String text, List<Mention> mentions) {
      if (status.currentSupport().isEmpty()) {
        return;
      }
      if (!hasDottedNumber(text)) {
        return; // what BARE_IN_TEXT needs: a digit, a dot, a digit
      }
      Matcher v = BARE_IN_TEXT.matcher(text);
      Boolean listItem = null; // read only for a claim a sentence does not make itself: most texts have no version
      while (v.find()) {
        int at = v.start();
        if (mentions.stream().anyMatch(m -> at >= m.start() && at < m.end())) {
          continue;
        }
        String sentence = HistoricalContext.sentenceAround(text, v.start(), v.end());
        Claim claim = supportClaim(line, sentence, null, false);
        String intro = "";
        if (claim == null && text.strip().equals(v.group())) {
          // "Currently we support and test against Python versions:" then "* 3.6", "* 3.7": a list of bare versions
          // its lead-in presents as supported today (community.hashi_vault's README, a blind probe of round 25)
          intro = listIntroOf(line);
          if (!intro.isEmpty() && saysSupportedNow(intro)) {
            claim = new Claim("introduced as \"" + intro + "\"", sentence, false, false);
          }
        }
        if (claim != null && !claim.own() && listItem == null) {
          listItem = line <= sourceLines().size() && LIST_ITEM.matcher(sourceLines().get(line - 1).stripLeading())
              .matches();
        }
        if (claim == null || !claim.own() && !listItem) {
          continue;
        }
        Product p = theProductNamed(sentence, intro, line);
        if (p == null) {
          continue;
        }
        Version version;
        try {
          version = Version.parse(v.group(), p.scheme() == VersionScheme.MAJOR ? VersionScheme.MAJOR : p.scheme());
        } catch (IllegalArgumentException e) {
          continue;
        }
        Mention m = new Mention(p, VersionSpec.of(version), 0, v.group().length(), 0, v.group(), v.group());
        count("versions.mentions." + p.key() + "." + m.spec().key());
        supportedButEnded(m, line, v.start() + 1, claim, true);
      }
    }

    /**
     * The headings that enclose {@code line}, nearest first, then the document's title (its first H1, or a Hugo
     * page's front matter {@code title:}): where a table's product may be named ("Kubernetes 版本" over "当前版本支持计划").
     */
    private List<String> enclosingHeadings(int line) {
      List<Heading> stack = new ArrayList<>();
      for (Heading h : doc.headings()) {
        if (h.position().line() > line) {
          break;
        }
        while (!stack.isEmpty() && stack.get(stack.size() - 1).level() >= h.level()) {
          stack.remove(stack.size() - 1);
        }
        stack.add(h);
      }
      List<String> out = new ArrayList<>();
      for (int i = stack.size() - 1; i >= 0; i--) {
        out.add(stack.get(i).text());
      }
      if (!doc.headings().isEmpty() && doc.headings().get(0).level() == 1) {
        out.add(doc.headings().get(0).text());
      }
      out.addAll(frontMatterTitles());
      return out;
    }

    /** A Hugo page's title: the front matter's {@code title:} lines, read from the document's first lines. */
    private List<String> frontMatterTitles() {
      List<String> titles = new ArrayList<>();
      for (String l : doc.source().lines().limit(doc.frontMatterEnd()).toList()) {
        if (l.startsWith("title:")) {
          titles.add(l.substring("title:".length()));
        }
      }
      return titles;
    }

    /**
     * A sentence or row presenting versions as supported today, and why.
     *
     * @param own whether the sentence or row says so itself (not its header or heading)
     */
    private record Claim(String why, String text, boolean row, boolean own) {}

    /**
     * A claim that is no statement about today: a record or exempt path, or a sentence or row that says otherwise
     * itself (a plan, history, a comparison, a lower bound, a cue word). A heading cue does not take it back ("支持计划"
     * is a support schedule), nor a date in a row of a support table (its release and end-of-life columns).
     */
    private boolean claimExempt(Claim claim) {
      if (exemptFile || current.isRecord()) {
        return true;
      }
      String blanked = currency.blankExceptions(claim.text());
      Exemption e = currency.sentence(blanked);
      if (e != null && !(claim.row() && e.reason() == Exemption.Reason.DATED)) {
        return true;
      }
      return manifest.context().cueIn(blanked) != null;
    }

    /**
     * A single version the text presents as supported today whose release cycle the version data says has ended:
     * {@code versions/eol}, even when the manifest still calls its line current (the baseline is what the corpus
     * should state; whether upstream still fixes it is the data's to say). True when reported.
     *
     * @param otherwiseExempt whether the mention would not be judged without the claim (a heading cue, a date in the
     *     row); when false, a version the baseline already calls end-of-life is left to the ordinary verdict
     */
    private boolean supportedButEnded(Mention m, int line, int column, Claim claim, boolean otherwiseExempt) {
      if (claim == null || !m.spec().isSingle() || claimExempt(claim)) {
        return false;
      }
      Product p = m.product();
      if (!otherwiseExempt && VersionPolicy.judge(m.spec(), p, today).kind() == Verdict.Kind.EOL) {
        return false; // judged as every mention is (older than the baseline): its own message
      }
      List<Product.EolLine> cycles = manifest.cyclesOf(p);
      Product.EolLine ended = VersionPolicy.endedCycle(m.spec().low(), cycles, today);
      if (ended == null) {
        return false;
      }
      String checked = p.eolOnly() ? "versions.eolOnly.checked" : "versions.checked";
      count(checked);
      judged(new Verdict(Verdict.Kind.EOL, ended));
      Version alive = null;
      for (Product.EolLine e : cycles) {
        if (e.cycleOnly() && e.date().isAfter(today) && (alive == null || e.line().compareTo(alive) < 0)) {
          alive = e.line();
        }
      }
      add("versions/eol", line, column, p.name() + " " + m.spec() + " is presented as supported (" + claim.why()
          + "), but its release cycle " + ended.line() + " has ended " + since(ended) + " (endoflife.date"
          + (alive == null ? "" : "; the oldest cycle still supported is " + alive) + ")", m.text(), null, checked);
      return true;
    }

    /**
     * Container images a sentence or table row recommends ("recommended base images include python:3.9-slim", a
     * "推荐基础镜像" column): judged as image tags are in code (a variant's OS too: nvidia/cuda:11.0-runtime-ubuntu20.04
     * is built on Ubuntu 20.04), but only where the sentence, or the row or its header, says supported or
     * recommended; elsewhere an image named in prose is an example's and is left alone.
     */
    private void imagesInProse(int line, String context, boolean row) {
      if (!manifest.checkImageTags() || line < 1 || line > sourceLines().size()) {
        return;
      }
      String raw = sourceLines().get(line - 1);
      List<CodeMentions.ImageTag> tags = code.imageTags(raw);
      if (tags.isEmpty()) {
        return;
      }
      String blanked = currency.blankExceptions(context);
      Map.Entry<Integer, String> heading = headingText.floorEntry(line);
      boolean headingSays = heading != null && heading.getKey() != line
          && status.saysSupportedInText(currency.blankExceptions(heading.getValue()))
          && !status.saysUnsupported(currency.blankExceptions(heading.getValue()));
      if (!headingSays && (row ? !status.saysSupported(blanked) : !status.saysSupportedInText(blanked))) {
        return; // "- python:3.9-slim" under "推荐的基础镜像" is recommended; under "示例" it is an example
      }
      for (CodeMentions.ImageTag t : tags) {
        count("versions.mentions." + t.product().key() + "." + t.version().key());
        if (exempt(line, t.column(), context, comparedOnLine(tags, t), row) != null) {
          continue;
        }
        count("versions.prose.imageTags");
        judgeInCode(t.product(), VersionSpec.of(t.version()), line, t.column(), t.text(),
            t.variant() ? null : fix(t.product(), t::retagged));
      }
    }

    private List<Mention> rowMentions(List<ProseLines.Cell> cells) {
      List<Mention> out = new ArrayList<>();
      cells.forEach(c -> out.addAll(extractor.extract(c.text())));
      return out;
    }

    /** How many cells of a row hold nothing but a version number: more than one makes a version matrix row. */
    private static int versionCells(List<ProseLines.Cell> cells) {
      int n = 0;
      for (ProseLines.Cell c : cells) {
        if (BARE_VERSION.matcher(c.text().strip()).matches()) {
          n++;
        }
      }
      return n;
    }

    /**
     * Products named by two separate mentions with different versions in one sentence or table row: "从 Kubernetes
     * 1.28 升级到 Kubernetes 1.31", "| vSphere 7.0 | vSphere 8.0 |". A comparison, so not a statement of the
     * current version. Items of one list ("Kubernetes 1.30/1.31") do not count, nor do lower bounds alone: "RHEL
     * 7.7+、CentOS 7.7+、RHEL 8.1+、CentOS 8.1+" lists minimums, it compares nothing.
     */
    private static Set<Product> comparedProducts(List<Mention> mentions) {
      Map<Product, Set<String>> versions = new LinkedHashMap<>();
      Set<Product> notOnlyBounds = new HashSet<>();
      for (Mention m : mentions) {
        if (m.start() < m.versionStart()) {
          versions.computeIfAbsent(m.product(), p -> new HashSet<>()).add(m.spec().toString());
          if (!m.spec().orLater()) {
            notOnlyBounds.add(m.product());
          }
        }
      }
      Set<Product> out = new HashSet<>();
      versions.forEach((p, v) -> {
        if (v.size() > 1 && notOnlyBounds.contains(p)) {
          out.add(p);
        }
      });
      return out;
    }

    /** {@code | Kubernetes | 1.31 |}: a cell that is exactly an alias, then a cell that is exactly a version. */
    private List<Located> productThenVersionCells(ProseLines.Cell name, ProseLines.Cell value, boolean matrix) {
      String alias = name.text().strip();
      String version = value.text().strip();
      if (alias.isEmpty() || !BARE_VERSION.matcher(version).matches()) {
        return List.of();
      }
      String joined = alias + " " + version;
      List<Mention> found = extractor.extract(joined);
      if (found.isEmpty() || found.get(0).start() != 0 || !found.get(0).text().startsWith(alias + " ")
          || found.get(found.size() - 1).end() != joined.length()) {
        return List.of();
      }
      int versionColumn = value.column() + value.text().indexOf(version);
      List<Located> out = new ArrayList<>();
      for (Mention m : found) {
        out.add(new Located(m, versionColumn + m.versionStart() - (alias.length() + 1), matrix, false, false));
      }
      return out;
    }

    /**
     * Judges one prose or table mention; {@code row} when {@code sentence} is a table row with its header row;
     * {@code latest} when the text calls it the latest release.
     */
    private void judge(Mention m, int line, int column, String sentence, boolean comparison, boolean row,
        boolean latest, Claim claim, boolean claimOnly) {
      Product p = m.product();
      count("versions.mentions." + p.key() + "." + m.spec().key());
      if (claimOnly) {
        supportedButEnded(m, line, column, claim, true);
        return; // a bare version of a support table says nothing more than that claim
      }
      if (namesVersionedPage(m, line, column)) {
        count("versions.exempt.versionedPage");
        return;
      }
      String exemptBy = exempt(line, column, sentence, comparison, row);
      if (exemptBy != null && claim != null && !exemptBy.equals("comparison")
          && supportedButEnded(m, line, column, claim, true)) {
        // "| 1.31 | 2024-08-13 | 2025-10-28 | 支持中 |" under "当前版本支持计划": the heading's 计划 and the row's dates
        // do not take back what the row says about today
        return;
      }
      if (exemptBy != null) {
        // "Docker 25.0.0：最新版本支持…" under "容器技术演进": the heading makes the section history, but "latest" is a
        // claim about today. Only a section's exemption gives way: a record, a dated or past-tense sentence, a cue
        // word or a comparison still say "as of then". A date in a heading above does not: "Docker 25.0.0：最新版本…"
        // under "2025年10月16日最新技术动态" in a living page was judged a real stale claim by blind review.
        if (latest && (exemptBy.equals("section") || isVersionList(sentenceExemption(line, column)))
            && givesWayToLatest(sentenceExemption(line, column))
            && manifest.context().cueIn(currency.blankExceptions(sentence)) == null) {
          notLatest(m, line, column);
        }
        return;
      }
      if (p.eolOnly() && m.spec().low().numbers().size() == 1 && !m.byName()
          && (row || !closesClause(sentence, m.text()))
          && !(row ? status.saysSupported(sentence) : status.saysSupportedInText(sentence))) {
        // "CentOS 7" is certain only where the text says it is supported (a support table, "(支持中)"): a bare
        // number after a name is too often a count or a chapter
        count("versions.eolOnly.uncertain");
        return;
      }
      if (p.eolOnly()) {
        // No baseline in the corpus: not part of versionAlignment; only a certain end-of-life cycle is reported.
        count("versions.eolOnly.checked");
        if (continuesAsRangeOrList(sentence, m.text())) {
          judged(Verdict.ALIGNED);
          return; // "Prometheus 2.40 - 2.x", "etcd v3.3.X, v3.4.24": not one stated version
        }
        Verdict v = judged(VersionPolicy.judge(m.spec(), p, today));
        reportEolOnly(v, p, m.spec(), line, column, m.text());
        if (v.kind() == Verdict.Kind.ALIGNED && m.spec().isSingle()
            && VersionPolicy.beyondEveryCycle(m.spec().low(), p.eol())) {
          // "OpenShift 5.0" when the newest cycle is 4.22: no such release (the major of a product whose cycles are
          // minors does not move between the data's import and today unnoticed)
          add("versions/ahead", line, column, p.name() + " " + m.spec() + " is newer than every release cycle "
              + "endoflife.date knows (the newest is " + p.newestCurrent() + "): no such release, or a typo",
              m.text(), null, "versions.eolOnly.checked");
          return;
        }
        if (latest && v.kind() == Verdict.Kind.ALIGNED) {
          notLatest(m, line, column);
        }
        return;
      }
      if (claim != null && supportedButEnded(m, line, column, claim, false)) {
        return; // "Kubernetes 1.31 (支持中)": a line the baseline calls current, ended upstream
      }
      count("versions.checked");
      Verdict v = judged(VersionPolicy.judge(m.spec(), p, today));
      if (latest && v.kind() == Verdict.Kind.ALIGNED) {
        notLatest(m, line, column);
      }
      if (m.spec().isSingle()) {
        statements.add(new Judged(m, line, column, sentence));
      }
      if (v.kind() == Verdict.Kind.ALIGNED && m.spec().isSingle()) {
        presentTense.add(new Judged(m, line, column, sentence));
      }
      report(v, p, m.spec(), line, column, m.text(), fix(p, m::replacedWith));
    }

    /** A Markdown link a few words after a mention (no other link or bracket between): its destination. */
    private static final java.util.regex.Pattern LINK_AFTER =
        java.util.regex.Pattern.compile("^[^\\[\\]()]{0,30}?\\[[^\\]]*]\\(<?([^)\\s>]+)");

    /**
     * Whether the mention names a page about that version: it stands in a link's text or right before a link (a few
     * words between) whose destination holds the same version ("read more in the Next.js 15 [Upgrade
     * Guide](../upgrading/version-15.md)", "[Kubernetes 1.28 release notes](.../v1.28)"): the page's title, not a
     * claim about what readers run (Next.js's docs, round 45: the last WRONG end-of-life finding left).
     */
    private boolean namesVersionedPage(Mention m, int line, int column) {
      List<String> source = sourceLines();
      if (line < 1 || line > source.size() || m.versionText().isEmpty()) {
        return false;
      }
      String text = source.get(line - 1);
      int start = text.indexOf(m.text(), Math.max(0, column - 3));
      if (start < 0) {
        return false;
      }
      int end = start + m.text().length();
      String destination = null;
      java.util.regex.Matcher after = LINK_AFTER.matcher(text.substring(end));
      if (after.find()) {
        destination = after.group(1);
      } else {
        int open = text.lastIndexOf('[', start);
        int close = text.indexOf("](", end);
        if (open >= 0 && close > 0 && text.indexOf(']', open) == close) {
          int shut = text.indexOf(')', close);
          destination = shut > 0 ? text.substring(close + 2, shut) : null;
        }
      }
      String version = m.versionText().replaceFirst("^[vV](?=\\d)", "");
      return destination != null && java.util.regex.Pattern.compile("(?<![\\d.])" + java.util.regex.Pattern.quote(version)
          + "(?!\\.?\\d)").matcher(destination).find();
    }

    /**
     * Whether a mention is not judged, counted by reason in {@code versions.exempt.<reason>} (and, when the currency
     * model decided it, in {@code currency.exempt.<reason>}): a comparison, an exempt path, a record, a historical
     * section, a sentence the currency model reads as history, dated, a comparison, a lower bound or a plan (wrapped
     * lines joined), then the manifest's own cue words (exception words such as 最新特性 blanked out).
     */
    private String exempt(int line, int column, String sentence, boolean comparison, boolean row) {
      String by = null;
      Exemption model = null;
      if (comparison) {
        by = "comparison";
      } else if (row && status.saysUnsupported(currency.blankExceptions(sentence))) {
        by = "status"; // "| CentOS 7 | 不再支持 |", a "Deprecated" column: the row does not state a current version
      } else if (exemptFile) {
        by = "path";
      } else if ((model = current.record()) != null) {
        by = "record";
      } else if ((model = current.sectionAt(line)) != null || inHistoricalSection(line)) {
        by = "section";
      } else if ((model = sentenceExemption(line, column)) != null
          && !(isVersionList(model) && status.saysSupportedInText(sentence))) {
        // a list of versions side by side, unless its item says the version is supported ("- 1.30: 支持中")
        by = model.reason().key();
      } else if (manifest.context().cueIn(currency.blankExceptions(sentence)) != null) {
        by = "cue";
      }
      if (by == null) {
        return null;
      }
      count("versions.exempt." + by);
      if (model != null) {
        count(model.counter());
      }
      return by;
    }

    /**
     * A single version the text calls the latest, older than the newest line known: the manifest's newest current
     * line (the corpus's baseline decides, as for stale), for a product of the data alone its newest release cycle.
     * Compared at the precision written ("vSphere 8.0.2" is on the 8.0 line).
     */
    private void notLatest(Mention m, int line, int column) {
      Product p = m.product();
      if (!m.spec().isSingle()) {
        return;
      }
      Version newest = p.newestCurrent();
      boolean released = false;
      // "latest" is a claim about the world, not about the corpus's baseline: a release cycle the version data knows
      // counts too ("Docker 25.0.0：最新版本" when Docker 29 is out and the manifest's baseline is 27.0)
      for (Product.EolLine e : manifest.cyclesOf(p)) {
        if (e.cycleOnly() && e.line().compareTo(newest) > 0) {
          newest = e.line();
          released = true;
        }
      }
      if (m.spec().low().compareAtPrecision(newest) >= 0) {
        return;
      }
      String counter = "versions.not-latest";
      count(counter);
      Finding f = RULES.rule("versions/not-latest").at(doc.path(), line, column, "the text calls " + p.name() + " "
          + m.spec() + " the latest, but " + p.name() + " " + newest + " is newer (" + (p.eolOnly()
          ? "endoflife.date" : released ? "endoflife.date; the manifest's current line is " + p.currentText()
          : "the manifest's current line is " + p.currentText()) + "): update the version or "
          + "drop \"latest\"").withTarget(m.text()).withSuggestion(p.eolOnly() ? null : m.replacedWith(newest));
      findings.add(f);
      tallies.add(Tally.of(f, counter));
    }

    /**
     * "最新版本: v1.18 (2024年10月)": a sentence calling a version the latest as of a date more than
     * {@link #DATED_LATEST_MONTHS} months before the clock, in a living document ({@link DatedLatest}). As for
     * {@code versions/not-latest}, a section's heading does not take it back ("最新版本: v1.18 (2024年10月)" under
     * "技术栈对比" still says what is latest today). A sentence the currency model reads as narrated history, a plan, a
     * comparison or a lower bound is not a claim about the latest release; its date alone does not exempt it (the date
     * is what dates the claim). Not where the line already has a {@code versions/not-latest} finding (the data said
     * more).
     */
    private void datedLatest(int line, String text) {
      datedLatest(line, text, false);
    }

    /**
     * As {@link #datedLatest(int, String)}; {@code outline}: a line of an outline block ("项目信息:\n  - 最新版本: v1.18.0
     * (2024年10月)" in a yaml or untagged block), whose sentence the currency rules read from its own text.
     */
    private void datedLatest(int line, String text, boolean outline) {
      if (exemptFile || current.isRecord()) {
        return;
      }
      int from = 0;
      for (int end : Scripts.sentenceEnds(text)) {
        DatedLatest claim = DatedLatest.in(text.substring(from, end));
        if (claim != null) {
          int column = from + 1 + claim.start();
          reportDatedLatest(claim, line, column, outline ? currency.sentence(text) : sentenceExemption(line, column));
        }
        from = end;
      }
    }

    /**
     * A table row that calls a version the latest with its own date ("| v1.50 | 最新规范版本，… | 2025-10 |"): the
     * row's cells read as one sentence ({@code row}: the cells joined by " | "), the finding at the cell holding the
     * version.
     */
    private void datedLatestRow(int line, List<ProseLines.Cell> cells, String row) {
      if (exemptFile || current.isRecord()) {
        return;
      }
      DatedLatest claim = DatedLatest.in(row);
      if (claim == null) {
        return;
      }
      int at = 0;
      for (ProseLines.Cell c : cells) {
        if (claim.start() < at + c.text().length()) {
          int column = c.column() + claim.start() - at;
          reportDatedLatest(claim, line, column, sentenceExemption(line, column));
          return;
        }
        at += c.text().length() + 3;
      }
    }

    /** The claim when its date is too old, its sentence states it (or is only dated) and not-latest is silent. */
    private void reportDatedLatest(DatedLatest claim, int line, int column, Exemption sentence) {
      if (claim.monthsBefore(today) <= DATED_LATEST_MONTHS) {
        return;
      }
      if (sentence != null && sentence.reason() != Exemption.Reason.DATED && !isVersionList(sentence)) {
        count("versions.exempt.dated-latest." + sentence.reason().key());
        return;
      }
      if (findings.stream().anyMatch(f -> f.line() == line && f.rule().equals("versions/not-latest"))) {
        return;
      }
      String counter = "versions.dated-latest";
      count(counter);
      Finding f = RULES.rule("versions/dated-latest").at(doc.path(), line, column, "the text calls "
          + claim.version() + " the latest as of " + claim.date() + ", " + claim.monthsBefore(today)
          + " months ago: check for a newer release and update the version and its date, or drop \"latest\"")
          .withTarget(claim.version());
      findings.add(f);
      tallies.add(Tally.of(f, counter));
    }

    /** A list of one thing's versions side by side: a "latest" claim in it is still one about today. */
    private static boolean isVersionList(Exemption e) {
      return e != null && DocumentCurrency.VERSION_LIST.equals(e.detail());
    }

    private static boolean givesWayToLatest(Exemption e) {
      return e == null || isVersionList(e);
    }

    private Exemption sentenceExemption(int line, int column) {
      DocumentCurrency.Sentence s = current.sentenceAt(line, column);
      return s == null ? null : s.exemption();
    }

    /**
     * Whether a mention ends its clause: nothing but a sentence or clause mark after it ("which is based on Fedora
     * 35.", "runs Node.js 14)"); not a question ("Why Node.js v20?" asks about a requirement) nor a year. There a
     * bare major names the release (buildah's tutorial, round 27's versions probes); a number the sentence goes on
     * from is too often a count ("CentOS 7 台服务器") to read as one.
     */
    private static boolean closesClause(String sentence, String mention) {
      int at = sentence.indexOf(mention);
      if (at < 0) {
        return false;
      }
      if (YEAR_AT_END.matcher(mention).find()) {
        return false; // "Grafana 2025": a year, not a release
      }
      String after = sentence.substring(at + mention.length()).stripLeading();
      return after.isEmpty() || ".;:!)。；：！）".indexOf(after.charAt(0)) >= 0
          && (after.length() == 1 || !Character.isDigit(after.charAt(1)));
    }

    private static final Pattern YEAR_AT_END = Pattern.compile("(?<![\\d.])(?:19|20)\\d{2}$");

    /** A product of the version data alone: only an end-of-life cycle is reported, without a suggestion. */
    private void reportEolOnly(Verdict v, Product p, VersionSpec spec, int line, int column, String text) {
      if (v.kind() == Verdict.Kind.EOL) {
        String what = spec.orLater()
            ? " is end-of-life: every release cycle from " + spec.low() + " on has ended (the last "
                + v.eolLine().line() + " " + since(v.eolLine()) + ")"
            : " is end-of-life " + since(v.eolLine());
        add("versions/eol", line, column, p.name() + " " + spec + what
            + " (endoflife.date; the version manifest does not name " + p.name() + ")", text, null,
            "versions.eolOnly.checked");
      }
    }

    /**
     * An example's image of a product of the data alone ({@code image: postgres:13} in a compose sample), not a claim
     * about the product: reported as {@code versions/eol-example} when its release cycle has ended, with the newest
     * cycle that has not as the fix. Left out of {@code endOfLifeFree} and {@code versionAlignment}: advice, not a
     * judged statement of the text.
     */
    private void endOfLifeExample(CodeMentions.ImageTag t, int line) {
      Product p = t.product();
      Verdict v = VersionPolicy.judge(VersionSpec.of(t.version()), p, today);
      if (v.kind() != Verdict.Kind.EOL) {
        return;
      }
      Version newer = notEnded(p);
      if (newer == null) {
        // centos:7 when CentOS 8 has ended too: no tag of the image to suggest
        add("versions/eol-example", line, t.column(), "example pins " + t.text() + " (" + p.name() + " "
            + t.version() + "), end of life " + since(v.eolLine()) + ": readers copy examples; every " + p.name()
            + " line has ended: use a maintained image", t.text(), null, null);
        return;
      }
      // a tag more precise than the cycle (elasticsearch:7.15.0) names a release: a cycle's tag may not exist
      String image = t.text().substring(0, t.text().length() - t.tag().length() - 1);
      String use = !t.variant() && t.version().numbers().size() <= newer.numbers().size() ? t.retagged(newer) : null;
      add("versions/eol-example", line, t.column(), "example pins " + t.text() + " (" + p.name() + " "
          + t.version() + "), end of life " + since(v.eolLine()) + ": readers copy examples; use "
          + (use != null ? use : t.runtime() ? "a maintained runtime (" + p.name() + " " + newer + ")"
              : t.variant() ? "a variant built on " + p.name() + " " + newer
              : "a " + newer + " release of " + image), t.text(), use, null);
    }

    /**
     * The line a fix names: the manifest's newest current line, or, when that line has ended by today too (a manifest
     * written for an earlier day: Kubernetes 1.31 in a run of December 2026), the newest release cycle of the data
     * that has not; null when every known cycle has ended. A fix must not name a release that is itself end-of-life
     * (judged blind on the handbook, round 19: "the manifest's current line is 1.31/1.30, but 1.31 is itself EOL").
     */
    private Version fixLine(Product p) {
      Version current = p.newestCurrent();
      return VersionPolicy.endedCycle(current, manifest.cyclesOf(p), today) == null ? current : notEnded(p);
    }

    /** The fix {@code write} makes of {@link #fixLine}, or null when there is no line to name. */
    private String fix(Product p, java.util.function.Function<Version, String> write) {
      Version line = fixLine(p);
      return line == null ? null : write.apply(line);
    }

    /** ", which has ended too (the newest supported cycle is 1.36)" when the manifest's newest line has ended. */
    private String endedToo(Product p) {
      Version line = fixLine(p);
      if (line == p.newestCurrent()) {
        return "";
      }
      return ", which has ended too" + (line == null ? "" : " (the newest supported cycle is " + line + ")");
    }

    /** The newest release cycle of the data whose end of life has not come, or null when every cycle has ended. */
    private Version notEnded(Product p) {
      Version newest = null;
      for (Product.EolLine e : manifest.cyclesOf(p)) {
        if (e.cycleOnly() && e.date().isAfter(today) && (newest == null || e.line().compareTo(newest) > 0)) {
          newest = e.line();
        }
      }
      return newest;
    }

    /** A version stated in code: judged against the manifest, or for a product of the data alone, its end of life. */
    /**
     * Whether an image of {@code p} (a product the manifest does not name) at {@code line} is a claim: the document is
     * about the product there (its name, an alias or one of its image names stands in the title or a heading that
     * encloses the line; case-insensitive, as a word) or that title or heading is guidance (status.yaml
     * {@code guidance}: security, best practices). Elsewhere the image is an example's workload.
     */
    private boolean imageIsClaim(Product p, int line) {
      // a front matter without its extension parses as a setext heading ("description: …最佳实践" over "---")
      int frontMatter = doc.frontMatterEnd();
      List<Heading> headings = doc.headings().stream().filter(h -> h.position().line() > frontMatter).toList();
      List<Heading> enclosing = new ArrayList<>();
      for (Heading h : headings) {
        if (h.position().line() > line) {
          break;
        }
        while (!enclosing.isEmpty() && enclosing.get(enclosing.size() - 1).level() >= h.level()) {
          enclosing.remove(enclosing.size() - 1);
        }
        enclosing.add(h);
      }
      if (!headings.isEmpty() && headings.get(0).level() == 1 && headings.get(0).position().line() <= line
          && !enclosing.contains(headings.get(0))) {
        enclosing.add(headings.get(0)); // the title
      }
      List<String> texts = new ArrayList<>(enclosing.stream().map(Heading::text).toList());
      texts.addAll(frontMatterTitles());
      List<String> names = new ArrayList<>(p.aliases());
      names.add(p.name());
      names.addAll(p.images());
      for (String heading : texts) {
        if (status.saysGuidance(heading)) {
          return true;
        }
        String text = heading.toLowerCase(java.util.Locale.ROOT);
        for (String n : names) {
          if (!n.isBlank() && CueWords.containsWord(text, n.toLowerCase(java.util.Locale.ROOT))) {
            return true;
          }
        }
      }
      return false;
    }

    private void judgeInCode(Product p, VersionSpec spec, int line, int column, String text, String fix) {
      if (p.eolOnly()) {
        count("versions.eolOnly.checked");
        reportEolOnly(judged(VersionPolicy.judge(spec, p, today)), p, spec, line, column, text);
        return;
      }
      count("versions.checked");
      report(judged(VersionPolicy.judge(spec, p, today)), p, spec, line, column, text, fix);
    }

    /**
     * Counts a judged mention for {@code endOfLifeFree}: every judged mention, of the manifest's products or of the
     * data's, in prose or in code ({@code versions.judged}), and those not end-of-life. The metric is null when no
     * mention was judged (every one in records), so the noEndOfLifeVersions gate reads "not measured".
     */
    private Verdict judged(Verdict v) {
      count("versions.judged");
      if (v.kind() != Verdict.Kind.EOL) {
        count("versions.notEndOfLife");
      }
      return v;
    }

    private void report(Verdict v, Product p, VersionSpec spec, int line, int column, String text, String fix) {
      String stated = p.name() + " " + spec;
      String current = "the manifest's current line is " + p.currentText() + endedToo(p);
      switch (v.kind()) {
        case ALIGNED -> count("versions.aligned");
        case STALE -> add("versions/stale", line, column, stated + " is older than the minimum supported "
            + p.minimumSupported() + "; " + current, text, fix);
        case EOL -> add("versions/eol", line, column, stated + " is end-of-life (" + v.eolLine().line()
            + (v.eolLine().line().compareAtPrecision(spec.newest()) == 0 ? "" : " and older") + " "
            + since(v.eolLine()) + "); " + current, text, fix);
        case AHEAD -> add("versions/ahead", line, column, stated + " is newer than every line in the manifest ("
            + p.currentText() + "): the manifest or this text is wrong", text, fix);
      }
    }

    private void add(String ruleId, int line, int column, String message, String target, String suggestion) {
      // a stale, eol or ahead mention was checked and not aligned: suppressed, it leaves versionAlignment whole.
      // An inconsistent one stays checked and aligned (its line is supported); only its own count goes.
      add(ruleId, line, column, message, target, suggestion,
          ruleId.equals("versions/inconsistent") ? null : "versions.checked");
    }

    private void add(String ruleId, int line, int column, String message, String target, String suggestion,
        String checkedCounter) {
      String counter = "versions." + ruleId.substring(ruleId.indexOf('/') + 1);
      count(counter);
      Finding f = RULES.rule(ruleId).at(doc.path(), line, column, message).withTarget(target)
          .withSuggestion(suggestion);
      if (imageTag && ruleId.equals("versions/eol")) {
        // an end-of-life image tag in an example still pulls and runs: should be fixed (warning), nobody is misled
        // into installing an unsupported product by the text itself (blind review: error was too strong)
        f = new Finding(f.rule(), Severity.WARNING, f.path(), f.line(), f.column(), f.message(), f.target(),
            f.suggestion(), f.fingerprint());
      }
      findings.add(f);
      // the finding's mention leaves endOfLifeFree too when it is not shown
      tallies.add(checkedCounter == null ? Tally.of(f, counter)
          : ruleId.equals("versions/eol") ? Tally.of(f, counter, checkedCounter, "versions.judged")
          : Tally.of(f, counter, checkedCounter, "versions.judged", "versions.notEndOfLife"));
    }

    void code() {
      Product k8s = manifest.kubernetes();
      for (CodeBlock block : doc.codeBlocks()) {
        int firstLine = block.fenced() ? block.startLine() + 1 : block.startLine();
        String[] lines = block.body().split("\n", -1);
        // an unlabelled console session ("$ rclone version --check" over "latest: 1.42 (released 2018-06-16)") shows
        // what a program printed once, not an outline (rclone's generated command page, round 28: NOFIX twice)
        boolean outline = OUTLINE_LANGUAGES.contains(block.language())
            && !(block.language().isEmpty() && Sessions.looksLikeConsole(block.body()));
        for (int i = 0; i < lines.length; i++) {
          if (DatedLatest.mayClaim(lines[i])) {
            // an outline's lines are prose; in a program only a comment is ("# 设置版本 (2025年最新版本 v1.35.0)")
            String stripped = lines[i].stripLeading();
            if (outline || stripped.startsWith("#") || stripped.startsWith("//")) {
              datedLatest(firstLine + i, lines[i], true);
            }
          }
        }
        if (versionsInCodeExempt(block.startLine())) {
          if (outline && !supportLineExempt(block.startLine())) {
            outline(lines, firstLine, true, false); // only lines that say "支持中" themselves
          }
          continue;
        }
        String[] typed = (block.language().isEmpty() || Sessions.SHELL_FENCES.contains(block.language()))
            && Sessions.looksLikeConsole(block.body())
            ? Sessions.consoleCommands(block.body()).split("\n", -1) : null;
        if (manifest.checkImageTags()) {
          List<CodeMentions.ImageTag> tags = code.imageTags(block.body());
          for (CodeMentions.ImageTag t : tags) {
            if (notCurrentInCode(lines, t.lineIndex()) || comparedOnLine(tags, t)) {
              continue;
            }
            if (typed != null && typed[t.lineIndex()].isBlank()) {
              // "原镜像: nginx:1.20" printed by the "$ ./update-deployment -image nginx:1.21" above it: the command
              // is what a reader copies and changes, not its output (judged NOFIX and WRONG, handbook)
              count("versions.exempt.sessionOutput");
              continue;
            }
            count("versions.code.imageTags");
            Product p = t.product();
            if (p.eolOnly() && !imageIsClaim(p, firstLine + t.lineIndex())) {
              // nginx:1.20 in a Pod sample, mysql:8.0 in a Secret example: the example's workload, not a claim
              // about the product; traefik:v2.10 under "Traefik 安装" is one, and so is node:16-alpine under
              // "安全镜像构建" (guidance: what the reader is told to build on). Past its end of life it is still
              // worth saying (readers copy examples), as advice of its own rule
              count("versions.exempt.exampleImage");
              endOfLifeExample(t, firstLine + t.lineIndex());
              continue;
            }
            String tagPrefix = t.text().substring(0, t.text().length() - t.tag().length())
                + (t.tag().startsWith("v") ? "v" : "");
            String fix = t.variant() ? null : fix(p, cycle -> tagPrefix + cycle);
            imageTag = true;
            judgeInCode(p, VersionSpec.of(t.version()), firstLine + t.lineIndex(), t.column(), t.text(), fix);
            imageTag = false;
          }
        }
        if (manifest.checkVariables()) {
          List<CodeMentions.Assignment> assignments = new ArrayList<>(code.assignments(block.body()));
          assignments.addAll(CodeMentions.specVersions(block.body(), manifest.versionKinds()));
          for (CodeMentions.Assignment a : assignments) {
            if (notCurrentInCode(lines, a.lineIndex())) {
              continue;
            }
            count("versions.code.variables");
            judgeInCode(a.product(), VersionSpec.of(a.version()), firstLine + a.lineIndex(), a.column(), a.text(),
                null);
          }
          Set<String> pinnedLines = new HashSet<>();
          for (CodeMentions.Assignment a : code.pins(block.body())) {
            if (!pinnedLines.add(a.lineIndex() + " " + a.product().name() + " " + a.version())) {
              continue; // "kubelet=1.29.0-00 kubeadm=1.29.0-00 kubectl=1.29.0-00": one version to change, once
            }
            // a command's own words ("kubeadm upgrade apply", "apt-get update") are no cue that the line narrates
            // history: only its comment is read for cue words, the line and the comment above for unsupported ones
            String line = lines[a.lineIndex()];
            int hash = line.indexOf(" #", a.column() - 1 + a.text().length());
            boolean said = status.saysUnsupported(currency.blankExceptions(line))
                || hash >= 0 && manifest.context().cueIn(currency.blankExceptions(line.substring(hash))) != null
                || notCurrentInCode(lines, a.lineIndex(), "");
            if (said || typed != null && typed[a.lineIndex()].isBlank()) {
              continue; // a pin printed by a program ("kubeadm upgrade plan" suggests commands) is output
            }
            count("versions.code.pins");
            judgeInCode(a.product(), VersionSpec.of(a.version()), firstLine + a.lineIndex(), a.column(), a.text(),
                null);
          }
        }
        if (outline) {
          outline(lines, firstLine, false, inBaselineSection(block.startLine()));
        }
        if (codeExempt(block.startLine())) {
          continue; // removed apiVersions keep the manifest's heading cues whole
        }
        if (manifest.checkApiVersions() && k8s != null) {
          Version oldest = k8s.current().get(k8s.current().size() - 1);
          for (CodeMentions.ApiUse use : CodeMentions.apiVersions(block.body())) {
            count("versions.code.apiVersions");
            if (manifest.context().cueIn(lines[use.lineIndex()]) != null) {
              continue;
            }
            removedApis.lookup(use.apiVersion(), use.kind())
                .filter(r -> r.removedIn().compareTo(oldest) <= 0)
                .ifPresent(r -> {
                  count("versions.code.removedApis");
                  findings.add(RULES.rule("versions/removed-api").at(doc.path(),
                      firstLine + use.lineIndex(), use.column(),
                      "apiVersion " + use.apiVersion() + (use.kind() == null ? "" : " (" + use.kind() + ")")
                          + " was removed in Kubernetes " + r.removedIn() + "; the manifest's Kubernetes is "
                          + k8s.currentText() + ": use " + r.replacement())
                      .withTarget(use.apiVersion()).withSuggestion(r.replacement().contains(" ") ? null
                          : r.replacement()));
                  tallies.add(Tally.of(findings.get(findings.size() - 1), "versions.code.removedApis"));
                });
          }
        }
      }
    }

    /**
     * A code line that does not state a current version: a cue word ("升级"), or an unsupported or avoid word on it
     * or on the comment line right above it ("FROM ubuntu:20.04  # 不推荐", "# 而不是" over "FROM node:16").
     */
    private boolean notCurrentInCode(String[] lines, int i) {
      return notCurrentInCode(lines, i, lines[i]);
    }

    /** As {@link #notCurrentInCode(String[], int)}, with the line's text as given (a command's own words blanked). */
    private boolean notCurrentInCode(String[] lines, int i, String text) {
      String line = currency.blankExceptions(text);
      if (manifest.context().cueIn(line) != null || status.saysUnsupported(line)) {
        return true;
      }
      for (int j = i - 1; j >= 0 && j >= i - 1; j--) {
        String above = lines[j].strip();
        boolean comment = above.startsWith("#") || above.startsWith("//");
        if (comment && status.saysUnsupported(currency.blankExceptions(above))) {
          return true;
        }
      }
      return false;
    }

    /** "FROM alpine:3.19  →  FROM alpine:3.20": two tags of one product on one line compare, they state nothing. */
    private static boolean comparedOnLine(List<CodeMentions.ImageTag> tags, CodeMentions.ImageTag t) {
      return tags.stream().anyMatch(o -> o != t && o.lineIndex() == t.lineIndex() && o.product() == t.product()
          && o.version().compareTo(t.version()) != 0);
    }

    /**
     * An outline of versions in a yaml, text or untagged block, read where a line says the version is supported:
     * "├── vSphere 6.7 (支持中)", "推荐: 1.29 (LTS)" under "Kubernetes:", "✅ CentOS 7/8" under "支持:",
     * "Kubernetes: 1.28+ (推荐1.29/1.30)". A line with an unsupported word ("(EOL)", "不推荐") or a cue word is not.
     * Under a version heading ({@code baseline}: "技术栈", "版本与兼容"), a line that starts with a product mention
     * states it too: "Istio 1.21, Linkerd 2.14, Consul".
     */
    private void outline(String[] lines, int firstLine, boolean onlyInText, boolean baseline) {
      if (status.supported().isEmpty() && status.supportedInText().isEmpty()) {
        return;
      }
      for (int i = 0; i < lines.length; i++) {
        String raw = lines[i];
        if (raw.isBlank()) {
          continue;
        }
        int indent = indentOf(raw);
        String content = raw.substring(indent);
        Matcher kv = OUTLINE_KEY.matcher(content);
        // the key pattern needs a colon: most code lines have none, and its lazy key tried every length up to 40
        boolean keyed = (content.indexOf(':') >= 0 || content.indexOf('：') >= 0) && kv.matches();
        String key = keyed ? kv.group(1).strip() : null;
        int valueAt = keyed ? indent + kv.start(2) : -1;
        List<Mention> inLine = extractor.extract(content);
        if (inLine.isEmpty() && key == null) {
          continue; // nothing to judge on a line that names no version and is no key (most code lines)
        }
        String blanked = currency.blankExceptions(raw);
        if (status.saysUnsupported(blanked) || manifest.context().cueIn(blanked) != null) {
          continue;
        }
        String parent = parentKey(lines, i, indent);
        boolean parentSays = parent != null && status.saysSupported(parent);
        // "Kubernetes 1.31 (支持中)": held to the version data's end of life, whatever the baseline
        Claim claim = status.saysCurrentlySupported(blanked) ? new Claim("the line says so", raw, false, true) : null;
        if (onlyInText) {
          // under a heading cue ("版本升级路径"), only a line that says so itself: "vSphere 6.7 (支持中)"
          if (!inLine.isEmpty() && status.saysSupportedInText(blanked)) {
            judgeOutline(inLine, indent, firstLine + i, false, claim);
          }
          continue;
        }
        if (!inLine.isEmpty()) {
          // The listed thing is the product: the line or its value starts with it ("- 容器: Docker 24.0, ..."). Under
          // "内核要求:", "推荐版本: 6.1+ (Debian 12)" recommends a kernel; Debian 12 is only an example of one.
          if (inLine.get(0).start() != (key == null ? 0 : valueAt - indent)) {
            continue;
          }
          // the key is judged as a key: in "推荐版本: ..." the 推荐 is about the key's subject
          String said = key == null ? blanked : currency.blankExceptions(kv.group(2));
          boolean keySays = key != null && status.saysSupported(key);
          // under a version heading ("技术栈全景", "版本与兼容"), a line listing products states the baseline itself:
          // "L3_服务网格:\n  Istio 1.21, Linkerd 2.14, Consul"
          if (status.saysSupportedInText(said) || keySays || parentSays || baseline) {
            judgeOutline(inLine, indent, firstLine + i, false, claim);
          }
          continue;
        }
        if (key == null) {
          continue;
        }
        String value = kv.group(2);
        if (parentSays || status.saysSupported(key)) {
          // "Kubernetes: 1.30" under "推荐:"; "推荐: 1.29" under "Kubernetes:"
          String product = parentSays || parent == null ? key : parent;
          if (parent != null && named(product, value).isEmpty()) {
            // "VMware ESXi:" over "版本要求:" over "支持: 7.0 U3": a grouping key between the product and its versions
            String named = product;
            product = ancestorKeys(lines, i, indent).stream().skip(1).filter(k -> !named(k, value).isEmpty())
                .findFirst().orElse(named);
          }
          judgeOutline(named(product, value), valueAt - product.length() - 1, firstLine + i, true, claim);
          if (!parentSays && parent != null) {
            continue;
          }
        }
        // "Kubernetes: 1.28+ (推荐1.29/1.30)": the versions after an in-text status word
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        for (String w : status.supportedInText()) {
          int at = lower.indexOf(w);
          if (at < 0) {
            continue;
          }
          int from = at + w.length();
          while (from < value.length() && " :：\t".indexOf(value.charAt(from)) >= 0) {
            from++;
          }
          judgeOutline(named(key, value.substring(from)), valueAt + from - key.length() - 1, firstLine + i,
              true, claim);
        }
      }
    }

    /** The mentions of "{@code alias} {@code versions}" when {@code alias} is exactly a product's name or alias. */
    private List<Mention> named(String alias, String versions) {
      String joined = alias + " " + versions;
      List<Mention> found = extractor.extract(joined);
      if (found.isEmpty() || found.get(0).start() != 0 || !found.get(0).text().startsWith(alias + " ")) {
        return List.of();
      }
      List<Mention> out = new ArrayList<>();
      for (Mention m : found) {
        if (m.product() == found.get(0).product() && (m == found.get(0) || m.start() == m.versionStart())) {
          out.add(m); // the alias's own versions, not another product named later in the value
        }
      }
      return out;
    }

    /**
     * Judges outline mentions; {@code offset} is where their text starts in the line (0-based); {@code atVersion}:
     * the column is the version's (the name is elsewhere: a key above or before the colon).
     */
    private void judgeOutline(List<Mention> mentions, int offset, int line, boolean atVersion, Claim claim) {
      Set<Product> compared = comparedProducts(mentions);
      for (Mention m : mentions) {
        if (compared.contains(m.product()) || m.spec().high() != null && m.product().eolOnly()) {
          continue;
        }
        count("versions.mentions." + m.product().key() + "." + m.spec().key());
        count("versions.code.outlines");
        int column = offset + (atVersion ? m.versionStart() : m.start()) + 1;
        if (supportedButEnded(m, line, column, claim, false)) {
          continue;
        }
        judgeInCode(m.product(), m.spec(), line, column, m.text(), fix(m.product(), m::replacedWith));
      }
    }

    private static int indentOf(String line) {
      int i = 0;
      while (i < line.length() && OUTLINE_INDENT.indexOf(line.charAt(i)) >= 0) {
        i++;
      }
      return i;
    }

    /** The keys enclosing line {@code i}, nearest first, up to the first enclosing line that is no key. */
    private static List<String> ancestorKeys(String[] lines, int i, int indent) {
      List<String> keys = new ArrayList<>();
      for (int j = parentLine(lines, i, indent); j >= 0 && keyOf(lines[j]) != null;
          j = parentLine(lines, j, indentOf(lines[j]))) {
        keys.add(keyOf(lines[j]));
      }
      return keys;
    }

    /**
     * The key of the nearest line above with less indent, when that line is only a key ("支持:"), else null.
     * Blank and comment lines ({@code #}, {@code //}, {@code <!--}) are no part of the outline's structure.
     */
    private static String parentKey(String[] lines, int i, int indent) {
      int j = parentLine(lines, i, indent);
      return j < 0 ? null : keyOf(lines[j]);
    }

    /** The index of the line enclosing line {@code i} (the nearest one above that starts further left), or -1. */
    private static int parentLine(String[] lines, int i, int indent) {
      if (indent == 0) {
        return -1; // no line above has less (a top-level line of a long block read them all)
      }
      for (int j = i - 1; j >= 0; j--) {
        String t = lines[j].strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith("//") || t.startsWith("<!--")) {
          continue;
        }
        if (indentOf(lines[j]) < indent) {
          return j;
        }
      }
      return -1;
    }

    /** The key a line opens ("Kubernetes:", "版本要求："), or null when it is no bare key. */
    private static String keyOf(String line) {
      String content = line.strip();
      return content.endsWith(":") || content.endsWith("：")
          ? content.substring(0, content.length() - 1).strip() : null;
    }

    /**
     * Two different present-tense versions of one product in one document: reported at the first mention of each
     * less used line. A sentence naming both lines ("1.30/1.31", "1.30 和 1.31") shows the document means both on
     * purpose, so the product is skipped.
     */
    void inconsistencies() {
      Map<Product, Map<String, List<Judged>>> byLine = new LinkedHashMap<>();
      Map<Product, Map<String, Set<String>>> linesPerSentence = new LinkedHashMap<>();
      for (Judged j : presentTense) {
        String key = lineKey(j.mention());
        if (key == null) {
          continue;
        }
        byLine.computeIfAbsent(j.mention().product(), p -> new LinkedHashMap<>())
            .computeIfAbsent(key, k -> new ArrayList<>()).add(j);
        linesPerSentence.computeIfAbsent(j.mention().product(), p -> new LinkedHashMap<>())
            .computeIfAbsent(j.line() + ":" + j.sentence(), s -> new HashSet<>()).add(key);
      }
      byLine.forEach((product, lines) -> {
        if (lines.size() < 2 || linesPerSentence.get(product).values().stream().anyMatch(s -> s.size() > 1)) {
          return;
        }
        Set<String> currentLines = new HashSet<>();
        product.current().forEach(v -> currentLines.add(lineKey(product, v)));
        if (currentLines.containsAll(lines.keySet())) {
          return; // the manifest itself supports every line stated ("1.30" here, "1.31" there)
        }
        String majority = lines.entrySet().stream()
            .max(Map.Entry.comparingByValue(Comparator.comparingInt(List::size)))
            .orElseThrow().getKey();
        Judged main = lines.get(majority).get(0);
        lines.forEach((key, mentions) -> {
          if (key.equals(majority)) {
            return;
          }
          Judged first = mentions.get(0);
          add("versions/inconsistent", first.line(), first.column(),
              "this document states " + product.name() + " " + first.mention().spec() + " here"
                  + (mentions.size() > 1 ? " (" + mentions.size() + " mentions)" : "") + " but "
                  + product.name() + " " + main.mention().spec() + " elsewhere (" + lines.get(majority).size()
                  + " mentions, first on line " + main.line() + "); the manifest's current line is "
                  + product.currentText(),
              first.mention().text(), first.mention().replacedWith(main.mention().spec().low()));
        });
      });
    }

    /** The line a single version belongs to: major.minor, plus the update for vSphere-style versions. */
    static String lineKey(Mention m) {
      return lineKey(m.product(), m.spec().low());
    }

    private static String lineKey(Product product, Version v) {
      if (v.numbers().size() < 2) {
        return null;
      }
      if (product.scheme() == VersionScheme.VSPHERE) {
        return v.update() < 0 ? null : v.numbers().get(0) + "." + v.numbers().get(1) + " U" + v.update();
      }
      return v.numbers().get(0) + "." + v.numbers().get(1);
    }

    private void count(String key) {
      counters.merge(key, 1L, Long::sum);
    }
  }

  /** A range or list separator and another version, or "+" (or later), right after a mention. */
  private static final Pattern MORE_VERSIONS =
      Pattern.compile("^(?:\\+|\\s*(?:[-–~～/、,，]|and\\s|or\\s|和|或|至)\\s*[vV]?\\d)");

  /** Whether the mention goes on with more versions: the text names more than this one version. */
  static boolean continuesAsRangeOrList(String sentence, String mention) {
    int at = sentence.indexOf(mention);
    return at >= 0 && MORE_VERSIONS.matcher(sentence.substring(at + mention.length())).find();
  }

  /** {@code since 2025-02-28}, or for a cycle the data calls ended without a date, says that. */
  private static String since(Product.EolLine e) {
    return e.undated() ? "at a date endoflife.date does not give" : "since " + e.date();
  }
}
