package org.docgate.validate.links;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.docgate.markdown.Slugger;

/**
 * How a renderer turns heading text into an id, and how it makes repeated ids unique. One constant per algorithm;
 * each names its source. Pure, except {@link Ids}, which remembers the ids one document has given.
 */
public enum SlugStyle {
  /** github-slugger 2.0 (GitHub itself, Docusaurus): see {@link Slugger}. */
  GITHUB("-") {
    @Override
    public String slugOf(String text) {
      return Slugger.slugOf(text);
    }
  },
  /**
   * GitLab's Banzai TableOfContentsFilter: lower-case, drop what is not a word character, a hyphen or a space,
   * spaces to hyphens, runs of hyphens squeezed to one, an all-digit id prefixed with {@code anchor-}
   * (gitlab-org/gitlab lib/banzai/filter/table_of_contents_filter.rb; issue 440733 describes the squeeze).
   */
  GITLAB("-") {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\- ]");

    @Override
    public String slugOf(String text) {
      String id = NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-')
          .replaceAll("-{2,}", "-");
      return id.chars().allMatch(Character::isDigit) && !id.isEmpty() ? "anchor-" + id : id;
    }
  },
  /**
   * Hugo's default {@code autoHeadingIDType: github} (markup/goldmark/autoid.go): letters, decimal digits and
   * {@code _} kept and lower-cased, each space, tab and hyphen becomes {@code -}, everything else dropped (unlike
   * GitHub, combining marks too); an empty id is {@code heading}.
   */
  HUGO("-") {
    @Override
    public String slugOf(String text) {
      StringBuilder out = new StringBuilder(text.length());
      text.strip().codePoints().forEach(cp -> {
        if (cp == '-' || cp == ' ' || cp == '\t') {
          out.append('-');
        } else if (cp == '_' || Character.isLetter(cp) || Character.isDigit(cp)) {
          out.appendCodePoint(Character.toLowerCase(cp));
        }
      });
      return out.isEmpty() ? "heading" : out.toString();
    }
  },
  /**
   * Hugo's {@code autoHeadingIDType: blackfriday} (blackfriday's SanitizedAnchorName, which Hugo's markup/goldmark
   * autoid.go keeps for sites that moved from Blackfriday): letters and numbers kept and lower-cased, every run of
   * anything else becomes one {@code -} between them, none at either end ({@code --fast-list} is {@code fast-list},
   * {@code --config=CONFIG_FILE} is {@code config-config-file}: rclone's site, round 28).
   */
  BLACKFRIDAY("-") {
    @Override
    public String slugOf(String text) {
      StringBuilder out = new StringBuilder(text.length());
      boolean dash = false;
      for (int cp : text.codePoints().toArray()) {
        if (Character.isLetter(cp) || Character.isDigit(cp)) {
          if (dash && !out.isEmpty()) {
            out.append('-');
          }
          dash = false;
          out.appendCodePoint(Character.toLowerCase(cp));
        } else {
          dash = true;
        }
      }
      return out.toString();
    }
  },
  /**
   * Python-Markdown's toc {@code slugify}, MkDocs' default: NFKD, non-ASCII dropped, then anything but word
   * characters, spaces and hyphens dropped, lower-cased, trimmed, runs of spaces and hyphens to one {@code -}
   * (markdown/extensions/toc.py). A heading in Chinese gets an empty slug, made unique as {@code _1}, {@code _2}.
   */
  MKDOCS("_") {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\w\\s-]");
    private static final Pattern SEPARATORS = Pattern.compile("[-\\s]+");

    @Override
    public String slugOf(String text) {
      String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7F]", "");
      String v = NOT_WORD.matcher(ascii).replaceAll("").strip().toLowerCase(Locale.ROOT);
      return SEPARATORS.matcher(v).replaceAll("-");
    }
  },
  /**
   * VitePress (@mdit-vue/shared slugify): NFKD, combining accents and control characters removed, each run of
   * whitespace and ASCII punctuation (and curly quotes) becomes one {@code -}, leading and trailing {@code -}
   * trimmed, a leading digit prefixed with {@code _}, lower-cased; duplicates get {@code -1}, {@code -2}
   * (markdown-it-anchor).
   */
  VITEPRESS("-") {
    private static final Pattern SPECIAL =
        Pattern.compile("[\\s~`!@#$%^&*()\\-_+=\\[\\]{}|\\\\;:\"'\u201c\u201d\u2018\u2019<>,.?/]+");

    @Override
    public String slugOf(String text) {
      String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("[\u0300-\u036F]", "")
          .replaceAll("[\u0000-\u001F]", "");
      s = SPECIAL.matcher(s).replaceAll("-").replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "")
          .replaceFirst("^(\\d)", "_$1");
      return s.toLowerCase(Locale.ROOT);
    }
  };

  private final String duplicateSeparator;

  SlugStyle(String duplicateSeparator) {
    this.duplicateSeparator = duplicateSeparator;
  }

  /** The id of one heading text, before duplicates are made unique. Pure. */
  public abstract String slugOf(String text);

  /** The id a heading gets in a document that has already given {@code ids}; adds it to them. */
  public String unique(String slug, Set<String> ids) {
    if (this == MKDOCS) {
      // Python-Markdown's unique(): an empty id or a taken one gets _1, _2, ... appended until it is free.
      String id = slug;
      int n = 0;
      while (id.isEmpty() || ids.contains(id)) {
        id = slug + duplicateSeparator + (++n);
      }
      ids.add(id);
      return id;
    }
    String id = slug;
    int n = 0;
    while (ids.contains(id)) {
      id = slug + duplicateSeparator + (++n);
    }
    ids.add(id);
    return id;
  }

  public static SlugStyle parse(String name) {
    return SlugStyle.valueOf(name.strip().toUpperCase(Locale.ROOT));
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
