package org.docgate.validate.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountClaimsTest {

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', value = {
      "共60篇                         | 60    | false | DOCUMENTS",
      "Container 200文档              | 200   | false | DOCUMENTS",
      "10_形式化论证: 4个文档           | 4     | false | DOCUMENTS",
      "容器技术文档（60+个文件）             | 60    | true  | FILES",
      "总行数: 1,236行                  | 1236  | false | LINES",
      "holds 42 documents             | 42    | false | DOCUMENTS",
      "over 500+ lines                | 500   | true  | LINES",
      "22 files in Semantic/          | 22    | false | FILES",
  })
  void aCountIsRead(String text, long value, boolean atLeast, CountClaims.Unit unit) {
    assertThat(CountClaims.in(text)).singleElement().satisfies(c -> {
      assertThat(c.value()).isEqualTo(value);
      assertThat(c.atLeast()).isEqualTo(atLeast);
      assertThat(c.unit()).isEqualTo(unit);
    });
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', value = {
      "约120个文件       | true",
      "~3,600行         | true",
      "about 40 documents | true",
      "120个文件         | false",
  })
  void anApproximateCountIsMarked(String text, boolean approximate) {
    assertThat(CountClaims.in(text)).singleElement()
        .satisfies(c -> assertThat(c.approximate()).isEqualTo(approximate));
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', value = {
      "见第3行",
      "第 12 篇",
      "500+行Go代码",
      "300行生产级配置",
      "3.5篇",
      "v1.2 docs",
      "6篇幅较长",
      "k8s/2 docs",
      "3个文件夹",
      "4个文档类型",
      "最长文案不超过 2 行",
      "at most 3 files",
      "up to 500 lines",
  })
  void notACount(String text) {
    assertThat(CountClaims.in(text)).isEmpty();
  }

  private static final java.util.List<String> PART_WORDS =
      CompletenessConfig.load(org.docgate.config.RuleFiles.packaged()).partWords();

  /** Each claim of the text as value:kind, in order. */
  private static String kinds(String text) {
    return String.join(" ", CountClaims.in(text, PART_WORDS).stream().map(c -> c.value() + ":" + c.kind()).toList());
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', value = {
      // the issue's own example: the after value is the claim, the before value and the change are not
      "4,250行→4,650行 (+400行)              | 4250:BEFORE 4650:TOTAL 400:DELTA",
      "文档规模：2700行 → 3550行（增长31%）     | 2700:BEFORE 3550:TOTAL",
      "**总内容量**: ~3,600行 → 拆分为主题文档    | 3600:BEFORE",
      "from 12 files -> 20 files             | 12:BEFORE 20:TOTAL",
      "由8篇文档增至10篇文档                     | 8:BEFORE 10:TOTAL",
      "剩余3个文档待编写                        | 3:PART",
      "共12篇文档，其中5篇文档已完成              | 12:TOTAL 5:PART",
      "remaining 4 files                     | 4:PART",
      "增加 12 篇                             | 12:DELTA",
      "总计: ~6,500行                         | 6500:TOTAL",
      "本项目共506篇文档                        | 506:TOTAL",
  })
  void aCountIsATotalOnlyWhenNothingAroundItSaysOtherwise(String text, String expected) {
    assertThat(kinds(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', value = {
      "共60篇 | true", "200文档 | true", "4份文档 | true", "3个Markdown文件 | true", "1,236行 | true",
      "42 DOCS | true", "22 Files | true", "500 LINES | true", "Kubernetes 1.31 was released in 2024 | false",
      "12 个章节 | false", "docgate | true"})
  void onlyTextNamingAUnitIsSearched(String text, boolean names) {
    // the pre-check may say yes to text without a count ("docgate"), never no to text with one
    assertThat(CountClaims.namesAUnit(text)).isEqualTo(names);
  }
}
