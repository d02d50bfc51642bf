package org.docgate.validate.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListingTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      ├── 03_容器性能调优.md          | 03_容器性能调优.md | true
      - `./05_合规管理审计.md` 深入解析 | 05_合规管理审计.md | true
      见 a/03_x.md。                   | 03_x.md           | true
      See 03_x.md.                     | 03_x.md           | true
      103_x.md                         | 03_x.md           | false
      03_x.md.bak                      | 03_x.md           | false
      a03_x.md and 03_x.mdx            | 03_x.md           | false
      sub/01_概述.md                   | sub/01_概述.md     | true
      other/sub/01_概述.md             | sub/01_概述.md     | true
      xsub/01_概述.md                  | sub/01_概述.md     | false
      """)
  void aFileNameCountsOnlyWhole(String line, String name, boolean names) {
    assertThat(Listing.namesFile(line.strip(), name.strip())).isEqualTo(names);
  }
}
