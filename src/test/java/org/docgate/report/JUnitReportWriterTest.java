package org.docgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.docgate.cli.DocgateCommand;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportWriterTest {
  static final String LINK_FIXTURES = "src/test/resources/fixtures/links";

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static String docgate(String... args) {
    StringWriter out = new StringWriter();
    DocgateCommand.execute(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    return out.toString();
  }

  @Test
  void countsMatchTheJsonReportOfTheSameCorpus() throws Exception {
    JsonNode json = new ObjectMapper().readTree(docgate("scan", LINK_FIXTURES, "--format", "json", "--offline"));
    Document xml = parse(docgate("scan", LINK_FIXTURES, "--format", "junit", "--offline"));

    NodeList testcases = xml.getElementsByTagName("testcase");
    assertThat(testcases.getLength()).isEqualTo(json.path("documents").asInt()).isGreaterThan(5);
    long errorsAndWarnings = 0;
    Set<String> failingPaths = new HashSet<>();
    for (JsonNode f : json.path("findings")) {
      if (!f.path("severity").asText().equals("info")) {
        errorsAndWarnings++;
        failingPaths.add(f.path("path").asText());
      }
    }
    assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(errorsAndWarnings).isGreaterThan(10);
    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(testcases.getLength()));
    assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(failingPaths.size()));
    Set<String> failingCases = new HashSet<>();
    for (int i = 0; i < testcases.getLength(); i++) {
      Element c = (Element) testcases.item(i);
      if (c.getElementsByTagName("failure").getLength() > 0) {
        failingCases.add(c.getAttribute("name"));
      }
    }
    assertThat(failingCases).isEqualTo(failingPaths);
  }

  @Test
  void aFailureCarriesRuleLineAndMessage() throws Exception {
    Document xml = parse(docgate("scan", LINK_FIXTURES, "--format", "junit", "--offline"));
    NodeList failures = xml.getElementsByTagName("failure");
    boolean found = false;
    for (int i = 0; i < failures.getLength(); i++) {
      Element f = (Element) failures.item(i);
      if (f.getAttribute("type").equals("links/outside-corpus")
          && ((Element) f.getParentNode()).getAttribute("name").equals("README.md")
          && f.getAttribute("message").startsWith("25:")) {
        assertThat(f.getAttribute("message")).startsWith("25:3: ");
        assertThat(f.getTextContent()).startsWith("README.md:25:3: error links/outside-corpus: ");
        found = true;
      }
    }
    assertThat(found).isTrue();
  }

  @Test
  void documentsWithoutFindingsPassAndInfoFindingsAreOutputNotFailures() throws Exception {
    Finding info = new Finding("completeness/heading-skip", Severity.INFO, "b.md", 3, 1, "skip", null, null, "f");
    ScanReport report = new ScanReport(ScanReport.SCHEMA, "c", Instant.EPOCH, Instant.EPOCH, 2, Map.of(), Map.of(),
        List.of(info));
    Document xml = parse(new JUnitReportWriter().write(report, List.of("a.md", "b.md")));
    assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(2);
    assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
    assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent()).contains("b.md:3:1: info");
  }

  @Test
  void markupAndControlCharactersInNamesAndMessagesStayInert() throws Exception {
    String name = "x</testcase>]]><!--&\"'.md";
    Finding f = new Finding("links/missing-file", Severity.ERROR, name, 1, 1,
        "'<script>&amp;]]>\u0007' does not exist", "<script>", null, "f");
    ScanReport report = new ScanReport(ScanReport.SCHEMA, "c", Instant.EPOCH, Instant.EPOCH, 1, Map.of(), Map.of(),
        List.of(f));
    Document xml = parse(new JUnitReportWriter().write(report, List.of(name)));
    Element testcase = (Element) xml.getElementsByTagName("testcase").item(0);
    assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(1);
    assertThat(testcase.getAttribute("name")).isEqualTo(name);
    assertThat(testcase.getElementsByTagName("failure").item(0).getTextContent())
        .contains("'<script>&amp;]]>\\x07' does not exist"); // the finding line escapes it visibly (PlainText)
  }

  @Test
  void outputWritesTheXmlToAFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("junit.xml");
    docgate("scan", LINK_FIXTURES, "--format", "junit", "--output", out.toString(), "--offline");
    assertThat(parse(Files.readString(out)).getDocumentElement().getTagName()).isEqualTo("testsuites");
  }
}
