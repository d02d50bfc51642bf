package org.docgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.SharedFiles;
import org.docgate.catalog.ValidatorCatalog;
import org.docgate.cli.DocgateCommand;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;
import org.docgate.markdown.Slugger;
import org.docgate.scan.Scans;
import org.docgate.scan.ValidatorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportWriterTest {
  static final Path LINK_FIXTURES = Path.of("src/test/resources/fixtures/links");
  static final ObjectMapper JSON = new ObjectMapper();

  static ValidatorCatalog catalog() {
    return ValidatorRegistry.builder(DocgateConfig.defaults(), RuleFiles.packaged()).build().catalog();
  }

  static String sarif(ScanReport report) {
    return new SarifReportWriter(catalog(), SarifReportWriter.DEFAULT_README, "test").write(report);
  }

  static List<Error> schemaErrors(String sarif) throws Exception {
    Path schemaFile = SharedFiles.fixture("sarif/sarif-schema-2.1.0.json");
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    Schema schema = registry.getSchema(Files.readString(schemaFile), InputFormat.JSON);
    return schema.validate(sarif, InputFormat.JSON);
  }

  @Test
  void theLinkFixturesValidateAgainstTheSarifSchema() throws Exception {
    assertThat(schemaErrors(sarif(Scans.run(LINK_FIXTURES)))).isEmpty();
  }

  @Test
  void theSharedCorpusValidatesAgainstTheSarifSchema() throws Exception {
    ScanReport report = Scans.run(SharedFiles.referenceCorpus());
    String sarif = sarif(report);
    assertThat(schemaErrors(sarif)).isEmpty();
    assertThat(JSON.readTree(sarif).path("runs").get(0).path("results").size()).isEqualTo(report.findings().size());
  }

  @Test
  void theSchemaCheckCatchesABrokenDocument() throws Exception {
    String sarif = sarif(Scans.run(LINK_FIXTURES));
    assertThat(schemaErrors(sarif.replace("\"level\" : \"error\"", "\"level\" : \"fatal\""))).isNotEmpty();
    assertThat(schemaErrors(sarif.replace("\"version\" : \"2.1.0\"", "\"version\" : \"2.0\""))).isNotEmpty();
  }

  @Test
  void everyFindingIsOneResultAtItsPlaceWithItsFingerprintAndRule() throws Exception {
    ScanReport report = Scans.run(LINK_FIXTURES);
    JsonNode run = JSON.readTree(sarif(report)).path("runs").get(0);
    JsonNode rules = run.path("tool").path("driver").path("rules");
    JsonNode results = run.path("results");
    assertThat(results.size()).isEqualTo(report.findings().size()).isGreaterThan(10);
    for (int i = 0; i < results.size(); i++) {
      Finding f = report.findings().get(i);
      JsonNode r = results.get(i);
      assertThat(r.path("ruleId").asText()).isEqualTo(f.rule());
      assertThat(rules.get(r.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(f.rule());
      assertThat(r.path("level").asText()).isEqualTo(f.severity() == Severity.INFO ? "note" : f.severity().label());
      assertThat(r.path("message").path("text").asText()).isEqualTo(f.message());
      JsonNode location = r.path("locations").get(0).path("physicalLocation");
      assertThat(URLDecoder.decode(location.path("artifactLocation").path("uri").asText(), StandardCharsets.UTF_8))
          .isEqualTo(f.path());
      assertThat(location.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("CORPUS");
      assertThat(location.path("region").path("startLine").asInt()).isEqualTo(f.line());
      assertThat(location.path("region").path("startColumn").asInt()).isEqualTo(f.column());
      assertThat(r.path("partialFingerprints").path("docgate/v1").asText()).isEqualTo(f.fingerprint());
    }
    assertThat(run.path("originalUriBaseIds").path("CORPUS").path("uri").asText())
        .startsWith("file:/").endsWith("fixtures/links/");
  }

  @Test
  void everyObjectKeepsOneKeyOrderSoTwoRunsWriteTheSameBytes() throws Exception {
    // Map.of with two keys or more iterates in an order salted per JVM start: keys must come in the written order.
    JsonNode results = JSON.readTree(sarif(Scans.run(LINK_FIXTURES))).path("runs").get(0).path("results");
    int fixes = 0;
    for (JsonNode r : results) {
      JsonNode physical = r.path("locations").get(0).path("physicalLocation");
      assertThat(physical.fieldNames()).toIterable().containsExactly("artifactLocation", "region");
      assertThat(physical.path("artifactLocation").fieldNames()).toIterable().containsExactly("uri", "uriBaseId");
      if (r.has("fixes")) {
        fixes++;
        JsonNode change = r.path("fixes").get(0).path("artifactChanges").get(0);
        assertThat(change.fieldNames()).toIterable().containsExactly("artifactLocation", "replacements");
        assertThat(change.path("replacements").get(0).fieldNames()).toIterable()
            .containsExactly("deletedRegion", "insertedContent");
      }
    }
    assertThat(fixes).isPositive();
  }

  @Test
  void aLinkSuggestionBecomesAFixThatReplacesTheTargetAsWritten() throws Exception {
    ScanReport report = Scans.run(LINK_FIXTURES);
    JsonNode results = JSON.readTree(sarif(report)).path("runs").get(0).path("results");
    int fixes = 0;
    for (JsonNode r : results) {
      if (!r.has("fixes")) {
        continue;
      }
      fixes++;
      JsonNode replacement = r.path("fixes").get(0).path("artifactChanges").get(0).path("replacements").get(0);
      JsonNode region = replacement.path("deletedRegion");
      String path = URLDecoder.decode(r.path("locations").get(0).path("physicalLocation").path("artifactLocation")
          .path("uri").asText(), StandardCharsets.UTF_8);
      String line = Files.readAllLines(LINK_FIXTURES.resolve(path)).get(region.path("startLine").asInt() - 1);
      String replaced = line.substring(region.path("startColumn").asInt() - 1, region.path("endColumn").asInt() - 1);
      Finding f = report.findings().stream().filter(x -> x.fingerprint()
          .equals(r.path("partialFingerprints").path("docgate/v1").asText())).findFirst().orElseThrow();
      assertThat(replaced).isEqualTo(f.target());
      assertThat(replacement.path("insertedContent").path("text").asText()).isEqualTo(f.suggestion());
    }
    assertThat(fixes).isGreaterThanOrEqualTo(8);
  }

  @Test
  void fixesQuoteTheTextTheScanParsedNotTheDiskAgain(@TempDir Path corpus) throws Exception {
    String text = "# A\n\nSee [setup](setpu.md).\n";
    Files.writeString(corpus.resolve("a.md"), text);
    Files.writeString(corpus.resolve("setup.md"), "# Setup\n");
    ScanReport report = Scans.run(corpus);
    assertThat(report.findings()).filteredOn(f -> "setpu.md".equals(f.target()))
        .singleElement().extracting(Finding::suggestion).isEqualTo("setup.md");
    Files.delete(corpus.resolve("a.md")); // after the scan, only the text it parsed is left
    SourceLines parsed = SourceLines.of(List.of(new org.docgate.markdown.MarkdownParser().parse("a.md", text)));
    String sarif = new SarifReportWriter(catalog(), SarifReportWriter.DEFAULT_README, "test").write(report, parsed);
    assertThat(JSON.readTree(sarif).path("runs").get(0).path("results").findValues("fixes")).hasSize(1);
    assertThat(JSON.readTree(sarif(report)).path("runs").get(0).path("results").findValues("fixes"))
        .as("read from the disk again, the fix is lost").isEmpty();
  }

  @Test
  void theTargetIsFoundInTheDestinationNotInTheLinkText() {
    assertThat(CertainFix.targetColumn("see [setup.md](setup.md) now", "setup.md", 4)).isEqualTo(15);
    assertThat(CertainFix.targetColumn("go to https://a.example/x now", "https://a.example/x", 0))
        .isEqualTo(6);
    assertThat(CertainFix.targetColumn("[a.md] [a.md]", "a.md", 0)).isEqualTo(-1);
    assertThat(CertainFix.targetColumn("[text][ref]", "elsewhere.md", 0)).isEqualTo(-1);
  }

  @Test
  void helpUrisPointAtTheReadmeSectionOfEachRule() throws Exception {
    Set<String> anchors = new HashSet<>();
    Matcher m = Pattern.compile("(?m)^## (.+)$").matcher(Files.readString(Path.of("README.md")));
    while (m.find()) {
      anchors.add(Slugger.slugOf(m.group(1).replace("`", "")));
    }
    JsonNode rules = JSON.readTree(sarif(Scans.run(LINK_FIXTURES))).path("runs").get(0).path("tool")
        .path("driver").path("rules");
    assertThat(rules.size()).isEqualTo(catalog().rules().size());
    for (JsonNode rule : rules) {
      URI help = URI.create(rule.path("helpUri").asText());
      String id = rule.path("id").asText();
      assertThat(help.toString()).startsWith(SarifReportWriter.DEFAULT_README.toString());
      // every rule, snippets' and weblinks' too, links to its validator's section (the declaration's)
      assertThat(anchors).as(id).contains(help.getFragment());
      assertThat(rule.path("shortDescription").path("text").asText()).isNotBlank();
    }
    assertThat(helpOf(rules, "snippets/syntax")).endsWith("#code-snippets-snippets");
    assertThat(helpOf(rules, "links/external-broken")).endsWith("#external-links-weblinks");
    assertThat(helpOf(rules, "terms/docgate.Kubernetes")).endsWith("#terminology-terms");
  }

  private static String helpOf(JsonNode rules, String id) {
    for (JsonNode rule : rules) {
      if (rule.path("id").asText().equals(id)) {
        return rule.path("helpUri").asText();
      }
    }
    throw new AssertionError("no rule " + id);
  }

  @Test
  void aRuleKnownOnlyFromAFindingIsStillDeclared() throws Exception {
    Finding f = new Finding("snippets/failed", Severity.ERROR, "a.md", 2, 1, "exit 1", null, null, "0123456789abcdef");
    ScanReport report = new ScanReport(ScanReport.SCHEMA, "nowhere", Instant.EPOCH, Instant.EPOCH, 1, Map.of(),
        Map.of(), List.of(f));
    ValidatorCatalog none = new ValidatorCatalog(List.of(), List.of());
    JsonNode run = JSON.readTree(new SarifReportWriter(none, SarifReportWriter.DEFAULT_README, "t")
        .write(report)).path("runs").get(0);
    JsonNode declared = run.path("tool").path("driver").path("rules");
    assertThat(declared.get(declared.size() - 1).path("id").asText()).isEqualTo("snippets/failed");
    assertThat(schemaErrors(JSON.writeValueAsString(JSON.readTree(new SarifReportWriter(none,
        SarifReportWriter.DEFAULT_README, "t").write(report))))).isEmpty();
  }

  @Test
  void scanFormatSarifWritesItFromTheCommandLine(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("report.sarif");
    int exit = DocgateCommand.execute(new String[] {"scan", LINK_FIXTURES.toString(), "--format", "sarif",
        "--output", out.toString(), "--offline"}, new PrintWriter(new StringWriter()), new PrintWriter(
        new StringWriter()));
    assertThat(exit).isEqualTo(1);
    String sarif = Files.readString(out);
    assertThat(schemaErrors(sarif)).isEmpty();
    assertThat(JSON.readTree(sarif).path("runs").get(0).path("tool").path("driver").path("rules").toString())
        .contains("corpus/encoding", "links/missing-anchor", "terms/");
  }
}
