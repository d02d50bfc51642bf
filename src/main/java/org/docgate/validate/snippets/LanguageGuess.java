package org.docgate.validate.snippets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.markdown.Sessions;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * What a block that its checker complains about looks like instead, when that is another language: TOML or a
 * {@code key = value} file, JSON, YAML, PromQL, PowerShell, command output, a directory tree, paths, or prose and
 * outlines, in a ```bash fence; prose, trees, shell commands, diffs and Protocol Buffers in a ```yaml, ```go,
 * ```python or ```java fence. Such a
 * block is mislabelled ({@code snippets/wrong-language}), not broken code: the checker's diagnosis of it ("remove
 * spaces around =", "mapping values are not allowed here") would send the reader the wrong way.
 *
 * <p>Asked only after a checker complained: a block that parses is never called mislabelled. Each line is read on its
 * own (shell comments, heredoc bodies and blank lines are not read); a shell block is foreign where any line is, a
 * block of another language where a third of its lines are prose or an outline, or half of them shell commands.
 */
final class LanguageGuess {
  /**
   * @param language what the block looks like, as the message says it ("TOML or INI", "PromQL")
   * @param label the fence label to suggest
   * @param lines the 1-based body lines that look like it (and not like the fence's language)
   */
  record Guess(String language, String label, Set<Integer> lines) {
    int firstLine() {
      return lines.iterator().next();
    }

    /** Whether the block was guessed to hold no code at all (prose, a tree, paths, output), to be labelled text. */
    boolean isText() {
      return label.equals("text");
    }

    /** Whether the block was guessed to hold what a command printed. */
    boolean isOutput() {
      return language.equals(Foreign.OUTPUT.language);
    }
  }

  private enum Foreign {
    TREE("a directory tree", "text"),
    PROSE("prose or an outline", "text"),
    POWERSHELL("PowerShell", "powershell"),
    PROMQL("PromQL", "promql"),
    CONFIG("a TOML or INI (key = value) file", "toml"),
    JSON("JSON", "json"),
    JAVASCRIPT("JavaScript", "javascript"),
    REQUEST("an HTTP request", "http"),
    YAML("YAML", "yaml"),
    PATHS("a list of paths or URLs", "text"),
    OUTPUT("command output", "text"),
    SESSION("a session of another program", "text"),
    SHELL("shell commands", "bash"),
    DIFF("a diff", "diff"),
    PROTOBUF("Protocol Buffers", "proto"),
    GO("Go", "go"),
    DOCKERFILE("a Dockerfile", "dockerfile"),
    CSS("CSS", "css");

    final String language;
    final String label;

    Foreign(String language, String label) {
      this.language = language;
      this.label = label;
    }
  }

  private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]");
  private static final Pattern MARK = Pattern.compile("[\\x{2300}-\\x{23FF}\\x{2600}-\\x{27BF}\\x{1F300}-\\x{1FAFF}]");
  private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*+•]|\\d+[.)、]|[a-z][.)])\\s+");
  private static final Pattern TREE = Pattern.compile("[├└│]|^\\s*(?:\\|--|`--)");
  private static final Pattern CMDLET = Pattern.compile("^[A-Z][a-z]+-[A-Z][A-Za-z]+(?:\\s|$)");
  private static final Pattern PROMQL = Pattern.compile("^(?:[a-zA-Z_:][\\w:]*\\{[a-zA-Z_]\\w*\\s*(?:=~|!~|!=|=)\\s*\""
      + "|(?:sum|avg|min|max|count|rate|irate|increase|delta|histogram_quantile|topk|bottomk|absent)"
      + "\\s*(?:by|without)?\\s*\\((?!\\s*\\)))");
  private static final Pattern JS = Pattern.compile("^(?:module\\.exports\\b|(?:const|let|var) [\\w{}, ]+ = |import .* from ['\"]"
      + "|export (?:default|const|function) )");
  /** A request line as API docs and Kibana's console write it: {@code GET /_cat/indices}, {@code PUT _ilm/policy/x}. */
  private static final Pattern REQUEST = Pattern.compile("^(?:GET|PUT|POST|DELETE|PATCH|HEAD) +/?[\\w{$<][^\\s]*(?: HTTP/[\\d.]+)?$");
  /**
   * A DNS resource record as {@code dig} prints it or a zone file holds it: {@code my-instance.lxd.example.net. 300 IN A
   * 192.0.2.76} (LXD's network zones page, round 48: ShellCheck's advice on such lines judged WRONG twice).
   */
  private static final Pattern DNS_RECORD = Pattern.compile("^[\\w*.-]+\\.?\\s+(?:\\d+\\s+IN|\\d+|IN)\\s+"
      + "(?:A|AAAA|CNAME|MX|NS|PTR|SOA|SRV|TXT|CAA)\\s+\\S");
  /** limits.conf: {@code * soft nofile 65536}, {@code @group hard nproc 100}. */
  private static final Pattern LIMITS = Pattern.compile("^(?:\\*|@?[\\w-]+)\\s+(?:soft|hard|-)\\s+[a-z]+\\s+\\S+$");
  /**
   * A line a tool prints about a place in a file: {@code pkg/trigger/handler.go:33:  storageStateName  66.7%} (go
   * tool cover), {@code main.c:12: error: …}, {@code grep -n}. No shell command starts with {@code file.ext:N:}.
   */
  private static final Pattern LOCATED = Pattern.compile("^[\\w.\\-/]+\\.[A-Za-z]\\w*:\\d+:");
  /**
   * A line of a stack trace: a JavaScript or Java frame ({@code at TLSWrap.onStreamRead (node:internal/x:217:20)},
   * {@code at com.example.Main.run(Main.java:42)}, {@code at /app/index.js:3:9}), Python's header and frames. A crash a
   * page shows in a ```bash fence is output (the Node.js release guide, judged WRONG when called YAML for its
   * {@code code: 'ECONNRESET'} lines). Node.js opens a brace after the last frame to print the error's properties.
   */
  private static final Pattern STACK_FRAME = Pattern.compile(
      "^(?:at (?:async )?(?:[\\w$.<>\\[\\]/-]+ ?)?\\(.*:\\d+\\)(?: \\{)?"
          + "|at (?:async )?\\S+:\\d+:\\d+|Traceback \\(most recent call last\\):"
          + "|File \"[^\"]+\", line \\d+(?:, in .*)?)$");
  /**
   * A line that is one word after {@code !}: bash runs a command named {@code !RC4}, which nobody means (a negation
   * needs a space, history expansion is interactive only); a cipher list or a rule list a command printed shows such
   * lines (Node.js tls.md, ShellCheck's "missing space after !" judged WRONG there).
   */
  private static final Pattern BANG_WORD = Pattern.compile("^![\\w.+:-]+$");
  /**
   * The prompt of an interactive program other than a shell: a debugger ({@code (gdb) r}, {@code (lldb)},
   * {@code (Pdb)}), a database or protocol client ({@code mysql> }, {@code sqlite> }, {@code postgres=# },
   * {@code ftp> }, {@code 127.0.0.1:6379> }), a language's REPL ({@code >>> }, {@code irb(main):001:0> },
   * {@code nix-repl> }, IPython's {@code In [1]:}). A ```shell
   * block that holds one is a session of that program: its lines are its commands and output, not shell (linux-command's
   * gdb page, called a TOML file for the debugger's {@code n = 1, nGlobalVar = 88} in round 27, judged WRONG).
   */
  private static final Pattern OTHER_PROMPT = Pattern.compile("^(?:\\((?:gdb|lldb|Pdb|pdb|cuda-gdb)\\)"
      + "|(?:mysql|MariaDB \\[[^\\]]*]|mariadb|sqlite|ftp|sftp|telnet|nslookup|hive|spark-sql|cqlsh(?::\\w+)?|ghci|scala"
      + "|nix-repl|mongo|mongosh|julia|sqlplus|SQL|duckdb|clickhouse|beeline|trino|presto)>|In \\[\\d+\\]:"
      + "|\\w+=[#>]|[\\d.]+:\\d+>|>>>|irb\\([^)]*\\)[\\d:]*[>*])(?:\\s|$)");
  /**
   * What bash's job control prints: {@code [1]+  Stopped   sleep 60}, {@code [2]-  Done   make}, {@code [1] 12345}
   * (round 27: linux-command's bg, fg and disown pages, ShellCheck's "don't wrap commands in []" judged WRONG).
   */
  private static final Pattern JOB = Pattern.compile(
      "^\\[\\d+\\][+-]?\\s+(?:(?:Running|Stopped|Done|Terminated|Killed|Exit \\d+|Hangup)\\b.*|\\d+)$");
  /**
   * A line that opens with a number and no command: {@code 0,0,0     0) *} as {@code cdrecord -scanbus} prints it,
   * {@code 12:30:01 up 3 days}; no command is named by digits and punctuation alone. Not an address
   * ({@code 10.0.0.1 node1}: a hosts file), a crontab line ({@code 0 2 * * * backup}) nor a numbered step.
   */
  private static final Pattern NUMBERS_FIRST = Pattern.compile("^(?!\\d+\\.\\d+\\.\\d+\\.\\d+\\b)(?!(?:[\\d*/,-]+\\s+){5}\\S)(?!\\d+[.)]\\s)"
      + "\\d[\\d,.:/-]*(?:\\s|\\)|$)");
  /**
   * Variables a program printed, several to a line ({@code n = 1, nGlobalVar = 88}): no TOML or INI line sets two
   * keys.
   */
  private static final Pattern PRINTED_VALUES = Pattern.compile("^[A-Za-z_]\\w*\\s*=\\s*[^,=]+,\\s*[A-Za-z_]\\w*\\s*=\\s");
  /**
   * A dev server's banner: {@code > Local:    https://localhost:8080/} (Modern.js's docs, round 41: ShellCheck's
   * SC2287 on it, judged WRONG; the block is output). A label, a colon, spaces and a URL after {@code >}.
   */
  private static final Pattern SERVER_BANNER = Pattern.compile("^>\\s+[A-Z][\\w ]{0,20}:\\s+[a-z]+://\\S+$");
  /** A line of a block comment in a C-like language: {@code /**}, {@code * text}, {@code *}{@code /}. */
  private static final Pattern BLOCK_COMMENT_LINE = Pattern.compile("/\\*|\\*(?:/|\\s|$)");
  /** A program's error message: {@code Error: [vite-env-only] Import denied}, {@code Caused by: …}. */
  private static final Pattern ERROR_LINE =
      Pattern.compile("(?:Error|Warning|Fatal|Caused by|Exception)(?:\\s*\\[[^\\]]*])?:\\s+\\S");
  /** A bullet in a shell fence: a star then a capitalised word, which as a command would run the first file. */
  private static final Pattern GLOB_BULLET = Pattern.compile("\\*\\s+\\p{Lu}[\\p{Ll}]");
  /** A diagram or flow in prose: words joined by arrows ({@code User → Gateway → Service}). */
  private static final Pattern ARROW = Pattern.compile("\\S\\s*[→⇒]\\s*\\S");
  /** A changed line of a diff: {@code + Field string}, {@code - old := 1} (a code line never starts with "+ "). */
  private static final Pattern DIFF = Pattern.compile("^[+-](?:[ \\t]|$)");
  private static final Pattern PROTOBUF = Pattern.compile("^(?:syntax\\s*=\\s*\"proto[23]\"|(?:message|service|enum|oneof)"
      + " \\w+\\s*\\{|rpc \\w+\\s*\\(|(?:repeated |optional )?[\\w.]+ \\w+ = \\d+;)");
  // a name holds a letter or digit: "[ . . . ]" marks elided lines (a WRONG "TOML" of round 32 in a KEP's YAML)
  private static final Pattern SECTION = Pattern.compile("^\\[{1,2}(?=[^\\]]*\\w)[\\w.\\-\" ]+]{1,2}$");
  private static final Pattern KEY_VALUE = Pattern.compile("^[A-Za-z_][\\w.\\-]*\\s+=\\s+\\S");
  private static final Pattern JSON_MEMBER = Pattern.compile("^\"[^\"]+\"\\s*:");
  /**
   * A whole JSON object on one line, as structured logs print them ({@code {"level":"info","ts":1526587281.2,…}}, a
   * {@code ^C} before it when the run was interrupted): etcd's upgrade guide shows a server's log in a bash fence, and
   * ShellCheck's "space after '{'" on five of its lines was judged WRONG in round 24.
   */
  private static final Pattern JSON_LOG_LINE = Pattern.compile("^(?:\\^C)?\\{\\s*\"[^\"]+\"\\s*:.*}$");
  private static final Pattern YAML_KEY = Pattern.compile("^(?:-\\s+)?[A-Za-z_][\\w.\\-]*:(?:\\s+\\S.*)?$");
  private static final Pattern PATH_OR_URL =
      Pattern.compile("^(?:https?://\\S+|~?[\\w.\\-$/]*/|!?[\\w.\\-/]*\\*[\\w.\\-/*]*|\\.[\\w.\\-]+/?|[\\w.\\-/]+\\.(?:md|ya?ml|json|conf))\\s*(?:#.*)?$");

  /** {@code #!/usr/bin/env bpftrace}, {@code #!/usr/bin/python3 -u}: group 1 is the interpreter's name. */
  private static final Pattern SHEBANG = Pattern.compile("#!\\s*(?:/usr/bin/env\\s+(?:-S\\s+)?|/[\\w/.-]*/)([\\w.+-]+)[^\n]*");
  /** Shells, and Bats (its test files are bash with @test blocks; GitHub highlights .bats as shell). */
  private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "ksh", "dash", "ash", "busybox", "bats");
  /** Interpreters whose fence label is not their name. */
  private static final Map<String, String> INTERPRETERS = Map.of("python3", "python", "python2", "python",
      "node", "javascript", "nodejs", "javascript", "pwsh", "powershell");
  /** A Go declaration, in a fence of a data language: {@code type T struct {}, {@code func (r *T) Name(}. */
  private static final Pattern GO = Pattern.compile("^(?:type\\s+\\w+\\s+(?:struct|interface)\\s*\\{|func\\s*(?:\\([^)]*\\)\\s*)?\\w+\\s*\\()");

  /** A Dockerfile instruction as Dockerfiles write them (upper case, an argument after). */
  /**
   * A CSS at-rule ({@code @import "a.css";}, {@code @media (...) {}) or declaration ({@code font-family: "Open
   * Sans";}, {@code margin: 0 4px;}): a property name with a hyphen, or a value with a unit or a colour, ended by a
   * semicolon. webpack's examples show style.css in a ```javascript fence (round 26: "import can only be used in
   * import()", judged a right block with an imprecise diagnosis).
   */
  private static final Pattern CSS = Pattern.compile("^(?:@(?:import|media|font-face|keyframes|charset|supports|layer)"
      + "\\b.*|[a-z-]+\\s*:\\s*+(?!(?:true|false|null|undefined|string|number|boolean|any|unknown|void|never|object|bigint"
      + "|symbol)(?:\\[\\])?\\s*;)[^;{}()=]+;|[a-z-]+\\s*:\\s*[^;{}]*(?:\\d(?:px|em|rem|vh|vw|%)|#[0-9a-fA-F]{3,6})"
      + "[^;{}]*;)$");
  /** A TypeScript declaration that opens a block of members: {@code export interface X {}, {@code type T = {}. */
  private static final Pattern TS_DECLARATION = Pattern.compile(
      "^\\s*(?:export\\s+)?(?:declare\\s+)?(?:interface\\s+\\w+|type\\s+\\w+(?:<[^=]*>)?\\s*=|(?:const\\s+)?enum\\s+\\w+)");

  /** A CSS rule's selector line ({@code body {}, {@code .nav > a:hover {}): CSS only beside a declaration. */
  private static final Pattern CSS_SELECTOR = Pattern.compile("^(?!(?:class|function|if|else|for|while|try|catch|"
      + "finally|do|switch|interface|enum|namespace|module|declare|type|return|export|import|const|let|var|async|new|"
      + "static|get|set)\\b)[.#]?[a-zA-Z][\\w-]*(?:\\s*[ .#:>,+~]\\s*[.#]?[\\w-]+)*\\s*\\{$");
  private static final Pattern DOCKERFILE = Pattern.compile("^(?:FROM \\S+(?: AS \\w+)?$|(?:RUN|COPY|WORKDIR|ENTRYPOINT|CMD"
      + "|EXPOSE) \\S)");

  private LanguageGuess() {}

  /** The indentation all non-blank lines share (0 when there are none). */
  static int margin(Iterable<String> lines) {
    int margin = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        margin = Math.min(margin, line.length() - line.stripLeading().length());
      }
    }
    return margin == Integer.MAX_VALUE ? 0 : margin;
  }

  /** The 1-based numbers of the body's non-blank lines. */
  private static Set<Integer> allLines(String body) {
    Set<Integer> lines = new TreeSet<>();
    String[] all = body.split("\n", -1);
    for (int i = 0; i < all.length; i++) {
      if (!all[i].isBlank()) {
        lines.add(i + 1);
      }
    }
    return lines;
  }

  /**
   * How many lines above a checker's error a foreign line still decides in {@link #inData}/{@link #inCode}, however
   * few such lines the block has (a Falco rule followed by the {@code helm install} that deploys it).
   */
  private static final int NEAR = 3;

  /** What a shell block looks like instead: foreign where any line is. */
  static Optional<Guess> inShell(String body) {
    Matcher shebang = SHEBANG.matcher(body.stripLeading());
    if (shebang.lookingAt() && !SHELLS.contains(shebang.group(1))) {
      // a script for another interpreter (bpftrace, python3, node): the whole block is that language
      String name = shebang.group(1);
      return Optional.of(new Guess("a " + name + " script (#!" + shebang.group(0).substring(2).strip() + ")",
          INTERPRETERS.getOrDefault(name, name), allLines(body)));
    }
    String[] lines = body.split("\n", -1);
    Optional<Guess> named = namedFile(lines);
    if (named.isPresent()) {
      return named;
    }
    Map<Foreign, Set<Integer>> found = new LinkedHashMap<>();
    String heredoc = null;
    boolean opened = false;
    int literal = -1; // the indentation of a JavaScript line that opened an object or array not closed yet
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].strip();
      if (heredoc != null) {
        heredoc = t.equals(heredoc) ? null : heredoc;
        continue;
      }
      if (t.isEmpty() || t.startsWith("#") && !t.startsWith("#!")) {
        continue;
      }
      if (!opened) {
        opened = true; // the block's first line of code says what the whole block is
        if (PEM.matcher(t).matches()) {
          // a certificate or key pasted into a shell fence (WorkOS's SAML pages, round 46: ShellCheck's SC2215 on
          // "-----END CERTIFICATE-----" judged WRONG); one inside a heredoc is the command's input
          return Optional.of(new Guess("a certificate or key (PEM)", "text", allLines(body)));
        }
        if (WINDOWS_PROMPT.matcher(t).find()) {
          // "C:\bin> echo @php ... %*>composer.bat" (Composer's intro, round 46: ShellCheck's advice judged WRONG)
          return Optional.of(new Guess("a Windows command prompt session", "bat", allLines(body)));
        }
      }
      Matcher h = Sessions.HEREDOC.matcher(t);
      if (h.find()) {
        heredoc = h.group(2);
      }
      int indent = lines[i].length() - lines[i].stripLeading().length();
      if (literal >= 0) {
        // inside a JavaScript object or array a line above opened: its `key: 'value',` lines are JavaScript, not YAML
        found.computeIfAbsent(Foreign.JAVASCRIPT, k -> new TreeSet<>()).add(i + 1);
        literal = indent <= literal && (t.startsWith("}") || t.startsWith("]")) ? -1 : literal;
        continue;
      }
      boolean continued = i > 0 && lines[i - 1].stripTrailing().endsWith("\\");
      Foreign f = continued ? null : shellLine(t);
      if (f != null) {
        found.computeIfAbsent(f, k -> new TreeSet<>()).add(i + 1);
      }
      if (f == Foreign.JAVASCRIPT && (t.endsWith("{") || t.endsWith("["))) {
        literal = indent;
      }
    }
    if (found.containsKey(Foreign.SESSION)) {
      // a session of another program (after the shell commands that started it, if any): named from its first prompt
      Set<Integer> all = new TreeSet<>();
      found.values().forEach(all::addAll);
      return Optional.of(new Guess(Foreign.SESSION.language, Foreign.SESSION.label, all));
    }
    return strongest(found, yamlParses(lines, found.get(Foreign.YAML)) ? Set.of() : Set.of(Foreign.YAML));
  }

  /** A PEM armour line: {@code -----BEGIN CERTIFICATE-----}. */
  private static final Pattern PEM = Pattern.compile("^\\s*-----(?:BEGIN|END) [A-Z0-9 ]+-----\\s*$");
  /** A Windows command prompt before a command: {@code C:\\bin> }. */
  private static final Pattern WINDOWS_PROMPT = Pattern.compile("^\\s*[A-Za-z]:\\\\[^>\\n]*>\\s*\\S");

  /** A first line that is only a comment naming a file: {@code # .travis.yml}, {@code // config/app.json}. */
  private static final Pattern FILE_LABEL = Pattern.compile(
      "^(?:#|//)\\s*(?:file:\\s*)?\\S*?([^/\\s]+?)\\.(ya?ml|json|toml|ini|js|mjs|cjs|ts|go|proto)\\s*$",
      Pattern.CASE_INSENSITIVE);

  private static final Map<String, Foreign> BY_EXTENSION = Map.ofEntries(Map.entry("yml", Foreign.YAML),
      Map.entry("yaml", Foreign.YAML), Map.entry("json", Foreign.JSON), Map.entry("toml", Foreign.CONFIG),
      Map.entry("ini", Foreign.CONFIG), Map.entry("js", Foreign.JAVASCRIPT), Map.entry("mjs", Foreign.JAVASCRIPT),
      Map.entry("cjs", Foreign.JAVASCRIPT), Map.entry("ts", Foreign.JAVASCRIPT), Map.entry("go", Foreign.GO),
      Map.entry("proto", Foreign.PROTOBUF));

  /**
   * A shell block whose first line is a comment naming a file of another language ({@code # .travis.yml} over
   * {@code install:} and {@code - npm ci}): the block shows that file, all of it. ShellCheck's advice on it ("this
   * flag is used as a command name") was judged WRONG blind on npm's docs (round 22); a shell script's name
   * ({@code # install.sh}) or a file of no known language decides nothing.
   */
  private static Optional<Guess> namedFile(String[] lines) {
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    if (first >= lines.length) {
      return Optional.empty();
    }
    Matcher m = FILE_LABEL.matcher(lines[first].strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    Foreign f = BY_EXTENSION.get(m.group(2).toLowerCase(java.util.Locale.ROOT));
    Set<Integer> rest = new TreeSet<>();
    for (int i = first + 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        rest.add(i + 1);
      }
    }
    return rest.isEmpty() ? Optional.empty() : Optional.of(new Guess(f.language, f.label, rest));
  }

  /**
   * Whether a shell block's lines that look like YAML ({@code key: value}) parse as YAML, the other lines blank: a
   * block is not called YAML when they do not ({@code code: 'ECONNRESET',} in a stack trace, {@code entry: './x.js',}
   * in a webpack config). {@code null} lines: none, true.
   */
  private static boolean yamlParses(String[] lines, Set<Integer> yaml) {
    if (yaml == null) {
      return true;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      text.append(yaml.contains(i + 1) ? lines[i] : "").append('\n');
    }
    try {
      Compose compose = new Compose(YAML_SETTINGS);
      for (org.snakeyaml.engine.v2.nodes.Node ignored : compose.composeAllFromString(text.toString())) {
        // composing each document is the check
      }
      return true;
    } catch (YamlEngineException e) {
      return false;
    }
  }

  private static final LoadSettings YAML_SETTINGS = LoadSettings.builder().setLabel("guess").build();

  /** How one shell line (not a comment, not a continuation) looks foreign, or null. */
  private static Foreign shellLine(String t) {
    if (TREE.matcher(t).find()) {
      return Foreign.TREE;
    }
    if (OTHER_PROMPT.matcher(t).find()) {
      return Foreign.SESSION;
    }
    String unquoted = t.replaceAll("\"[^\"]*\"|'[^']*'", "\"\"").replaceAll("\\s#.*$", "");
    String first = firstToken(LIST_MARKER.matcher(unquoted).replaceFirst(""));
    boolean cjk = CJK.matcher(unquoted).find();
    if (CJK.matcher(first).find() || MARK.matcher(first).find() || CJK.matcher(unquoted).results().count() >= 4
        || ARROW.matcher(unquoted).find() || cjk && (unquoted.endsWith(":") || unquoted.endsWith("："))) {
      return Foreign.PROSE;
    }
    if (JOB.matcher(t).matches() || NUMBERS_FIRST.matcher(t).find() || PRINTED_VALUES.matcher(t).find()
        || SERVER_BANNER.matcher(t).matches() || ERROR_LINE.matcher(t).lookingAt() || DNS_RECORD.matcher(t).find()) {
      return Foreign.OUTPUT;
    }
    if (GLOB_BULLET.matcher(t).lookingAt()) {
      return Foreign.PROSE; // "* Denied by specifier pattern: /^node:/": a bullet, no command is named by a glob
    }
    if (REQUEST.matcher(t).matches()) {
      return Foreign.REQUEST;
    }
    if (JS.matcher(t).find()) {
      return Foreign.JAVASCRIPT;
    }
    if (CMDLET.matcher(t).find()) {
      return Foreign.POWERSHELL;
    }
    if (PROMQL.matcher(t).find()) {
      return Foreign.PROMQL;
    }
    if (SECTION.matcher(t).matches() || KEY_VALUE.matcher(t).find() && !t.endsWith("\\")
        || LIMITS.matcher(t).matches()) {
      // "NICMANAGER_API_EMAIL = "you@example.com" \" continues a command: variables for it with spaces around '='
      // (lego's DNS pages, round 31: judged WRONG as a TOML file); ShellCheck's "remove spaces around =" is the fix
      return Foreign.CONFIG;
    }
    if (JSON_LOG_LINE.matcher(t).matches()) {
      return Foreign.OUTPUT; // {"level":"info","ts":…,"msg":"…"}: a server's structured log, one object per line
    }
    if (JSON_MEMBER.matcher(t).find()) {
      return Foreign.JSON;
    }
    if (YAML_KEY.matcher(t).matches() && !t.contains("://")) {
      return Foreign.YAML;
    }
    if (PATH_OR_URL.matcher(t).matches()) {
      return Foreign.PATHS;
    }
    if (Sessions.TABLE_HEADER.matcher(t).matches() || LOCATED.matcher(t).find() || STACK_FRAME.matcher(t).matches()
        || BANG_WORD.matcher(t).matches()) {
      return Foreign.OUTPUT;
    }
    return null;
  }

  /** A quoted string, unrolled and possessive (a long base64 value must not exhaust the stack). */
  private static final Pattern QUOTED =
      Pattern.compile("\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|'[^'\\\\]*+(?:\\\\.[^'\\\\]*+)*+'");
  /** A regular expression literal opening a line of a C-like language: {@code /^[❇️]$/u}. */
  private static final Pattern LEADING_REGEX =
      Pattern.compile("^/(?![/*])(?:[^/\\\\\\[\\n]++|\\\\.|\\[[^\\]\\n]*+])++/[a-z]*+");

  /**
   * A code line with its strings blanked, and for a language whose comments start with {@code //} a leading regex
   * literal and the trailing comment too (ESLint's rule pages: emoji in regexes read as prose, round 41: WRONG).
   */
  static String codeOnly(String line, String comment) {
    if (line.indexOf('"') < 0 && line.indexOf('\'') < 0 && line.indexOf('/') < 0) {
      return line;
    }
    String out = QUOTED.matcher(line).replaceAll("\"\"");
    if (comment.equals("//")) {
      out = LEADING_REGEX.matcher(out).replaceFirst("/r/");
      int c = out.indexOf(" //");
      if (c >= 0) {
        out = out.substring(0, c);
      }
    }
    return out;
  }

  /** What a YAML block looks like instead; {@code problemLine}: the checker's error line (0: none). */
  static Optional<Guess> inData(String body, int problemLine) {
    return inCode(body, "#", true, problemLine);
  }

  /** What a block of a programming language (comments start with {@code comment}) looks like instead. */
  static Optional<Guess> inCode(String body, String comment, int problemLine) {
    return inCode(body, comment, false, problemLine);
  }

  private static Optional<Guess> inCode(String body, String comment, boolean data, int problemLine) {
    Map<Foreign, Set<Integer>> found = new LinkedHashMap<>();
    Set<Integer> selectors = new TreeSet<>();
    int code = 0;
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].strip();
      if (t.isEmpty() || t.startsWith(comment) || comment.equals("//") && BLOCK_COMMENT_LINE.matcher(t).lookingAt()) {
        continue; // a line of a /** … */ comment is no code and no prose ("* 中文说明" in a JSDoc: round 42, WRONG)
      }
      code++;
      Foreign f = null;
      if (!data && DIFF.matcher(lines[i]).find()) {
        found.computeIfAbsent(Foreign.DIFF, k -> new TreeSet<>()).add(i + 1);
        continue;
      }
      // a string, a regex literal or the line's comment may hold anything: "/^[👍]$/u.test("👍") //→ true" is code
      String bare = codeOnly(t, comment);
      String first = firstToken(LIST_MARKER.matcher(bare).replaceFirst(""));
      if (TREE.matcher(t).find()) {
        f = Foreign.TREE;
      } else if (CJK.matcher(first).find() || MARK.matcher(first).find() || ARROW.matcher(bare).find()) {
        f = Foreign.PROSE;
      } else if (REQUEST.matcher(t).matches()) {
        f = Foreign.REQUEST;
      } else if (data && (SECTION.matcher(t).matches() || KEY_VALUE.matcher(t).find())) {
        f = Foreign.CONFIG;
      } else if (DOCKERFILE.matcher(t).find()) {
        f = Foreign.DOCKERFILE;
      } else if (data && GO.matcher(t).find()) {
        f = Foreign.GO;
      } else if (!data && PROTOBUF.matcher(t).find()) {
        f = Foreign.PROTOBUF;
      } else if (!data && CSS.matcher(t).matches()) {
        f = Foreign.CSS;
      } else if (!data && CSS_SELECTOR.matcher(t).matches()) {
        selectors.add(i + 1);
      } else if (Sessions.COMMANDS.contains(first) && !t.contains(": ") && !t.endsWith(":")) {
        f = Foreign.SHELL;
      } else if (Sessions.TABLE_HEADER.matcher(t).matches()) {
        f = Foreign.OUTPUT;
      }
      if (f != null) {
        found.computeIfAbsent(f, k -> new TreeSet<>()).add(i + 1);
      }
    }
    if (found.containsKey(Foreign.CSS) && java.util.Arrays.stream(lines).anyMatch(l -> TS_DECLARATION.matcher(l).find())) {
      // `prop: string;` members of an interface or a type (typescript-eslint's and PatternFly's type blocks, rounds 45
      // and 46: judged WRONG as CSS)
      found.remove(Foreign.CSS);
    }
    if (found.containsKey(Foreign.CSS)) {
      found.get(Foreign.CSS).addAll(selectors);
    }
    int lines3 = code;
    found.entrySet().removeIf(e -> e.getValue().stream().noneMatch(l -> l <= problemLine && l >= problemLine - NEAR)
        && switch (e.getKey()) {
      case TREE -> e.getValue().size() < 2;
      case REQUEST -> false; // one request line makes the rest its body
      case PROSE, DIFF -> e.getValue().size() * 3 < lines3;
      default -> e.getValue().size() * 2 < lines3;
    });
    return strongest(found);
  }

  /** The kind of foreign line seen most (the first seen on a tie), with its lines. */
  private static Optional<Guess> strongest(Map<Foreign, Set<Integer>> found) {
    return strongest(found, Set.of());
  }

  /**
   * As {@link #strongest(Map)}, never naming a kind in {@code refuted} (the block's lines of that kind do not parse as
   * it); their lines still count among the foreign ones.
   */
  private static Optional<Guess> strongest(Map<Foreign, Set<Integer>> found, Set<Foreign> refuted) {
    List<Map.Entry<Foreign, Set<Integer>>> entries = new ArrayList<>(found.entrySet());
    Map.Entry<Foreign, Set<Integer>> best = null;
    for (Map.Entry<Foreign, Set<Integer>> e : entries) {
      if (refuted.contains(e.getKey())) {
        continue;
      }
      if (best == null || e.getValue().size() > best.getValue().size()) {
        best = e;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    Set<Integer> all = new TreeSet<>();
    found.values().forEach(all::addAll);
    return Optional.of(new Guess(best.getKey().language, best.getKey().label, all));
  }

  private static String firstToken(String t) {
    int end = 0;
    while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
      end++;
    }
    return t.substring(0, end);
  }
}
