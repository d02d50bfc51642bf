package org.docgate.validate.snippets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parser errors in docgate's words. Jackson and SnakeYAML describe their own configuration and token names
 * ("Feature 'ALLOW_COMMENTS' not enabled for parser", "(code 47)", "expected &lt;block end&gt;"), which tells a writer
 * nothing about the snippet. Each rewrite is one pattern and its replacement; text no pattern knows passes through
 * with only the parser-internal fragments removed. Pure.
 */
final class ParserMessages {
  private record Rewrite(Pattern pattern, String replacement) {
    static Rewrite of(String regex, String replacement) {
      return new Rewrite(Pattern.compile(regex, Pattern.DOTALL), replacement);
    }
  }

  private static final List<Rewrite> JSON = List.of(
      Rewrite.of("^Unexpected character \\('(.)' \\(code \\d+\\)\\): maybe a \\(non-standard\\) comment\\?.*",
          "'$1' starts a comment, and JSON has no comments (a block with comments is ```jsonc)"),
      Rewrite.of("^Unexpected character \\('(.+?)' \\(code \\d+\\)\\): was expecting double-quote to start field "
          + "name.*", "unexpected '$1': a key must be a string in double quotes"),
      Rewrite.of("^Unexpected character \\('(.+?)' \\(code \\d+\\)\\): expected a valid value.*",
          "unexpected '$1' where a value (string, number, object, array, true, false or null) should start"),
      Rewrite.of("^Unrecognized token '(.*?)': was expecting.*",
          "'$1' is not a JSON value (text needs double quotes; true, false and null are lower case)"),
      Rewrite.of("^Unexpected character \\('(.+?)' \\(code \\d+\\)\\): (.*)", "unexpected '$1': $2"),
      Rewrite.of("^Unexpected end-of-input.*", "the text ends inside an object, array or string"));

  private static final List<Rewrite> YAML = List.of(
      Rewrite.of("Non scalar key is detected but it is not configured to be allowed\\.?",
          "a key that is itself a mapping or list (an unquoted '{' or '[' at the start of a key?)"),
      Rewrite.of("<block end>", "the end of the block"),
      Rewrite.of("<scalar>", "a value"),
      Rewrite.of("<block mapping start>", "a new mapping"),
      Rewrite.of("found (\\S)\\(\\d+\\)", "found '$1'"),
      Rewrite.of("found character '\\\\t\\(TAB\\)'", "found a tab"),
      Rewrite.of("\\(Do not use \\\\t\\(TAB\\) for indentation\\)", "(indent with spaces, not tabs)"));

  private static final List<Rewrite> TOML = List.of(
      Rewrite.of("^Path into existing non-object value of type \\w+.*",
          "a dotted key or table reuses a key that already holds a plain value"),
      Rewrite.of("^Table redefined.*", "a table is defined twice"));

  private ParserMessages() {}

  static String json(String message) {
    return rewrite(message, JSON);
  }

  static String yaml(String message) {
    return rewrite(message, YAML);
  }

  static String toml(String message) {
    return rewrite(message, TOML);
  }

  private static String rewrite(String message, List<Rewrite> rewrites) {
    String text = message.lines().findFirst().orElse("invalid");
    for (Rewrite r : rewrites) {
      Matcher m = r.pattern().matcher(text);
      text = m.replaceAll(r.replacement());
    }
    // what no rewrite knew: keep the parser's sentence, drop its internals
    return text.replaceAll(" \\(code \\d+\\)", "")
        .replaceAll("\\s*\\(?(not recognized as one since )?Feature '\\w+' not enabled for parser\\)?", "")
        .strip();
  }
}
