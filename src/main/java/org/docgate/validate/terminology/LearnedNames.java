package org.docgate.validate.terminology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.docgate.markdown.CodeBlock;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.ProseRun;
import org.docgate.markdown.Sessions;

/**
 * Names a corpus governs by its own usage: a command its shell blocks run ({@code kubectl get pods},
 * {@code /usr/local/bin/kube-proxy --config …}) whose name its prose writes often and almost always in that exact
 * lower-case form. A command the prose mostly capitalises ({@code docker} / Docker, {@code helm} / Helm) is a
 * product written as a product, not learned; an English word ({@code make}, {@code watch}) is not a name. Pure.
 */
final class LearnedNames {
  private LearnedNames() {}

  /** Lines of these languages are commands only after a prompt (the rest is output). */
  private static final Set<String> TRANSCRIPT = Set.of("console", "shell-session", "shellsession", "terminal",
      "sh-session");
  /** Words that run the command after them. */
  private static final Set<String> WRAPPERS = Set.of("sudo", "env", "time", "exec", "nohup", "watch", "xargs",
      "command", "then", "do", "else");
  private static final Pattern COMMAND = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");

  /**
   * The learned names, sorted. {@code governed}: lower-case forms other rules already judge (never learned twice);
   * {@code words}: English words, which are not names.
   */
  static List<String> from(Collection<MarkdownDocument> docs, TermRule.Learning learning, int minLength,
      Set<String> governed, Set<String> words) {
    return from(docs, learning, c -> excluded(c, minLength, governed, words), LearnedNames::commandsIn,
        candidates -> d -> formsIn(d, candidates));
  }

  /**
   * Whether command {@code c} can never be a learned name: too short, too few letters, governed by a rule or part of a
   * governed name, an English word or a compound of words. It reads the command and the rule's settings alone.
   */
  static boolean excluded(String c, int minLength, Set<String> governed, Set<String> words) {
    return c.length() < minLength || c.chars().filter(Character::isLetter).count() < 3
        || governed.contains(c) || words.contains(c) || isWordCompound(c, words) || partOfGoverned(c, governed);
  }

  /**
   * As {@link #from(Collection, TermRule.Learning, int, Set, Set)}, with each document's part given (a corpus index
   * keeps them per document): {@code commandsOf} as {@link #commandsIn}, {@code formsOf} as {@link #formsIn} for the
   * candidates it is given (once per call), and {@code excluded} as {@link #excluded} (a service keeps its verdicts).
   */
  static List<String> from(Collection<MarkdownDocument> docs, TermRule.Learning learning,
      Predicate<String> excluded, Function<MarkdownDocument, Set<String>> commandsOf,
      Function<Set<String>, Function<MarkdownDocument, Map<String, Map<String, Integer>>>> formsOf) {
    Set<String> candidates = candidates(docs.stream().map(commandsOf).toList(), excluded);
    if (candidates.isEmpty()) {
      return List.of();
    }
    Function<MarkdownDocument, Map<String, Map<String, Integer>>> formsIn = formsOf.apply(candidates);
    return names(candidates, docs.stream().map(formsIn).toList(), learning);
  }

  /**
   * The commands that may be learned, sorted: run in two documents or more (evidence that a word is a tool's name and
   * not one writer's word) and not {@code excluded}. {@code commandsOfEach}: each document's {@link #commandsIn}.
   */
  static Set<String> candidates(Collection<Set<String>> commandsOfEach, Predicate<String> excluded) {
    Map<String, Integer> documents = new HashMap<>();
    for (Set<String> commands : commandsOfEach) {
      commands.forEach(c -> documents.merge(c, 1, Integer::sum));
    }
    Set<String> commands = new TreeSet<>();
    documents.forEach((c, n) -> {
      if (n >= 2) {
        commands.add(c);
      }
    });
    commands.removeIf(excluded);
    return Collections.unmodifiableSet(commands);
  }

