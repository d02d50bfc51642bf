package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The codenames of the version data's cycles, as prose and image tags name a release (endoflife.date's field). */
class ProductCodenamesTest {
  private static EndOfLifeData.Cycle cycle(String written, String codename) {
    return EndOfLifeData.cycle(written, "false", null, codename).orElseThrow();
  }

  @Test
  void eachCodenameLowerCasedAndATwoWordNamesLongFirstWordToo() {
    Map<String, Version> names = Product.codenames(List.of(cycle("22.04", "Jammy Jellyfish"), cycle("12", "Bookworm"),
        cycle("11", "Big Sur"), cycle("10.3", "Panther"), cycle("9", null), cycle("8", " ")));
    assertThat(names.keySet()).containsExactlyInAnyOrder("jammy jellyfish", "jammy", "bookworm", "big sur",
        "panther");
    assertThat(names.get("jammy").toString()).isEqualTo("22.04");
  }

  @Test
  void aNameSharedByCyclesNamesTheNewest() {
    // Visual Studio 2017 is the cycles 15.0-15.9; the newest is the one still supported
    Map<String, Version> names = Product.codenames(List.of(cycle("15.8", "2017"), cycle("15.9", "2017"),
        cycle("15.0", "2017")));
    assertThat(names.get("2017").toString()).isEqualTo("15.9");
  }

  @Test
  void aCodenameTagIsRetaggedWithTheNewerCyclesCodename() {
    Product debian = new Product("Debian", List.of("Debian"), VersionScheme.MAJOR, List.of(Version.parse("13",
        VersionScheme.MAJOR)), Version.parse("10", VersionScheme.MAJOR), List.of(), List.of("debian"), List.of(),
        true, Product.codenames(List.of(cycle("13", "Trixie"), cycle("10", "Buster"))));
    CodeMentions.ImageTag tag = new CodeMentions.ImageTag(debian, Version.parse("10", VersionScheme.MAJOR), 0, 6,
        "debian:buster-slim", "buster-slim");
    assertThat(tag.retagged(Version.parse("13", VersionScheme.MAJOR))).isEqualTo("debian:trixie-slim");
    assertThat(debian.codenameOf(Version.parse("10", VersionScheme.MAJOR))).isEqualTo("buster");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      '    runtime: nodejs14.x'           | true
      '  Runtime: python3.7'              | true
      'RUNTIME = "go1.x"'                 | true
      'containerRuntime: docker'          | true
      '  image: node:16'                  | false
      'run time: nodejs'                  | false
      ''                                  | false
      """)
  void thePreCheckFindsRuntimeInAnyCaseWherever(String line, boolean expected) {
    assertThat(CodeMentions.mentionsRuntime(line)).isEqualTo(expected);
    assertThat(line.toLowerCase(java.util.Locale.ROOT).contains("runtime")).isEqualTo(expected);
  }
}
