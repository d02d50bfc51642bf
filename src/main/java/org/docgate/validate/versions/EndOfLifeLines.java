package org.docgate.validate.versions;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code endoflife-date.yaml} in the exact layout {@link EndOfLifeImport} writes it (a product's id, title,
 * optional aliases and one flow mapping per cycle, each on a line of its own), line by line, without composing a YAML
 * node tree: SnakeYAML took 3% of a warm {@code --offline} scan's samples on this 730 KB file. Anything else (a hand
 * edit, an escape in a string, a key out of place, a value that is not a date) answers null, and the caller reads the
 * file as YAML, with its strict file:line errors. Pure.
 */
final class EndOfLifeLines {
  private final String yaml;
  private int at;

  private EndOfLifeLines(String yaml) {
    this.yaml = yaml;
  }

  /** The data, as {@link EndOfLifeData#parse} would read it; null when the text is not in the generated layout. */
  static EndOfLifeData read(String source, String yaml) {
    if (yaml.indexOf('\r') >= 0 || yaml.indexOf('\\') >= 0 || yaml.indexOf('\t') >= 0) {
      return null;
    }
    try {
      return new EndOfLifeLines(yaml).data(source);
    } catch (NotTheLayout | DateTimeParseException e) {
      return null;
    }
  }

  /** Not the generated layout: the caller reads the file as YAML. */
  private static final class NotTheLayout extends RuntimeException {
    NotTheLayout() {
      super(null, null, false, false);
    }
  }

  private EndOfLifeData data(String source) {
    String line = next();
    String src = source;
    if (line != null && line.startsWith("source: ")) {
      src = quoted(line, "source: ".length(), true);
      line = next();
    }
    if (!"products:".equals(line)) {
      throw new NotTheLayout();
    }
    Map<String, EndOfLifeData.DataProduct> products = new LinkedHashMap<>();
    line = next();
    while (line != null) {
      String id = quoted(line, 2, false);
      if (!line.startsWith("  \"") || !line.endsWith("\":") || line.length() != id.length() + 5) {
        throw new NotTheLayout();
      }
      String title = field(next(), "    title: ");
      line = next();
      List<String> aliases = List.of();
      if (line != null && line.startsWith("    aliases: [")) {
        aliases = aliases(line);
        line = next();
      }
      if (!"    cycles:".equals(line)) {
        throw new NotTheLayout();
      }
      List<EndOfLifeData.Cycle> cycles = new ArrayList<>();
      int read = 0;
      for (line = next(); line != null && line.startsWith("      - {"); line = next()) {
        cycle(line).ifPresent(cycles::add);
        read++;
      }
      if (read == 0 || products.put(id, new EndOfLifeData.DataProduct(id, title, aliases, cycles)) != null) {
        throw new NotTheLayout();
      }
    }
    if (products.isEmpty()) {
      throw new NotTheLayout();
    }
    return new EndOfLifeData(src, products);
  }

  /** The next line that is neither blank nor a comment, or null at the end. */
  private String next() {
    while (at < yaml.length()) {
      int end = yaml.indexOf('\n', at);
      if (end < 0) {
        end = yaml.length();
      }
      String line = yaml.substring(at, end);
      at = end + 1;
      if (!line.isBlank() && !line.startsWith("#")) {
        return line;
      }
    }
    return null;
  }

  /** The quoted value after {@code prefix}, the whole rest of the line. */
  private static String field(String line, String prefix) {
    if (line == null || !line.startsWith(prefix)) {
      throw new NotTheLayout();
    }
    return quoted(line, prefix.length(), true);
  }

  /** The double-quoted string starting at {@code from}; {@code whole}: it must end the line. */
  private static String quoted(String line, int from, boolean whole) {
    if (from >= line.length() || line.charAt(from) != '"') {
      throw new NotTheLayout();
    }
    int end = line.indexOf('"', from + 1);
    if (end < 0 || (whole && end != line.length() - 1)) {
      throw new NotTheLayout();
    }
    return line.substring(from + 1, end);
  }

  private static List<String> aliases(String line) {
    String prefix = "    aliases: [";
    if (!line.endsWith("]")) {
      throw new NotTheLayout();
    }
    List<String> out = new ArrayList<>();
    int i = prefix.length();
    while (true) {
      String alias = quoted(line, i, false);
      out.add(alias);
      i += alias.length() + 2;
      if (line.startsWith("]", i) && i == line.length() - 1) {
        return out;
      }
      if (!line.startsWith(", ", i)) {
        throw new NotTheLayout();
      }
      i += 2;
    }
  }

  /** One {@code - {cycle: "1.31", released: 2024-08-13, eol: false, latest: "1.31.4"}} line. */
  private static Optional<EndOfLifeData.Cycle> cycle(String line) {
    Map<String, String> fields = new HashMap<>();
    int i = "      - {".length();
    while (true) {
      int colon = line.indexOf(": ", i);
      if (colon < 0) {
        throw new NotTheLayout();
      }
      String key = line.substring(i, colon);
      if (!EndOfLifeData.CYCLE.contains(key)) {
        throw new NotTheLayout();
      }
      int from = colon + 2;
      String value;
      int end;
      if (from < line.length() && line.charAt(from) == '"') {
        value = quoted(line, from, false);
        end = from + value.length() + 2;
      } else {
        end = from;
        while (end < line.length() && line.charAt(end) != ',' && line.charAt(end) != '}') {
          end++;
        }
        value = line.substring(from, end);
        if (!value.equals("true") && !value.equals("false") && !isDate(value)) {
          throw new NotTheLayout();
        }
      }
      if (fields.put(key, value) != null) {
        throw new NotTheLayout();
      }
      if (end == line.length() - 1 && line.charAt(end) == '}') {
        break;
      }
      if (!line.startsWith(", ", end)) {
        throw new NotTheLayout();
      }
      i = end + 2;
    }
    if (!fields.containsKey("cycle")) {
      throw new NotTheLayout();
    }
    return EndOfLifeData.cycle(fields.get("cycle").strip(), fields.get("eol"), fields.get("latest"),
        fields.get("codename"));
  }

  /** {@code 2024-08-13}: the only plain value besides true and false the generator writes. */
  private static boolean isDate(String v) {
    if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
      return false;
    }
    for (int k = 0; k < 10; k++) {
      if (k != 4 && k != 7 && (v.charAt(k) < '0' || v.charAt(k) > '9')) {
        return false;
      }
    }
    return true;
  }
}
