package org.docgate.validate.terminology;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.docgate.markdown.Link;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.ProseRun;

/**
 * Names written in prose that are identifiers, not the product's name in a sentence: a lower-case spelling there is
 * right as it is, and "fixing" its case would break a command, a label or a handle. Only lower-case ASCII uses are
 * ever exempted (an identifier is written in lower case; {@code Github} in a sentence is a misspelling). Pure.
 */
final class Identifiers {
  /** Why a use is an identifier; the name is the counter's ({@code terms.exempt.<reason>}). */
  enum Reason {
    /** {@code podman ps}, {@code $ linkerd check}: a command line. */
    COMMAND("command"),
    /** {@code [^gvisor]}, {@code [gvisor]}: a footnote or reference label. */
    LABEL("label"),
    /**
     * {@code podman(1)}, {@code podman-run(1)}, {@code containers.conf(5)}: a manual page's name and section (podman's
     * SEE ALSO lines, judged WRONG in round 26).
     */
    MAN_PAGE("manPage"),
    /** {@code the redis image}, {@code the nginx container image}: a container image's name. */
    IMAGE("image"),
    /**
     * {@code [kubernetes](https://github.com/kubernetes)}: link text that is the handle it links to;
     * {@code kubernetes #82125}: a repository named with one of its issues.
     */
    HANDLE("handle"),
    /** {@code istioctl、linkerd、tcpdump}, {@code - **gvisor**:} under {@code - **crun**:}: a list of tool names. */
    TOOL_LIST("toolList"),
    /** {@code the “kubernetes” Endpoints}: a quoted literal, the name of an object or a value as written. */
    QUOTED("quoted"),
    /**
     * {@code Grpc} where the document names {@code Grpc.Tools}, {@code Grpc.Core}: the first segment of a dotted
     * package or namespace name, which the document writes as the package is named (gRPC's C# build docs: "the
     * packages Grpc.Tools and Grpc", "the Grpc metapackage", judged WRONG twice in round 28).
     */
    NAMESPACE("namespace"),
    /**
     * {@code $Blockchain\_VM = \{EVM, WASM\}$}: a LaTeX formula, symbols rather than prose (any case: a formula's
     * symbol is not the product's name in a sentence).
     */
    FORMULA("formula"),
    /**
     * {@code |Zookeeper |Zookeeper: Uptime |} under {@code |Group|Name|...|}: a cell of a column that lists the names
     * of things (items, groups, keys, options), as the system or a generator names them (Zabbix 6.0's template READMEs,
     * 15 of round 36's 24 WRONG terms findings).
     */
    NAME_COLUMN("nameColumn"),
    /**
     * {@code ### Complex.fromJSON(json)}: a parameter in a call's signature, a name the code gives it (mathjs's
     * generated reference pages, 8 of round 43's 30 sampled terms findings judged WRONG).
     */
    PARAMETER("parameter");

    final String counter;

    Reason(String counter) {
      this.counter = counter;
    }
  }

  private Identifiers() {}

  /** Why the use [start, end) of a run is an identifier, or null when it is prose (the document alone). */
  static Reason of(MarkdownDocument doc, int runIndex, int start, int end) {
    return of(doc, runIndex, start, end, name -> false, name -> true, (phrase, name) -> false, doc::sourceLines);
  }

  /**
   * As above; {@code ranElsewhere} says whether another document of the corpus runs a name as a command (a tool list's
   * {@code linkerd} is the CLI when the corpus runs {@code linkerd check} somewhere); {@code lines} gives the
   * document's source lines (a pass keeps them, read once), asked only for a use in a table.
   */
  static Reason of(MarkdownDocument doc, int runIndex, int start, int end,
      java.util.function.Predicate<String> ranElsewhere, java.util.function.Supplier<List<String>> lines) {
    return of(doc, runIndex, start, end, ranElsewhere, name -> true, (phrase, name) -> false, lines);
  }

