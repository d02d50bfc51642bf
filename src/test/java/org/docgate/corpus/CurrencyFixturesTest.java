package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.docgate.ExpectedFindings;
import org.docgate.config.RuleFiles;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each fixture says inline what the packaged currency rules decide: {@code <!-- document: living|record -->} for
 * the document, {@code <!-- expect: REASON -->} for the next line ({@code <!-- expect+K: REASON -->} for the line K
 * below, inside tables and lists where a comment would end the block), REASON being {@code current} or an
 * exemption's key ({@code record}, {@code section}, {@code history}, {@code dated}, {@code comparison},
 * {@code lower-bound}, {@code plan}).
 */
class CurrencyFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/currency");
  static final CurrencyRules RULES = CurrencyRules.load(RuleFiles.packaged());
  private static final Pattern DOCUMENT = Pattern.compile("^<!--\\s*document:\\s*(living|record)\\s*-->$");
  private static final Pattern EXPECT = Pattern.compile("^<!--\\s*expect(?:\\+(\\d+))?:\\s*(\\S+)\\s*-->$");

  static Stream<String> fixtureFiles() throws IOException {
    return ExpectedFindings.markdownFiles(FIXTURES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtureFiles")
  void decisionsAreThoseWrittenInline(String path) throws IOException {
    String text = Files.readString(FIXTURES.resolve(path), StandardCharsets.UTF_8);
    MarkdownDocument doc = new MarkdownParser().parse(path, text);
    DocumentCurrency currency = RULES.of(doc);
    List<String> lines = text.lines().toList();
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    boolean documentStated = false;
    for (int i = 0; i < lines.size(); i++) {
      Matcher d = DOCUMENT.matcher(lines.get(i).strip());
      if (d.matches()) {
        documentStated = true;
        assertThat(currency.isRecord()).as(path + " is " + d.group(1) + ": " + currency.reason())
            .isEqualTo(d.group(1).equals("record"));
      }
      Matcher m = EXPECT.matcher(lines.get(i).strip());
      if (!m.matches()) {
        continue;
      }
      int target = i + 1 + (m.group(1) == null ? 1 : Integer.parseInt(m.group(1)));
      String source = lines.get(target - 1);
      int column = source.length() - source.stripLeading().length() + 1;
      assertThat(currency.sentencesOn(target)).as(path + ":" + target + " holds prose: " + source).isNotEmpty();
      Exemption e = currency.exemptionAt(target, column);
      expected.add(target + ": " + m.group(2));
      actual.add(target + ": " + (e == null ? "current" : e.reason().key()));
    }
    assertThat(documentStated).as(path + " states its document class").isTrue();
    assertThat(actual).as(path + "\n" + explainAll(currency, expected)).isEqualTo(expected);
  }

  private static String explainAll(DocumentCurrency currency, List<String> expected) {
    StringBuilder sb = new StringBuilder();
    for (String e : expected) {
      sb.append(currency.explain(Integer.parseInt(e.substring(0, e.indexOf(':')))));
    }
    return sb.toString();
  }
}
