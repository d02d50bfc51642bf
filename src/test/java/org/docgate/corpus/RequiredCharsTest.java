package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RequiredChars lets a cue pattern skip texts it cannot match, and never one it can: the sets read from the regex,
 * the syntax it leaves alone, and a check of every pattern against texts made to match it (case folded included).
 */
class RequiredCharsTest {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiterString = " -> ", nullValues = "-", textBlock = """
      (集成|发布|推出)了 -> 了 发推集
      于\\s*(19|20)\\d{2}\\s*年 -> 12 于 年 0123456789
      (>=|≥|=>)\\s*v?\\d -> =>≥ 0123456789
      [(（]\\s*(19|20)\\d{2}\\s*[)）] -> (（ )） 12 0123456789
      \\b(alpha|beta)\\b(?!\\s+(in|for)\\s) -> BPbp
      k -> Kk\u212A
      a{0,3}b -> Bb
      (?<!x)y -> Yy
      ab? -> Aa
      \\Qa.b\\E -> .
      [a-c]x|\\Qab\\E -> BXbx
      [^a]b -> Bb
      \\p{L}b -> Bb
      (?<name>z)\\k<name> -> Zz
      """)
  void setsReadFromTheRegex(String regex, String expected) {
    assertThat(RequiredChars.of(Pattern.compile(regex, FLAGS)).chars()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiterString = " -> ", textBlock = """
      ''
      a|
      .*
      (?i)x
      (?x) a b
      [a[b]]
      [a-z&&[^e]]
      x*
      (a)?
      []a]
      \\0101
      \\cA
      \\x{41}
      """)
  void whatItDoesNotModelLetsEveryTextThrough(String regex) {
    assertThat(RequiredChars.of(Pattern.compile(regex, FLAGS)).chars()).isNull();
    assertThat(RequiredChars.of(Pattern.compile(regex, FLAGS)).mayMatch("")).isTrue();
  }

  @Test
  void flagsBesidesIgnoringCaseLetEveryTextThrough() {
    assertThat(RequiredChars.of(Pattern.compile("a", Pattern.COMMENTS)).chars()).isNull();
    assertThat(RequiredChars.of(Pattern.compile("a", FLAGS | Pattern.UNICODE_CHARACTER_CLASS)).chars()).isNull();
    assertThat(RequiredChars.of(Pattern.compile("a")).chars()).isEqualTo("Aa");
  }

  @ParameterizedTest(name = "{0} in \"{1}\"")
  @CsvSource(delimiterString = " -> ", textBlock = """
      \\b(alpha|beta|GA|stable)\\s+(in|since)\\s+v?\\d -> BETA IN 1.22
      k8s -> \u212A8S
      s -> \u017F
      i -> \u0130
      [a-c] -> B
      (集成|发布)了 -> 发布了
      [(（]\\s*(19|20)\\d{2}\\s*[)）] -> （ 2017 ）
      """)
  void aTextThePatternMatchesIsLetThrough(String regex, String text) {
    Pattern p = Pattern.compile(regex, FLAGS);
    assertThat(p.matcher(text).find()).as("the regex matches").isTrue();
    assertThat(RequiredChars.of(p).mayMatch(text)).isTrue();
  }

  @Test
  void theCurrencyPatternsNeverSkipATextTheyMatch() {
    // every pattern of the packaged currency.yaml against its own matches, case swapped, and made-up near misses
    List<String> texts = new ArrayList<>(List.of("Beta in 1.22", "graduated to GA", "moved to beta", "于 2019 年",
        "2025-10", "2025年3月", "（2017）", "(2017)", "in 2019", "since 2020", ">= 1.27", "≥v1", "=> 2",
        "1.18 以来", "v1.20 版本开始", "a beta feature", "is ALPHA", "升级了", "提升至了", "发布日期 2024",
        "ALPHA IN K8S 1.2", "PROMOTED TO STABLE", "1.2.3起", "no cue at all", "版本 1.28", ""));
    for (Pattern p : currencyPatterns()) {
      RequiredChars needs = RequiredChars.of(p);
      for (String t : texts) {
        for (String variant : List.of(t, t.toUpperCase(), t.toLowerCase())) {
          if (p.matcher(variant).find()) {
            assertThat(needs.mayMatch(variant)).as(p + " on " + variant).isTrue();
          }
        }
      }
    }
  }

  @Test
  void aTextsCharactersReadBeforehandGiveTheSameAnswers() {
    // ASCII and CJK texts, some holding a pattern's characters and most not, against every packaged pattern
    java.util.Random random = new java.util.Random(21);
    String alphabet = "abcdefgkstivGAB0123456789 .-()（）于年月版本发布了集成以来起≥=><\u212A\u017F\u0130";
    List<String> texts = new ArrayList<>(List.of("", "Beta in 1.22", "于 2019 年", "no cue at all", "版本 1.28"));
    for (int i = 0; i < 3_000; i++) {
      StringBuilder t = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        t.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      texts.add(t.toString());
    }
    List<Pattern> patterns = new ArrayList<>(currencyPatterns());
    patterns.addAll(List.of(Pattern.compile("k8s", FLAGS), Pattern.compile("(集成|发布)了", FLAGS), Pattern.compile(".*")));
    for (Pattern p : patterns) {
      RequiredChars needs = RequiredChars.of(p);
      for (String t : texts) {
        assertThat(needs.mayMatch(t, new RequiredChars.TextChars(t))).as(p + " on " + t).isEqualTo(needs.mayMatch(t));
      }
    }
  }

  @Test
  void theCurrencyPatternsGetFilters() {
    // the reason it exists: none of the packaged patterns runs on every text
    for (Pattern p : currencyPatterns()) {
      assertThat(RequiredChars.of(p).chars()).as(p.pattern()).isNotNull();
    }
  }

  private static List<Pattern> currencyPatterns() {
    String yaml = org.docgate.config.RuleFiles.packaged().read(CurrencyRules.FILE).orElseThrow().text();
    List<Pattern> out = new ArrayList<>();
    for (String line : yaml.split("\n")) {
      java.util.regex.Matcher m = Pattern.compile("'((?:[^']|'')+)'").matcher(line);
      boolean patterns = line.contains("patterns:") || line.strip().startsWith("'");
      while (patterns && m.find()) {
        out.add(Pattern.compile(m.group(1).replace("''", "'"), FLAGS));
      }
    }
    assertThat(out).hasSizeGreaterThan(8);
    return out;
  }
}