  /**
   * As above; {@code ranCommand} says whether a name is run as a command: by a shell block of the corpus, by the page
   * itself ({@link #runsAsCommand}) or by its rule's declaration. A lower-case name before a lower-case word ("kubectl
   * apply") is the command only then; the overloads above take every such name for one (what glossary counts read).
   * {@code keyValue} says whether a phrase ("vmware collector") or its name stands as a key's parameter in the
   * document ({@link KeyValues}, read once per page by a pass).
   */
  static Reason of(MarkdownDocument doc, int runIndex, int start, int end,
      java.util.function.Predicate<String> ranElsewhere, java.util.function.Predicate<String> ranCommand,
      java.util.function.BiPredicate<String, String> keyValue, java.util.function.Supplier<List<String>> lines) {
    ProseRun run = doc.prose().get(runIndex);
    String text = run.text();
    if (inFormula(text, start, end)) {
      return Reason.FORMULA;
    }
    if (namesNamespace(doc, text.substring(start, end))) {
      return Reason.NAMESPACE;
    }
    if (run.scope() == ProseRun.Scope.TABLE && inNameColumn(run, start, lines.get())) {
      return Reason.NAME_COLUMN;
    }
    if (!isLowerAscii(text, start, end)) {
      return null;
    }
    if (TerminologyValidator.looksLikeCommand(text, start, end)
        && (start >= 2 && text.startsWith("$ ", start - 2) || (run.scope() == ProseRun.Scope.HEADING
            ? runsAsCommand(doc, text.substring(start, end)) : ranCommand.test(text.substring(start, end))))) {
      // a heading is a title: "### 7.2 envoy admin API" is a command only if the page runs it; "a kubernetes
      // cluster" where nothing runs kubernetes is the name mis-cased (round 38's probes)
      return Reason.COMMAND;
    }
    if (TerminologyValidator.looksLikeCommand(text, start, end)
        && keyValue.test(text.substring(start, wordEnd(text, end)), text.substring(start, end))) {
      // "Utilization of vmware data collector processes" beside the item key zabbix[process,vmware collector,...]:
      // the generated text names the key's value, which is lower case (Zabbix's templates, round 38)
      return Reason.LABEL;
    }
    if (manPage(text, end)) {
      return Reason.MAN_PAGE;
    }
    if (callParameter(text, start, end)) {
      return Reason.PARAMETER;
    }
    if (IMAGE_AFTER.matcher(text).region(end, text.length()).lookingAt()) {
      return Reason.IMAGE; // "pull the redis image" (containerd's getting started, judged WRONG in round 27)
    }
    if (bracketed(text, start, end)) {
      return Reason.LABEL;
    }
    if (issueReference(text, end)) {
      return Reason.HANDLE;
    }
    if (quoted(text, start, end)) {
      return Reason.QUOTED;
    }
    if (run.scope() == ProseRun.Scope.LINK_TEXT && text.strip().equals(text.substring(start, end))) {
      Link link = linkOf(doc, run);
      if (link != null && link.label() != null && link.label().strip().equalsIgnoreCase(text.strip())) {
        return Reason.LABEL;
      }
      if (link != null && isSegmentOf(text.substring(start, end), link.destination())) {
        return Reason.HANDLE;
      }
    }
    if ((listedWithTools(text, start, end) || alignedWithTools(doc, runIndex, start, end))
        && (ranElsewhere.test(text.substring(start, end)) || runsAsCommand(doc, text.substring(start, end)))) {
      return Reason.TOOL_LIST;
    }
    if (run.scope() == ProseRun.Scope.HEADING && start == leadingSpace(text) && namedLikeSiblings(doc, run, text, end)) {
      return Reason.TOOL_LIST;
    }
    return null;
  }

  /**
   * The lower-case values a document writes between a key's delimiters, read in one pass over its source ("Utilization
   * of vmware data collector processes" beside {@code zabbix[process,vmware collector,avg,busy]}, "Zabbix vmware cache"
   * beside {@code zabbix[vmware,buffer,pused]}: the generated text names the key's values): after
   * {@code [}, {@code ,}, {@code =} or a quote and before {@code ,}, {@code ]} or a quote ({@code values}), and those
   * between brackets and commas with a comma on one side at least, a parameter list's ({@code parameters}; not a
   * bracketed label such as {@code [kubernetes]}).
   */
  record KeyValues(java.util.Set<String> values, java.util.Set<String> parameters) {
    private static final int MAX = 40;

    static KeyValues of(String source) {
      java.util.Set<String> values = new java.util.HashSet<>();
      java.util.Set<String> parameters = new java.util.HashSet<>();
      for (int i = 0; i < source.length(); i++) {
        char open = source.charAt(i);
        if ("[,=\"'".indexOf(open) < 0) {
          continue;
        }
        int j = i + 1;
        while (j < source.length() && j - i <= MAX && isValueChar(source.charAt(j))) {
          j++;
        }
        if (j > i + 1 && j < source.length() && ",]\"'".indexOf(source.charAt(j)) >= 0) {
          String value = source.substring(i + 1, j);
          values.add(value);
          char close = source.charAt(j);
          if ((open == '[' || open == ',') && (close == ',' || close == ']') && (open == ',' || close == ',')) {
            parameters.add(value);
          }
        }
      }
      return new KeyValues(values, parameters);
    }

