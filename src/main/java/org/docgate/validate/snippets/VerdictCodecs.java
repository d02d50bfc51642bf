package org.docgate.validate.snippets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.docgate.finding.Rule;

/**
 * How the subprocess checkers' verdicts are kept in the {@link VerdictCache}: one JSON value per line. A syntax
 * verdict is {@code null} (passed) or {@code [line, column, message]}; hints are {@code [[line, column, message],
 * ...]} of one rule. Reading checks every part and throws on anything else, so a damaged line is a miss.
 */
final class VerdictCodecs {
  /** In every checker's identity: a new format here must not read the old lines. */
  static final String FORMAT = "json-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private VerdictCodecs() {}

  /** A syntax checker's verdict: empty (passed) or its first problem (bash, python3, gofmt report syntax only). */
  static final VerdictCache.Codec<Optional<Problem>> SYNTAX = new VerdictCache.Codec<>() {
    @Override
    public String write(Optional<Problem> verdict) {
      if (verdict.isEmpty()) {
        return "null";
      }
      Problem p = verdict.get();
      if (p.structural() || p.excerpt()) {
        throw new IllegalArgumentException("a subprocess checker reports syntax problems only");
      }
      return text(triple(p.line(), p.column(), p.message()));
    }

    @Override
    public Optional<Problem> read(String line) {
      JsonNode n = parse(line);
      if (n.isNull()) {
        return Optional.empty();
      }
      return Optional.of(Problem.syntax(integer(n, 0), integer(n, 1), string(n, 2)));
    }
  };

  /** The hints of one rule (ShellCheck's). */
  static VerdictCache.Codec<List<Hint>> hints(Rule rule) {
    return new VerdictCache.Codec<>() {
      @Override
      public String write(List<Hint> hints) {
        ArrayNode all = JSON.createArrayNode();
        for (Hint h : hints) {
          if (!h.rule().equals(rule)) {
            throw new IllegalArgumentException("a hint of " + h.rule().id() + " among " + rule.id() + "'s");
          }
          all.add(triple(h.line(), h.column(), h.message()));
        }
        return text(all);
      }

      @Override
      public List<Hint> read(String line) {
        JsonNode n = parse(line);
        if (!n.isArray()) {
          throw new IllegalArgumentException("not a list of hints");
        }
        List<Hint> out = new ArrayList<>();
        for (JsonNode h : n) {
          out.add(new Hint(rule, integer(h, 0), integer(h, 1), string(h, 2)));
        }
        return List.copyOf(out);
      }
    };
  }

  private static ArrayNode triple(int line, int column, String message) {
    return JSON.createArrayNode().add(line).add(column).add(message);
  }

  private static String text(JsonNode n) {
    try {
      return JSON.writeValueAsString(n); // JSON escapes newlines: one line
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      if (n == null || n.isMissingNode()) {
        throw new IllegalArgumentException("empty verdict");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable verdict", e);
    }
  }

  private static int integer(JsonNode n, int i) {
    if (!n.isArray() || n.size() != 3 || !n.get(i).isInt()) {
      throw new IllegalArgumentException("not [line, column, message]");
    }
    return n.get(i).asInt();
  }

  private static String string(JsonNode n, int i) {
    if (!n.get(i).isTextual()) {
      throw new IllegalArgumentException("not [line, column, message]");
    }
    return n.get(i).asText();
  }
}
