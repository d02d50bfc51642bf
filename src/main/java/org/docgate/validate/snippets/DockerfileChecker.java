package org.docgate.validate.snippets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.config.DeclaredRules;

/**
 * A Dockerfile parser in process, after the BuildKit frontend's rules: parser directives ({@code # escape=}), line
 * continuations (comment and blank lines inside them are skipped), heredocs ({@code RUN <<EOF}), known instructions,
 * FROM first (ARG allowed before it), JSON-form CMD/ENTRYPOINT/RUN/SHELL that must be a valid JSON array of strings.
 * Warnings in hadolint's spirit: a base image without a tag or with {@code latest} (DL3006/DL3007), {@code apt-get
 * install} without {@code -y} (DL3014) or without removing {@code /var/lib/apt/lists} (DL3009).
 *
 * <p>A snippet without any FROM is read as a fragment of a Dockerfile, as docs often show (two RUN lines): only a
 * snippet that has a FROM must start with it. Usable on its own: {@code DockerfileChecker.check(text)}.
 */
public final class DockerfileChecker implements SnippetChecker {
  private static final DeclaredRules RULES = DeclaredRules.of("snippets");

  /** One problem at a 1-based line; {@code error} false for a warning. */
  public record Issue(int line, boolean error, String message) {}

  static final Set<String> INSTRUCTIONS = Set.of("FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD",
      "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");
  private static final Set<String> JSON_FORMS = Set.of("CMD", "ENTRYPOINT", "RUN", "SHELL");
  private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z]+)\\s*=\\s*(\\S+)\\s*$");
  private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");
  private static final Pattern APT_INSTALL = Pattern.compile("\\bapt-get\\s+(?:-\\S+\\s+)*install\\b");
  private static final Pattern APT_YES =
      Pattern.compile("(?:^|\\s)(?:-[a-zA-Z]*y[a-zA-Z]*|--yes|--assume-yes|-qq?y)(?=\\s|$)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HADOLINT = Pattern.compile("\\(hadolint (DL\\d{4})\\)");

  private final Set<String> excluded;

  DockerfileChecker() {
    this(Set.of());
  }

  /** {@code excluded}: hadolint codes ({@code DL3006}) whose warnings are not reported ({@code rules/snippets/dockerfile.yaml}). */
  DockerfileChecker(Set<String> excluded) {
    this.excluded = Set.copyOf(excluded);
  }

  @Override
  public String kind() {
    return "dockerfile";
  }

  /** The first error of each text. */
  @Override
  public Map<String, Optional<Problem>> verdicts(Collection<String> texts) {
    Map<String, Optional<Problem>> out = new HashMap<>();
    for (String text : texts) {
      out.computeIfAbsent(text, t -> check(t).stream().filter(Issue::error).findFirst()
          .map(issue -> Problem.syntax(issue.line(), 1, issue.message())));
    }
    return out;
  }

  /** The warnings of a text ({@code latest}, apt-get habits): {@code snippets/lint}. */
  @Override
  public Map<String, List<Hint>> hints(Collection<String> texts) {
    return Hint.perText(texts, t -> check(t).stream().filter(issue -> !issue.error() && !excluded(issue))
        .map(issue -> new Hint(RULES.rule("snippets/lint"), issue.line(), 1, issue.message())).toList());
  }

  private boolean excluded(Issue issue) {
    Matcher code = HADOLINT.matcher(issue.message());
    return code.find() && excluded.contains(code.group(1));
  }

  /** Every problem of a Dockerfile text, errors and warnings, in line order. */
  public static List<Issue> check(String text) {
    List<Issue> issues = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    char escape = '\\';
    int i = 0;
    // parser directives: only at the very top, before any other comment or instruction
    for (; i < lines.length; i++) {
      Matcher d = DIRECTIVE.matcher(lines[i].strip());
      if (!d.matches()) {
        break;
      }
      if (d.group(1).equalsIgnoreCase("escape")) {
        String e = d.group(2);
        if (!e.equals("\\") && !e.equals("`")) {
          issues.add(new Issue(i + 1, true, "Dockerfile: invalid escape directive '" + e + "' (\\ or ` only)"));
        } else {
          escape = e.charAt(0);
        }
      }
    }
    boolean sawFrom = false;
    boolean sawOther = false;
    int firstOtherLine = 0;
    String firstOther = null;
    Set<String> stages = new HashSet<>();
    while (i < lines.length) {
      String raw = lines[i];
      String stripped = raw.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        i++;
        continue;
      }
      int start = i + 1;
      StringBuilder logical = new StringBuilder();
      String current = raw;
      while (true) {
        String trimmedEnd = current.stripTrailing();
        if (!trimmedEnd.isEmpty() && trimmedEnd.charAt(trimmedEnd.length() - 1) == escape) {
          logical.append(trimmedEnd, 0, trimmedEnd.length() - 1).append(' ');
          i++;
          while (i < lines.length && (lines[i].isBlank() || lines[i].strip().startsWith("#"))) {
            i++;
          }
          if (i >= lines.length) {
            break; // a continuation at the end: BuildKit accepts it
          }
          current = lines[i];
        } else {
          logical.append(current);
          i++;
          break;
        }
      }
      String instruction = logical.toString().strip();
      int space = firstSpace(instruction);
      String keyword = instruction.substring(0, space).toUpperCase(Locale.ROOT);
      String args = instruction.substring(space).strip();
      // heredocs: the body lines up to each terminator belong to this instruction
      if (keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD")) {
        Matcher h = HEREDOC.matcher(args);
        while (h.find()) {
          String end = h.group(3);
          boolean dash = !h.group(1).isEmpty();
          int opened = i;
          while (i < lines.length && !(dash ? lines[i].strip() : lines[i]).equals(end)) {
            i++;
          }
          if (i >= lines.length) {
            issues.add(new Issue(opened, true, "Dockerfile: heredoc <<" + end + " is never closed"));
          } else {
            i++;
          }
        }
      }
      if (!INSTRUCTIONS.contains(keyword)) {
        issues.add(new Issue(start, true, "Dockerfile: unknown instruction '" + instruction.substring(0, space)
            + "'"));
        continue;
      }
      if (args.isEmpty()) {
        issues.add(new Issue(start, true, "Dockerfile: " + keyword + " needs arguments"));
        continue;
      }
      if (keyword.equals("FROM")) {
        sawFrom = true;
        checkFrom(start, args, stages, issues);
      } else if (!keyword.equals("ARG") && !sawFrom && !sawOther) {
        sawOther = true;
        firstOther = keyword;
        firstOtherLine = start;
      }
      if (JSON_FORMS.contains(keyword) && args.startsWith("[")) {
        checkJsonForm(start, keyword, args, issues);
      } else if (keyword.equals("SHELL")) {
        issues.add(new Issue(start, true, "Dockerfile: SHELL must be a JSON array, e.g. [\"/bin/bash\", \"-c\"]"));
      }
      if (keyword.equals("RUN")) {
        checkApt(start, args, issues);
      }
    }
    if (sawFrom && sawOther) {
      issues.add(new Issue(firstOtherLine, true, "Dockerfile: " + firstOther
          + " before the first FROM (only ARG may come before FROM)"));
    }
    issues.sort(java.util.Comparator.comparingInt(Issue::line));
    return List.copyOf(issues);
  }

  private static int firstSpace(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (Character.isWhitespace(s.charAt(k))) {
        return k;
      }
    }
    return s.length();
  }

  private static void checkFrom(int line, String args, Set<String> stages, List<Issue> issues) {
    List<String> words = new ArrayList<>(List.of(args.split("\\s+")));
    words.removeIf(w -> w.startsWith("--"));
    if (words.isEmpty()) {
      issues.add(new Issue(line, true, "Dockerfile: FROM needs an image"));
      return;
    }
    if (words.size() != 1 && !(words.size() == 3 && words.get(1).equalsIgnoreCase("AS"))) {
      issues.add(new Issue(line, true, "Dockerfile: FROM takes an image and optionally `AS name`, got '" + args
          + "'"));
      return;
    }
    String image = words.get(0);
    String lower = image.toLowerCase(Locale.ROOT);
    if (!lower.equals("scratch") && !stages.contains(lower) && !image.contains("$") && !image.contains("@")) {
      int slash = image.lastIndexOf('/');
      int colon = image.indexOf(':', slash + 1);
      if (colon < 0) {
        issues.add(new Issue(line, false, "Dockerfile: base image '" + image + "' has no tag: pin a version"
            + " (hadolint DL3006)"));
      } else if (image.substring(colon + 1).equals("latest")) {
        issues.add(new Issue(line, false, "Dockerfile: base image '" + image + "' uses the latest tag: pin a"
            + " version (hadolint DL3007)"));
      }
    }
    if (words.size() == 3) {
      stages.add(words.get(2).toLowerCase(Locale.ROOT));
    }
  }

  private static void checkJsonForm(int line, String keyword, String args, List<Issue> issues) {
    try {
      JsonNode node = JSON.readTree(args);
      boolean strings = node != null && node.isArray();
      if (strings) {
        for (JsonNode item : node) {
          strings &= item.isTextual();
        }
      }
      if (!strings) {
        issues.add(new Issue(line, true, "Dockerfile: " + keyword + " in JSON form must be an array of strings"));
      }
    } catch (JsonProcessingException e) {
      String hint = args.contains("'") ? " (JSON needs double quotes, not single)" : "";
      issues.add(new Issue(line, true, "Dockerfile: " + keyword + " starts with '[' but is not valid JSON" + hint
          + "; Docker would run it as a shell command"));
    }
  }

  private static void checkApt(int line, String args, List<Issue> issues) {
    Matcher m = APT_INSTALL.matcher(args);
    if (!m.find()) {
      return;
    }
    // the install command runs to the next && ; || or |
    int end = args.length();
    for (String sep : new String[] {"&&", ";", "||", "|"}) {
      int k = args.indexOf(sep, m.start());
      if (k >= 0) {
        end = Math.min(end, k);
      }
    }
    String install = args.substring(m.start(), end);
    if (!APT_YES.matcher(install).find()) {
      issues.add(new Issue(line, false, "Dockerfile: apt-get install without -y waits for an answer and fails the"
          + " build (hadolint DL3014)"));
    }
    if (!args.contains("/var/lib/apt/lists")) {
      issues.add(new Issue(line, false, "Dockerfile: apt-get install without `rm -rf /var/lib/apt/lists/*` in the"
          + " same RUN keeps the package lists in the image (hadolint DL3009)"));
    }
  }
}
