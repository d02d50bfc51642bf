package org.docgate.validate.snippets;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * INI snippets, in process, with the lenient reading most tools share (Python's configparser, Git, systemd units,
 * my.cnf): {@code [section]} headers, {@code key = value} or {@code key: value}, bare keys ({@code skip-networking}),
 * {@code ;} and {@code #} comments, indented continuation lines. Anything else (an unclosed header, a line that is
 * neither, such as nginx's {@code server {}) is an error.
 */
final class IniChecker implements TextChecker {
  @Override
  public String kind() {
    return "ini";
  }

  private static final Pattern SECTION = Pattern.compile("^\\[[^\\[\\]]+](\\s*[;#].*)?$");
  private static final Pattern PAIR = Pattern.compile("^[^=:\\s\\[][^=:]*?\\s*[=:].*$");
  private static final Pattern BARE_KEY = Pattern.compile("^[\\w.$@-]+$");

  @Override
  public Optional<Problem> check(String text) {
    String[] lines = text.split("\r?\n", -1);
    boolean inEntry = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String t = line.strip();
      if (t.isEmpty() || t.startsWith(";") || t.startsWith("#")) {
        continue;
      }
      if (inEntry && Character.isWhitespace(line.charAt(0))) {
        continue; // continuation of the previous value
      }
      if (t.startsWith("[")) {
        if (!SECTION.matcher(t).matches()) {
          return Optional.of(Problem.syntax(i + 1, 1, "INI: malformed section header '" + clip(t) + "'"));
        }
        inEntry = false;
        continue;
      }
      if (PAIR.matcher(t).matches() || BARE_KEY.matcher(t).matches()) {
        inEntry = true;
        continue;
      }
      return Optional.of(Problem.syntax(i + 1, 1, "INI: neither a [section], a key = value nor a comment: '"
          + clip(t) + "'"));
    }
    return Optional.empty();
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
