package org.docgate.validate.snippets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interactive sessions reduced to the code typed in them, line for line (other lines become empty, so a checker's
 * line number is still the snippet's line).
 */
final class Sessions {
  private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z_][\\w-]*)\\1");

  private Sessions() {}

  /** A shell block read as a console session when its first non-blank line starts with a {@code $ } prompt. */
  static boolean looksLikeConsole(String body) {
    for (String line : body.split("\n", -1)) {
      if (!line.isBlank()) {
        String t = line.stripLeading();
        return t.startsWith("$ ") || t.equals("$");
      }
    }
    return false;
  }

  /**
   * The commands of a console session: {@code $ } lines, and {@code # } lines when the session has no {@code $ }
   * line (a root session; otherwise {@code # } lines are comments: the two cannot be told apart), with their
   * continuation lines (after a trailing {@code \}, {@code |}, {@code &&}, {@code ||}) and heredoc bodies. Output
   * lines become empty.
   */
  static String consoleCommands(String body) {
    String[] lines = body.split("\n", -1);
    boolean hasDollar = false;
    for (String line : lines) {
      String t = line.stripLeading();
      hasDollar |= t.startsWith("$ ") || t.equals("$");
    }
    StringBuilder out = new StringBuilder();
    boolean continuing = false;
    String heredoc = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String t = line.stripLeading();
      String code = null;
      if (heredoc != null) {
        code = line;
        if (line.strip().equals(heredoc)) {
          heredoc = null;
        }
      } else if (continuing) {
        code = line;
      } else if (t.startsWith("$ ") || t.equals("$")) {
        code = t.substring(1);
      } else if (!hasDollar && (t.startsWith("# ") || t.equals("#"))) {
        code = t.substring(1);
      }
      if (code != null && heredoc == null) {
        Matcher m = HEREDOC.matcher(code);
        if (m.find()) {
          heredoc = m.group(2);
        }
        String end = code.stripTrailing();
        continuing = end.endsWith("\\") || end.endsWith("|") || end.endsWith("&&");
      } else if (code == null) {
        continuing = false;
      }
      out.append(code == null ? "" : code);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** A Python block whose first non-blank line starts with {@code >>>} is an interpreter session. */
  static boolean looksLikePythonSession(String body) {
    for (String line : body.split("\n", -1)) {
      if (!line.isBlank()) {
        return line.stripLeading().startsWith(">>>");
      }
    }
    return false;
  }

  /** The input lines of a Python session ({@code >>> } and {@code ... } lines), output lines empty. */
  static String pythonInput(String body) {
    String[] lines = body.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].stripLeading();
      if (t.startsWith(">>> ") || t.startsWith("... ")) {
        out.append(t.substring(4));
      }
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
