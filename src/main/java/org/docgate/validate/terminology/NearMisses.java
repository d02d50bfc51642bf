package org.docgate.validate.terminology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.docgate.text.EditDistance;

/**
 * Misspellings of the vocabulary's names ("Kuberenetes", "Promethues"), found by edit distance rather than listed:
 * every canonical name of every rule (a substitution's preferred form, a capitalization term, a consistency rule's
 * preferred form, an accepted word) plus the rule's own {@code names}. Pure.
 *
 * <p>Guards, precision first: a word is a near miss only when it is one edit from the name (two for names of nine
 * letters or more; for five-letter names only two swapped neighbours, which count as one edit: "Isito"), starts with
 * the same letter, is a word of letters alone (no digits or '_': identifiers) without camel case the name does not
 * have ("containerID"), stands alone (not inside a path, URL, domain or flag), is not a form any rule lists, is not
 * the name with another English ending ("containers" and "containerd" share the stem "container"; "dockerd"), is not
 * a word of the rule's dictionary ("linked" is not a slip of "Linkerd") nor as close to one ("contiainers"), and is
 * not a word of its own in the corpus (written five times or more, and at least a tenth as often as the name).
 */
final class NearMisses {
  /** A near miss in a run: [start, end) and the name it misses. */
  record Miss(int start, int end, String name) {}

  private final Map<String, String> names = new LinkedHashMap<>();
  /** Forms some rule matches (case-sensitive ones as written, folded; case-insensitive ones in lower case). */
  private final Set<String> known = new HashSet<>();
  private final Set<String> knownAnyCase = new HashSet<>();
  /** The rule's dictionary: English words are not misspellings of a name. */
  private final Set<String> words;

  NearMisses(TermRule rule, List<TermRule> all) {
    this.words = rule.options().words();
    List<String> candidates = new ArrayList<>(rule.options().names());
    for (TermRule r : all) {
      for (Term t : r.terms()) {
        if (t.ignoreCase()) {
          knownAnyCase.add(TextForms.foldLower(t.text()));
        } else {
          known.add(TextForms.fold(t.text()));
        }
        switch (t.role()) {
          case PREFERRED -> candidates.add(t.text());
          case CASED -> {
            // A lower-case name of a names rule (kubelet, iptables) is an identifier among identifiers: kubenet and
            // iptable are names of their own, not slips of it.
            // A separator variant (ArgoCD for Argo CD) is no name to suggest.
            if (r.kind() != RuleKind.NAMES
                || (t.text().equals(t.preferred()) && !t.text().equals(t.text().toLowerCase(Locale.ROOT)))) {
              candidates.add(t.text());
            }
          }
          case FORM -> {
            if (r.options().prefer().contains(t.text())) {
              candidates.add(t.text());
            }
          }
          default -> { }
        }
      }
    }
    for (String c : candidates) {
      String lower = c.toLowerCase(Locale.ROOT);
      if (!lower.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
        continue;
      }
      if (lower.length() >= rule.options().minLength()) {
        names.putIfAbsent(lower, c);
      } else if (lower.length() >= SHORTEST) {
        shortNames.putIfAbsent(lower, c);
      }
    }
    names.entrySet().forEach(e -> byFirstLetter.computeIfAbsent(e.getKey().charAt(0), c -> new ArrayList<>())
        .add(e));
  }

  /** Names shorter than this are too close to too many words and identifiers to have near misses at all. */
  private static final int SHORTEST = 4;
  /**
   * Names shorter than the rule's {@code minLength} (gRPC, Helm): one edit from them is as often another name as a
   * slip, so only a doubled letter counts ("gGRPC", "Hellm"), the keyboard's stutter.
   */
  private final Map<String, String> shortNames = new LinkedHashMap<>();

  /** The names checked, lower case to canonical. */
  Map<String, String> names() {
    return names;
  }

