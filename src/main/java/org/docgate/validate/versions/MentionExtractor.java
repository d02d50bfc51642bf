package org.docgate.validate.versions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.corpus.WordFinder;

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
  /** After a version: the API it versions ("Docker v1.40 API"), not a release of the product. */
  private static final Pattern API = Pattern.compile("\\s*(?:API|api)\\b");
  private static final Pattern LIST_SEP = Pattern.compile("\\s?(?:/|、|,|，|和|或|and |or )\\s?");
  private static final Pattern FILE_OR_URL =
      Pattern.compile("://|www\\.|\\.(?:md|markdown|ya?ml|json|txt|sh|py|html?|pdf|png|jpe?g|svg|tar|gz|zip|iso|ova)"
          + "(?![A-Za-z0-9])");

  /** "版本:" or "version:" between a product and its version (the colon required: "Kubernetes 版本 1.28 的" is no key). */
  private static final Pattern VERSION_KEY = Pattern.compile("(?:版本|[Vv]ersion)[\\s*]*[:：][\\s*]*");

  private final Map<String, Product> byAlias = new LinkedHashMap<>();
  /**
   * The aliases, longest first (a stable sort: equal lengths keep the products' order). At a position the first alias
   * in this order that starts there is taken, as the regex alternation of them all did; that alternation was tried
   * at every position where an alias may start and was a sixth of a scan's CPU.
   */
  private final List<String> aliases;
  private final WordFinder finder;

  public MentionExtractor(List<Product> products) {
    List<String> all = new ArrayList<>();
    for (Product p : products) {
      for (String a : p.aliases()) {
        byAlias.put(a, p);
        all.add(a);
      }
    }
    all.sort(Comparator.comparingInt(String::length).reversed());
    // no alias is empty in a manifest; the regex would have looped forever on one
    aliases = all.stream().filter(a -> !a.isEmpty()).toList();
    finder = new WordFinder(aliases, false);
  }

  /** The mentions in {@code text} (one line), in order. */
  public List<Mention> extract(String text) {
    List<Mention> out = new ArrayList<>();
    int from = 0;
    for (AliasAt hit; (hit = nextAlias(text, from)) != null; ) {
      int start = hit.start();
      int aliasEnd = hit.end();
      from = aliasEnd;
      Product product = byAlias.get(hit.alias());
      int p = aliasEnd;
      while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\u00A0' || text.charAt(p) == '\t')) {
        p++;
      }
      if (p < text.length() && Scripts.isLatinWord(text.charAt(p)) && p == aliasEnd
          && !(text.charAt(p) == 'v' || text.charAt(p) == 'V' || Scripts.isAsciiDigit(text.charAt(p)))) {
        continue; // "Dockerfile 1.0", "Kubernetes-native": a longer word, not this alias
      }
      Matcher keyed = VERSION_KEY.matcher(text).region(p, text.length());
      boolean key = keyed.lookingAt() && (p > aliasEnd || text.charAt(p) == '版'); // not "Kubernetesversion"
      if (key) {
        p = keyed.end(); // "vSphere版本: 8.0.2", "**Kubernetes version**: 1.31": the product's version as a key
      }
      // a keyed mention is its version alone (target and fix): the key between may hold markup ("**: ")
      List<Mention> found = versionsAt(text, key ? p : start, p, product);
      if (found.isEmpty() && p > aliasEnd && !product.codenames().isEmpty()) {
        found = codenameAt(text, start, p, product);
      }
      if (!found.isEmpty() && !insideFileNameUrlOrTitle(text, start, found.get(found.size() - 1).end())) {
        out.addAll(found);
        from = found.get(found.size() - 1).end();
      }
    }
    return out;
  }

  /**
   * The products {@code text} names without a version ("Kubernetes 版本", "Supported Kubernetes releases"), each
   * once, in order: an alias standing as a word (script-aware, as in {@link #extract}).
   */
  public List<Product> productsNamed(String text) {
    List<Product> out = new ArrayList<>();
    int from = 0;
    for (AliasAt hit; (hit = nextAlias(text, from)) != null; ) {
      int end = hit.end();
      from = end;
      if (end < text.length() && (Scripts.isLatinWord(text.charAt(end)) || text.charAt(end) == '-')) {
        continue;
      }
      Product p = byAlias.get(hit.alias());
      if (!out.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /** An alias in a text: where it starts, and which (the longest at that place). */
  private record AliasAt(int start, String alias) {
    int end() {
      return start + alias.length();
    }
  }

  /**
   * The first alias at or after {@code from} that may begin a mention: not glued to the word, path or identifier
   * before it ({@link #aliasMayFollow}); a glued one is passed over whole. Null when none is left.
   */
  private AliasAt nextAlias(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      int a = finder.at(text, i);
      if (a < 0) {
        continue;
      }
      String alias = aliases.get(a);
      if (i == 0 || aliasMayFollow(text.charAt(i - 1))) {
        return new AliasAt(i, alias);
      }
      i += alias.length() - 1;
    }
    return null;
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
      int end = codenameAfter(text, first.end, first.version, product);
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
      if (API.matcher(text).region(end, text.length()).lookingAt()) {
        return out; // "the Docker v1.40 API" (podman's docs, judged WRONG as eol in round 26): an API's version
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

  /**
   * Where a version's own codename after it ends ("macOS 10.15 Catalina +" reads as 10.15 and later: nix 2.8's
   * install notes, a lower bound), or {@code end} when none follows.
   */
  private static int codenameAfter(String text, int end, Version version, Product product) {
    if (product.codenames().isEmpty() || end >= text.length() || text.charAt(end) != ' ') {
      return end;
    }
    Parsed named = codename(text, end + 1, product);
    if (named == null || !named.version().equals(version)) {
      return end;
    }
    // "Catalina +": the space before a plus that makes the version a lower bound is the plus's
    int after = named.end();
    return after + 1 < text.length() && text.charAt(after) == ' ' && text.charAt(after + 1) == '+' ? after + 1 : after;
  }

  private static final Pattern NAME_WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)?");

  /**
   * The release cycle a codename at {@code p} names, and where the name ends: "Buster" (Debian 10), "Jammy
   * Jellyfish" or "jammy" (Ubuntu 22.04), "Big Sur" (macOS 11); two words tried before one. Null when the words there
   * are no codename of the product.
   */
  private static Parsed codename(String text, int p, Product product) {
    Matcher first = NAME_WORD.matcher(text).region(p, text.length());
    if (!first.lookingAt()) {
      return null;
    }
    Matcher second = NAME_WORD.matcher(text).region(Math.min(first.end() + 1, text.length()), text.length());
    if (first.end() < text.length() && text.charAt(first.end()) == ' ' && second.lookingAt()) {
      Version two = product.codenames().get(text.substring(p, second.end()).toLowerCase(java.util.Locale.ROOT));
      if (two != null) {
        return new Parsed(two, second.end());
      }
    }
    Version one = product.codenames().get(first.group().toLowerCase(java.util.Locale.ROOT));
    return one == null ? null : new Parsed(one, first.end());
  }

  /** A release named by its codename after the product and a space ("Debian Buster"), as one mention; or none. */
  private static List<Mention> codenameAt(String text, int start, int p, Product product) {
    Parsed named = codename(text, p, product);
    if (named == null || !endsCleanly(text, named.end())) {
      return List.of();
    }
    return List.of(new Mention(product, VersionSpec.of(named.version()), start, named.end(), p,
        text.substring(start, named.end()), text.substring(p, named.end())));
  }

  private static Parsed version(String text, int at, Product product) {
    boolean vsphere = product.scheme() == VersionScheme.VSPHERE;
    Matcher m = (vsphere ? VSPHERE_VERSION : DOTTED_VERSION).matcher(text).region(at, text.length());
    if (!m.lookingAt()) {
      return null;
    }
    String written = m.group();
    int pre = vsphere ? -1 : written.indexOf('-');
    Version named = product.codenames().get(written);
    if (named != null) {
      return new Parsed(named, m.end()); // "Visual Studio 2019": the year names the cycles 16.x, the newest of them
    }
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
