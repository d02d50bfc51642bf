package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser messages seen on the three development corpora, and what docgate says instead. */
class ParserMessagesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser) | '/' starts a comment, and JSON has no comments (a block with comments is ```jsonc)
      Unexpected character ('}' (code 125)): was expecting double-quote to start field name | unexpected '}': a key must be a string in double quotes
      Unexpected character ('.' (code 46)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false') | unexpected '.' where a value (string, number, object, array, true, false or null) should start
      Unrecognized token 'yes': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') | 'yes' is not a JSON value (text needs double quotes; true, false and null are lower case)
      Unexpected character (']' (code 93)): was expecting comma to separate Object entries | unexpected ']': was expecting comma to separate Object entries
      """)
  void jacksonJsonMessagesAreRewritten(String library, String ours) {
    assertThat(ParserMessages.json(library)).isEqualTo(ours);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      Non scalar key is detected but it is not configured to be allowed. | a key that is itself a mapping or list (an unquoted '{' or '[' at the start of a key?)
      while parsing a block mapping: expected <block end>, but found '-' | while parsing a block mapping: expected the end of the block, but found '-'
      while parsing a flow mapping: expected ',' or '}', but got <scalar> | while parsing a flow mapping: expected ',' or '}', but got a value
      while scanning a block scalar: expected a comment or a line break, but found 特(29305) | while scanning a block scalar: expected a comment or a line break, but found '特'
      mapping values are not allowed here | mapping values are not allowed here
      """)
  void snakeYamlInternalsAreRewritten(String library, String ours) {
    assertThat(ParserMessages.yaml(library)).isEqualTo(ours);
  }

  @Test
  void aJsonCommentIsReportedInDocgatesWordsByTheStrictChecker() {
    Problem p = JsonChecker.strict().check("{\n  // the port\n  \"port\": 80\n}\n").orElseThrow();

    assertThat(p.message()).isEqualTo("JSON: '/' starts a comment, and JSON has no comments (a block with comments is "
        + "```jsonc)").doesNotContain("Feature", "ALLOW_", "code 47");
    assertThat(p.line()).isEqualTo(2);
  }

  @Test
  void aTomlKeyReusedAsATableIsReportedInDocgatesWords() {
    Problem p = new TomlChecker().check("a = \"x\"\na.b = 1\n").orElseThrow();

    assertThat(p.message()).isEqualTo("TOML: a dotted key or table reuses a key that already holds a plain value");
  }
}
