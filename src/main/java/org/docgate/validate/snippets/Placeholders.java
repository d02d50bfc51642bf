package org.docgate.validate.snippets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders that authors put in snippets on purpose: {@code <your-cluster>}, {@code ${VAR}}, {@code {{ .Values.x }}}
 * (templates), {@code ...} / {@code …} / {@code [...]} (elisions), {@code xxx}. A failing snippet that passes once they
 * are replaced by neutral values is incomplete, not broken.
 */
final class Placeholders {
  private static final Pattern ANGLE = Pattern.compile("<[\\p{L}_][\\p{L}\\p{N} _./:=-]*>");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}");
  private static final Pattern ELLIPSIS = Pattern.compile("\\.\\.\\.|…");
  private static final Pattern XXX = Pattern.compile("(?<![A-Za-z0-9])[xX]{3,}(?![A-Za-z0-9])");
  private static final Pattern ANY = Pattern.compile(String.join("|", ANGLE.pattern(), VARIABLE.pattern(),
      TEMPLATE.pattern(), ELLIPSIS.pattern(), XXX.pattern()));
  /** A line that holds nothing but placeholders, elision brackets, comment markers and list dashes. */
  private static final Pattern ONLY = Pattern.compile("^[\\s#/*\\-,]*(?:(?:" + ANGLE.pattern() + "|"
      + TEMPLATE.pattern() + "|\\[\\s*(?:\\.\\.\\.|…)\\s*]|\\{\\s*(?:\\.\\.\\.|…)\\s*}|\\.\\.\\.|…)[\\s,]*)+$");

  private Placeholders() {}

  static boolean present(String text) {
    return ANY.matcher(text).find();
  }

  /** The text with placeholders replaced by values every checker accepts, line for line. */
  static String neutralise(String text, CheckerKind checker) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder();
    String value = checker == CheckerKind.JSON || checker == CheckerKind.JSONC || checker == CheckerKind.JSON5
        || checker == CheckerKind.TOML ? "0" : "placeholder";
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean python = checker == CheckerKind.PYTHON; // `...` is Python (Ellipsis), and blank lines break blocks
      if (!python && ONLY.matcher(line).matches()) {
        line = "";
      } else {
        if (!python) {
          line = line.replaceAll("\\[\\s*(?:\\.\\.\\.|…)\\s*]", "[]")
              .replaceAll("\\{\\s*(?:\\.\\.\\.|…)\\s*}", "{}");
          line = ELLIPSIS.matcher(line).replaceAll("");
        }
        line = TEMPLATE.matcher(line).replaceAll(value);
        line = ANGLE.matcher(line).replaceAll(value);
        if (checker != CheckerKind.SHELL && checker != CheckerKind.CONSOLE) {
          line = VARIABLE.matcher(line).replaceAll(Matcher.quoteReplacement(value));
        }
      }
      out.append(line);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
