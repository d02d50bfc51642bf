package org.docgate.validate.snippets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/** JSON snippets with Jackson: strict, or with the relaxations of JSONC or JSON5. One value per snippet. */
final class JsonChecker implements TextChecker {
  private final String kind;
  private final JsonFactory factory;

  private JsonChecker(String kind, JsonFactory factory) {
    this.kind = kind;
    this.factory = factory;
  }

  @Override
  public String kind() {
    return kind;
  }

  /**
   * A first line that is only a comment naming a file: {@code // package.json}, {@code # config/app.json}, {@code /*
   * ./node_modules/pkg/package.json *}{@code /}, {@code // file: tsconfig.json}. Docs label a block with the file it
   * shows so (the Node.js docs in all their package.json examples, 9 of 19 snippet findings there, judged NOFIX: "a
   * filename caption, misleads nobody"). The file name has an extension and nothing else is on the line, so a comment
   * that says something ({@code // Pod Spec}, {@code // Grafana Dashboard JSON示例}) stays an error, and so do comments
   * further down (a config read as strict JSON with {@code // Default: false} after its values, judged RIGHT).
   */
  private static final Pattern FILE_LABEL = Pattern.compile(
      "^\\s*(?://|#|/\\*)\\s*(?:[\\p{L}]+:\\s*)?[\\w.~@/\\\\-]*[\\w-]\\.[A-Za-z][\\w-]{0,9}\\s*(?:\\*/)?\\s*$");

  /** A key and its colon first: members shown without their object ({@code "rules": {...}}). */
  private static final Pattern FIRST_MEMBER = Pattern.compile("\\s*\"(?:[^\"\\\\\n]|\\\\.)*\"\\s*:");

  /** The body with a file-name label on its first non-blank line blanked (lines keep their numbers). */
  @Override
  public String textOf(String body) {
    int start = 0;
    while (start < body.length()) {
      int end = body.indexOf('\n', start);
      end = end < 0 ? body.length() : end;
      String line = body.substring(start, end);
      if (!line.isBlank()) {
        return FILE_LABEL.matcher(line).matches() ? body.substring(0, start) + body.substring(end) : body;
      }
      start = end + 1;
    }
    return body;
  }

  @Override
  public Placeholders.Style placeholders() {
    return Placeholders.Style.NUMBER;
  }

  static JsonChecker strict() {
    return new JsonChecker("json", JsonFactory.builder().build());
  }

  /** {@code //} and {@code /* *}{@code /} comments and trailing commas. */
  static JsonChecker jsonc() {
    return new JsonChecker("jsonc", JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        .build());
  }

  /** JSONC plus single quotes, unquoted keys, NaN/Infinity, leading '+' and '.', hexadecimal numbers. */
  static JsonChecker json5() {
    return new JsonChecker("json5", JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
        .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
        .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
        .enable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
        .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
        .build());
  }

  /**
   * The first problem; a block of members without the braces around them ({@code "key": {...}}, a schema entry shown
   * alone) that parses once wrapped is an excerpt, not broken JSON.
   */
  @Override
  public Optional<Problem> check(String text) {
    Optional<Problem> problem = parse(text);
    if (problem.isEmpty() || !FIRST_MEMBER.matcher(text).lookingAt()) {
      return problem;
    }
    Optional<Problem> wrapped = parse("{" + text + "\n}");
    if (wrapped.isEmpty()) {
      return Optional.of(Problem.excerpt(1, 1, "JSON: members without the object around them"));
    }
    // members shown alone that are broken as members too: the members' own error (a trailing comma in
    // "rules": {"a": "error",}), not "unexpected ':'" at the first key (eslint-plugin-react's README, round 23)
    Problem p = wrapped.get();
    return p.line() > lineCount(text) ? problem
        : Optional.of(p.line() == 1
            ? new Problem(1, Math.max(1, p.column() - 1), p.message(), p.structural(), p.excerpt()) : p);
  }

  private static int lineCount(String text) {
    return (int) text.chars().filter(c -> c == '\n').count() + 1;
  }

  /**
   * Whether a value after another is one of the alternatives a block with comments sets side by side: a comment
   * line stands between the two ({@code // Rejected:} then a schema, {@code // Accepted (...)} then another: Qwen
   * Code's docs, round 45, judged NOFIX). Only where comments are allowed (JSONC, JSON5); in strict JSON the comment
   * is the error reported.
   */
  private boolean labelledAlternative(String text, long from, long to) {
    if (!factory.isEnabled(JsonReadFeature.ALLOW_JAVA_COMMENTS.mappedFeature()) || from < 0 || to > text.length()
        || from > to) {
      return false;
    }
    String between = text.substring((int) from, (int) to);
    return between.lines().anyMatch(l -> l.strip().startsWith("//") || l.strip().startsWith("/*"));
  }

  private Optional<Problem> parse(String text) {
    try (JsonParser parser = factory.createParser(text)) {
      if (parser.nextToken() == null) {
        return Optional.of(Problem.syntax(1, 1, "JSON: no value"));
      }
      parser.skipChildren();
      long end = parser.currentLocation().getCharOffset();
      for (JsonToken after = parser.nextToken(); after != null; after = parser.nextToken()) {
        JsonLocation at = parser.currentTokenLocation();
        if (!labelledAlternative(text, end, at.getCharOffset())) {
          return Optional.of(Problem.syntax(at.getLineNr(), at.getColumnNr(),
              "JSON: more than one value (a second one starts here)"));
        }
        parser.skipChildren();
        end = parser.currentLocation().getCharOffset();
      }
      return Optional.empty();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : at.getLineNr();
      int column = at == null ? 1 : at.getColumnNr();
      return Optional.of(Problem.syntax(line, column, "JSON: "
          + ParserMessages.json(e.getOriginalMessage())));
    } catch (IOException e) {
      return Optional.of(Problem.syntax(1, 1, "JSON: " + e.getMessage()));
    }
  }
}
