package org.docgate.markdown;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link LintRule}s switched on at each line of one document, after markdownlint's inline comments:
 * {@code <!-- markdownlint-disable MD001 -->} / {@code -enable}, {@code -capture} / {@code -restore},
 * {@code -disable-line}, {@code -disable-next-line}, {@code -disable-file} / {@code -enable-file} and
 * {@code -configure-file { ... }}. A comment without rule names means every rule. Immutable.
 *
 * <p>Resolved as markdownlint resolves them, in its four passes, so a document behaves here as under the
 * maintainers' own linter: configure-file comments first (anywhere in the file, over the config), then file-wide
 * enable/disable (anywhere in the file, before everything else), then enable/disable/capture/restore in order, the
 * state after a line's comments being that line's (a disable comment covers its own line), then disable-line and
 * disable-next-line on single lines. Like markdownlint, comments are found on the raw lines (a comment's parameters
 * end at {@code -->} on the same line), and a front matter block at the top is not read.
 */
public final class MarkdownlintComments {
  private static final Pattern DIRECTIVE = Pattern.compile(
      "(<!--\\s*markdownlint-(disable-next-line|disable-line|disable-file|enable-file|configure-file|disable|enable"
          + "|capture|restore))(?:\\s|-->)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CONFIGURE_FILE =
      Pattern.compile("<!--\\s*markdownlint-configure-file(?:\\s|-->)([\\s\\S]*?)-->", Pattern.CASE_INSENSITIVE);
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();

  private final MarkdownlintSettings settings;
  /** Index 0 is line 1; lines past the end keep the state of the last line. */
  private final List<Set<LintRule>> perLine;

  private MarkdownlintComments(MarkdownlintSettings settings, List<Set<LintRule>> perLine) {
    this.settings = settings;
    this.perLine = perLine;
  }

  private record Directive(String action, String parameter, int line) {}

  /** Resolves the comments of a document's raw lines over the settings its config files give it. */
  public static MarkdownlintComments resolve(List<String> lines, MarkdownlintSettings config) {
    int first = frontMatterEnd(lines);
    List<String> content = lines.subList(first, lines.size());
    MarkdownlintSettings settings = configureFile(String.join("\n", content), config);
    List<Directive> directives = new ArrayList<>();
    for (int i = 0; i < content.size(); i++) {
      String line = content.get(i);
      Matcher m = DIRECTIVE.matcher(line);
      while (m.find()) {
        int start = m.end(1);
        int end = line.indexOf("-->", start);
        if (end < 0) {
          break;
        }
        directives.add(new Directive(m.group(2).toLowerCase(Locale.ROOT), line.substring(start, end), first + i + 1));
      }
    }
    Set<LintRule> state = EnumSet.noneOf(LintRule.class);
    for (LintRule r : LintRule.values()) {
      if (settings.enabled(r)) {
        state.add(r);
      }
    }
    for (Directive d : directives) {
      if (d.action().equals("disable-file") || d.action().equals("enable-file")) {
        state = apply(d.action().startsWith("enable"), d.parameter(), state);
      }
    }
    List<Set<LintRule>> perLine = new ArrayList<>(lines.size());
    Set<LintRule> captured = state;
    int next = 0;
    for (int line = 1; line <= lines.size(); line++) {
      for (; next < directives.size() && directives.get(next).line() == line; next++) {
        Directive d = directives.get(next);
        switch (d.action()) {
          case "capture" -> captured = state;
          case "restore" -> state = captured;
          case "enable", "disable" -> state = apply(d.action().equals("enable"), d.parameter(), state);
          default -> { } // the other actions belong to the passes before and after this one
        }
      }
      perLine.add(state);
    }
    for (Directive d : directives) {
      int target = d.action().equals("disable-line") ? d.line()
          : d.action().equals("disable-next-line") ? d.line() + 1 : -1;
      if (target >= 1 && target <= perLine.size()) {
        perLine.set(target - 1, apply(false, d.parameter(), perLine.get(target - 1)));
      }
    }
    return new MarkdownlintComments(settings, List.copyOf(perLine));
  }

  /** Whether markdownlint would report {@code rule} at this 1-based line. */
  public boolean enabled(LintRule rule, int line) {
    if (perLine.isEmpty()) {
      return settings.enabled(rule);
    }
    int i = Math.max(0, Math.min(line, perLine.size()) - 1);
    return perLine.get(i).contains(rule);
  }

  /** The settings after the document's configure-file comments. */
  public MarkdownlintSettings settings() {
    return settings;
  }

  /** A new state (states are shared between lines, never changed in place). */
  private static Set<LintRule> apply(boolean enable, String parameter, Set<LintRule> state) {
    Set<LintRule> out = state.isEmpty() ? EnumSet.noneOf(LintRule.class) : EnumSet.copyOf(state);
    String trimmed = parameter.strip();
    Set<LintRule> named = EnumSet.noneOf(LintRule.class);
    if (trimmed.isEmpty()) {
      named = EnumSet.allOf(LintRule.class);
    } else {
      for (String item : trimmed.split("\\s+")) {
        named.addAll(LintRule.named(item));
      }
    }
    if (enable) {
      out.addAll(named);
    } else {
      out.removeAll(named);
    }
    return Set.copyOf(out);
  }

  /** Every configure-file comment's JSON object over the config, in order; one that is not JSON is ignored. */
  private static MarkdownlintSettings configureFile(String content, MarkdownlintSettings config) {
    MarkdownlintSettings out = config;
    Matcher m = CONFIGURE_FILE.matcher(content);
    while (m.find()) {
      try {
        Map<String, Object> parsed = JSON.readValue(m.group(1), new TypeReference<LinkedHashMap<String, Object>>() {});
        if (parsed != null) {
          out = out.overriddenBy(parsed);
        }
      } catch (Exception e) {
        // markdownlint ignores a configure-file comment it cannot parse; so do we
      }
    }
    return out;
  }

  /** The number of lines a front matter block takes at the top (markdownlint's YAML, TOML and JSON forms), or 0. */
  public static int frontMatterEnd(List<String> lines) {
    return frontMatterEnd(lines.iterator());
  }

  /**
   * As {@link #frontMatterEnd(List)} for a whole source text, reading only the lines up to the front matter's end
   * (none past the first when there is none): validators ask it of every document.
   */
  public static int frontMatterEnd(String source) {
    return frontMatterEnd(source.lines().iterator());
  }

  private static int frontMatterEnd(Iterator<String> lines) {
    if (!lines.hasNext()) {
      return 0;
    }
    String open = lines.next().stripTrailing();
    String[] closers = switch (open) {
      case "---" -> new String[] {"---"};
      case "+++" -> new String[] {"+++", "..."};
      case "{" -> new String[] {"}"};
      default -> new String[0];
    };
    for (int i = 1; closers.length > 0 && lines.hasNext(); i++) {
      String s = lines.next().stripTrailing();
      for (String c : closers) {
        if (s.equals(c)) {
          return i + 1;
        }
      }
    }
    return 0;
  }
}