  /**
   * The candidates the corpus's prose writes as the command does often enough, in order. {@code formsOfEach}: each
   * document's {@link #formsIn} of these candidates.
   */
  static List<String> names(Set<String> candidates, Collection<Map<String, Map<String, Integer>>> formsOfEach,
      TermRule.Learning learning) {
    Map<String, Map<String, Integer>> forms = new HashMap<>();
    for (Map<String, Map<String, Integer>> part : formsOfEach) {
      part.forEach((c, f) -> f.forEach((form, n) ->
          forms.computeIfAbsent(c, k -> new HashMap<>()).merge(form, n, Integer::sum)));
    }
    List<String> out = new ArrayList<>();
    for (String c : candidates) {
      Map<String, Integer> f = forms.getOrDefault(c, Map.of());
      int total = f.values().stream().mapToInt(Integer::intValue).sum();
      int exact = f.getOrDefault(c, 0);
      if (total >= learning.minUses() && exact >= learning.share() * total) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /** The commands a document's shell blocks run (each counted once per document). */
  static Set<String> commandsIn(MarkdownDocument d) {
    Set<String> here = new TreeSet<>();
    for (CodeBlock b : d.codeBlocks()) {
      here.addAll(commands(b));
    }
    return Set.copyOf(here);
  }

  /** How a document's prose (after its front matter) writes each of {@code candidates}: form to uses, per command. */
  static Map<String, Map<String, Integer>> formsIn(MarkdownDocument d, Set<String> candidates) {
    Map<String, Map<String, Integer>> forms = new HashMap<>();
    int frontMatter = d.frontMatterEnd();
    for (ProseRun r : d.prose()) {
      if (r.position().line() > frontMatter) {
        countForms(r.text(), candidates, forms);
      }
    }
    return forms;
  }

  /**
   * {@code apiserver} is a part of {@code kube-apiserver}: a short form of a governed name, whose right spelling the
   * corpus's commands do not settle.
   */
  private static boolean partOfGoverned(String c, Set<String> governed) {
    for (String g : governed) {
      if (g.length() > c.length() && List.of(g.split("[- ]")).contains(c)) {
        return true;
      }
    }
    return false;
  }

  /** {@code kube-system} is a name; {@code read-only} and {@code dry-run} are English. */
  private static boolean isWordCompound(String c, Set<String> words) {
    if (c.indexOf('-') < 0) {
      return false;
    }
    for (String part : c.split("-")) {
      if (!words.contains(part)) {
        return false;
      }
    }
    return true;
  }

  /** The command names a shell block runs: the first word of each command, a path's file name. */
  static Set<String> commands(CodeBlock b) {
    String lang = b.language();
    boolean transcript = TRANSCRIPT.contains(lang);
    if (!Sessions.SHELL_FENCES.contains(lang) && !(lang.isEmpty() && b.body().lines().anyMatch(l -> l.startsWith("$ ")))) {
      return Set.of();
    }
    boolean promptOnly = transcript || lang.isEmpty();
    Set<String> out = new TreeSet<>();
    boolean continued = false;
    String heredoc = null;
    for (String raw : b.body().lines().toList()) {
      String line = raw.strip();
      if (heredoc != null) {
        if (line.equals(heredoc)) {
          heredoc = null;
        }
        continue;
      }
      boolean wasContinued = continued;
      continued = line.endsWith("\\");
      if (wasContinued) {
        continue;
      }
      if (line.startsWith("$ ")) {
        line = line.substring(2);
      } else if (promptOnly || line.startsWith("#")) {
        continue;
      }
      if (line.contains("<<")) {
        var here = HEREDOC.matcher(line);
        if (here.find()) {
          heredoc = here.group(1);
        }
      }
      for (String segment : SEGMENTS.split(line)) {
        String name = firstWord(segment);
        if (name != null) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /** A here-document's start ({@code <<EOF}, {@code <<-'END'}): the lines up to its word are its text. */
  private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*['\"]?([A-Za-z_]+)['\"]?");
  /** What separates the commands of one line: {@code ||}, {@code &&}, a pipe, {@code ;}, {@code $(}. */
  private static final Pattern SEGMENTS = Pattern.compile("\\|\\||&&|[|;]|\\$\\(");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** {@code kata = [} in a shell-labelled block: a TOML or INI key, no command (nobody runs a word with "=" next). */
  private static final Pattern CONFIG_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*\\s+=\\s.*|[A-Za-z_][A-Za-z0-9_.-]*\\s+=$");

  private static String firstWord(String segment) {
    if (CONFIG_KEY.matcher(segment.strip()).matches()) {
      return null;
    }
    for (String w : SPACES.split(segment.strip())) {
      if (w.isEmpty() || WRAPPERS.contains(w) || ASSIGNMENT.matcher(w).matches()) {
        continue;
      }
      String name = w.substring(w.lastIndexOf('/') + 1);
      return COMMAND.matcher(name).matches() ? name : null;
    }
    return null;
  }

  /** Counts, per candidate, how each case of it is written in prose as a word of its own. */
  private static void countForms(String text, Set<String> candidates, Map<String, Map<String, Integer>> forms) {
    int i = 0;
    while (i < text.length()) {
      if (!isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && (isWordChar(text.charAt(i)) || text.charAt(i) == '-')) {
        i++;
      }
      int end = i;
      while (end > start && text.charAt(end - 1) == '-') {
        end--;
      }
      boolean glued = (start > 0 && "/._$".indexOf(text.charAt(start - 1)) >= 0)
          || (i < text.length() && "/_".indexOf(text.charAt(i)) >= 0)
          || (i + 1 < text.length() && text.charAt(i) == '.' && isWordChar(text.charAt(i + 1)));
      String word = text.substring(start, end);
      String lower = word.toLowerCase(Locale.ROOT);
      if (!glued && candidates.contains(lower)) {
        forms.computeIfAbsent(lower, k -> new HashMap<>()).merge(word, 1, Integer::sum);
      }
    }
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
