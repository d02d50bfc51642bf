package org.docgate.validate.versions;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version a sentence calls the latest, with the date the claim was true: "最新版本: v1.18 (2024年10月)",
 * "**最新版本**：v1.37.0（2025 年 9 月 9 日发布）", "latest release v2.13 (Sep 2024)". Whether a product has a newer
 * release needs version data; the claim's own date says, without any, that "latest" has not been looked at since.
 * A date with a year alone counts as its December, a quarter as its last month (the claim is given the latest date
 * it can mean). Pure.
 */
record DatedLatest(String version, int start, YearMonth date) {
  /**
   * The latest words of {@link LatestClaim} (最新版本, 最新稳定版, latest (release), newest, most recent), and a kind of
   * release between 最新 and 版本 (最新规范版本, 最新正式版本).
   */
  static final Pattern LATEST = Pattern.compile("最新(?:的)?\\p{IsHan}{0,2}?(?:版本|版)|最新发布|最新(?![\\p{IsHan}])"
      + "|\\b(?:latest|newest|most\\s+recent)\\b(?!\\s+(?!version|release|stable|ga\\b)[a-z])",
      Pattern.CASE_INSENSITIVE);
  /** A dotted version that is not part of a date, a path or a longer token: v1.18, 1.37.0, v1.30.5+k3s1. */
  private static final Pattern VERSION = Pattern.compile("(?<![\\w.:/\\-])v?\\d{1,3}(?:\\.\\d{1,4}){1,3}"
      + "(?!\\d|\\.\\d|[A-Za-z_/])");
  private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
      + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
  /**
   * Dates: 2024年10月, 2024年Q4, 2024-10(-15), 2024/10, October 2024, 2024年, (2024). Group names say which part is
   * which; a bare year only in brackets ("Windows Server 2022" is a version, "(2024)" a date).
   */
  private static final Pattern DATE = Pattern.compile(
      "(?<y1>20\\d{2})\\s*年\\s*(?<m1>1[0-2]|0?[1-9])\\s*月"
      + "|(?<y2>20\\d{2})\\s*年?\\s*Q(?<q>[1-4])"
      + "|(?<![\\d.])(?<y3>20\\d{2})[-/](?<m3>1[0-2]|0?[1-9])(?![\\d.])(?:[-/]\\d{1,2})?"
      + "|\\b(?<mn>" + MONTHS + ")\\.?\\s+(?:\\d{1,2},?\\s+)?(?<y4>20\\d{2})\\b"
      + "|(?<y5>20\\d{2})\\s*年"
      + "|[(（]\\s*(?<y6>20\\d{2})\\s*[)）]", Pattern.CASE_INSENSITIVE);

  /**
   * The dated latest claim of one sentence, or null: a latest word, a version and a date, all in it. The version is
   * the first after the latest word, else the last before it; the date is the latest one the sentence gives.
   */
  static DatedLatest in(String sentence) {
    if (!mayBeLatest(sentence)) {
      return null; // most sentences: the regex, tried at every position of each, was 1% of a scan
    }
    Matcher latest = LATEST.matcher(sentence);
    if (!latest.find()) {
      return null;
    }
    YearMonth date = null;
    Matcher d = DATE.matcher(sentence);
    boolean[] inDate = new boolean[sentence.length() + 1];
    while (d.find()) {
      YearMonth found = dateOf(d);
      if (found != null && (date == null || found.isAfter(date))) {
        date = found;
      }
      for (int i = d.start(); i < d.end(); i++) {
        inDate[i] = true;
      }
    }
    if (date == null) {
      return null;
    }
    Matcher v = VERSION.matcher(sentence);
    String before = null;
    int beforeAt = -1;
    while (v.find()) {
      if (inDate[v.start()]) {
        continue;
      }
      if (v.start() >= latest.end()) {
        return new DatedLatest(v.group(), v.start(), date);
      }
      before = v.group();
      beforeAt = v.start();
    }
    return before == null ? null : new DatedLatest(before, beforeAt, date);
  }

  /**
   * The version a sentence calls the latest without giving a date ("* [Latest Version: 4.2.0](...)"), or null: a
   * latest word and a version after it (else the last before it), and no date in the sentence. The start is the
   * version's offset.
   */
  static Undated undated(String sentence) {
    Matcher latest = LATEST.matcher(sentence);
    if (!latest.find() || DATE.matcher(sentence).find()) {
      return null;
    }
    Matcher v = VERSION.matcher(sentence);
    Undated before = null;
    while (v.find()) {
      if (v.start() >= latest.end()) {
        return new Undated(v.group(), v.start());
      }
      before = new Undated(v.group(), v.start());
    }
    return before;
  }

  /** False when {@link #LATEST} cannot match: it needs 最, or latest, newest or most in any case. */
  static boolean mayBeLatest(String text) {
    if (text.indexOf('最') >= 0) {
      return true;
    }
    for (int i = 0; i + 4 <= text.length(); i++) {
      char c = (char) (text.charAt(i) | 0x20);
      if (c == 'l' && text.regionMatches(true, i, "latest", 0, 6) || c == 'n' && text.regionMatches(true, i, "newest", 0, 6)
          || c == 'm' && text.regionMatches(true, i, "most", 0, 4)) {
        return true;
      }
    }
    return false;
  }

  /** A version called the latest with no date: {@link #undated}. */
  record Undated(String version, int start) {}

  /**
   * A cheap pre-check of a code line before {@link #in}: whether it holds 最 or "atest", "ewest", "ecent" (the
   * latest words of {@link #LATEST} after their first letter, so "Latest" counts; an all-capitals LATEST does not).
   */
  static boolean mayClaim(String line) {
    return line.indexOf('最') >= 0 || line.indexOf("atest") >= 0 || line.indexOf("ewest") >= 0
        || line.indexOf("ecent") >= 0;
  }

  /** Whole months from the claim's date to {@code today}. */
  long monthsBefore(LocalDate today) {
    return ChronoUnit.MONTHS.between(date, YearMonth.from(today));
  }

  private static YearMonth dateOf(Matcher d) {
    try {
      if (d.group("y1") != null) {
        return YearMonth.of(Integer.parseInt(d.group("y1")), Integer.parseInt(d.group("m1")));
      }
      if (d.group("y2") != null) {
        return YearMonth.of(Integer.parseInt(d.group("y2")), 3 * Integer.parseInt(d.group("q")));
      }
      if (d.group("y3") != null) {
        return YearMonth.of(Integer.parseInt(d.group("y3")), Integer.parseInt(d.group("m3")));
      }
      if (d.group("y4") != null) {
        return YearMonth.of(Integer.parseInt(d.group("y4")), month(d.group("mn")));
      }
      String year = d.group("y5") != null ? d.group("y5") : d.group("y6");
      return YearMonth.of(Integer.parseInt(year), 12);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static int month(String name) {
    String m = name.toLowerCase(Locale.ROOT).substring(0, 3);
    return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(m) / 3 + 1;
  }
}
