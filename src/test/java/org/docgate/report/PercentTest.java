package org.docgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentTest {
  @ParameterizedTest(name = "{0} is shown as {1}")
  @CsvSource(textBlock = """
      0.98845,   98.85%
      0.988449,  98.84%
      0.98999,   99.00%
      1.0,       100.00%
      0,         0.00%
      0.5,       50.00%
      0.0000499, 0.00%
      0.00005,   0.01%
      """)
  void roundsHalfUpToTwoDecimals(double ratio, String shown) {
    assertThat(Percent.of(ratio)).isEqualTo(shown);
  }
}
