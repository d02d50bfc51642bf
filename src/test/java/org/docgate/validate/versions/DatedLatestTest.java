package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@link DatedLatest} reads from one sentence: the version called the latest and the claim's date. */
class DatedLatestTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      最新版本: v1.18 (2024年10月)                   | v1.18   | 2024-10
      最新版本: v0.8.0 (2024年Q4)                    | v0.8.0  | 2024-12
      最新版本: 1.5 LTS (2024年)                     | 1.5     | 2024-12
      最新版本：v1.37.0（2025 年 9 月 9 日发布）        | v1.37.0 | 2025-09
      Kubernetes版本: 1.31 (最新稳定版,2024年8月发布)   | 1.31    | 2024-08
      The latest release is v3.2.1 (Sep 2024)       | v3.2.1  | 2024-09
      latest version 2.4.1, released 2024-11-05     | 2.4.1   | 2024-11
      v1.16 is the newest (October 2024)            | v1.16   | 2024-10
      v2.0 (2024) 与 v2.1 (2025年3月) 中最新版为 v2.1    | v2.1    | 2025-03
      最新版本: v1.4                                 | -       | -
      v1.50 最新规范版本 2025-10                      | v1.50   | 2025-10
      最新特性: v1.4 (2023年8月)                      | -       | -
      2025年最新版本                                  | -       | -
      latest Windows Server 2022 build (2024)       | -       | -
      最新版本: v2.13.0.1 (2024-10)                  | v2.13.0.1 | 2024-10
      最新版本: v2.13.0.1.7 (2024-10)                | -       | -
      """)
  void readsTheVersionAndTheDate(String sentence, String version, String date) {
    DatedLatest claim = DatedLatest.in(sentence);
    if (version == null) {
      assertThat(claim).isNull();
    } else {
      assertThat(claim).isNotNull();
      assertThat(claim.version()).isEqualTo(version);
      assertThat(claim.date()).hasToString(date);
    }
  }

  @ParameterizedTest(name = "{0} on {1}: {2} months")
  @CsvSource({"2024-10, 2026-01-01, 15", "2024-12, 2026-01-01, 13", "2025-01, 2026-01-31, 12",
      "2026-02, 2026-01-01, -1"})
  void monthsAreWholeMonthsBeforeToday(String date, String today, long months) {
    DatedLatest claim = new DatedLatest("v1", 0, java.time.YearMonth.parse(date));
    assertThat(claim.monthsBefore(LocalDate.parse(today))).isEqualTo(months);
  }

  @org.junit.jupiter.api.Test
  void aSentenceTheLatestPatternFindsIsNeverPassedOver() {
    for (String t : org.docgate.RandomTexts.of(21, 20_000, 5, "latest", "LaTeSt", "NEWEST", "most", " recent", "最新",
        "版本", "late", "est", " ", "v1.2", "x")) {
      if (DatedLatest.LATEST.matcher(t).find()) {
        org.assertj.core.api.Assertions.assertThat(DatedLatest.mayBeLatest(t)).as(t).isTrue();
      }
    }
  }

  @org.junit.jupiter.api.Test
  void aDottedNumberIsADigitADotAndADigit() {
    java.util.regex.Pattern dotted = java.util.regex.Pattern.compile("[0-9]\\.[0-9]");
    for (String t : new String[] {"", ".", "1.", ".1", "1.2", "v1.30", "a.b", "1..2", "x 10.4 y", "１.２", "3.x"}) {
      org.assertj.core.api.Assertions.assertThat(VersionValidator.hasDottedNumber(t)).as(t)
          .isEqualTo(dotted.matcher(t).find());
    }
  }
}
