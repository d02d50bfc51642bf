package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionPolicyTest {
  static final LocalDate TODAY = LocalDate.parse("2026-01-01");

  static final Product KUBERNETES = new Product("Kubernetes", List.of("Kubernetes"), VersionScheme.DOTTED,
      List.of(v("1.31"), v("1.30")), v("1.30"),
      List.of(new Product.EolLine(v("1.29"), LocalDate.parse("2025-02-28")),
          new Product.EolLine(v("1.25"), LocalDate.parse("2023-10-28"))),
      List.of(), List.of());
  static final Product DOCKER = new Product("Docker", List.of("Docker"), VersionScheme.DOTTED,
      List.of(v("27.0")), v("26.0"), List.of(new Product.EolLine(v("20.10"), LocalDate.parse("2099-01-01"))),
      List.of(), List.of());
  static final Product VSPHERE = new Product("vSphere", List.of("vSphere"), VersionScheme.VSPHERE,
      List.of(Version.parse("8.0 U3", VersionScheme.VSPHERE)), Version.parse("8.0 U2", VersionScheme.VSPHERE),
      List.of(), List.of(), List.of());

  static Version v(String text) {
    return Version.parse(text, VersionScheme.DOTTED);
  }

  @ParameterizedTest(name = "Kubernetes {0} is {3}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      1.31     | -    | false | ALIGNED
      1.30.4   | -    | false | ALIGNED
      1.29     | -    | false | EOL
      1.20     | -    | false | EOL
      1.32     | -    | false | AHEAD
      1.28     | -    | true  | ALIGNED
      1.33     | -    | true  | AHEAD
      1.28     | 1.31 | false | ALIGNED
      1.26     | 1.28 | false | EOL
      """)
  void judgesSinglesRangesAndOrLater(String low, String high, boolean orLater, Verdict.Kind expected) {
    VersionSpec spec = new VersionSpec(v(low), high == null ? null : v(high), orLater);
    assertThat(VersionPolicy.judge(spec, KUBERNETES, TODAY).kind()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "Docker {0} is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      25.0  | STALE
      20.10 | STALE
      26.1  | ALIGNED
      """)
  void anEolDateInTheFutureIsNotYetEol(String version, Verdict.Kind expected) {
    assertThat(VersionPolicy.judge(VersionSpec.of(v(version)), DOCKER, TODAY).kind()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "vSphere {0} is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      8.0     | ALIGNED
      8.0 U1  | STALE
      8.0.1   | STALE
      8.0 U3a | ALIGNED
      9.0     | AHEAD
      7.0 U3  | STALE
      """)
  void vsphereUpdatesCompareOnlyWhenStated(String version, Verdict.Kind expected) {
    VersionSpec spec = VersionSpec.of(Version.parse(version, VersionScheme.VSPHERE));
    assertThat(VersionPolicy.judge(spec, VSPHERE, TODAY).kind()).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void theEolVerdictNamesTheDeclarationThatApplies() {
    Verdict v = VersionPolicy.judge(VersionSpec.of(v("1.24")), KUBERNETES, TODAY);
    assertThat(v.eolLine().line()).hasToString("1.25");
  }

  /** Release cycles as endoflife.date gives them for CentOS and RHEL (each cycle its own date). */
  static final Product CENTOS = dataProduct("CentOS", "8", "2021-12-31", "7", "2024-06-30", "6", "2020-11-30");
  static final Product RHEL = dataProduct("RHEL", "9", "2032-05-31", "8", "2029-05-31", "7", "2024-06-30");

  private static Product dataProduct(String name, String... cycleAndEol) {
    java.util.List<Product.EolLine> lines = new java.util.ArrayList<>();
    for (int i = 0; i < cycleAndEol.length; i += 2) {
      lines.add(new Product.EolLine(Version.parse(cycleAndEol[i], VersionScheme.MAJOR),
          LocalDate.parse(cycleAndEol[i + 1]), true));
    }
    Version newest = Version.parse(cycleAndEol[0], VersionScheme.MAJOR);
    return new Product(name, List.of(name), VersionScheme.MAJOR, List.of(newest), newest, lines, List.of(),
        List.of(), true);
  }

  @ParameterizedTest(name = "{0} {1}+ is {2}")
  @CsvSource(delimiter = '|', textBlock = """
      CentOS | 7.7 | EOL
      CentOS | 8.1 | EOL
      CentOS | 8   | EOL
      RHEL   | 7.7 | ALIGNED
      RHEL   | 8.1 | ALIGNED
      """)
  void aLowerBoundIsEolOnlyWhenEveryCycleFromItOnHasEnded(String product, String low, Verdict.Kind expected) {
    Product p = product.equals("CentOS") ? CENTOS : RHEL;
    VersionSpec spec = new VersionSpec(Version.parse(low, VersionScheme.MAJOR), null, true);
    assertThat(VersionPolicy.judge(spec, p, TODAY).kind()).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void anEndedLowerBoundNamesTheCycleThatEndedLast() {
    VersionSpec spec = new VersionSpec(v("7.7"), null, true);
    assertThat(VersionPolicy.judge(spec, CENTOS, TODAY).eolLine().line()).hasToString("7");
  }

  @Test
  void aVersionPresentedAsSupportedIsOnTheMostSpecificCycleAndEndedOnlyFromItsDate() {
    List<Product.EolLine> cycles = List.of(
        new Product.EolLine(Version.parse("1.31", VersionScheme.DOTTED), LocalDate.of(2025, 11, 11), true),
        new Product.EolLine(Version.parse("1.36", VersionScheme.DOTTED), LocalDate.of(2027, 6, 28), true));
    LocalDate today = LocalDate.of(2026, 1, 1);
    assertThat(VersionPolicy.endedCycle(Version.parse("1.31.4", VersionScheme.DOTTED), cycles, today).line())
        .isEqualTo(Version.parse("1.31", VersionScheme.DOTTED));
    assertThat(VersionPolicy.endedCycle(Version.parse("1.36", VersionScheme.DOTTED), cycles, today)).isNull();
    // "1" is no cycle of 1.31's; a version the data does not know is nothing to say
    assertThat(VersionPolicy.endedCycle(Version.parse("1", VersionScheme.MAJOR), cycles, today)).isNull();
    assertThat(VersionPolicy.endedCycle(Version.parse("1.20", VersionScheme.DOTTED), cycles, today)).isNull();
  }

  @Test
  void onlyAMajorPastTheNewestCycleOfAProductWhoseCyclesAreMinorsIsBeyondTheData() {
    List<Product.EolLine> minors = List.of(
        new Product.EolLine(Version.parse("4.22", VersionScheme.DOTTED), LocalDate.MAX, true));
    List<Product.EolLine> majors = List.of(
        new Product.EolLine(Version.parse("25", VersionScheme.MAJOR), LocalDate.MAX, true));
    assertThat(VersionPolicy.beyondEveryCycle(Version.parse("5.0", VersionScheme.DOTTED), minors)).isTrue();
    assertThat(VersionPolicy.beyondEveryCycle(Version.parse("4.30", VersionScheme.DOTTED), minors)).isFalse();
    assertThat(VersionPolicy.beyondEveryCycle(Version.parse("26", VersionScheme.MAJOR), majors)).isFalse();
  }
}
