package org.docgate.validate.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure parts of {@link IncompleteListingCheck}: a page's folder, and the numbered series a list follows. */
class IncompleteListingCheckTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "-", textBlock = """
      doc/md001.md,                      a0
      doc/md058.md,                      a0
      doc/Prettier.md,                   -
      hw/01_CPU处理器选型.md,              0_
      hw/12_k8s.md,                      0_
      hw/11_gpu-tuning.md,               0_
      book/gamma/README.md,              -
      v2/ch3-intro.md,                   a0-
      """)
  void aNamesSeriesIsItsNumberingPrefix(String page, String key) {
    assertThat(IncompleteListingCheck.seriesKey(page)).isEqualTo(key == null ? null : key.strip());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      extend/overview/index.md,   extend
      extend/api/README.md,        extend
      docs/guide.md,               docs
      README.md,                   ''
      guide/README.md,             ''
      """)
  void aLandingPageIsAPageOfItsFoldersParent(String page, String folder) {
    assertThat(IncompleteListingCheck.folderOfPage(page)).isEqualTo(folder);
  }

  @org.junit.jupiter.api.Test
  void aListFollowsTheSeriesThreeQuartersOfItsNamesShare() {
    assertThat(IncompleteListingCheck.series(Set.of("doc/md001.md", "doc/md003.md", "doc/md004.md", "doc/Rules.md")))
        .isEqualTo("a0");
    assertThat(IncompleteListingCheck.series(Set.of("a/x.md", "a/y.md", "a/01_z.md", "a/02_w.md"))).isNull();
  }
}
