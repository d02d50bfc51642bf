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
  })
  void notACount(String text) {
    assertThat(CountClaims.in(text)).isEmpty();
  }
}
