package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;

/**
 * The endoflife.date import on a small copy of its format (written here, not copied from the data), and what the
 * validator makes of the imported data: linked manifest products take their end-of-life dates from it, the others
 * are reported only for a certain, present-tense mention of an ended cycle.
 */
class EndOfLifeImportTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T00:00:00Z"), ZoneOffset.UTC);

  static final String WIDGET = """
      ---
      title: Widget Server
      category: server-app
      permalink: /widget
      alternate_urls:
        - /widgetd
        - /Widget-Srv
      changelogTemplate: https://example.invalid/__RELEASE_CYCLE__
      # a comment in the front matter
      releases:
        - releaseCycle: "3.10"
          releaseDate: 2025-06-01
          eoas: 2026-06-01
          eol: 2027-06-01
          latest: "3.10.2"
        - releaseCycle: 3.9
          releaseDate: 2024-06-01
          eol: 2025-12-31 # unquoted cycle above stays 3.9
          latest: "3.9.7"
        - releaseCycle: "2"
          releaseDate: 2019-01-01
          eol: true
        - releaseCycle: "lts-bullseye"
          eol: false
      ---

      > Widget Server is a fictional product for this test.
      """;

  static final String GADGET = """
      ---
      title: Gadget
      releases:
        - releaseCycle: "1.30"
          releaseDate: 2025-01-01
          eol: false
          latest: "1.30.1"
        - releaseCycle: "1.3"
          releaseDate: 2020-01-01
          eol: 2021-01-01
      ---
      """;

  /** endoflife.date's own category of TLS and PCI DSS: a specification's versions, not software a text runs. */
  static final String PROTOCOL = """
      ---
      title: Protocol
      category: standard
      releases:
        - releaseCycle: "1.1"
          releaseDate: 2006-04-26
          eol: 2021-03-23
      ---
      """;

  static SortedMap<String, String> pages() {
    return new TreeMap<>(Map.of("widget", WIDGET, "gadget", GADGET, "broken", "no front matter here\n",
        "protocol", PROTOCOL));
  }

  @Test
  void importWritesOneEntryPerProductWithItsCyclesAndNamesTheSkippedPages() {
    EndOfLifeImport.Result r = EndOfLifeImport.toYaml("test data", pages());
    assertThat(r.products()).isEqualTo(2);
    assertThat(r.cycles()).isEqualTo(6);
    assertThat(r.skipped()).containsExactly(
        new EndOfLifeImport.Skipped("broken.md", "no front matter (the page must start with ---)"),
        new EndOfLifeImport.Skipped("protocol.md", "a standard (category: standard), not software a text runs"));
    assertThat(r.yaml()).doesNotContain("Protocol");
    assertThat(r.yaml()).contains("""
          "widget":
            title: "Widget Server"
            aliases: ["widgetd", "widget-srv"]
            cycles:
              - {cycle: "3.10", released: 2025-06-01, support: 2026-06-01, eol: 2027-06-01, latest: "3.10.2"}
              - {cycle: "3.9", released: 2024-06-01, eol: 2025-12-31, latest: "3.9.7"}
              - {cycle: "2", released: 2019-01-01, eol: true}
              - {cycle: "lts-bullseye", eol: false}
        """);
    assertThat(EndOfLifeImport.toYaml("test data", pages()).yaml()).isEqualTo(r.yaml()); // same input, same bytes
  }

  @Test
  void theImportedDataReadsBackWithNumericCyclesOnly() {
    EndOfLifeData data = EndOfLifeData.parse("eol.yaml", EndOfLifeImport.toYaml("test data", pages()).yaml());
    EndOfLifeData.DataProduct widget = data.products().get("widget");
    assertThat(widget.title()).isEqualTo("Widget Server");
    assertThat(widget.cycles()).extracting(EndOfLifeData.Cycle::written).containsExactly("3.10", "3.9", "2");
    assertThat(widget.cycles().get(1).eol()).isEqualTo(LocalDate.parse("2025-12-31"));
    assertThat(widget.cycles().get(2).eol()).isEqualTo(EndOfLifeData.Cycle.EOL_UNDATED);
    assertThat(data.products().get("gadget").cycles().get(0).eol()).isNull();
    assertThat(data.source()).isEqualTo("test data");
  }

  @Test
  void aLinkedProductTakesTheEndOfLifeOfCyclesOlderThanItsBaselineFromTheData() {
    VersionManifest m = manifest("""
        products:
          Widget:
            current: ["3.10"]
            minimumSupported: "3.9"
            endoflife: widget
        """);
    Product widget = m.products().get(0);
    // 3.10 is the corpus's baseline: the data speaks only for older cycles
    assertThat(widget.eol()).extracting(e -> e.line().toString()).containsExactly("2", "3.9");
    assertThat(m.eolOnly()).extracting(Product::name).containsExactly("Gadget"); // linked ones are not eol-only
    assertThat(found(m, "# W\n\n集群使用 Widget 3.9 部署。\n")).containsExactly("3:versions/eol:Widget 3.9 is "
        + "end-of-life (3.9 since 2025-12-31); the manifest's current line is 3.10");
    // older than every cycle of the data: judged by the oldest, and the message says so
    assertThat(found(m, "# W\n\n集群使用 Widget 1.5 部署。\n")).containsExactly("3:versions/eol:Widget 1.5 is "
        + "end-of-life (2 and older at a date endoflife.date does not give); the manifest's current line is 3.10");
  }

  @Test
  void aFixNeverNamesALineThatHasEndedTooWhenTheManifestIsOlderThanTheDay() {
    // the handbook, round 19 (blind): "the manifest's current line is 1.31/1.30", fix "Kubernetes 1.31", in December
    // 2026 when 1.31 had ended as well: applying the fix gave a new end-of-life finding
    VersionManifest m = manifest("""
        products:
          Widget:
            current: ["3.9"]
            minimumSupported: "3.9"
            endoflife: widget
        """);
    List<Finding> f = new VersionValidator(m, CLOCK)
        .validate(new MarkdownParser().parse("a.md", "# W\n\n集群使用 Widget 1.5 部署。\n"), null).findings();
    assertThat(f).extracting(Finding::message).containsExactly("Widget 1.5 is end-of-life (2 and older at a date "
        + "endoflife.date does not give); the manifest's current line is 3.9, which has ended too (the newest "
        + "supported cycle is 3.10)");
    assertThat(f).extracting(Finding::suggestion).containsExactly("Widget 3.10");
  }

  @Test
  void anUnnamedProductIsReportedOnlyForACertainPresentTenseMentionOfAnEndedCycle() {
    VersionManifest m = manifest("""
        products:
          Widget:
            current: ["3.10"]
            endoflife: widget
        context:
          cues: {en: [was, replaced]}
          headingCues: {en: [history]}
        """);
    assertThat(found(m, """
        # Gadget

        The service runs on Gadget 1.3.

        Gadget 1.30 is current; Gadget 1.3.x was replaced long ago.

        Gadget 1.3 was the first release we used.

        Gadget 1.2 is older than any cycle the data holds.

        Gadget 1.3-1.30 are both tested.

        Gadget 1.3 - 1.x all behave alike.

        Gadget 1.3, Widget 3.10 and Gadget 1.30 are the stack.

        ## History

        The service runs on Gadget 1.3.
        """)).containsExactly("3:versions/eol:Gadget 1.3 is end-of-life since 2021-01-01 (endoflife.date; the version "
        + "manifest does not name Gadget)");
  }

  @Test
  void anUnnamedProductMentionLeavesVersionAlignmentAlone() {
    VersionManifest m = manifest("""
        products:
          Widget:
            current: ["3.10"]
        """);
    MarkdownParser parser = new MarkdownParser();
    var result = new VersionValidator(m, CLOCK).validate(parser.parse("a.md", "Runs on Gadget 1.3 and Widget 3.10.\n"),
        null);
    assertThat(result.counters()).containsEntry("versions.checked", 1L).containsEntry("versions.aligned", 1L)
        .containsEntry("versions.eolOnly.checked", 1L).containsEntry("versions.eol", 1L);
  }

  /** Docker-like cycles: 25.0 outlived 26.0 and 26.1; 28 has no end announced. */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0} on 2026-01-15: {1}")
  @org.junit.jupiter.params.provider.CsvSource({
      "25.0.3, -",            // its own cycle ends 2026-12-04, after the older-looking 26.0 ended
      "26.0, 2024-06-08",
      "26.1.4, 2025-02-17",   // the most specific cycle decides
      "28.1, -",              // no end announced
      "19.03, 2023-12-10",    // older than every cycle: judged by the oldest, 20.10
      "29.0, -"})             // newer than every cycle: nothing to say
  void aVersionIsJudgedByItsOwnReleaseCycle(String version, String ended) {
    Product docker = new Product("Docker", List.of("Docker"), VersionScheme.DOTTED, List.of(Version.parse("28.0",
        VersionScheme.DOTTED)), Version.parse("27.0", VersionScheme.DOTTED), List.of(
            cycle("28", null), cycle("26.1", "2025-02-17"), cycle("26.0", "2024-06-08"), cycle("25.0", "2026-12-04"),
            cycle("20.10", "2023-12-10")), List.of(), List.of());
    Product.EolLine e = VersionPolicy.endOfLife(Version.parse(version, VersionScheme.DOTTED), docker,
        LocalDate.parse("2026-01-15"), true);
    assertThat(e == null ? "-" : e.date().toString()).isEqualTo(ended);
  }

  static Product.EolLine cycle(String cycle, String eol) {
    List<Integer> numbers = java.util.Arrays.stream(cycle.split("\\.")).map(Integer::valueOf).toList();
    return new Product.EolLine(new Version(numbers, -1, "", cycle), eol == null ? LocalDate.MAX : LocalDate.parse(eol),
        true);
  }

  static VersionManifest manifest(String yaml) {
    EndOfLifeData data = EndOfLifeData.parse("eol.yaml", EndOfLifeImport.toYaml("test data", pages()).yaml());
    return VersionManifest.parse("m.yaml", yaml, data);
  }

  static List<String> found(VersionManifest m, String markdown) {
    List<Finding> findings = new VersionValidator(m, CLOCK)
        .validate(new MarkdownParser().parse("a.md", markdown), null).findings();
    return findings.stream().map(f -> f.line() + ":" + f.rule() + ":" + f.message()).toList();
  }
}
