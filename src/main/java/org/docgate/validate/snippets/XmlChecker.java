package org.docgate.validate.snippets;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XML snippets with the JDK's SAX parser, well-formedness only, XXE-safe: no external DTD or entity is ever fetched
 * or read (the resolver answers every one with nothing), no XInclude, and secure processing caps entity expansion. A
 * DOCTYPE is allowed (docs show them), but only its internal subset counts. Several top-level elements (a fragment,
 * such as two {@code <dependency>} blocks) are read inside a wrapper element when the snippet has no prolog.
 */
final class XmlChecker implements TextChecker {
  @Override
  public String kind() {
    return "xml";
  }

  private final SAXParserFactory factory;

  XmlChecker() {
    factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(false);
    factory.setValidating(false);
    factory.setXIncludeAware(false);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the JDK XML parser cannot be made safe", e);
    }
  }

  @Override
  public Optional<Problem> check(String text) {
    Optional<Problem> asIs = parse(text);
    if (asIs.isPresent() && asIs.get().message().contains("markup in the document following the root element")
        && !text.stripLeading().startsWith("<?xml") && !text.contains("<!DOCTYPE")) {
      // the wrapper's start tag shares line 1, so line numbers stay the snippet's
      if (parse("<docgate-fragment>" + text + "\n</docgate-fragment>").isEmpty()) {
        return Optional.empty();
      }
    }
    return asIs;
  }

  private Optional<Problem> parse(String text) {
    try {
      SAXParser parser = factory.newSAXParser();
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      XMLReader reader = parser.getXMLReader();
      reader.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      DefaultHandler quiet = new DefaultHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {}
      };
      reader.setErrorHandler(quiet);
      reader.setContentHandler(quiet);
      reader.parse(new InputSource(new StringReader(text)));
      return Optional.empty();
    } catch (SAXParseException e) {
      return Optional.of(Problem.syntax(e.getLineNumber(), e.getColumnNumber(), "XML: " + e.getMessage()));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      return Optional.of(Problem.syntax(1, 1, "XML: " + e.getMessage()));
    }
  }
}
