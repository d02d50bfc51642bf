package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionTest {
  static final VersionScheme DOTTED = VersionScheme.DOTTED;
  static final VersionScheme VSPHERE = VersionScheme.VSPHERE;

  @ParameterizedTest(name = "{0} ({1}) reads as {2}")
  @CsvSource(delimiter = '|', textBlock = """
      1.31          | dotted   | 1.31
      v1.30.2       | dotted   | 1.30.2
      20.10.24      | dotted   | 20.10.24
      19.03         | dotted   | 19.03
      1.28.x        | dotted   | 1.28
      8.0 U3        | vsphere  | 8.0 U3
      8.0U3a        | vsphere  | 8.0 U3a
      8.0 Update 3  | vsphere  | 8.0 U3
      8.0.2         | vsphere  | 8.0 U2
      2024.10       | calendar | 2024.10
      24.04         | calendar | 24.04
      """)
  void parsesEveryWrittenForm(String text, String scheme, String canonical) {
    assertThat(Version.parse(text, VersionScheme.parse(scheme))).hasToString(canonical);
  }

  @ParameterizedTest(name = "{0} is not a {1} version")
  @CsvSource(delimiter = '|', textBlock = """
      27           | dotted
      8            | vsphere
      abc          | dotted
      8.0 U3       | dotted
      1.30-rc      | dotted
      2024.13      | calendar
      1.2          | calendar
      """)
  void rejectsWhatIsNotAVersion(String text, String scheme) {
    assertThatThrownBy(() -> Version.parse(text, VersionScheme.parse(scheme)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
  }

  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource(delimiter = '|', textBlock = """
      8.0 U3  | 8.0 U3a
      8.0 U3a | 9.0
      8.0     | 8.0 U1
      8.0 U2  | 8.0 U3
      7.0 U3  | 8.0
      1.9     | 1.10
      1.28    | 1.28.1
      19.03   | 20.10
      """)
  void theTotalOrderSortsVersionsAsReleased(String lower, String higher) {
    Version a = Version.parse(lower, VSPHERE);
    Version b = Version.parse(higher, VSPHERE);
    assertThat(a).isLessThan(b);
    assertThat(b).isGreaterThan(a);
  }

  @ParameterizedTest(name = "{0} vs {1} at stated precision: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      1.30.2  | 1.30    | 0
      1.30    | 1.30.2  | 0
      1.29.9  | 1.30    | -1
      1.31    | 1.30    | 1
      8.0     | 8.0 U3  | 0
      8.0 U2  | 8.0 U3  | -1
      8.0 U3  | 8.0 U3a | 0
      8.0 U3b | 8.0 U3a | 1
      7.0 U3  | 8.0     | -1
      """)
  void precisionComparisonOnlyComparesWhatBothState(String a, String b, int expected) {
    assertThat(Integer.signum(Version.parse(a, VSPHERE).compareAtPrecision(Version.parse(b, VSPHERE))))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} has stats key {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1.31    | 1_31
      8.0 U3a | 8_0_U3a
      19.03   | 19_03
      """)
  void statsKeysHaveNoDots(String text, String key) {
    assertThat(Version.parse(text, VSPHERE).key()).isEqualTo(key);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      1.28       | 1.28  |       | false | 1.28
      1.28+      | 1.28  |       | true  | 1.28+
      1.28-1.31  | 1.28  | 1.31  | false | 1.28-1.31
      """)
  void specsAreSinglesOpenRangesAndClosedRanges(String label, String low, String high, boolean orLater, String text) {
    VersionSpec spec = new VersionSpec(Version.parse(low, DOTTED), high == null ? null : Version.parse(high, DOTTED),
        orLater);
    assertThat(spec).hasToString(text);
    assertThat(spec.newest() == null).isEqualTo(orLater);
    assertThat(spec.isSingle()).isEqualTo(high == null && !orLater);
    assertThat(List.of(spec.key())).allMatch(k -> !k.contains("."));
  }
}
