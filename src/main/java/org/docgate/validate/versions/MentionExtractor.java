package org.docgate.validate.versions;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds product mentions in one line of prose: an alias, optional spaces and {@code v}, then a version
 * expression (one version, {@code 1.28+}, {@code 1.28-1.31}, or a list {@code 1.30/1.31}, each list item being its
 * own mention). Boundaries are script-aware ({@link Scripts}): "使用Kubernetes 1.28部署" and "基于K8s1.30" match,
 * "kubernetes/1.30", "my-docker 1.2" and "Kubernetes_1.30更新报告.md" do not; neither do file names, URLs and
 * titles in 《》. Built once from the manifest; thread-safe and pure.
 */
public final class MentionExtractor {
  private static final String NUM = "v?\\d{1,4}(?:\\.\\d{1,4}){0,3}(?:\\.[xX])?";
  private static final String UPDATE = "(?:\\s?(?:U|Update\\s?)\\d{1,2}[a-z]?(?![A-Za-z0-9]))";
  private static final String PRE = "(?:-(?:alpha|beta|rc)(?:\\.?\\d+)?)";
  private static final Pattern DOTTED_VERSION = Pattern.compile(NUM + PRE + "?");
  private static final Pattern VSPHERE_VERSION = Pattern.compile(NUM + UPDATE + "?");
  private static final Pattern RANGE_SEP = Pattern.compile("\\s?(?:-|–|~|～|至)\\s?");
  private static final Pattern LIST_SEP = Pattern.compile("\\s?(?:/|、|,|，|和|或|and |or )\\s?");
  private static final Pattern FILE_OR_URL =
      Pattern.compile("://|www\\.|\\.(?:md|markdown|ya?ml|json|txt|sh|py|html?|pdf|png|jpe?g|svg|tar|gz|zip|iso|ova)"
          + "(?![A-Za-z0-9])");

  private final Pattern aliases;
  private final Map<String, Product> byAlias = new LinkedHashMap<>();
  /**
   * The first characters of all aliases. java.util.regex tries every branch of the alias alternation at every
   * position of a line; trying it only where an alias can start finds the same leftmost match (JMH: mention
   * extraction cost 7x the terminology pass before this).
   */
  private final BitSet firstChars = new BitSet();

  public MentionExtractor(List<Product> products) {
    List<String> all = new ArrayList<>();
    for (Product p : products) {
      for (String a : p.aliases()) {
        byAlias.put(a, p);
        all.add(a);
        if (!a.isEmpty()) {
          firstChars.set(a.charAt(0));
        }
      }
    }
    all.sort(Comparator.comparingInt(String::length).reversed());
    StringBuilder re = new StringBuilder();
    for (String a : all) {
      re.append(re.isEmpty() ? "" : "|").append(Pattern.quote(a));
    }
    aliases = all.isEmpty() ? Pattern.compile("(?!)") : Pattern.compile(re.toString());
  }