  /** The near misses in a run's text; {@code corpusCount} tells how often a lower-case word is written. */
  List<Miss> in(String text, ToLongFunction<String> corpusCount) {
    List<Miss> out = new ArrayList<>();
    String folded = TextForms.fold(text);
    eachWord(folded, (start, end) -> {
      String word = folded.substring(start, end);
      String name = missed(word);
      if (name != null && standsAlone(folded, start, end)
          && !isOwnWord(word.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT), corpusCount)) {
        out.add(new Miss(start, end, name));
      }
    });
    return out;
  }

  /** Where a word is in a text: [start, end). */
  private interface WordAt {
    void at(int start, int end);
  }

  /** Each run of Latin word characters of a folded text, in order: one scan for the near misses and the counts. */
  private static void eachWord(String folded, WordAt visit) {
    int i = 0;
    while (i < folded.length()) {
      if (!TextForms.isLatinWord(folded.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < folded.length() && TextForms.isLatinWord(folded.charAt(i))) {
        i++;
      }
      visit.at(start, i);
    }
  }

  /** What {@link #missed} answered per word as written ({@link #NONE} for no name): a corpus repeats its words. */
  private final Map<String, String> answered = new java.util.concurrent.ConcurrentHashMap<>();
  private static final String NONE = "";
  /** Distinct words remembered at most (a corpus's vocabulary is far smaller; past it, words are judged afresh). */
  private static final int REMEMBERED = 200_000;
  /** {@link #names} by first letter, in their order: only a name with the word's first letter can be missed. */
  private final Map<Character, List<Map.Entry<String, String>>> byFirstLetter = new java.util.HashMap<>();

  /** The canonical name a word misses, or null (a pure function of the word: remembered per word). */
  String missed(String word) {
    String before = answered.get(word);
    if (before != null) {
      return before.equals(NONE) ? null : before;
    }
    String name = judge(word);
    if (answered.size() < REMEMBERED) {
      answered.put(word, name == null ? NONE : name);
    }
    return name;
  }

  private String judge(String word) {
    if (word.isEmpty() || word.chars().anyMatch(c -> c >= 128 || !Character.isLetter(c))) {
      return null;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    if (known.contains(word) || knownAnyCase.contains(lower) || words.contains(lower)) {
      return null;
    }
    for (Map.Entry<String, String> n : byFirstLetter.getOrDefault(lower.charAt(0), List.of())) {
      String name = n.getKey();
      if (Math.abs(lower.length() - name.length()) > 2
          || camelCase(word, n.getValue())) {
        continue;
      }
      boolean swapped = swapsOnce(lower, name);
      int limit = name.length() >= 9 ? 2 : name.length() >= 6 ? 1 : 0;
      int d = swapped ? 1 : EditDistance.between(lower, name, limit);
      if ((swapped || (d >= 1 && d <= limit)) && !(lower.length() >= name.length() && sameStem(lower, name))
          && !daemonOf(lower, name)
          && !nearWord(lower, d) && !otherAcronym(word, n.getValue())) {
        return n.getValue();
      }
    }
    for (Map.Entry<String, String> n : shortNames.entrySet()) {
      if (doublesOneLetter(lower, n.getKey()) && !camelCase(word, n.getValue()) && !nearWord(lower, 1)) {
        return n.getValue();
      }
    }
    return null;
  }

  /**
   * {@code OpenAI} beside {@code OpenAPI}: the same word before two different acronyms (runs of two or more
   * capitals that end the words) names another thing, not a slip of the name (Qwen Code's docs, round 45: judged
   * WRONG). Capitals inside a word are one word's ({@code VMVware} is a slip of VMware, Icinga's docs).
   */
  static boolean otherAcronym(String word, String name) {
    java.util.regex.Matcher a = ACRONYM.matcher(word);
    java.util.regex.Matcher b = ACRONYM.matcher(name);
    if (!a.find() || !b.find()) {
      return false; // no run of capitals ends one of them: "VMVware" is a slip of VMware
    }
    return word.substring(0, a.start()).equalsIgnoreCase(name.substring(0, b.start())) && !a.group().equals(b.group());
  }

  private static final java.util.regex.Pattern ACRONYM = java.util.regex.Pattern.compile("\\p{Lu}{2,}$");

  /** "ggrpc" for "grpc": the name with one of its letters typed twice. */
  static boolean doublesOneLetter(String word, String name) {
    if (word.length() != name.length() + 1) {
      return false;
    }
    int i = 0;
    while (i < name.length() && word.charAt(i) == name.charAt(i)) {
      i++;
    }
    // word[i] is the extra letter: the same as the one before it (or after it, when it leads)
    boolean doubled = (i > 0 && word.charAt(i) == word.charAt(i - 1))
        || (i + 1 < word.length() && word.charAt(i) == word.charAt(i + 1));
    return doubled && word.substring(i + 1).equals(name.substring(i));
  }

  /**
   * {@code containerID}, {@code FlannelD}: a capital inside the word where the name has none is an identifier's
   * camel case, not a slip of the name. {@code onSearch} for OpenSearch (a component's prop in Zent's API table,
   * judged WRONG in round 26): a word that starts lower-case and has a capital inside is an identifier's lower camel
   * case, unless the name is written so itself ({@code macOS}).
   */
  static boolean camelCase(String word, String name) {
    boolean nameHasInnerCapital = name.chars().skip(1).anyMatch(Character::isUpperCase);
    boolean wordHasInnerCapital = word.chars().skip(1).anyMatch(Character::isUpperCase);
    boolean allCaps = word.chars().allMatch(Character::isUpperCase);
    boolean lowerCamel = !word.isEmpty() && Character.isLowerCase(word.charAt(0)) && wordHasInnerCapital;
    boolean nameLowerCamel = !name.isEmpty() && Character.isLowerCase(name.charAt(0)) && nameHasInnerCapital;
    return wordHasInnerCapital && !nameHasInnerCapital && !allCaps || lowerCamel && !nameLowerCamel;
  }

  /** "contiainers" is two edits from "containerd" but one from "containers": a slip of that word, not of the name. */
  private boolean nearWord(String lower, int distance) {
    if (words.isEmpty()) {
      return false;
    }
    for (String w : words) {
      if (Math.abs(w.length() - lower.length()) <= distance && w.charAt(0) == lower.charAt(0)
          && (swapsOnce(lower, w) || EditDistance.between(lower, w, distance) <= distance)) {
        return true;
      }
    }
    return false;
  }

  /** "Dokcer" and "Docker": the same letters with one pair of neighbours swapped. */
  static boolean swapsOnce(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int i = 0;
    while (i < a.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
        && a.substring(i + 2).equals(b.substring(i + 2));
  }

  private static final List<String> ENDINGS = List.of("s", "es", "d", "ed", "er", "ers", "ing", "r", "y");

  /** "containers" / "containerd", "firecrackers" / "firecracker": one stem with different English endings. */
  static boolean sameStem(String a, String b) {
    Set<String> stems = stems(a);
    stems.retainAll(stems(b));
    return !stems.isEmpty();
  }

  /**
   * A daemon's name: the start of the name with a {@code d} ("mongod" for MongoDB's server process: Zabbix's MongoDB
   * template README, judged WRONG as a slip of "MongoDB" three times in round 36).
   */
  static boolean daemonOf(String word, String name) {
    int stem = word.length() - 1;
    return stem >= 4 && word.endsWith("d") && name.length() > word.length() && name.startsWith(word.substring(0, stem));
  }

  private static Set<String> stems(String w) {
    Set<String> out = new HashSet<>();
    out.add(w);
    for (String e : ENDINGS) {
      if (w.length() > e.length() + 3 && w.endsWith(e)) {
        out.add(w.substring(0, w.length() - e.length()));
      }
    }
    return out;
  }

  /** A word the corpus itself writes often enough to be a word of its own, not a slip of the name. */
  private static boolean isOwnWord(String word, String name, ToLongFunction<String> corpusCount) {
    long n = corpusCount.applyAsLong(word);
    return n >= 5 && n * 10 >= corpusCount.applyAsLong(name);
  }

  /** Not part of a longer name: the same boundaries as a term use ({@link TermMatcher#standsAlone}). */
  private static boolean standsAlone(String folded, int start, int end) {
    if (start > 0) {
      char before = folded.charAt(start - 1);
      if (TextForms.isNameGlue(before) && (before == '/' || before == '\\' || before == '.' || before == '$'
          || (start > 1 && TextForms.isTokenChar(folded.charAt(start - 2))))) {
        return false;
      }
    }
    if (end < folded.length()) {
      char after = folded.charAt(end);
      if (TextForms.isNameGlue(after) && (after == '/' || after == '\\' || after == '_'
          || (end + 1 < folded.length() && TextForms.isTokenChar(folded.charAt(end + 1))))) {
        return false;
      }
    }
    return !TermMatcher.inFileName(folded, start, end);
  }

  /** Lower-case Latin words of a text, for the corpus's word counts. */
  static void countWords(String text, Map<String, Long> counts) {
    String folded = TextForms.fold(text);
    eachWord(folded,
        (start, end) -> counts.merge(folded.substring(start, end).toLowerCase(Locale.ROOT), 1L, Long::sum));
  }
}
