package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a block a checker complained about looks like instead (real excerpts, issue 15); {@code -}: its own language. */
class LanguageGuessTest {
  /** As the checkers of these fences ask. */
  private static Optional<LanguageGuess.Guess> of(String body, String kind, int problemLine) {
    return switch (kind) {
      case "shell" -> LanguageGuess.inShell(body);
      case "yaml" -> LanguageGuess.inData(body, problemLine);
      case "go", "java" -> LanguageGuess.inCode(body, "//", problemLine);
      default -> LanguageGuess.inCode(body, "#", problemLine);
    };
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      shell | # /etc/sysctl.d/99.conf\\nfs.file-max = 2097152                          | a TOML or INI (key = value) file | 2
      shell | sudo mkfs.btrfs /dev/sdb1\\n[storage]\\ndriver = "btrfs"                 | a TOML or INI (key = value) file | 2
      shell | * soft nofile 655360\\n* hard nofile 655360                              | a TOML or INI (key = value) file | 1
      shell | curl http://localhost:8080/\\ncontainer_cpu_usage_seconds_total{name="x"} | PromQL                           | 2
      shell | sum by (pod) (rate(http_requests_total[5m]))                            | PromQL                           | 1
      shell | 'Get-VM -Name "web" | Select-Object Name'                                 | PowerShell                       | 1
      shell | storage/\\n├── overlay/\\n└── vfs-images/                                | a directory tree                 | 1
      shell | NVMe SSD调优:\\n  - I/O调度器: none                                        | prose or an outline              | 1
      shell | vSphere Client -> 虚拟机 -> 摘要 -> VMware Tools                           | prose or an outline              | 1
      shell | ls /etc/cni\\n{\\n  "name": "mynetwork",\\n  "driver": "bridge"\\n}         | JSON                             | 3
      shell | npm i webpack\\nmodule.exports = {\\n  entry: "./src/index.js",\\n}        | JavaScript                       | 2
      shell | GET /mec_service_mgmt/v1/services?ser_category_id=cat1                  | an HTTP request                  | 1
      shell | pkg/controller/helpers.go:25:   HasCondition   100.0%\\ntotal:   (statements)   45.9% | command output | 1
      shell | '  > Local:    https://localhost:8080/\n  > Network:  https://192.168.0.1:8080/' | command output | 1
      shell | '\nError: [vite-env-only] Import denied\n\n* Denied by specifier pattern: /^node:/\n* Importer: index.html' | prose or an outline | 2
      shell | # .containerignore\\n.git/\\n*.md\\n.env*                                 | a list of paths or URLs          | 2
      shell | # .travis.yml\\ninstall:\\n- npm ci\\ncache:\\n  directories:\\n  - "$HOME/.npm" | YAML                | 2
      shell | \\n// config/app.json\\n{"a": 1}                                          | JSON                             | 3
      shell | formal_container/08_分析/\\nAnalysis/05_矩阵.md                            | prose or an outline              | 1
      yaml  | 验证结果:\\n  调度公平性: 良好\\n    - 基尼系数: 0.15                          | prose or an outline              | 1
      yaml  | # ceph.conf\\n[osd]\\nbluestore_block_db_size = 21474836480               | a TOML or INI (key = value) file | 2
      yaml  | PUT _ilm/policy/cost-optimized\\n{\\n  "policy": {}\\n}                     | an HTTP request                  | 1
      yaml  | 'linkerd viz install | kubectl apply -f -\\nlinkerd viz dashboard'        | shell commands                   | 1
      go    | 控制器:\\n  - 监听资源变化\\n  - 调和状态                                      | prose or an outline              | 1
      go    | type Spec struct {\\n+   Replicas *int32\\n-   Size int\\n}             | a diff                           | 2
      go    | message Pod {\\n  string name = 1;\\n  repeated string tags = 2;\\n}     | Protocol Buffers                 | 1
      shell | NAME      READY   STATUS\\nweb-0     1/1     Running                     | command output                   | 1
      yaml  | NAME      READY   STATUS\\nweb-0     1/1     Running                     | command output                   | 1
      shell | (gdb) r\\nStarting program: /tmp/gdb-sample\\nn = 1, nGlobalVar = 88\\nn = 3   | a session of another program     | 1
      shell | mysql> SELECT 1;\\n1 row in set (0.00 sec)                                 | a session of another program     | 1
      shell | nix-repl> :l <nixpkgs>\\nAdded 12345 variables.                            | a session of another program     | 1
      shell | sleep 60\\n^Z\\n[1]+  Stopped                 sleep 60                     | command output                   | 3
      shell | cdrecord -scanbus\\nscsibus0:\\n  0,0,0     0) *\\n  0,1,0     1) *          | command output                   | 2
      shell | ./sample\\nn = 1, nGlobalVar = 88                                          | command output                   | 2
      shell | kubectl exec -it deploy/redis -- redis-cli\\n127.0.0.1:6379> GET key1\\n"value1" | a session of another program | 2
      shell | # 存储故障恢复流程\\n1. 停止相关容器\\n2. 备份重要数据                          | prose or an outline              | 2
      shell | -----BEGIN CERTIFICATE-----\\nMIIDUTCCAjmgAwIBAgIRAN5\\n-----END CERTIFICATE----- | a certificate or key (PEM)   | 1
      shell | 'C:\\bin> echo @php "%~dp0composer.phar" %*>composer.bat'                | a Windows command prompt session | 1
      """)
  void aForeignBlockIsNamedAtItsFirstForeignLine(String kind, String body, String language, int line) {
    Optional<LanguageGuess.Guess> guess = of(body.replace("\\n", "\n"), kind, 0);
    assertThat(guess).hasValueSatisfying(g -> {
      assertThat(g.language()).isEqualTo(language);
      assertThat(g.firstLine()).isEqualTo(line);
    });
  }

  /** A certificate written by a heredoc is the command's input: the block is shell (a review of round 46's change). */
  @org.junit.jupiter.api.Test
  void aCertificateInAHeredocIsTheCommandsInput() {
    String heredoc = "cat > tls.crt <<EOF\n-----BEGIN CERTIFICATE-----\nMIIDUTCC\n-----END CERTIFICATE-----\nEOF\n"
        + "kubectl create secret tls web --cert=tls.crt\n";
    assertThat(LanguageGuess.inShell(heredoc)).isEmpty();
  }

  /** typescript-eslint's and PatternFly's type blocks (rounds 45 and 46: judged WRONG as CSS); CSS itself still is. */
  @org.junit.jupiter.api.Test
  void membersOfATypeAreNoCss() {
    String dts = String.join("\n", "export interface CallbackOptions {", "  prop: PropValue;", "}",
        "type Callback = (options: CallbackOptions) => void;", "export const acceptsCallback: AcceptsCallback;", "");
    for (int line = 1; line <= 5; line++) {
      assertThat(LanguageGuess.inCode(dts, "//", line)).map(LanguageGuess.Guess::language).isNotEqualTo(Optional.of("CSS"));
    }
    assertThat(LanguageGuess.inCode("{\n  name: string;\n  size: number;\n}\n", "//", 2)).isEmpty();
    assertThat(LanguageGuess.inCode(".nav {\n  margin: 0 4px;\n  display: block;\n}\n", "//", 2)).hasValueSatisfying(
        g -> assertThat(g.language()).isEqualTo("CSS"));
  }

  /** "[ . . . ]" marks elided lines (k8s-enhancements 4603-tune-crashloopbackoff, judged WRONG as TOML in round 32). */
  @org.junit.jupiter.api.Test
  void anElisionInBracketsIsNoTomlSection() {
    String job = String.join("\n", "apiVersion: v1", "kind: Job", "spec:", "  [ . . . ]", "  backoffLimit: 3", "");
    assertThat(LanguageGuess.inData(job, 4)).isEmpty();
    assertThat(LanguageGuess.inData("# ceph.conf\n[osd.0]\nhost = ceph-1\n", 2)).hasValueSatisfying(
        g -> assertThat(g.language()).isEqualTo("a TOML or INI (key = value) file"));
  }

  @org.junit.jupiter.api.Test
  void aFewShellLinesInAYamlBlockDecideWhenTheErrorIsRightBelowThem() {
    String falco = String.join("\n", "# Falco规则", "- rule: Shell in Container", "  desc: Detect shell", "",
        "# 部署Falco", "helm install falco falcosecurity/falco \\", "  --set ebpf.enabled=true", "");
    assertThat(LanguageGuess.inData(falco, 8)).hasValueSatisfying(g -> {
      assertThat(g.language()).isEqualTo("shell commands");
      assertThat(g.firstLine()).isEqualTo(6);
    });
    assertThat(LanguageGuess.inData(falco, 3)).isEmpty();
    assertThat(LanguageGuess.inData(falco, 0)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      shell | if [ -f /etc/os-release ]; then\\n  echo found\\nfi fi
      shell | echo "配置完成，请检查日志输出" && exit 1 (
      shell | cat <<EOF\\n[storage]\\ndriver = "overlay"\\nEOF\\necho )
      shell | podman run \\\\n  --name=web \\\\n  nginx )
      shell | for f in *.md; do echo $f; done done
      yaml  | apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: web\\n name: bad
      yaml  | name: 中文名称\\nreplicas: 3\\n  bad: indent
      go    | func f() {\\n\\treturn 1 +\\n}
      python | def f(:\\n    pass
      shell | echo '10.0.0.1 node1' >> /etc/hosts\\n10.0.0.2 node2 (
      shell | crontab -e\\n0 2 * * * /usr/local/bin/backup.sh (
      shell | API_EMAIL = "you@example.com" \\\\\\nAPI_PASSWORD = "x" \\\\\\nlego run )
      """)
  void brokenCodeOfTheFencesLanguageIsNotCalledForeign(String kind, String body) {
    assertThat(of(body.replace("\\n", "\n"), kind, 0)).isEmpty();
  }

  /** Output and scripts in a shell fence (Node.js docs, round 20): never named after lines that only look like YAML. */
  @org.junit.jupiter.api.Test
  void outputAndScriptsInAShellFenceAreNotCalledYaml() {
    assertGuess("node -p x | tr ':' '\\n'\nECDHE-RSA-AES128-GCM-SHA256\n!RC4", "command output", 3);
    assertGuess("Error: read ECONNRESET\n    at f (node:internal/x:217:20)\n    at g (/a/b.js:1:2) {\n"
        + "  errno: -104,\n  code: 'ECONNRESET',\n  syscall: 'read'\n}", "command output", 1);
    assertGuess("Traceback (most recent call last):\n  File \"x.py\", line 3, in <module>", "command output", 1);
    assertGuess("module.exports = {\n  entry: './a.js',\n  mode: 'production',\n}\n.git/**\n*.md", "JavaScript", 1);
    // key: value lines that parse stay YAML
    assertGuess("cat deployment.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web", "YAML", 2);
  }

  private static void assertGuess(String body, String language, int line) {
    assertThat(LanguageGuess.inShell(body)).hasValueSatisfying(g -> {
      assertThat(g.language()).isEqualTo(language);
      assertThat(g.firstLine()).isEqualTo(line);
    });
  }

  /**
   * A regex literal, a string or the line's comment may hold emoji or an arrow: the line is code, no prose (ESLint's
   * rule pages, round 41: two js blocks of regex examples called "prose or an outline", judged WRONG).
   */
  @org.junit.jupiter.api.Test
  void emojiAndArrowsInsideRegexesStringsAndCommentsAreNoProse() {
    assertThat(LanguageGuess.inCode("/^[❇️]$/u\n/^[👶🏻]$/u", "//", 2)).isEmpty();
    assertThat(LanguageGuess.inCode("/^[👍]$/.test(\"👍\") //→ false\nconst x = \"✅ done\";", "//", 1)).isEmpty();
    assertThat(LanguageGuess.inCode("✅ 部署完成\n❌ 回滚失败", "//", 1)).map(LanguageGuess.Guess::language)
        .contains("prose or an outline");
    assertThat(LanguageGuess.codeOnly("a = \"→\" // x → y", "//")).isEqualTo("a = \"\"");
    // a JSDoc's lines in Chinese are a comment, not prose (Intlayer's docs, round 42: WRONG)
    assertThat(LanguageGuess.inCode("import { Locales } from \"intlayer\";\n\nconst config = {\n  build: {\n    /**\n"
        + "     * 压缩字典以减小构建包大小。\n     */\n     minify: true;\n\n    /**\n     * 清除字典中未使用的键\n     */\n"
        + "     purge: true;\n  },\n};\n\nexport default config;", "//", 8)).isEmpty();
    // a long quoted value (a Secret's base64, a caBundle) or regex is read without exhausting the stack
    String longValue = "x".repeat(100_000);
    assertThat(LanguageGuess.codeOnly("data: \"" + longValue + "\\\"q\" # c", "#")).isEqualTo("data: \"\" # c");
    assertThat(LanguageGuess.codeOnly("/" + longValue + "/g.test(s)", "//")).isEqualTo("/r/.test(s)");
    assertThat(LanguageGuess.inData("key: \"" + longValue + "\"\nother: 1", 1)).isEmpty();
  }
}
