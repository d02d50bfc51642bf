package org.docgate.validate.terminology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docgate.markdown.ProseRun;

/**
 * All terms of all rules compiled into one automaton; finds the term uses in a prose run in one pass. Thread-safe.
 *
 * <p>A use must stand alone where its term starts or ends with a Latin letter or digit: the neighbour there may not be
 * a Latin letter or digit (Han, punctuation and spaces are boundaries), nor a char that glues names together ({@code
 * _ / . - @ :}...) when that glue continues into more of a name: {@code vShpere_VMware/}, {@code k8s.io},
 * {@code kubernetes-sigs} are names, while "K8s." ending a sentence is prose. A Han edge needs no boundary: Chinese
 * terms match inside Han text. Overlapping uses resolve leftmost-longest (容器编排 hides 容器 inside it).
 */
final class TermMatcher {
  /** One compiled term: its rule, its role and its folded form. */
  record Entry(TermRule rule, Term term, String folded, boolean latinStart, boolean latinEnd) {}

  /** A use in a run: [start, end) of the run text and every entry (of any rule) that matched exactly that span. */
  record Use(int start, int end, List<Entry> entries) {}

  private final List<Entry> entries;
  /** For each automaton key, the entries that share it (K8S, k8s and K8s fold to one key). */
  private final int[][] keyEntries;
  private final TermAutomaton automaton;

  TermMatcher(List<TermRule> rules) {
    List<Entry> all = new ArrayList<>();
    Map<String, Integer> keyIndex = new LinkedHashMap<>();
    List<List<Integer>> byKey = new ArrayList<>();
    for (TermRule rule : rules) {
      for (Term t : rule.terms()) {
        String folded = TextForms.fold(t.text());
        all.add(new Entry(rule, t, folded, TextForms.isLatinWord(folded.charAt(0)),
            TextForms.isLatinWord(folded.charAt(folded.length() - 1))));
        String key = TextForms.foldLower(folded);
        int k = keyIndex.computeIfAbsent(key, x -> {
          byKey.add(new ArrayList<>());
          return byKey.size() - 1;
        });
        byKey.get(k).add(all.size() - 1);
      }
    }
    this.entries = List.copyOf(all);
    this.keyEntries = byKey.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    this.automaton = new TermAutomaton(List.copyOf(keyIndex.keySet()));
  }

  int size() {
    return entries.size();
  }

  /** The uses in one run, in text order, overlaps resolved. */
  List<Use> uses(ProseRun run) {
    String text = run.text();
    String folded = TextForms.fold(text);
    String lower = TextForms.foldLower(text);
    List<Use> candidates = new ArrayList<>();
    for (TermAutomaton.Hit hit : automaton.find(lower)) {
      List<Entry> matched = new ArrayList<>(2);
      for (int e : keyEntries[hit.key()]) {
        Entry entry = entries.get(e);
        if (!entry.term().ignoreCase()
            && !folded.regionMatches(hit.start(), entry.folded(), 0, entry.folded().length())) {
          continue;
        }
        if (entry.term().role() != Term.Role.COMPOUND && !entry.rule().scopes().contains(run.scope())) {
          continue;
        }
        if (!standsAlone(folded, hit.start(), hit.end(), entry)) {
          continue;
        }
        matched.add(entry);
      }
      if (!matched.isEmpty()) {
        candidates.add(new Use(hit.start(), hit.end(), matched));
      }
    }
    candidates.sort(Comparator.comparingInt(Use::start).thenComparing(Comparator.comparingInt(Use::end).reversed()));
    List<Use> out = new ArrayList<>();
    int covered = 0;
    for (Use u : candidates) {
      if (u.start() >= covered) {
        out.add(u);
        covered = u.end();
      }
    }
    return out;
  }

  /** Whether a hit is a term use on its own, not part of a longer Latin word, a path, a domain or an identifier. */
  static boolean standsAlone(String folded, int start, int end, Entry entry) {
    if (entry.latinStart() && start > 0) {
      char before = folded.charAt(start - 1);
      if (TextForms.isLatinWord(before)) {
        return false;
      }
      if (TextForms.isNameGlue(before) && (before == '/' || before == '\\' || before == '.' || before == '$'
          || (start > 1 && TextForms.isTokenChar(folded.charAt(start - 2))))
          && !slashedAlternatives(folded, start, end)) {
        return false;
      }
    }
    if (entry.latinEnd() && end < folded.length()) {
      char after = folded.charAt(end);
      if (TextForms.isLatinWord(after)) {
        return false;
      }
      if (TextForms.isNameGlue(after) && (after == '/' || after == '\\' || after == '_'
          || (end + 1 < folded.length() && TextForms.isTokenChar(folded.charAt(end + 1))))
          && !slashedAlternatives(folded, start, end)) {
        return false;
      }
    }
    return slashedAlternatives(folded, start, end) || !inFileName(folded, start, end);
  }

