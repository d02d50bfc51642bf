package org.docgate.validate.snippets;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders that authors put in snippets on purpose: {@code <your-cluster>}, {@code ${VAR}}, {@code {{ .Values.x }}}
 * (templates), {@code ...} / {@code …} / {@code [...]} (elisions), {@code xxx}, and in shell {@code {host}} (a word in
 * single braces, which bash reads as a literal brace and ShellCheck flags as SC1083) and {@code [sudo]} where a command
 * starts (an optional word). A failing snippet that passes once
 * they are replaced by neutral values is incomplete, not broken; ShellCheck reads shell snippets neutralised.
 */
final class Placeholders {
  /** How a language's placeholders are replaced (its checker says which: {@link SnippetChecker#placeholders()}). */
  enum Style {
    /** A word ({@code placeholder}); {@code ${VAR}} too. */
    WORD,
    /** A number ({@code 0}), so JSON and TOML values stay values. */
    NUMBER,
    /** A word; {@code ${VAR}} is shell's own syntax and stays; {@code {host}} is replaced. */
    SHELL,
    /** A word; {@code ...} is Python's Ellipsis and stays, and lines are never emptied (blank lines break blocks). */
    PYTHON,
    /**
     * A word, for JavaScript and TypeScript: {@code ...x} is a spread and stays, a tag that is closed ({@code <A />},
     * {@code <div>} with its {@code </div>}) is JSX and stays, {@code attr={{ a: 1 }}} is a JSX object and stays.
     */
    SCRIPT,
    /** A word; and a configuration reference's notation ({@link #dropReferenceNotation}) is dropped. */
    YAML
  }