    private static boolean isValueChar(char c) {
      return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ' || c == '_' || c == '-' || c == '.';
    }

    /** Whether the phrase is a value, or the name alone is a parameter. */
    boolean isKeyValue(String phrase, String name) {
      return values.contains(phrase) || parameters.contains(name);
    }
  }

  /** The end of the lower-case word after the name and its space. */
  private static int wordEnd(String text, int end) {
    int at = end + 1;
    while (at < text.length() && text.charAt(at) >= 'a' && text.charAt(at) <= 'z') {
      at++;
    }
    return at;
  }

  /** Table headers of columns that list names of things, not sentences (lower case, as TableRows gives them). */
  // not "item": a roadmap's work items are sentences ("Containerd Feature Complete" in containerd's CRI proposal)
  private static final java.util.Set<String> NAME_HEADERS = java.util.Set.of("name", "names", "group", "key",
      "metric", "macro", "parameter", "option", "flag", "field", "property", "variable", "setting", "label", "名称",
      "参数", "字段", "属性", "变量", "选项", "配置项");

  /** Whether {@code start} of a table run lies in a column whose header names things ({@link #NAME_HEADERS}). */
  private static boolean inNameColumn(ProseRun run, int start, List<String> lines) {
    org.docgate.markdown.Position at = run.positionAt(start);
    String header = org.docgate.markdown.TableRows.headerOf(
        l -> l >= 1 && l <= lines.size() ? lines.get(l - 1) : null, at.line(), at.column());
    return header != null && NAME_HEADERS.contains(header);
  }

