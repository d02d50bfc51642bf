package org.docgate.validate.snippets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.docgate.markdown.Sessions;

/**
 * What a fenced block without a language holds, when it is code docgate can name with confidence: a console session,
 * shell commands, YAML, JSON, Go, Protocol Buffers, a Dockerfile or Python. Only then does {@code
 * snippets/missing-language} speak, naming the tag to add; logs, command output, formulas, diagrams, URL lists,
 * pseudo-code and prose stay unlabelled without a word (blind reviewers called a tag for those pointless: 7 of 7 on
 * k8s-enhancements), counted as {@code snippets.exempt.unlabelled-text}.
 *
 * <p>Every signal is a whole-block one: YAML and JSON must parse (with placeholders neutralised) and look like
 * configuration, not like {@code Name:   value} output; shell must be commands on every line; Go and the others need a
 * declaration only that language writes so ({@code func (r *T) Name(}, {@code type T struct {}).
 */
final class UnlabelledBlock {
  /**
   * @param language what the block holds, as the message says it ("YAML", "a console session")
   * @param tag the fence label to add
   */
  record Label(String language, String tag) {}

  private static final Pattern PROMPT = Pattern.compile(
      "^(?:\\$|\\[[\\w.-]+@[\\w.-]+[^\\]]*][$#]|[\\w.-]+@[\\w.-]+:[^\\s$#]*[$#]) +[A-Za-z_./~]");
  /** A prompt that opens a file in an editor. */
  private static final Pattern EDITOR = Pattern.compile("[$#] +(?:sudo +)?(?:vim?|nvim|nano|emacs|gedit|edit) +\\S");
  private static final Pattern GO = Pattern.compile("^(?:func\\s*(?:\\([^)]*\\)\\s*)?[A-Za-z_]\\w*\\s*(?:\\[[^\\]]*])?\\("
      + "|type\\s+[A-Za-z_]\\w*(?:\\[[^\\]]*])?\\s+(?:struct|interface)\\s*\\{|package\\s+[a-z]\\w*\\s*$"
      + "|import\\s+\\(\\s*$)");
  /**
   * Statements only Go writes so: {@code x := make(}, {@code defer func()}, {@code go func()}, {@code <-ch}. Not
   * {@code import "x"}: Icinga 2's config language writes it too ({@code object Host "a" { import "generic-host" }}:
   * five untagged blocks called Go in round 29, judged WRONG); a Go block has a func, a type or a package beside it.
   */
  private static final Pattern GO_STATEMENT = Pattern.compile("^\\s*(?:[\\w, ]+ := |defer |go func\\(|if err != nil"
      + "|case\\s*<-|select \\{$|func\\(\\w+ [\\w.*]+)|<-\\s*\\w+\\s*$|\\bchan \\w");
  private static final Pattern PROTOBUF = Pattern.compile("^(?:syntax\\s*=\\s*\"proto[23]\"|(?:message|service)\\s+\\w+"
      + "\\s*\\{|rpc\\s+\\w+\\s*\\()");
  private static final Pattern PYTHON = Pattern.compile("^(?:def\\s+\\w+\\s*\\(.*\\)\\s*(?:->.*)?:\\s*$"
      + "|class\\s+\\w+\\s*(?:\\(.*\\))?\\s*:\\s*$|from\\s+[\\w.]+\\s+import\\s+\\w)");
  private static final Pattern FROM = Pattern.compile("^FROM\\s+\\S+");
  private static final Pattern INSTRUCTION = Pattern.compile("^(?:" + String.join("|", DockerfileChecker.INSTRUCTIONS)
      + ")\\s+\\S");
  /** A YAML key line: {@code key:}, {@code key: value}, {@code - key: value}. */
  private static final Pattern YAML_KEY = Pattern.compile("^\\s*(?:-\\s+)?([^\\s:#\"'][^\\s:]*):(?:\\s+.*)?$");
  private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_]\\w*=\\S*$");
  /** Commands that open a line of a shell block, beyond LanguageGuess's (which reads labelled blocks). */
  private static final Set<String> MORE_COMMANDS = Set.of("mount", "umount", "ip", "iptables", "nft", "cp", "mv",
      "rm", "ln", "touch", "grep", "sed", "awk", "jq", "yq", "kustomize", "gcloud", "aws", "az", "kubelet",
      "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy", "hack/local-up-cluster.sh",
      "./hack/local-up-cluster.sh", "bash", "sh", "source", "unset", "watch", "systemd-run", "journalctl",
      "modprobe", "sysctl", "vim", "vi", "nano", "useradd", "chown", "find", "xargs", "head", "tail", "nc", "dig", "nslookup", "ping",
      "k");

  private final Predicate<String> yamlParses;
  private final Predicate<String> jsonParses;

  /** {@code yamlParses}, {@code jsonParses}: whether a text is well-formed YAML, JSON (the snippet checkers). */
  UnlabelledBlock(Predicate<String> yamlParses, Predicate<String> jsonParses) {
    this.yamlParses = yamlParses;
    this.jsonParses = jsonParses;
  }

  /** The label the block should carry, or empty when it is not code docgate recognises. */
  Optional<Label> label(String body) {
    List<String> lines = new ArrayList<>();
    for (String line : body.split("\n", -1)) {
      if (!line.isBlank()) {
        lines.add(line.stripTrailing());
      }
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    String first = lines.stream().map(String::strip).filter(t -> !t.startsWith("#") && !t.startsWith("//"))
        .findFirst().orElse("");
    if (PROMPT.matcher(first).find()) {
      if (EDITOR.matcher(first).find() && lines.stream().filter(l -> PROMPT.matcher(l.strip()).find()).count() == 1) {
        // "[root@agent /]# vim /etc/icinga2/zones.conf" over the file's text: a file the reader edits, shown with the
        // command that opens it, not a session's output (Icinga's manual: 7 "console session" judged NOFIX, round 29)
        return Optional.empty();
      }
      return Optional.of(new Label("a console session", "console"));
    }
    String stripped = body.strip();
    if ((stripped.startsWith("{") && stripped.endsWith("}") || stripped.startsWith("[") && stripped.endsWith("]"))
        && jsonParses.test(neutral(stripped))) {
      return Optional.of(new Label("JSON", "json"));
    }
    boolean protobuf = lines.stream().anyMatch(l -> PROTOBUF.matcher(l.strip()).find());
    boolean go = lines.stream().anyMatch(l -> GO.matcher(l.strip()).find())
        || lines.stream().filter(l -> GO_STATEMENT.matcher(l).find()).count() >= 2;
    if (protobuf || go) {
      // both: a Go type and the message it maps to, which no one label fits
      return protobuf && go ? Optional.empty()
          : Optional.of(protobuf ? new Label("Protocol Buffers", "proto") : new Label("Go", "go"));
    }
    if (dockerfile(lines)) {
      return Optional.of(new Label("a Dockerfile", "dockerfile"));
    }
    if (lines.stream().anyMatch(l -> PYTHON.matcher(l).find())) {
      return Optional.of(new Label("Python", "python"));
    }
    if (commands(lines)) {
      // cmake.exe, MSBuild.exe, \\path-to-build\\ (OpenCV's Halide page, "label it bash" judged WRONG in round 43):
      // a Windows command prompt's commands
      return Optional.of(lines.stream().anyMatch(l -> WINDOWS.matcher(l).find())
          ? new Label("Windows command prompt commands", "bat") : new Label("shell commands", "bash"));
    }
    if (manifest(lines) || configuration(lines) && yamlParses.test(neutral(body))) {
      return Optional.of(new Label("YAML", "yaml"));
    }
    return Optional.empty();
  }

  /** A Windows command: a program named with .exe, .bat or .cmd, or a path from a drive letter ({@code C:\build}). */
  private static final java.util.regex.Pattern WINDOWS = java.util.regex.Pattern.compile(
      "(?i)(?:^|\\s)[\\w.-]+\\.(?:exe|bat|cmd)(?:\\s|$)|(?:^|\\s)[a-z]:\\\\[\\w.-]");

  private static String neutral(String text) {
    return Placeholders.present(text) ? Placeholders.neutralise(text, Placeholders.Style.WORD) : text;
  }

  private static boolean dockerfile(List<String> lines) {
    List<String> code = lines.stream().map(String::strip).filter(t -> !t.startsWith("#")).toList();
    return !code.isEmpty() && FROM.matcher(code.get(0)).find()
        && code.stream().skip(1).anyMatch(t -> INSTRUCTION.matcher(t).find());
  }

  /** Every line (comments and continuations apart) opens with a known command. */
  private static boolean commands(List<String> lines) {
    int commands = 0;
    boolean continued = false;
    for (String line : lines) {
      String t = line.strip();
      boolean continuation = continued;
      continued = t.endsWith("\\") || t.endsWith("|") || t.endsWith("&&");
      if (continuation || t.startsWith("#")) {
        continue;
      }
      String[] words = t.split("\\s+");
      int w = 0;
      while (w < words.length - 1 && ASSIGNMENT.matcher(words[w]).matches()) {
        w++;
      }
      int c = words[w].equals("sudo") && w + 1 < words.length ? w + 1 : w;
      String command = words[c];
      if (!Sessions.COMMANDS.contains(command) && !MORE_COMMANDS.contains(command) || sentence(words, c)) {
        return false;
      }
      commands++;
    }
    return commands > 0;
  }

  /** Words that bind an English sentence and that a command's arguments hardly are. */
  private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "that", "which", "of", "to", "for",
      "with", "and", "how", "what", "where", "this", "these", "those", "all", "my", "our", "your", "is", "are", "in",
      "on", "from", "into", "about");
  /** Commands whose arguments are words to print: {@code echo Hello from the container} is a command. */
  private static final Set<String> PRINTING = Set.of("echo", "printf", "say");

  /**
   * Whether a line that opens with a command's name is an English sentence: only plain words after it, two of them
   * words that bind a sentence ("find the files that handle user authentication", a prompt to type into an AI agent:
   * Qwen Code's docs, round 45, judged WRONG as shell commands). An option, a path, a variable or a quote makes it a
   * command's.
   */
  static boolean sentence(String[] words, int command) {
    if (PRINTING.contains(words[command])) {
      return false;
    }
    int binding = 0;
    for (int i = command + 1; i < words.length; i++) {
      if (!PLAIN_WORD.matcher(words[i]).matches()) {
        return false;
      }
      binding += FUNCTION_WORDS.contains(words[i].toLowerCase(java.util.Locale.ROOT)) ? 1 : 0;
    }
    return binding >= 2;
  }

  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z]+[,.?!]?");

  /** A Kubernetes object: {@code apiVersion:} and {@code kind:} at the top level (broken or not, it is YAML). */
  private static boolean manifest(List<String> lines) {
    return lines.stream().anyMatch(l -> l.startsWith("apiVersion:")) && lines.stream().anyMatch(l -> l.startsWith("kind:"));
  }

  /**
   * Lines of YAML configuration: keys of which none is capitalised or holds spaces (so {@code Name:   web} output,
   * HTTP headers and {@code Go version: go1.23} are not), three of them or one with nested lines under it, not one
   * key printed again and again, and no line that is neither a key, a list item, a comment nor indented under a key.
   */
  private static boolean configuration(List<String> lines) {
    int keys = 0;
    Set<String> distinct = new HashSet<>();
    boolean nested = false;
    // indented beyond the block's own margin: a block indented as a whole (a list item's "    key1: foo\r\n" lines,
    // HTTP headers in gRPC's PROTOCOL-WEB.md: round 28, judged WRONG as YAML) nests nothing
    int margin = LanguageGuess.margin(lines);
    for (String line : lines) {
      String t = line.strip();
      if (t.startsWith("#") || t.equals("---") || t.equals("...")) {
        continue;
      }
      var m = YAML_KEY.matcher(line);
      boolean indented = line.length() - line.stripLeading().length() > margin;
      if (m.matches()) {
        String key = m.group(1);
        if (Character.isUpperCase(key.charAt(0)) || key.startsWith("http") || key.contains("(")) {
          return false;
        }
        keys++;
        distinct.add(key);
        nested |= indented || t.startsWith("- ");
      } else if (!t.startsWith("- ") && !indented) {
        return false;
      } else {
        nested = true; // a list item or a value under a key
      }
    }
    if (keys >= 2 && distinct.size() == 1) {
      return false; // one key again and again: a column printed by grep, not configuration
    }
    return keys >= 1 && nested && lines.size() >= 2 || keys >= 3;
  }
}
