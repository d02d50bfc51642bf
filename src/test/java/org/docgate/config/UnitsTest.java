package org.docgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"20MB, 20971520", "1024, 1024", "1 kb, 1024", "2GiB, 2147483648", "7b, 7", "' 3 mib ', 3145728"})
  void sizesAreBinaryMultiples(String text, long bytes) {
    assertThat(Units.size(text)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"500ms, PT0.5S", "10s, PT10S", "5m, PT5M", "6h, PT6H", "7d, PT168H", "' 2 s ', PT2S"})
  void durationsNeedTheirUnit(String text, Duration expected) {
    assertThat(Units.duration(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "huge|'huge' is not a size such as 20MB", "20 TB|'20 TB' is not a size such as 20MB"})
  void aSizeThatIsNotOneSaysWhatASizeLooksLike(String text, String message) {
    assertThatThrownBy(() -> Units.size(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "10|'10' is not a duration such as 500ms, 10s, 5m, 6h or 7d",
      "10 seconds|'10 seconds' is not a duration such as 500ms, 10s, 5m, 6h or 7d",
      "5M|'5M' is not a duration such as 500ms, 10s, 5m, 6h or 7d"})
  void aDurationWithoutItsUnitSaysWhatADurationLooksLike(String text, String message) {
    assertThatThrownBy(() -> Units.duration(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