  /**
   * Whether the document writes {@code word}, capitalised, as the first segment of a dotted name with a capitalised
   * segment after it ({@code Grpc.Tools}, {@code Newtonsoft.Json}): a package or namespace the word names as written.
   */
  static boolean namesNamespace(MarkdownDocument doc, String word) {
    if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
      return false; // "kubernetes.Clientset" is a Go package's type: "the kubernetes API server" is still prose
    }
    String source = doc.source();
    for (int at = source.indexOf(word + "."); at >= 0; at = source.indexOf(word + ".", at + 1)) {
      int after = at + word.length() + 1;
      boolean starts = at == 0 || !Character.isLetterOrDigit(source.charAt(at - 1)) && source.charAt(at - 1) != '.';
      if (starts && after < source.length() && Character.isUpperCase(source.charAt(after))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the document runs {@code name} as a command (in a shell block, or an inline code span starting with it):
   * only then, or when the corpus runs it elsewhere, is a lower-case name in a list of tools the tool's command
   * ({@code skopeo 和 podman}). A name that is no command ({@code - **gvisor**:} beside {@code - **crun**:}: gVisor's command is {@code runsc}; {@code kata} in a
   * diagram) is the product's name written in lower case (judged misses of the fourth blind round on vshpere-1019).
   */
  static boolean runsAsCommand(MarkdownDocument doc, String name) {
    if (LearnedNames.commandsIn(doc).contains(name)) {
      return true;
    }
    for (org.docgate.markdown.InlineCode code : doc.inlineCode()) {
      String t = code.text().strip();
      if (t.equals(name) || t.startsWith(name + " ")) {
        return true;
      }
    }
    // a command line written as prose: "linkerd check", "$ linkerd check" starting a line of text
    for (ProseRun run : doc.prose()) {
      String t = run.text().stripLeading();
      if (t.startsWith("$ ")) {
        t = t.substring(2);
      }
      if (t.startsWith(name + " ") && run.scope() != ProseRun.Scope.HEADING
          && TerminologyValidator.looksLikeCommand(t, 0, name.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Inside {@code $…$} on its line, when what the dollars enclose reads as LaTeX (a backslash, a brace, a sub- or
   * superscript or an equals sign): "$5 and $10" is prose.
   */
  static boolean inFormula(String text, int start, int end) {
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    int lineEnd = text.indexOf('\n', end);
    if (lineEnd < 0) {
      lineEnd = text.length();
    }
    int open = -1;
    for (int i = lineStart; i < start; i++) {
      if (text.charAt(i) == '$' && (i == 0 || text.charAt(i - 1) != '\\')) {
        open = open < 0 ? i : -1;
      }
    }
    if (open < 0) {
      return false;
    }
    int close = end;
    while (close < lineEnd && (text.charAt(close) != '$' || text.charAt(close - 1) == '\\')) {
      close++;
    }
    if (close >= lineEnd) {
      return false;
    }
    String inside = text.substring(open + 1, close);
    return inside.chars().anyMatch(c -> "\\{}^_=".indexOf(c) >= 0);
  }

  static boolean isLowerAscii(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 128 || Character.isUpperCase(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code [^gvisor]} or {@code [gvisor]} written as text: the use is all there is between the brackets. */
  private static boolean bracketed(String text, int start, int end) {
    int open = start - 1;
    if (open >= 0 && text.charAt(open) == '^') {
      open--;
    }
    return open >= 0 && text.charAt(open) == '[' && end < text.length() && text.charAt(end) == ']';
  }

  private static final String OPEN_QUOTES = "\"'“‘「";
  private static final String CLOSE_QUOTES = "\"'”’」";

  /** The use is all there is between a pair of quotes. */
  static boolean quoted(String text, int start, int end) {
    if (start < 1 || end >= text.length()) {
      return false;
    }
    int open = OPEN_QUOTES.indexOf(text.charAt(start - 1));
    return open >= 0 && CLOSE_QUOTES.indexOf(text.charAt(end)) == open;
  }

  /** After a lower-case name: the word image ("the redis image", "redis container image"). */
  private static final java.util.regex.Pattern IMAGE_AFTER =
      java.util.regex.Pattern.compile("(?:\\s+container)?\\s+images?\\b");

  /**
   * The name, with the rest of a hyphenated or dotted page name ({@code -run}, {@code .conf}), is followed by a manual
   * section in parentheses: {@code (1)}, {@code (5)}, {@code (8)}, {@code (3p)}.
   */
  /** What a call's parameter list holds: names, commas, defaults, optional brackets, type annotations. */
  private static final Pattern PARAMETERS = Pattern.compile("[\\w$\\s,.\\[\\]=:?'\"|<>]*");

  private static int leadingSpace(String text) {
    int k = 0;
    while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
      k++;
    }
    return k;
  }

  /**
   * Whether a heading opening with this lower-case name has two or more siblings of its level that open with another
   * lower-case name and go on with the same words: {@code ### fluentd Log Driver} among {@code ### awslogs Log Driver},
   * {@code ### json-file Log Driver} (aws-cdk-lib's ECS page, judged WRONG in round 43): the names a system gives.
   */
  private static boolean namedLikeSiblings(MarkdownDocument doc, ProseRun run, String text, int end) {
    String rest = text.substring(end).strip();
    if (rest.isEmpty() || end >= text.length() || text.charAt(end) != ' ') {
      return false;
    }
    int level = -1;
    for (org.docgate.markdown.Heading h : doc.headings()) {
      if (h.position().line() == run.position().line()) {
        level = h.level();
      }
    }
    int siblings = 0;
    for (org.docgate.markdown.Heading h : doc.headings()) {
      String t = h.text().strip();
      int space = t.indexOf(' ');
      if (h.level() == level && h.position().line() != run.position().line() && space > 0
          && t.substring(space + 1).strip().equals(rest) && isLowerAscii(t, 0, space)) {
        siblings++;
      }
    }
    return siblings >= 2;
  }

  /** Whether {@code text[start, end)} stands in the parentheses of a call written right after a name: {@code f(json)}. */
  static boolean callParameter(String text, int start, int end) {
    int open = text.lastIndexOf('(', start - 1);
    if (open <= 0 || !(Character.isLetterOrDigit(text.charAt(open - 1)) || text.charAt(open - 1) == '_')) {
      return false;
    }
    int close = text.indexOf(')', end); // none: the run ends inside the list (at a bracket: "x [, options])")
    return text.lastIndexOf(')', start - 1) < open
        && PARAMETERS.matcher(text.substring(open + 1, close < 0 ? text.length() : close)).matches();
  }

  static boolean manPage(String text, int end) {
    int i = end;
    while (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '.' || text.charAt(i) == '_'
        || text.charAt(i) >= 'a' && text.charAt(i) <= 'z' || text.charAt(i) >= '0' && text.charAt(i) <= '9')) {
      i++;
    }
    if (i + 2 >= text.length() || text.charAt(i) != '(' || text.charAt(i + 1) < '1' || text.charAt(i + 1) > '9') {
      return false;
    }
    int j = i + 2;
    while (j < text.length() && j < i + 5 && text.charAt(j) >= 'a' && text.charAt(j) <= 'z') {
      j++;
    }
    return j < text.length() && text.charAt(j) == ')';
  }

  /** {@code kubernetes #82125}, {@code kubernetes#82125}: the name is followed by an issue or pull number. */
  static boolean issueReference(String text, int end) {
    int i = end < text.length() && text.charAt(end) == ' ' ? end + 1 : end;
    return i + 1 < text.length() && text.charAt(i) == '#' && Character.isDigit(text.charAt(i + 1));
  }

  /** The link whose text this run is: on the run's line, the nearest one starting before it. */
  private static Link linkOf(MarkdownDocument doc, ProseRun run) {
    Link best = null;
    for (Link l : doc.links()) {
      if (l.position().line() == run.position().line() && l.position().column() < run.position().column()
          && (l.text() != null && l.text().contains(run.text().strip())
              || l.label() != null && l.label().contains(run.text().strip())) // a shortcut [label] has no text
          && (best == null || l.position().column() > best.position().column())) {
        best = l;
      }
    }
    return best;
  }

  /**
   * {@code kubernetes} in {@code https://github.com/kubernetes}: a segment of the path (an organisation, a user, a
   * repository). Not the host: {@code [cri-o](https://cri-o.io)} names the product whose site it links to.
   */
  static boolean isSegmentOf(String name, String destination) {
    if (destination == null || destination.isEmpty()) {
      return false;
    }
    String path = destination.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
    for (String part : path.toLowerCase(Locale.ROOT).split("[/?#=&@]+")) {
      if (part.equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static final List<String> JOINERS = List.of("、", ",", "，", "/", "和", "与", "及", "或", " and ", " or ",
      " vs ", " vs. ");

  /**
   * {@code （istioctl、linkerd、tcpdump）}, {@code skopeo 和 podman}: a lower-case name joined to another lower-case
   * name (a word of letters, digits and dashes, as command names are) is one tool of a list of tools.
   */
  private static boolean listedWithTools(String text, int start, int end) {
    return isToolName(wordAfterJoiner(text, end)) || isToolName(wordBeforeJoiner(text, start));
  }

  private static String wordAfterJoiner(String text, int end) {
    int i = skipSpaces(text, end);
    for (String j : JOINERS) {
      String jj = j.strip();
      if (text.startsWith(jj, i)) {
        int from = skipSpaces(text, i + jj.length());
        int to = from;
        while (to < text.length() && isNameChar(text.charAt(to))) {
          to++;
        }
        return text.substring(from, to);
      }
    }
    return "";
  }

  private static String wordBeforeJoiner(String text, int start) {
    int i = start;
    while (i > 0 && text.charAt(i - 1) == ' ') {
      i--;
    }
    for (String j : JOINERS) {
      String jj = j.strip();
      if (i >= jj.length() && text.startsWith(jj, i - jj.length())) {
        int to = i - jj.length();
        while (to > 0 && text.charAt(to - 1) == ' ') {
          to--;
        }
        int from = to;
        while (from > 0 && isNameChar(text.charAt(from - 1))) {
          from--;
        }
        return text.substring(from, to);
      }
    }
    return "";
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** Chars of a neighbouring word, '.' included so that "Node.js" is read whole (and is no tool name). */
  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == '.';
  }

  /** A command-like name: lower-case letters first, then letters, digits, '-' or '_'; two chars at least. */
  static boolean isToolName(String word) {
    if (word.length() < 2 || word.charAt(0) < 'a' || word.charAt(0) > 'z') {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code - **gvisor**: 用户空间内核} under {@code - **crun**: …}, {@code | gvisor |} under {@code | crun |}: the use
   * is a whole list label or table cell, and the label or cell in the same column of the line before or after is a
   * lower-case tool name too.
   */
  private static boolean alignedWithTools(MarkdownDocument doc, int runIndex, int start, int end) {
    ProseRun run = doc.prose().get(runIndex);
    if (!run.text().strip().equals(run.text().substring(start, end))) {
      return false;
    }
    int line = run.position().line();
    int column = run.position().column() + (run.text().length() - run.text().stripLeading().length());
    for (int i = Math.max(0, runIndex - 12); i < Math.min(doc.prose().size(), runIndex + 12); i++) {
      ProseRun other = doc.prose().get(i);
      int otherLine = other.position().line();
      if (i == runIndex || Math.abs(otherLine - line) != 1 || other.scope() != run.scope()) {
        continue;
      }
      int otherColumn = other.position().column() + (other.text().length() - other.text().stripLeading().length());
      if (otherColumn == column && isToolName(other.text().strip())) {
        return true;
      }
    }
    return false;
  }
}