  /** {@code {host}}: not after {@code $} or another brace, no {@code ..} (bash's {@code {a..z}} ranges stay). */
  private static final Pattern BRACE = Pattern.compile("(?<![$\\w{])\\{[A-Za-z_][\\w-]*(?:\\.[\\w-]+)*}(?!})");
  /**
   * {@code [sudo] make install}: a word in brackets where a command starts (a line's start, after {@code ;},
   * {@code &&}, {@code ||}, {@code |}, {@code (} or {@code $(}) and another word after it. Documentation's notation
   * for an optional word (usage lines write {@code cmd [options]} so); bash reads a command named {@code [sudo]} and
   * ShellCheck a broken {@code [ test ]}, four findings on one line of the Node.js BUILDING.md, judged WRONG. A test
   * has spaces inside its brackets ({@code [ -f x ]}), so it is never this. Group 1 is the optional word with its
   * brackets; shell neutralises it to spaces (the command without it, columns kept).
   */
  private static final Pattern OPTIONAL_WORD =
      Pattern.compile("(?:^|[;&|(])\\s*(\\[[A-Za-z][\\w-]*])(?=[ \\t]+[^\\s#])", Pattern.MULTILINE);
  // not after another <: a heredoc with a redirection (<<EOF > pod.txt) is not the placeholder "<EOF >"
  private static final Pattern ANGLE = Pattern.compile("(?<!<)<[\\p{L}_][\\p{L}\\p{N} _./:=-]*>");
  /** A placeholder where a key stands: followed by {@code :}. */
  private static final Pattern ANGLE_KEY = Pattern.compile(ANGLE.pattern() + "(\\s*:)");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}");
  private static final Pattern ELLIPSIS = Pattern.compile("\\.\\.\\.|…");
  /** An elision in JavaScript: not a spread ({@code ...args}, {@code ...[a]}, {@code ...{a}}, {@code ...(a)}). */
  private static final Pattern SCRIPT_ELLIPSIS = Pattern.compile("\\.\\.\\.(?![\\w$\\[{(\"'`])|…");
  /** A template in JavaScript: not a JSX attribute's object ({@code style={{ color: 'red' }}}). */
  private static final Pattern SCRIPT_TEMPLATE = Pattern.compile("(?<!=)\\{\\{.*?}}");
  /** An elided list or mapping ({@code [...]}, {@code { … }}): kept as an empty one. */
  private static final Pattern ELIDED_LIST = Pattern.compile("\\[\\s*(?:\\.\\.\\.|…)\\s*]");
  private static final Pattern ELIDED_MAP = Pattern.compile("\\{\\s*(?:\\.\\.\\.|…)\\s*}");
  private static final Pattern XXX = Pattern.compile("(?<![A-Za-z0-9])[xX]{3,}(?![A-Za-z0-9])");
  /** A line that holds nothing but placeholders, elision brackets, comment markers and list dashes. */
  private static final Pattern ONLY = Pattern.compile("^[\\s#/*\\-,]*(?:(?:" + ANGLE.pattern() + "|"
      + TEMPLATE.pattern() + "|\\[\\s*(?:\\.\\.\\.|…)\\s*]|\\{\\s*(?:\\.\\.\\.|…)\\s*}|\\.\\.\\.|…)[\\s,]*)+$");

  /** A line that is only an elision: {@code ...}, {@code …}, a vertical ellipsis ({@code .} or {@code ⋮} alone). */
  // also spaced dots and a bracketed elision alone on its line: "[ . . . ]" in k8s-enhancements 4603's Job (round 32)
  static final Pattern ELISION_LINE = Pattern.compile(
      "^\\s*(?://|#)?\\s*(?:\\.{3,}|…+|[.⋮]|\\.(?: \\.){2,}|\\[\\s*(?:\\.{3,}|…|\\.(?: \\.){2,})\\s*])\\s*$");

  private Placeholders() {}

  /**
   * The 1-based line of the first elision ({@code ...}, {@code …}, a line of one dot), 0 when there is none. An
   * elision cannot be neutralised exactly (what it stands for is unknown: a closing brace, the rest of a list), so
   * a parser error at or after it may be its doing; an error before it cannot be.
   */
  static int firstElision(String text) {
    return firstElision(text, Style.WORD);
  }

  /** As {@link #firstElision(String)}; in {@link Style#SCRIPT} a spread is no elision. */
  static int firstElision(String text, Style style) {
    Pattern ellipsis = style == Style.SCRIPT ? SCRIPT_ELLIPSIS : ELLIPSIS;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      // both patterns need "..." or "…"; ELISION_LINE also a line that ends in one of its marks
      boolean dots = line.contains("...") || line.indexOf('…') >= 0;
      if (dots && (style != Style.SCRIPT || ellipsis.matcher(line).find())
          || mayBeElisionLine(line, 0, line.length()) && ELISION_LINE.matcher(line).matches()) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * False when {@code line[start, end)} cannot match {@link #ELISION_LINE}: its last character before white space
   * (and before one final line terminator, where {@code $} also matches) is no elision mark nor a closing bracket. Most lines of code hold
   * a dot, and the regex on each was a fifth of the placeholder checks.
   */
  static boolean mayBeElisionLine(String line, int start, int end) {
    if (end > start && (line.charAt(end - 1) == '\u0085' || line.charAt(end - 1) == '\u2028'
        || line.charAt(end - 1) == '\u2029')) {
      end--;
    }
    while (end > start) {
      char c = line.charAt(end - 1);
      if (!org.docgate.markdown.Whitespace.isSpace(c)) {
        return c == '.' || c == '…' || c == '⋮' || c == ']';
      }
      end--;
    }
    return false;
  }

  /**
   * Whether the text holds a placeholder of any style but shell's braces. Each kind is looked for only where the
   * characters its match needs are in the text, and the line pattern only on lines holding a dot or an ellipsis:
   * the alternation of all kinds, tried at every position of every snippet, was a sixth of the snippet validator's
   * CPU. Same answers as {@code ANY.matcher(text).find()} or a line matching {@code ELISION_LINE}.
   */
  static boolean present(String text) {
    return text.contains("...") || text.indexOf('…') >= 0
        || text.indexOf('<') >= 0 && text.indexOf('>') >= 0 && ANGLE.matcher(text).find()
        || text.contains("${") && VARIABLE.matcher(text).find()
        || text.contains("{{") && TEMPLATE.matcher(text).find()
        || xRun(text) && XXX.matcher(text).find()
        || elisionLine(text);
  }

  /** Whether three x or X follow each other somewhere (what {@code XXX} needs). */
  private static boolean xRun(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      run = c == 'x' || c == 'X' ? run + 1 : 0;
      if (run == 3) {
        return true;
      }
    }
    return false;
  }

  /** Whether a line (split at {@code \n} and {@code \r}, as {@link String#lines} does) matches ELISION_LINE. */
  private static boolean elisionLine(String text) {
    int tested = -1; // the end of the last line tested
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (i > tested && (c == '.' || c == '…' || c == '⋮')) {
        int start = i;
        while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
          start--;
        }
        int end = i;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
          end++;
        }
        if (mayBeElisionLine(text, start, end) && ELISION_LINE.matcher(text.substring(start, end)).matches()) {
          return true;
        }
        tested = end;
      }
    }
    return false;
  }

  /**
   * {@code "never" | "always" | "ignorePackages"}: a value's alternatives in a schema's notation (eslint-plugin-import's
   * rule docs, {@code "import/extensions": [<severity>, "never" | "always"]}, three findings judged NOFIX in round 23:
   * "schematic notation, intentionally not real JSON"). Group 1 is what follows the first alternative; data values
   * ({@code NUMBER} style: JSON, TOML) keep the first.
   */
  private static final Pattern ALTERNATIVES = Pattern.compile(
      "(?:\"[^\"\n]*\"|\\b\\d+\\b|\\btrue\\b|\\bfalse\\b|\\bnull\\b)((?:[ \\t]*\\|[ \\t]*(?:\"[^\"\n]*\"|\\d+|true|false|null))+)");

  /**
   * {@code [ scrape_interval: <duration> | default = 1m ]}: an optional key in a configuration reference's notation
   * (Prometheus's configuration docs show every block so, 37 blocks of one page reported as YAML syntax errors and
   * judged NOFIX: "the page's own notation, brackets mean optional"). A {@code [} that opens a line and is followed by
   * a key, a list dash or a {@code <placeholder>}; the group may span lines ({@code [ metric_relabel_configs:} ...
   * {@code [ - <relabel_config> ... ] ]}). A flow sequence that YAML reads never gets here: only a failing block is
   * neutralised.
   */
  private static final Pattern OPTIONAL_KEY = Pattern.compile("^([ \\t]*)\\[(?=[ \\t]*(?:-[ \\t]|<|[\\w.-]+[ \\t]*:))",
      Pattern.MULTILINE);
  /** {@code | default = 1m} (or {@code | default: true}) inside an optional group: the value's default, not data. */
  private static final Pattern DEFAULT = Pattern.compile("[ \\t]\\|[ \\t]*default[ \\t]*[=:]");

  /** Whether the text holds a placeholder of this style (shell's {@code {host}} counts for shell only). */
  static boolean present(String text, Style style) {
    if (style == Style.SCRIPT) { // spreads, JSX tags and JSX objects are code: only what neutralising changes counts
      return present(text) && !neutralise(text, style).equals(text);
    }
    return present(text) || notation(text, style) || style == Style.NUMBER && text.indexOf('|') >= 0 && ALTERNATIVES.matcher(text).find()
        || style == Style.SHELL && (text.indexOf('{') >= 0 && BRACE.matcher(text).find()
        || text.indexOf('[') >= 0 && (OPTIONAL_WORD.matcher(text).find() || text.lines().anyMatch(
            l -> !blankSynopsis(l).equals(l))));
  }

  /**
   * A usage line's optional part as an argument: {@code npm get [key ...]}, {@code npm pkg get [<key> [<key> ...]]},
   * {@code npm access [developer | admin | owner]}, {@code ls [-la]}: a bracket group that starts a word, holds no
   * space after its {@code [} or before its {@code ]} (a test, {@code [ -f x ]}, does), is not {@code [[ } (bash's
   * test; {@code npm ll [[<@scope>/]<pkg> ...]} is notation), stands
   * outside quotes, and holds what only usage notation holds there: {@code <…>}, an ellipsis, a {@code |} or a
   * leading option dash. bash reads the words and ShellCheck reports a stray {@code ]} (SC2171) or a pipe into a
   * command named {@code owner]}; nine such findings of npm's command synopses were judged WRONG (round 21). Each
   * group, nested ones with it, becomes as many spaces (columns kept).
   */
  static String blankSynopsis(String line) {
    if (line.indexOf('[') < 0) {
      return line;
    }
    StringBuilder out = null;
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      }
      if (c != '[' || single || dbl || i > 0 && !Character.isWhitespace(line.charAt(i - 1))
          || i + 1 >= line.length() || Character.isWhitespace(line.charAt(i + 1)) || line.charAt(i + 1) == '['
          && (i + 2 >= line.length() || Character.isWhitespace(line.charAt(i + 2)))) {
        continue;
      }
      int end = closing(line, i);
      if (end < 0 || Character.isWhitespace(line.charAt(end - 1))
          || end + 1 < line.length() && !Character.isWhitespace(line.charAt(end + 1))) {
        continue;
      }
      String inside = line.substring(i + 1, end);
      if (inside.indexOf('<') >= 0 || inside.contains("...") || inside.indexOf('…') >= 0
          || inside.indexOf('|') >= 0 || inside.startsWith("-")) {
        out = out == null ? new StringBuilder(line) : out;
        for (int k = i; k <= end; k++) {
          out.setCharAt(k, ' ');
        }
        i = end;
      }
    }
    return out == null ? line : out.toString();
  }

  /** The index of the {@code ]} that closes the {@code [} at {@code open} (nested pairs counted), or -1. */
  private static int closing(String line, int open) {
    int depth = 0;
    for (int i = open; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A JavaScript line with each {@code <name>} that is not JSX replaced by {@code value}: a tag that closes itself
   * ({@code <A />}) or whose closing tag is in the text ({@code </A>}) stays.
   */
  private static String openTags(String line, String text, String value) {
    Matcher m = ANGLE.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String tag = m.group();
      String name = tag.substring(1).split("[\\s/>]", 2)[0];
      boolean jsx = tag.endsWith("/>") || text.contains("</" + name + ">");
      m.appendReplacement(out, Matcher.quoteReplacement(jsx ? tag : value));
    }
    return m.appendTail(out).toString();
  }

  /** A line with group {@code group} of each match of {@code p} replaced by as many spaces (columns kept). */
  private static String blank(String line, Pattern p, int group) {
    Matcher m = p.matcher(line);
    StringBuilder out = null;
    while (m.find()) {
      out = out == null ? new StringBuilder(line) : out;
      for (int i = m.start(group); i < m.end(group); i++) {
        out.setCharAt(i, ' ');
      }
    }
    return out == null ? line : out.toString();
  }

  /** A line with each {@link #OPTIONAL_WORD} (its brackets too) replaced by as many spaces. */
  private static String blankOptionalWords(String line) {
    if (line.indexOf('[') < 0) {
      return line;
    }
    return blank(line, OPTIONAL_WORD, 1);
  }

  /** Whether the text holds a configuration reference's optional groups ({@link #OPTIONAL_KEY}), in YAML. */
  static boolean notation(String text, Style style) {
    return style == Style.YAML && text.indexOf('[') >= 0 && OPTIONAL_KEY.matcher(text).find();
  }

  /**
   * The lines with a configuration reference's notation dropped: the {@code [} (and the spaces after it) of each
   * optional group, the {@code ]} that closes it (one with no {@code [} of its own line before it, outside quotes; it
   * may close a group opened lines above), and a {@code | default = ...} up to the line's end. What a group holds
   * stays, so its keys and values are still read, and lines inside a group lose the indentation its brackets took
   * ({@code [ - name: <string>} then {@code values:} under {@code name}). Line for line; columns change, so only the
   * verdict of the result is used, never its positions.
   */
  static String[] dropReferenceNotation(String[] lines) {
    Deque<Integer> widths = new ArrayDeque<>(); // of the open groups' "[ ", innermost first
    int taken = 0; // the indentation the open groups' brackets take
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      int indent = 0;
      while (indent < line.length() && indent < taken && line.charAt(indent) == ' ') {
        indent++;
      }
      line = line.substring(indent);
      if (line.stripLeading().startsWith("#")) {
        lines[i] = line;
        continue;
      }
      Matcher start = OPTIONAL_KEY.matcher(line);
      int from = 0;
      if (start.find()) {
        int after = start.end();
        while (after < line.length() && (line.charAt(after) == ' ' || line.charAt(after) == '\t')) {
          after++;
        }
        widths.push(after - start.end(1));
        taken += after - start.end(1);
        line = line.substring(0, start.end(1)) + line.substring(after);
        from = start.end(1);
      }
      if (widths.isEmpty()) {
        lines[i] = line;
        continue;
      }
      Matcher dflt = DEFAULT.matcher(line);
      int end = dflt.find(from) ? dflt.start() : line.length();
      StringBuilder out = new StringBuilder(line.substring(0, from));
      int depth = 0;
      boolean single = false;
      boolean dbl = false;
      for (int k = from; k < line.length(); k++) {
        char c = line.charAt(k);
        boolean quoted = single || dbl;
        if (c == '\'' && !dbl) {
          single = !single;
        } else if (c == '"' && !single) {
          dbl = !dbl;
        }
        if (!quoted && c == ']' && depth == 0 && !widths.isEmpty()) {
          taken -= widths.pop(); // closes a group
          continue;
        }
        depth += !quoted && c == '[' ? 1 : !quoted && c == ']' ? -1 : 0;
        if (k < end) {
          out.append(c);
        }
      }
      lines[i] = out.toString().stripTrailing();
    }
    return lines;
  }

  /** False when {@link #ONLY} cannot match: each of its alternatives needs {@code <}, {@code {{} or an ellipsis. */
  private static boolean mayBeOnly(String line) {
    return line.indexOf('<') >= 0 || line.contains("{{") || line.contains("...") || line.indexOf('…') >= 0;
  }

  /**
   * A Liquid tag alone on its line that the site's build removes: {@code {% raw %}} and {@code {% endraw %}} keep
   * Jekyll from reading a {@code {{ }}} in the code (ESLint's "message: \"{{ identifier }}\"" examples, round 41:
   * reported as broken JavaScript, judged WRONG).
   */
  static final Pattern LIQUID_RAW = Pattern.compile("\\s*\\{%-?\\s*(?:raw|endraw)\\s*-?%}\\s*");

  /** A block's text with its Liquid {@code raw}/{@code endraw} lines blank (the lines keep their numbers). */
  static String withoutLiquidRaw(String body) {
    if (!body.contains("{%")) {
      return body;
    }
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].indexOf("{%") >= 0 && LIQUID_RAW.matcher(lines[i]).matches()) {
        lines[i] = "";
      }
    }
    return String.join("\n", lines);
  }

  /** The text with placeholders replaced by values every checker accepts, line for line. */
  static String neutralise(String text, Style style) {
    String[] lines = text.split("\n", -1);
    if (notation(text, style)) {
      lines = dropReferenceNotation(lines);
    }
    int[] keys = {0};
    StringBuilder out = new StringBuilder();
    String value = style == Style.NUMBER ? "0" : "placeholder";
    for (int i = 0; i < lines.length; i++) {
      String line = style == Style.SHELL ? blankSynopsis(lines[i]) : lines[i];
      boolean python = style == Style.PYTHON; // `...` is Python (Ellipsis), and blank lines break blocks
      boolean script = style == Style.SCRIPT;
      // each pattern is tried only where the characters its match needs are on the line (most lines hold none)
      if (!python && (mayBeOnly(line) && ONLY.matcher(line).matches() && !(script && line.indexOf('<') >= 0)
          || mayBeElisionLine(line, 0, line.length()) && ELISION_LINE.matcher(line).matches())) {
        line = "";
      } else {
        if (!python) {
          if (line.contains("...") || line.indexOf('…') >= 0) { // what the three patterns need
            line = ELIDED_LIST.matcher(line).replaceAll("[]");
            line = ELIDED_MAP.matcher(line).replaceAll("{}");
            line = (script ? SCRIPT_ELLIPSIS : ELLIPSIS).matcher(line).replaceAll("");
          }
        }
        if (line.contains("{{")) {
          line = (script ? SCRIPT_TEMPLATE : TEMPLATE).matcher(line).replaceAll(value);
        }
        if (style == Style.NUMBER && line.indexOf(':') >= 0 && line.indexOf('<') >= 0) {
          line = ANGLE_KEY.matcher(line).replaceAll("\"0\"$1"); // {<extension>: "never"}: a JSON key is a string
        }
        if (style == Style.YAML && line.indexOf(':') >= 0 && line.indexOf('<') >= 0) {
          // <string>: <string> as two entries of one mapping: a key each, or YAML reports a duplicate key
          line = ANGLE_KEY.matcher(line).replaceAll(m -> "placeholder" + (keys[0]++) + Matcher.quoteReplacement(m.group(1)));
        }
        line = script ? openTags(line, text, value)
            : line.indexOf('<') >= 0 ? ANGLE.matcher(line).replaceAll(value) : line;
        if (style == Style.NUMBER && line.indexOf('|') >= 0) {
          line = blank(line, ALTERNATIVES, 1);
        }
        if (style != Style.SHELL) {
          if (line.contains("${")) {
            line = VARIABLE.matcher(line).replaceAll(Matcher.quoteReplacement(value));
          }
        } else {
          if (line.indexOf('{') >= 0) {
            line = BRACE.matcher(line).replaceAll(value);
          }
          line = blankOptionalWords(line);
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
