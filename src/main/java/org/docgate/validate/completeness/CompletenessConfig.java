package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.docgate.config.YamlNodes;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.CurrencyRules;
import org.docgate.corpus.Glob;
import org.docgate.markdown.MarkdownDocument;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The data of {@code rules/completeness/config.yaml}, read strictly (unknown keys and bad values are errors with
 * their line). A user's copy may leave keys out: those keep the packaged values, as in {@code docgate.yaml}.
 */
public record CompletenessConfig(
    List<Glob> skip,
    List<String> markers,
    List<String> notMarkers,
    List<Pattern> tocHeadings,
    List<RequiredSection> requiredSections,
    boolean singleH1,
    List<Glob> entryPoints,
    List<String> roots,
    List<String> referenceExtensions,
    List<Pattern> templateNames,
    List<String> planWords,
    double tolerance,
    List<String> corpusNames,
    List<String> deltaWords,
    List<Glob> countExcludes,
    List<Glob> templates,
    List<String> statusWords,
    List<String> standaloneMarkers,
    List<String> partWords,
    List<String> totalWords,
    List<String> brokenWords,
    SectionDuties duties,
    List<Pattern> redirects,
    List<String> codeExtensions,
    List<String> carriedOut,
    List<Pattern> numberedNotTemplates,
    List<Pattern> textTasks,
    List<String> exampleColumns,
    List<String> exampleLanguages,
    List<Glob> untitled,
    List<Glob> navigation,
    List<String> wholeMarkers) {

  public static final String FILE = "completeness/config.yaml";

  /** Documents matching {@code path} must have a heading matching one of {@code anyOf}. */
  public record RequiredSection(Glob path, List<Pattern> anyOf) {
    public RequiredSection {
      anyOf = List.copyOf(anyOf);
    }
  }

  public CompletenessConfig {
    skip = List.copyOf(skip);
    markers = List.copyOf(markers);
    notMarkers = List.copyOf(notMarkers);
    tocHeadings = List.copyOf(tocHeadings);
    requiredSections = List.copyOf(requiredSections);
    entryPoints = List.copyOf(entryPoints);
    roots = List.copyOf(roots);
    referenceExtensions = List.copyOf(referenceExtensions);
    templateNames = List.copyOf(templateNames);
    planWords = List.copyOf(planWords);
    corpusNames = List.copyOf(corpusNames);
    deltaWords = List.copyOf(deltaWords);
    countExcludes = List.copyOf(countExcludes);
    templates = List.copyOf(templates);
    statusWords = List.copyOf(statusWords);
    standaloneMarkers = List.copyOf(standaloneMarkers);
    wholeMarkers = List.copyOf(wholeMarkers);
    partWords = List.copyOf(partWords);
    totalWords = List.copyOf(totalWords);
    brokenWords = List.copyOf(brokenWords);
    redirects = List.copyOf(redirects);
    codeExtensions = List.copyOf(codeExtensions);
    carriedOut = carriedOut.stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).toList();
    numberedNotTemplates = List.copyOf(numberedNotTemplates);
    textTasks = List.copyOf(textTasks);
    exampleColumns = exampleColumns.stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).toList();
    exampleLanguages = exampleLanguages.stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).toList();
    if (tolerance < 0 || tolerance >= 1) {
      throw new IllegalArgumentException("tolerance must be in [0, 1): " + tolerance);
    }
  }

  /** Whether a document is exempt from every rule but orphan (templates meant to be filled in). */
  public boolean skips(String path) {
    return skip.stream().anyMatch(g -> g.matches(path));
  }

  /** Whether a document is a template to copy (globs matched ignoring case): its layout is prescribed. */
  public boolean isTemplate(String path) {
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    return templates.stream().anyMatch(g -> g.matches(lower))
        && numberedNotTemplates.stream().noneMatch(p -> p.matcher(path).find());
  }

  /**
   * {@link #isTemplate(String)} of a document of {@code index}, once per document and config (it reads the path alone),
   * so the template layout and guidance derived on every index of the service match the edited document's path only.
   */
  public boolean isTemplate(CorpusIndex index, MarkdownDocument doc) {
    return index.ofDocument(new ConfigKey("template", this), doc, d -> isTemplate(d.path()));
  }

  /** Nothing configured: no markers, no entry points, no roots (what a key left out of the packaged file means). */
  static final CompletenessConfig NONE = new CompletenessConfig(List.of(), List.of(), List.of(), List.of(), List.of(),
      false, List.of(), List.of(), List.of(), List.of(), List.of(), 0.10, List.of(), List.of(), List.of(), List.of(),
      List.of(), List.of(), List.of(), List.of(), List.of(), SectionDuties.NONE, List.of(), List.of(), List.of(),
      List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  /** The user's copy when the rules folder has one (keys it leaves out keep the packaged values), else the packaged. */
  public static CompletenessConfig load(RuleFiles rules) {
    RuleFiles.RuleFile packaged = RuleFiles.packaged().require(FILE);
    CompletenessConfig defaults = parse(packaged.source(), packaged.text(), NONE);
    RuleFiles.RuleFile file = rules.read(FILE).orElse(packaged);
    return file.source().equals(packaged.source()) ? defaults : parse(file.source(), file.text(), defaults);
  }

  /** Reads a config text strictly; keys it leaves out keep the packaged values. */
  public static CompletenessConfig parse(String source, String yaml) {
    return parse(source, yaml, load(RuleFiles.packaged()));
  }

  static CompletenessConfig parse(String source, String yaml, CompletenessConfig d) {
    YamlNodes y = YamlNodes.in(source);
    Map<String, Node> top = y.mapping(YamlNodes.parse(source, yaml), "the completeness config",
        keys("skip", "templates", "notTemplates", "placeholders", "sections", "titles", "orphans", "references", "counts"));
    Map<String, Node> placeholders = y.mapping(top.get("placeholders"), "placeholders", keys("markers", "notMarkers", "statusWords", "standalone", "whole", "carriedOut", "textTasks"));
    Map<String, Node> sections = y.mapping(top.get("sections"), "sections", keys("toc", "required", "optional", "optionalGuidance", "stages", "drafts"));
    Map<String, Node> titles = y.mapping(top.get("titles"), "titles", keys("singleH1", "notNeeded"));
    Map<String, Node> orphans = y.mapping(top.get("orphans"), "orphans", keys("entryPoints", "roots", "redirects", "navigation"));
    Map<String, Node> references =
        y.mapping(top.get("references"), "references", keys("extensions", "templates", "planWords", "brokenWords",
            "codeExtensions", "exampleColumns", "exampleLanguages"));
    Map<String, Node> counts =
        y.mapping(top.get("counts"), "counts", keys("tolerance", "corpusNames", "deltaWords", "exclude", "partWords", "totalWords"));

    CompletenessConfig c = new CompletenessConfig(
        or(top, "skip", d.skip(), (n, w) -> globs(y, n, w)),
        or(placeholders, "placeholders.markers", d.markers(), (n, w) -> nonBlank(y, n, w)),
        or(placeholders, "placeholders.notMarkers", d.notMarkers(), (n, w) -> nonBlank(y, n, w)),
        or(sections, "sections.toc", d.tocHeadings(), (n, w) -> regexes(y, n, w)),
        sections.containsKey("required") ? required(y, sections.get("required")) : d.requiredSections(),
        y.bool(titles.get("singleH1"), "titles.singleH1", d.singleH1()),
        or(orphans, "orphans.entryPoints", d.entryPoints(), (n, w) -> globs(y, n, w)),
        or(orphans, "orphans.roots", d.roots(), (n, w) -> nonBlank(y, n, w)),
        references.containsKey("extensions")
            ? nonBlank(y, references.get("extensions"), "references.extensions").stream()
                .map(e -> e.startsWith(".") ? e.substring(1) : e).toList()
            : d.referenceExtensions(),
        or(references, "references.templates", d.templateNames(), (n, w) -> regexes(y, n, w)),
        or(references, "references.planWords", d.planWords(), (n, w) -> nonBlank(y, n, w)),
        counts.containsKey("tolerance") ? tolerance(y, counts.get("tolerance")) : d.tolerance(),
        or(counts, "counts.corpusNames", d.corpusNames(), (n, w) -> nonBlank(y, n, w)),
        or(counts, "counts.deltaWords", d.deltaWords(), (n, w) -> nonBlank(y, n, w)),
        or(counts, "counts.exclude", d.countExcludes(), (n, w) -> globs(y, n, w)),
        top.containsKey("templates") ? nonBlank(y, top.get("templates"), "templates").stream()
            .map(t -> Glob.of(t.toLowerCase(java.util.Locale.ROOT))).toList() : d.templates(),
        or(placeholders, "placeholders.statusWords", d.statusWords(), (n, w) -> nonBlank(y, n, w)),
        or(placeholders, "placeholders.standalone", d.standaloneMarkers(), (n, w) -> nonBlank(y, n, w)),
        or(counts, "counts.partWords", d.partWords(), (n, w) -> nonBlank(y, n, w)),
        or(counts, "counts.totalWords", d.totalWords(), (n, w) -> nonBlank(y, n, w)),
        references.containsKey("brokenWords")
            ? nonBlank(y, references.get("brokenWords"), "references.brokenWords").stream()
                .map(w -> w.toLowerCase(java.util.Locale.ROOT)).toList()
            : d.brokenWords(),
        duties(y, sections, d.duties()),
        or(orphans, "orphans.redirects", d.redirects(), (n, w) -> regexes(y, n, w)),
        references.containsKey("codeExtensions")
            ? nonBlank(y, references.get("codeExtensions"), "references.codeExtensions").stream()
                .map(e -> e.startsWith(".") ? e.substring(1) : e).map(e -> e.toLowerCase(java.util.Locale.ROOT))
                .toList()
            : d.codeExtensions(),
        or(placeholders, "placeholders.carriedOut", d.carriedOut(), (n, w) -> nonBlank(y, n, w)),
        or(top, "notTemplates", d.numberedNotTemplates(), (n, w) -> regexes(y, n, w)),
        or(placeholders, "placeholders.textTasks", d.textTasks(), (n, w) -> regexes(y, n, w)),
        or(references, "references.exampleColumns", d.exampleColumns(), (n, w) -> nonBlank(y, n, w)),
        or(references, "references.exampleLanguages", d.exampleLanguages(), (n, w) -> nonBlank(y, n, w)),
        or(titles, "titles.notNeeded", d.untitled(), (n, w) -> globs(y, n, w)),
        or(orphans, "orphans.navigation", d.navigation(), (n, w) -> globs(y, n, w)),
        or(placeholders, "placeholders.whole", d.wholeMarkers(), (n, w) -> nonBlank(y, n, w)));
    // a word this file lists in whole or standalone that is no marker would say nothing, silently: a typo
    for (String key : List.of("whole", "standalone")) {
      if (!placeholders.containsKey(key)) {
        continue; // the packaged words: a marker this file leaves out makes its entry inert
      }
      for (String w : key.equals("whole") ? c.wholeMarkers() : c.standaloneMarkers()) {
        if (c.markers().stream().noneMatch(w::equalsIgnoreCase)) {
          throw y.error(placeholders.get(key), "placeholders." + key + ": '" + w + "' is not one of placeholders.markers");
        }
      }
    }
    return c;
  }

  /** Whether a document needs no title ({@code titles.notNeeded}: licence texts), its name matched in any case. */
  boolean needsNoTitle(String path) {
    String name = org.docgate.corpus.CorpusIndex.baseName(path);
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return untitled.stream().anyMatch(g -> g.matches(name) || g.matches(lower));
  }

  /**
   * Whether a stated status (a KEP's {@code status: implemented}) says the work was carried out: listed in
   * {@code placeholders.carriedOut}, whole or followed by a space or bracket ("implemented (alpha)"), ignoring case.
   */
  boolean isCarriedOut(String stated) {
    return CurrencyRules.statusIn(carriedOut, stated) != null;
  }

  /** {@code sections.optional}, {@code sections.optionalGuidance}, {@code sections.stages}; absent keys keep {@code d}'s. */
  private static SectionDuties duties(YamlNodes y, Map<String, Node> sections, SectionDuties d) {
    List<Pattern> optional = or(sections, "sections.optional", d.optionalHeadings(), (n, w) -> regexes(y, n, w));
    List<Pattern> guidance = or(sections, "sections.optionalGuidance", d.optionalGuidance(), (n, w) -> regexes(y, n, w));
    List<String> drafts = or(sections, "sections.drafts", d.drafts(), (n, w) -> nonBlank(y, n, w));
    if (!sections.containsKey("stages")) {
      return new SectionDuties(optional, guidance, d.stageKeys(), d.stageOrder(), d.requiredFrom(), d.deferredTo(),
          drafts);
    }
    Node node = sections.get("stages");
    Map<String, Node> stages = y.mapping(node, "sections.stages",
        keys("keys", "order", "requiredFrom", "deferredTo"));
    List<Pattern> deferredTo = stages.containsKey("deferredTo")
        ? regexes(y, stages.get("deferredTo"), "sections.stages.deferredTo") : d.deferredTo();
    for (Pattern p : deferredTo) {
      if (!p.pattern().contains("(?<stage>") && !p.pattern().contains("(?<after>")) {
        throw y.error(stages.get("deferredTo"), "sections.stages.deferredTo: '" + p.pattern()
            + "' has no group (?<stage>...) or (?<after>...) naming the stage");
      }
    }
    List<Pattern> requiredFrom = stages.containsKey("requiredFrom")
        ? regexes(y, stages.get("requiredFrom"), "sections.stages.requiredFrom") : d.requiredFrom();
    for (Pattern p : requiredFrom) {
      if (!p.pattern().contains("(?<stage>")) {
        throw y.error(stages.get("requiredFrom"), "sections.stages.requiredFrom: '" + p.pattern()
            + "' has no group (?<stage>...) naming the stage");
      }
    }
    return new SectionDuties(optional, guidance,
        stages.containsKey("keys") ? nonBlank(y, stages.get("keys"), "sections.stages.keys") : d.stageKeys(),
        stages.containsKey("order") ? nonBlank(y, stages.get("order"), "sections.stages.order") : d.stageOrder(),
        requiredFrom, deferredTo, drafts);
  }

  /**
   * The value of the key {@code what} names (its last part) in {@code m}, read by {@code read} (which gets the node and
   * {@code what} for its errors), or {@code absent} when the key is left out.
   */
  private static <T> T or(Map<String, Node> m, String what, T absent, java.util.function.BiFunction<Node, String, T> read) {
    String key = what.substring(what.lastIndexOf('.') + 1);
    return m.containsKey(key) ? read.apply(m.get(key), what) : absent;
  }

  private static List<Glob> globs(YamlNodes y, Node node, String what) {
    return nonBlank(y, node, what).stream().map(Glob::of).toList();
  }

  private static LinkedHashSet<String> keys(String... keys) {
    return new LinkedHashSet<>(List.of(keys));
  }

  private static List<String> nonBlank(YamlNodes y, Node node, String what) {
    List<String> values = y.strings(node, what);
    for (String v : values) {
      if (v.isBlank()) {
        throw y.error(node, what + ": empty entries are not allowed");
      }
    }
    return values;
  }

  private static List<Pattern> regexes(YamlNodes y, Node node, String what) {
    List<Pattern> out = new ArrayList<>();
    for (String regex : nonBlank(y, node, what)) {
      try {
        out.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
      } catch (PatternSyntaxException e) {
        throw y.error(node, what + ": bad regular expression '" + regex + "': " + e.getDescription());
      }
    }
    return out;
  }

  private static double tolerance(YamlNodes y, Node node) {
    if (node == null) {
      return 0.10;
    }
    String v = y.scalar(node, "counts.tolerance").strip();
    try {
      double t = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1).strip()) / 100
          : Double.parseDouble(v);
      if (t < 0 || t >= 1) {
        throw y.error(node, "counts.tolerance: '" + v + "' must be at least 0% and below 100%");
      }
      return t;
    } catch (NumberFormatException e) {
      throw y.error(node, "counts.tolerance: '" + v + "' is not a share such as 10% or 0.1");
    }
  }

  private static List<RequiredSection> required(YamlNodes y, Node node) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      throw y.error(node, "sections.required must be a list of {path, anyOf}");
    }
    List<RequiredSection> out = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      Map<String, Node> entry = y.mapping(item, "an entry of sections.required", keys("path", "anyOf"));
      if (!entry.containsKey("path") || !entry.containsKey("anyOf")) {
        throw y.error(item, "an entry of sections.required needs both 'path' and 'anyOf'");
      }
      List<Pattern> anyOf = regexes(y, entry.get("anyOf"), "sections.required.anyOf");
      if (anyOf.isEmpty()) {
        throw y.error(item, "sections.required.anyOf must name at least one heading pattern");
      }
      out.add(new RequiredSection(Glob.of(y.scalar(entry.get("path"), "sections.required.path")), anyOf));
    }
    return out;
  }
}
