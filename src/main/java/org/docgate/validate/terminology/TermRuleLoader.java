package org.docgate.validate.terminology;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.docgate.config.YamlNodes;
import org.docgate.finding.Severity;
import org.docgate.markdown.ProseRun.Scope;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads {@code rules/terminology/<Style>/<Rule>.yml} (one rule per file, Vale's shape) and the plain-text vocabularies
 * {@code rules/terminology/vocab/<Name>/accept.txt|reject.txt}. Strict: an unknown {@code extends} or key, a missing
 * message, an empty list or map, or an invalid pattern fails with {@code file:line}.
 *
 * <p>Patterns are Vale-compatible regex syntax restricted to literal alternatives ({@code K8S|k8s}, {@code Node\.js}):
 * that is what lets every term of every rule match in one pass over a document. Term boundaries are not written
 * ({@code \b} is refused): they are script-aware and automatic.
 */
public final class TermRuleLoader {
  static final String ROOT = "terminology";
  static final String VOCAB = "vocab";
  /** Word lists a near-miss rule names ({@code dictionary: words/en.txt}): data, not a style. */
  static final String WORDS = "words";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");
  private static final Set<String> HEADER = Set.of("extends", "message", "level", "scope", "link", "house", "inferAt");

  private TermRuleLoader() {}

  /** Every style folder and vocabulary of a rules folder; none at all is an empty list. */
  public static List<TermRule> load(RuleFiles rules) {
    List<TermRule> out = new ArrayList<>();
    for (String style : rules.list(ROOT, "")) {
      String name = stripSlash(style);
      if (name.equals(VOCAB) || name.equals(WORDS) || name.contains(".")) {
        continue;
      }
      if (!NAME.matcher(name).matches()) {
        throw new ConfigException("rules/" + ROOT + "/" + name + ": a style name is letters, digits and '-'");
      }
      for (String file : rules.list(ROOT + "/" + name, ".yml")) {
        RuleFiles.RuleFile rf = rules.read(ROOT + "/" + name + "/" + file).orElseThrow();
        TermRule rule = parse(rf.source(), name + "." + file.substring(0, file.length() - ".yml".length()), rf.text());
        String dictionary = rule.options().dictionary();
        if (!dictionary.isEmpty()) {
          RuleFiles.RuleFile words = rules.read(ROOT + "/" + dictionary).orElseThrow(() -> new ConfigException(
              rf.source() + ": dictionary '" + dictionary + "' not found under rules/" + ROOT + "/"));
          rule = rule.withOptions(rule.options().withWords(Set.copyOf(lines(words).stream()
              .map(w -> w.toLowerCase(Locale.ROOT)).toList())));
        }
        String vocabulary = rule.options().vocabulary();
        if (!vocabulary.isEmpty()) {
          RuleFiles.RuleFile names = rules.read(ROOT + "/" + vocabulary).orElseThrow(() -> new ConfigException(
              rf.source() + ": vocabulary '" + vocabulary + "' not found under rules/" + ROOT + "/"));
          rule = rule.withTerms(namesOf(names, rule));
        }
        out.add(rule);
      }
    }
    out.addAll(vocabularies(rules));
    Set<String> ids = new HashSet<>();
    for (TermRule r : out) {
      if (!ids.add(r.id())) {
        throw new ConfigException("rules/" + ROOT + ": two rules named " + r.id());
      }
    }
    return List.copyOf(out);
  }

  /** One rule file. {@code name} is {@code Style.File}. */
  static TermRule parse(String source, String name, String yaml) {
    YamlNodes y = YamlNodes.in(source);
    if (!NAME.matcher(name.substring(name.indexOf('.') + 1)).matches()) {
      throw new ConfigException(source + ": a rule file name is letters, digits and '-' (" + name + ")");
    }
    Node root = YamlNodes.parse(source, yaml);
    if (!(root instanceof MappingNode)) {
      throw new ConfigException(source + ":1: a rule file is a mapping with 'extends' and 'message'");
    }
    Map<String, Node> top = y.mapping(root, "the rule", null);
    Node ext = top.get("extends");
    if (ext == null) {
      throw y.error(root, "missing 'extends' (one of " + RuleKind.names() + ")");
    }
    String extName = y.scalar(ext, "extends").strip();
    RuleKind kind = RuleKind.of(extName).orElseThrow(() -> y.error(ext,
        "unknown extends '" + extName + "' (valid types: " + RuleKind.names() + ")"));
    Set<String> allowed = new LinkedHashSet<>(HEADER);
    allowed.addAll(switch (kind) {
      case SUBSTITUTION -> List.of("swap", "ignorecase", "commands");
      case EXISTENCE -> List.of("tokens", "ignorecase", "exceptAfter", "currentOnly");
      case CONSISTENCY -> List.of("either", "ignorecase", "prefer", "glossaries");
      case CAPITALIZATION -> List.of("terms");
      case BILINGUAL_FIRST_USE -> List.of("pairs", "compounds", "skipHeadings", "skipLabels", "englishWithin");
      case NEAR_MISS -> List.of("names", "minLength", "dictionary");
      case NAMES -> List.of("names", "vocabulary", "learn", "minUses", "share", "minLength", "dictionary");
    });
    top = y.mapping(root, "a " + kind.extendsName + " rule", allowed);
    Node msgNode = top.get("message");
    if (msgNode == null) {
      throw y.error(root, "missing 'message' (Vale's message with %s slots)");
    }
    String message = y.scalar(msgNode, "message").strip();
    if (message.isEmpty()) {
      throw y.error(msgNode, "empty 'message'");
    }
    int slots = message.split("%s", -1).length - 1;
    if (slots > kind.slots) {
      throw y.error(msgNode, "the message has " + slots + " %s slots; a " + kind.extendsName + " rule fills "
          + kind.slots);
    }
    Severity severity = level(y, top.get("level"));
    Set<Scope> scopes = scopes(y, top.get("scope"), kind);
    String link = top.get("link") == null ? null : y.scalar(top.get("link"), "link").strip();
    boolean ignoreCase = top.get("ignorecase") != null && bool(y, top.get("ignorecase"), "ignorecase");
    boolean house = top.get("house") != null && bool(y, top.get("house"), "house");
    double inferAt = top.get("inferAt") == null ? 0.5 : fraction(y, top.get("inferAt"), "inferAt");
    Set<String> prefer = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    int minLength = top.get("minLength") == null ? 6 : count(y, top.get("minLength"), "minLength");
    List<String> skipHeadings = top.get("skipHeadings") == null ? List.of()
        : y.strings(top.get("skipHeadings"), "skipHeadings").stream().map(String::strip).toList();
    List<String> skipLabels = top.get("skipLabels") == null ? List.of()
        : y.strings(top.get("skipLabels"), "skipLabels").stream().map(String::strip).toList();
    int englishWithin = top.get("englishWithin") == null ? 0 : count(y, top.get("englishWithin"), "englishWithin");

    List<Term> terms = new ArrayList<>();
    List<Gloss> glosses = new ArrayList<>();
    switch (kind) {
      case SUBSTITUTION -> {
        Map<String, Node> swap = nonEmptyMap(y, top, root, "swap");
        Set<String> preferred = new LinkedHashSet<>();
        for (Map.Entry<String, Node> e : swap.entrySet()) {
          String to = y.scalar(e.getValue(), "swap." + e.getKey()).strip();
          if (to.isEmpty()) {
            throw y.error(e.getValue(), "swap." + e.getKey() + ": empty replacement");
          }
          for (String alt : literals(y, e.getValue(), e.getKey())) {
            terms.add(new Term(alt, ignoreCase, Term.Role.VARIANT, to, 0));
          }
          preferred.add(to);
        }
        preferred.forEach(p -> terms.add(new Term(p, false, Term.Role.PREFERRED, null, 0)));
      }
      case EXISTENCE -> {
        for (Node item : nonEmptyList(y, top, root, "tokens")) {
          for (String alt : literals(y, item, y.scalar(item, "an item of tokens"))) {
            terms.add(new Term(alt, ignoreCase, Term.Role.FORBIDDEN, null, 0));
          }
        }
      }
      case CONSISTENCY -> {
        int group = 0;
        for (Map.Entry<String, Node> e : nonEmptyMap(y, top, root, "either").entrySet()) {
          String a = literal(y, e.getValue(), e.getKey());
          String b = literal(y, e.getValue(), y.scalar(e.getValue(), "either." + e.getKey()));
          if (a.equals(b)) {
            throw y.error(e.getValue(), "either." + e.getKey() + ": both sides are the same");
          }
          terms.add(new Term(a, ignoreCase, Term.Role.FORM, b, group));
          terms.add(new Term(b, ignoreCase, Term.Role.FORM, a, group));
          group++;
        }
        if (top.get("prefer") != null) {
          for (String p : y.strings(top.get("prefer"), "prefer")) {
            String form = p.strip();
            if (terms.stream().noneMatch(t -> t.text().equals(form))) {
              throw y.error(top.get("prefer"), "prefer: '" + form + "' is not a form of 'either'");
            }
            prefer.add(form);
          }
        }
      }
      case CAPITALIZATION -> {
        for (Node item : nonEmptyList(y, top, root, "terms")) {
          String t = literal(y, item, y.scalar(item, "an item of terms"));
          terms.add(new Term(t, true, Term.Role.CASED, t, 0));
        }
      }
      case BILINGUAL_FIRST_USE -> {
        for (Map.Entry<String, Node> e : nonEmptyMap(y, top, root, "pairs").entrySet()) {
          String zh = e.getKey().strip();
          List<String> en = y.strings(e.getValue(), "pairs." + zh).stream().map(String::strip).toList();
          if (zh.isEmpty() || en.isEmpty() || en.stream().anyMatch(String::isEmpty)) {
            throw y.error(e.getValue(), "pairs." + zh + ": a Chinese term and its English term(s) are required");
          }
          if (zh.chars().noneMatch(c -> TextForms.isHan((char) c))) {
            throw y.error(e.getValue(), "pairs." + zh + ": the key must be the Chinese term");
          }
          terms.add(new Term(zh, false, Term.Role.CHINESE, null, glosses.size()));
          glosses.add(new Gloss(zh, en.get(0), en.subList(1, en.size())));
        }
        if (top.get("compounds") != null) {
          for (String c : y.strings(top.get("compounds"), "compounds")) {
            terms.add(new Term(c.strip(), false, Term.Role.COMPOUND, null, -1));
          }
        }
      }
      case NEAR_MISS -> {
        if (top.get("names") != null) {
          for (String n : y.strings(top.get("names"), "names")) {
            names.add(literal(y, top.get("names"), n));
          }
        }
      }
      case NAMES -> {
        if (top.get("names") != null) {
          for (String n : y.strings(top.get("names"), "names")) {
            terms.addAll(NameForms.terms(literal(y, top.get("names"), n)));
          }
        }
        if (top.get("names") == null && top.get("vocabulary") == null && top.get("learn") == null) {
          throw y.error(root, "a names rule needs 'names', 'vocabulary' or 'learn'");
        }
      }
      default -> throw new IllegalStateException(kind.toString());
    }
    checkDuplicates(y, root, terms);
    String dictionary = top.get("dictionary") == null ? "" : y.scalar(top.get("dictionary"), "dictionary").strip();
    List<String> exceptAfter = top.get("exceptAfter") == null ? List.of()
        : y.strings(top.get("exceptAfter"), "exceptAfter").stream().map(String::strip).toList();
    TermRule.Learning learning = null;
    if (top.get("learn") != null && bool(y, top.get("learn"), "learn")) {
      learning = new TermRule.Learning(top.get("minUses") == null ? 5 : count(y, top.get("minUses"), "minUses"),
          top.get("share") == null ? 0.8 : fraction(y, top.get("share"), "share"));
    }
    if (kind == RuleKind.NAMES && top.get("minLength") == null) {
      minLength = 4;
    }
    String vocabulary = top.get("vocabulary") == null ? "" : y.scalar(top.get("vocabulary"), "vocabulary").strip();
    List<String> glossaries = new ArrayList<>();
    if (top.get("glossaries") != null) {
      for (String g : y.strings(top.get("glossaries"), "glossaries")) {
        String glob = g.strip();
        if (glob.isEmpty() || glob.indexOf('/') >= 0) {
          throw y.error(top.get("glossaries"), "glossaries: '" + glob + "' is not a file-name glob");
        }
        glossaries.add(glob);
      }
    }
    return new TermRule(name, kind, message, severity, scopes, link, terms, glosses, new TermRule.Options(house,
        inferAt, prefer, names, minLength, skipHeadings, skipLabels, englishWithin, dictionary, Set.of(),
        exceptAfter, learning, vocabulary, glossaries,
        top.get("currentOnly") != null && bool(y, top.get("currentOnly"), "currentOnly"),
        top.get("commands") == null ? List.of()
            : y.strings(top.get("commands"), "commands").stream().map(String::strip).toList()));
  }

  private static final TermRule.Options HOUSE = new TermRule.Options(true, 0.5, Set.of(), List.of(), 6, List.of(),
      List.of(), 0, "", Set.of(), List.of(), null, "", List.of(), false, List.of());

  /** {@code vocab/<Name>/accept.txt} (case enforced) and {@code reject.txt} (forbidden), merged over all names. */
  static List<TermRule> vocabularies(RuleFiles rules) {
    List<Term> accept = new ArrayList<>();
    List<Term> reject = new ArrayList<>();
    for (String entry : rules.list(ROOT + "/" + VOCAB, "")) {
      String vocab = stripSlash(entry);
      rules.read(ROOT + "/" + VOCAB + "/" + vocab + "/accept.txt").ifPresent(f ->
          lines(f).forEach(t -> accept.add(new Term(t, true, Term.Role.CASED, t, 0))));
      rules.read(ROOT + "/" + VOCAB + "/" + vocab + "/reject.txt").ifPresent(f ->
          lines(f).forEach(t -> reject.add(new Term(t, false, Term.Role.FORBIDDEN, null, 0))));
    }
    Set<Scope> all = EnumSet.allOf(Scope.class);
    List<TermRule> out = new ArrayList<>();
    if (!accept.isEmpty()) {
      // The starter vocabulary is house style: it applies where the corpus already writes these names this way.
      out.add(new TermRule("Vocab.Terms", RuleKind.CAPITALIZATION, "Use '%s' instead of '%s'.", Severity.WARNING,
          all, null, dedupe(accept), List.of(), HOUSE));
    }
    if (!reject.isEmpty()) {
      out.add(new TermRule("Vocab.Avoid", RuleKind.EXISTENCE, "Avoid '%s' (rejected vocabulary).",
          Severity.WARNING, all, null, dedupe(reject), List.of()));
    }
    return out;
  }

  private static List<Term> dedupe(List<Term> terms) {
    Set<String> seen = new HashSet<>();
    return terms.stream().filter(t -> seen.add(t.text())).toList();
  }

  /** A names vocabulary: each name with its separator variants; a name listed twice fails with its file:line. */
  private static List<Term> namesOf(RuleFiles.RuleFile f, TermRule rule) {
    Set<String> seen = new HashSet<>();
    rule.terms().forEach(t -> seen.add(TextForms.foldLower(t.text())));
    List<Term> out = new ArrayList<>();
    String[] lines = f.text().split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int hash = lines[i].indexOf(" #");
      String t = (lines[i].strip().startsWith("#") ? "" : hash >= 0 ? lines[i].substring(0, hash) : lines[i]).strip();
      if (t.isEmpty()) {
        continue;
      }
      String problem = literalProblem(t);
      if (problem != null) {
        throw new ConfigException(f.source() + ":" + (i + 1) + ": " + problem);
      }
      for (Term form : NameForms.terms(unescape(t))) {
        if (!seen.add(TextForms.foldLower(form.text()))) {
          throw new ConfigException(f.source() + ":" + (i + 1) + ": '" + form.text() + "' is listed twice");
        }
        out.add(form);
      }
    }
    return out;
  }

  /** The non-blank, non-comment lines of a vocabulary file, each a literal term. */
  private static List<String> lines(RuleFiles.RuleFile f) {
    List<String> out = new ArrayList<>();
    String[] lines = f.text().split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String problem = literalProblem(t);
      if (problem != null) {
        throw new ConfigException(f.source() + ":" + (i + 1) + ": " + problem);
      }
      out.add(unescape(t));
    }
    return out;
  }

  private static Severity level(YamlNodes y, Node node) {
    if (node == null) {
      return Severity.INFO;
    }
    return switch (y.scalar(node, "level").strip()) {
      case "suggestion" -> Severity.INFO;
      case "warning" -> Severity.WARNING;
      case "error" -> Severity.ERROR;
      default -> throw y.error(node, "level must be suggestion, warning or error");
    };
  }

  private static Set<Scope> scopes(YamlNodes y, Node node, RuleKind kind) {
    if (node == null) {
      return kind == RuleKind.BILINGUAL_FIRST_USE ? EnumSet.of(Scope.PARAGRAPH) : EnumSet.allOf(Scope.class);
    }
    Set<Scope> out = EnumSet.noneOf(Scope.class);
    for (String s : y.strings(node, "scope")) {
      switch (s.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ')) {
        case "text" -> out.addAll(EnumSet.allOf(Scope.class));
        case "prose", "paragraph" -> out.add(Scope.PARAGRAPH);
        case "heading" -> out.add(Scope.HEADING);
        case "table" -> out.add(Scope.TABLE);
        case "link text", "link" -> out.add(Scope.LINK_TEXT);
        case "alt text", "alt" -> out.add(Scope.ALT_TEXT);
        case "code", "raw", "url", "urls", "link destination", "path", "attribute", "html" -> throw y.error(node,
            "scope '" + s + "' is never checked: code, URLs, link destinations, file paths and HTML attributes"
                + " are not prose");
        default -> throw y.error(node,
            "unknown scope '" + s + "' (valid: text, prose, heading, table, link text, alt text)");
      }
    }
    return out;
  }

  private static double fraction(YamlNodes y, Node node, String what) {
    String v = y.scalar(node, what).strip();
    try {
      double d = Double.parseDouble(v);
      if (d >= 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw y.error(node, what + " must be a fraction from 0 to 1, not '" + v + "'");
  }

  private static int count(YamlNodes y, Node node, String what) {
    String v = y.scalar(node, what).strip();
    if (!v.matches("[0-9]{1,4}")) {
      throw y.error(node, what + " must be a whole number, not '" + v + "'");
    }
    return Integer.parseInt(v);
  }

  private static boolean bool(YamlNodes y, Node node, String what) {
    String v = y.scalar(node, what).strip();
    if (!v.equals("true") && !v.equals("false")) {
      throw y.error(node, what + " must be true or false");
    }
    return v.equals("true");
  }

  private static Map<String, Node> nonEmptyMap(YamlNodes y, Map<String, Node> top, Node root, String key) {
    Node node = top.get(key);
    if (node == null) {
      throw y.error(root, "missing '" + key + "'");
    }
    Map<String, Node> map = y.mapping(node, key, null);
    if (map.isEmpty()) {
      throw y.error(node, "'" + key + "' is empty");
    }
    return map;
  }

  private static List<Node> nonEmptyList(YamlNodes y, Map<String, Node> top, Node root, String key) {
    Node node = top.get(key);
    if (node == null) {
      throw y.error(root, "missing '" + key + "'");
    }
    if (node instanceof ScalarNode) {
      return List.of(node);
    }
    if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
      throw y.error(node, "'" + key + "' must be a non-empty list");
    }
    return seq.getValue();
  }

  /** The literal alternatives of a pattern ({@code K8S|k8s}); {@code at} locates errors. */
  static List<String> literals(YamlNodes y, Node at, String pattern) {
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw y.error(at, "invalid regex '" + pattern + "': " + e.getDescription());
    }
    List<String> out = new ArrayList<>();
    for (String alt : splitAlternatives(pattern)) {
      out.add(literal(y, at, alt));
    }
    return out;
  }

  private static String literal(YamlNodes y, Node at, String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      throw y.error(at, "empty pattern");
    }
    String problem = literalProblem(t);
    if (problem != null) {
      throw y.error(at, problem);
    }
    return unescape(t);
  }

  /** Null when {@code t} is a literal (escapes allowed, an unescaped '.' means a dot); else why not. */
  static String literalProblem(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\\') {
        if (i + 1 >= t.length()) {
          return "invalid regex '" + t + "': trailing backslash";
        }
        char n = t.charAt(++i);
        if (Character.isLetterOrDigit(n)) {
          return "'" + t + "': \\" + n + " is not supported: write literal alternatives (a|b); term boundaries are"
              + " script-aware and automatic";
        }
      } else if ("[](){}*+?^$|".indexOf(c) >= 0) {
        return "'" + t + "' is a regex: write literal alternatives (K8S|k8s) so all terms match in one pass";
      }
    }
    return null;
  }

  private static List<String> splitAlternatives(String pattern) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        cur.append(c).append(pattern.charAt(++i));
      } else if (c == '|') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private static String unescape(String t) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      out.append(c == '\\' && i + 1 < t.length() ? t.charAt(++i) : c);
    }
    return out.toString();
  }

  private static void checkDuplicates(YamlNodes y, Node root, List<Term> terms) {
    Set<String> seen = new HashSet<>();
    for (Term t : terms) {
      if (t.role() == Term.Role.PREFERRED) {
        continue;
      }
      String key = t.ignoreCase() ? TextForms.foldLower(t.text()) : TextForms.fold(t.text());
      if (!seen.add(t.role() + "\u0000" + key)) {
        throw y.error(root, "'" + t.text() + "' is listed twice");
      }
    }
  }

  private static String stripSlash(String name) {
    return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
  }
}
