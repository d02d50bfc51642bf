package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.finding.Finding;
import org.docgate.markdown.Heading;
import org.docgate.markdown.ListBlock;
import org.docgate.markdown.Position;

/**
 * {@code completeness/list-count}: the sentence right before a list announces how many items follow ("we are mainly
 * proposing three changes:", "There are two options:", "包括以下三个步骤：") and the list has another number of them.
 * One of the two is wrong, whatever the document's date (a record is judged too): the list grew or lost an item and
 * the sentence was not changed (a probe missed in rounds 13 and 32: KEP 1790's "three changes" over four items).
 *
 * <p>The announcing sentence ends in a colon right after the counted noun (or a short clause about it: "5 concrete
 * changes that we are proposing:"); a count of units ("5 minutes", "two release cycles"), an ordinal or a part
 * ("the first two bits", "one required and four optional properties"), and an anaphor ("these two features:", which
 * counts something said before) announce no list. An ordered list interrupted by a code block or a stray bullet and
 * resumed with the next number ("4." … "5.") is one list; a list of one item is left alone (its others are elsewhere).
 */
final class ListCountCheck {
  private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
      Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("两", 2),
      Map.entry("二", 2), Map.entry("三", 3), Map.entry("四", 4), Map.entry("五", 5), Map.entry("六", 6),
      Map.entry("七", 7), Map.entry("八", 8), Map.entry("九", 9), Map.entry("十", 10));
  private static final String UNITS = "(?:seconds|minutes|hours|days|weeks|months|years|releases|times|bytes|bits|lines"
      + "|percent|versions|milliseconds|cycles|cores|cpus|replicas|nodes|pods|instances|characters|chars|digits|words)";
  private static final String ADJECTIVES = "(?:(?:main|key|new|major|different|possible|distinct|concrete|primary"
      + "|basic|separate|additional|important|general|simple|common|core|high-level|optional|required|supported"
      + "|available|useful|specific|notable|significant|minor|related|independent|small|big)\\s+)*";
  /** "… three changes:", "… 5 concrete changes that we are proposing:" at the end of the sentence. */
  private static final Pattern ENGLISH = Pattern.compile("(?<![\\w.#'’~–-])(?<!these\\s)(?<!those\\s)(?<!first\\s)"
      + "(?<!last\\s)(?<!next\\s)(?<!top\\s)(?<!and\\s)(?<!or\\s)(?<!of\\s)(?<!only\\s)(?<!just\\s)(?<!other\\s)"
      + "(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|1[0-2])\\s+" + ADJECTIVES
      + "(?!" + UNITS + "\\b)[a-z][a-z-]*s(?<clause>\\s+(?:that|which|we|to|in|for|are|is|will|you|need|must|should"
      + "|can)\\b[^:,;.()]{0,60})?:\\s*$", Pattern.CASE_INSENSITIVE);
  /** A number in a clause after the counted noun: "two commands to create the three resources:" counts resources. */
  private static final Pattern NUMBER_IN_CLAUSE =
      Pattern.compile("\\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d+)\\b", Pattern.CASE_INSENSITIVE);
  /**
   * "… 三个步骤：", "包括以下 4 个方面：" at the end; not 第三个 (an ordinal), 前三个 (a part), 3 个月 (a duration), nor a
   * number of two characters (十二个, 二十个: left alone).
   */
  private static final Pattern CHINESE = Pattern.compile("(?<![第前后这那\\d.两二三四五六七八九十百])([两二三四五六七八九十]|[2-9]|1[0-2])\\s*"
      + "(?:个|种|类|步|点|项|条|大|方面)(?!月|小时|星期|工作日)[\\p{IsHan}]{0,8}[:：]\\s*$");
  /** Where a sentence ends inside the paragraph: the announcement is its last sentence. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s)|[。！？；]");

  List<Finding> check(DocumentContext ctx) {
    List<Finding> findings = new ArrayList<>();
    List<ListBlock> lists = ctx.doc.lists();
    for (int i = 0; i < lists.size(); i++) {
      ListBlock list = lists.get(i);
      if (list.introEnd() == 0) {
        continue;
      }
      Claim claim = claim(ctx, list);
      if (claim == null) {
        continue;
      }
      int items = itemsFrom(ctx, lists, i);
      if (items < 2 || items == claim.count()) {
        continue;
      }
      findings.add(ctx.finding("completeness/list-count", claim.at(), "the sentence announces " + claim.words()
          + " and the list after it has " + items + " items: correct the number or the list"));
    }
    return findings;
  }

  private record Claim(int count, String words, Position at) {}

  /** The announcement that ends the paragraph right before the list, or null. */
  private static Claim claim(DocumentContext ctx, ListBlock list) {
    StringBuilder text = new StringBuilder();
    for (int l = list.introStart(); l <= list.introEnd(); l++) {
      String line = ctx.line(l);
      if (line == null) {
        return null;
      }
      text.append(text.length() == 0 ? "" : " ").append(line.strip());
    }
    String plain = text.toString().replaceAll("[*_`]", "");
    Matcher end = SENTENCE_END.matcher(plain);
    int from = 0;
    while (end.find()) {
      if (end.end() < plain.length() - 1) {
        from = end.end();
      }
    }
    String sentence = plain.substring(from);
    Matcher m = ENGLISH.matcher(sentence);
    boolean found = false;
    for (int at = 0; at < sentence.length() && m.find(at); at = m.start(1) + 1) {
      if (m.group("clause") == null || !NUMBER_IN_CLAUSE.matcher(m.group("clause")).find()) {
        found = true;
        break;
      }
    }
    if (!found) {
      m = CHINESE.matcher(sentence);
      if (!m.find()) {
        return null;
      }
    }
    String number = m.group(1).toLowerCase(Locale.ROOT);
    int count = NUMBERS.containsKey(number) ? NUMBERS.get(number) : Integer.parseInt(number);
    String words = m.group().strip().replaceAll("[:：]$", "");
    return new Claim(count, "'" + words + "'", locate(ctx, list, m.group(1)));
  }

  /**
   * Where the number stands: its last occurrence as a whole token on the paragraph's lines, from the last line up
   * ("Our network has two options:" is at "two", not inside "network").
   */
  private static Position locate(DocumentContext ctx, ListBlock list, String number) {
    for (int l = list.introEnd(); l >= list.introStart(); l--) {
      String line = ctx.line(l);
      for (int at = line == null ? -1 : line.lastIndexOf(number); at >= 0; at = line.lastIndexOf(number, at - 1)) {
        int end = at + number.length();
        boolean starts = at == 0 || !Character.isLetterOrDigit(line.charAt(at - 1)) || line.charAt(at - 1) > 127;
        boolean ends = end == line.length() || !Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) > 127;
        if (starts && ends || number.charAt(0) > 127) {
          return new Position(l, at + 1);
        }
      }
    }
    return new Position(list.introEnd(), 1);
  }

  /**
   * The list's items, with the ordered lists after it in the same container that go on with its numbering
   * ("4." then a code block or a mis-indented bullet, then "5."), up to the next heading.
   */
  private static int itemsFrom(DocumentContext ctx, List<ListBlock> lists, int first) {
    ListBlock list = lists.get(first);
    int items = list.items();
    if (!list.ordered()) {
      return items;
    }
    int next = list.start() + list.items();
    int end = list.endLine();
    for (int j = first + 1; j < lists.size(); j++) {
      ListBlock later = lists.get(j);
      if (later.container() != list.container() || later.line() <= end) {
        continue; // nested in one of its items, or in another block
      }
      if (headingBetween(ctx, end, later.line())) {
        break;
      }
      if (!later.ordered()) {
        continue;
      }
      if (later.start() != next) {
        break;
      }
      items += later.items();
      next += later.items();
      end = later.endLine();
    }
    return items;
  }

  private static boolean headingBetween(DocumentContext ctx, int after, int before) {
    for (Heading h : ctx.doc.headings()) {
      if (h.position().line() > after && h.position().line() < before) {
        return true;
      }
    }
    return false;
  }
}