  /** The mentions in {@code text} (one line), in order. */
  public List<Mention> extract(String text) {
    List<Mention> out = new ArrayList<>();
    Matcher m = aliases.matcher(text);
    int from = 0;
    while (from < text.length() && findAlias(m, text, from)) {
      int start = m.start();
      from = m.end();
      if (start > 0 && !aliasMayFollow(text.charAt(start - 1))) {
        continue;
      }
      Product product = byAlias.get(m.group());
      int p = m.end();
      while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\u00A0' || text.charAt(p) == '\t')) {
        p++;
      }
      if (p < text.length() && Scripts.isLatinWord(text.charAt(p)) && p == m.end()
          && !(text.charAt(p) == 'v' || text.charAt(p) == 'V' || Scripts.isAsciiDigit(text.charAt(p)))) {
        continue; // "Dockerfile 1.0", "Kubernetes-native": a longer word, not this alias
      }
      List<Mention> found = versionsAt(text, start, p, product);
      if (!found.isEmpty() && !insideFileNameUrlOrTitle(text, start, found.get(found.size() - 1).end())) {
        out.addAll(found);
        from = found.get(found.size() - 1).end();
      }
    }
    return out;
  }

  /** Like {@code m.find(from)}, but the alternation is only tried where an alias can start. */
  private boolean findAlias(Matcher m, String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (firstChars.get(text.charAt(i)) && m.region(i, text.length()).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  /** The character before an alias: anything but a Latin word character or a path/URL/identifier joiner. */
  private static boolean aliasMayFollow(char c) {
    return !Scripts.isLatinWord(c) && "-./\\:@#=$%&".indexOf(c) < 0;
  }

  /** Parses the version expression at {@code p}; one mention per list item. Empty when there is none. */
  private List<Mention> versionsAt(String text, int start, int p, Product product) {
    List<Mention> out = new ArrayList<>();
    int at = p;
    while (true) {
      Parsed first = version(text, at, product);
      if (first == null) {
        return out;
      }
      int end = first.end;
      VersionSpec spec = VersionSpec.of(first.version);
      Matcher range = RANGE_SEP.matcher(text).region(end, text.length());
      if (range.lookingAt()) {
        Parsed second = version(text, range.end(), product);
        if (second != null && second.version.compareTo(first.version) > 0) {
          spec = new VersionSpec(first.version, second.version, false);
          end = second.end;
        }
      }
      if (spec.isSingle() && end < text.length() && text.charAt(end) == '+') {
        spec = new VersionSpec(first.version, null, true);
        end++;
      }
      Matcher list = LIST_SEP.matcher(text).region(end, text.length());
      boolean more = list.lookingAt() && version(text, list.end(), product) != null;
      if (!more && !endsCleanly(text, end)) {
        return out; // a longer token ("1.28.md", "1.30_x"): not a version
      }
      int mentionStart = out.isEmpty() ? start : at;
      out.add(new Mention(product, spec, mentionStart, end, at, text.substring(mentionStart, end),
          text.substring(at, first.end)));
      if (!more) {
        return out;
      }
      at = list.end();
    }
  }

  private record Parsed(Version version, int end) {}

  private static Parsed version(String text, int at, Product product) {
    boolean vsphere = product.scheme() == VersionScheme.VSPHERE;
    Matcher m = (vsphere ? VSPHERE_VERSION : DOTTED_VERSION).matcher(text).region(at, text.length());
    if (!m.lookingAt()) {
      return null;
    }
    String written = m.group();
    int pre = vsphere ? -1 : written.indexOf('-');
    try {
      return new Parsed(Version.parse(pre < 0 ? written : written.substring(0, pre), product.scheme()), m.end());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** After a version: not a Latin letter, digit, {@code _}, a path or a decimal continuing it. */
  private static boolean endsCleanly(String text, int end) {
    if (end >= text.length()) {
      return true;
    }
    char c = text.charAt(end);
    if (Scripts.isLatinWord(c) || c == '/' || c == '\\' || c == '%' || c == '@') {
      return false;
    }
    if ((c == '.' || c == '-' || c == ':') && end + 1 < text.length() && Scripts.isLatinWord(text.charAt(end + 1))) {
      return false;
    }
    return true;
  }

  /** File names, paths, URLs and 《titles》: the token holding the mention, or an enclosing 《》. */
  private static boolean insideFileNameUrlOrTitle(String text, int start, int end) {
    int a = start;
    while (a > 0 && !Scripts.endsToken(text.charAt(a - 1))) {
      a--;
    }
    int b = end;
    while (b < text.length() && !Scripts.endsToken(text.charAt(b))) {
      b++;
    }
    if (FILE_OR_URL.matcher(text.substring(a, b)).find()) {
      return true;
    }
    int open = text.lastIndexOf('《', start);
    return open >= 0 && text.lastIndexOf('》', start) < open && text.indexOf('》', end) >= 0;
  }
}
