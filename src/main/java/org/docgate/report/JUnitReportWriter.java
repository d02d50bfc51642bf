package org.docgate.report;

import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;

/**
 * JUnit XML, which CI systems display as test results: one testsuite for the corpus, one testcase per document
 * (named by its corpus-relative path), one {@code <failure>} per error or warning finding (CI systems that show
 * only the first still mark the document failed); info findings go to the testcase's {@code <system-out>}.
 * {@code failures} counts failed testcases, as JUnit does.
 */
public final class JUnitReportWriter {

  /**
   * @param documents the corpus-relative paths of every Markdown document scanned (documents without findings are
   *     passing testcases); paths that appear only in findings are added
   */
  public String write(ScanReport report, List<String> documents) {
    Map<String, List<Finding>> byPath = new TreeMap<>();
    new TreeSet<>(documents).forEach(p -> byPath.put(p, new ArrayList<>()));
    report.findings().forEach(f -> byPath.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f));
    long failed = byPath.values().stream().filter(fs -> fs.stream().anyMatch(JUnitReportWriter::fails)).count();
    String seconds = String.format(Locale.ROOT, "%.3f",
        Duration.between(report.startedAt(), report.finishedAt()).toMillis() / 1000.0);
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "docgate");
      xml.writeAttribute("tests", String.valueOf(byPath.size()));
      xml.writeAttribute("failures", String.valueOf(failed));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("time", seconds);
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "docgate " + clean(report.corpus()));
      xml.writeAttribute("tests", String.valueOf(byPath.size()));
      xml.writeAttribute("failures", String.valueOf(failed));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      xml.writeAttribute("time", seconds);
      xml.writeAttribute("timestamp", report.startedAt().toString());
      for (Map.Entry<String, List<Finding>> e : byPath.entrySet()) {
        testcase(xml, e.getKey(), e.getValue());
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    return out + "\n";
  }

  private static void testcase(XMLStreamWriter xml, String path, List<Finding> findings) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", "docgate");
    xml.writeAttribute("name", clean(path));
    xml.writeAttribute("file", clean(path));
    xml.writeAttribute("time", "0");
    StringBuilder info = new StringBuilder();
    for (Finding f : findings) {
      if (!fails(f)) {
        info.append(f).append('\n');
        continue;
      }
      xml.writeCharacters("\n      ");
      xml.writeStartElement("failure");
      xml.writeAttribute("type", f.rule());
      xml.writeAttribute("message", clean(f.line() + ":" + f.column() + ": " + f.message()));
      xml.writeCharacters(clean(f.toString()
          + (f.suggestion() == null ? "" : "\nsuggestion: " + f.suggestion())));
      xml.writeEndElement();
    }
    if (!info.isEmpty()) {
      xml.writeCharacters("\n      ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(clean(info.toString()));
      xml.writeEndElement();
    }
    if (!findings.isEmpty()) {
      xml.writeCharacters("\n    ");
    }
    xml.writeEndElement();
  }

  static boolean fails(Finding f) {
    return f.severity() == Severity.ERROR || f.severity() == Severity.WARNING;
  }

  /** Drops what XML 1.0 cannot carry at all (control characters, lone surrogates); the writer escapes the rest. */
  static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
        out.append(c);
      } else {
        out.append('\uFFFD');
      }
    }
    return out.toString();
  }
}