  /**
   * {@code VPN/Wireguard}, {@code Wireguard/IPsec}: two capitalised words joined by one slash are alternatives in a
   * sentence, not a path (a missed probe of the fifth blind round on vshpere-1019). Only when the use itself has a
   * capital and a small letter (a lower-case {@code kubernetes/website} is a repository; {@code PowerCLI/ESXCLI} pairs
   * names VMware writes in capitals) and the token is nothing but the two words.
   */
  static boolean slashedAlternatives(String folded, int start, int end) {
    boolean slashBefore = start > 0 && folded.charAt(start - 1) == '/';
    boolean slashAfter = end < folded.length() && folded.charAt(end) == '/';
    String use = folded.substring(start, end);
    if (slashBefore == slashAfter || use.chars().noneMatch(Character::isUpperCase)
        || use.chars().noneMatch(Character::isLowerCase)) {
      return false; // "kubernetes/website" is a repository, "PowerCLI/ESXCLI" a pair of acronym-like tool names
    }
    int from = slashBefore ? start - 1 : start;
    int to = slashAfter ? end + 1 : end;
    int wordFrom = from;
    while (wordFrom > 0 && isWordChar(folded.charAt(wordFrom - 1))) {
      wordFrom--;
    }
    int wordTo = to;
    while (wordTo < folded.length() && isWordChar(folded.charAt(wordTo))) {
      wordTo++;
    }
    String other = slashBefore ? folded.substring(wordFrom, from) : folded.substring(to, wordTo);
    boolean bounded = !continuesPath(folded, wordFrom - 1, -1) && !continuesPath(folded, wordTo, 1);
    return bounded && !other.isEmpty() && Character.isUpperCase(other.charAt(0));
  }

  /** A path, domain or identifier goes on at {@code i} ("a/b/c", "x.io/y", "a_b/c"); emphasis and a sentence's end do not. */
  private static boolean continuesPath(String folded, int i, int step) {
    if (i < 0 || i >= folded.length()) {
      return false;
    }
    char c = folded.charAt(i);
    if (c == '/' || c == '\\' || c == '_' || c == '@') {
      return true;
    }
    int beyond = i + step;
    return (c == '.' || c == '-') && beyond >= 0 && beyond < folded.length() && isWordChar(folded.charAt(beyond));
  }

  private static boolean isWordChar(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  private static final String TOKEN_END = "，。；：！？、（）()《》【】「」“”\"'`,;!?|[]";

  /**
   * {@code kubernetes部署.md}, {@code docs/容器编排/}: the use is part of a file name or path written in prose (the
   * text around it up to white space or punctuation ends with a file extension or a slash, or is a slashed name
   * without Han; "CPU/容器" is prose).
   */
  static boolean inFileName(String folded, int start, int end) {
    int from = start;
    while (from > 0 && start - from < 80 && !Character.isWhitespace(folded.charAt(from - 1))
        && TOKEN_END.indexOf(folded.charAt(from - 1)) < 0) {
      from--;
    }
    int to = end;
    while (to < folded.length() && to - end < 80 && !Character.isWhitespace(folded.charAt(to))
        && TOKEN_END.indexOf(folded.charAt(to)) < 0) {
      to++;
    }
    String token = folded.substring(from, to).toLowerCase(java.util.Locale.ROOT);
    if (FILE.matcher(token).matches() || token.endsWith("/") || token.endsWith("\\")) {
      return true;
    }
    return (token.indexOf('/') >= 0 || token.indexOf('\\') >= 0)
        && token.chars().noneMatch(c -> TextForms.isHan((char) c));
  }

  private static final java.util.regex.Pattern FILE = java.util.regex.Pattern.compile(
      ".*\\.(md|markdown|ya?ml|json|sh|txt|png|jpe?g|svg|gif|toml|conf|go|py|rs|java|wasm|html?)");
}
