package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an unlabelled fence holds: code names its tag, text names nothing (blind review of k8s-enhancements). */
class UnlabelledBlockTest {
  private static final YamlChecker YAML = new YamlChecker(
      new KubernetesShape(java.util.Set.of(), java.util.Set.of(), java.util.List.of()),
      SnippetRules.parseCompose("compose.yaml", "topLevelKeys: [services]\nserviceKeys: [image]\n"));
  private final UnlabelledBlock block = new UnlabelledBlock(
      t -> YAML.check(t).map(Problem::structural).orElse(true),
      t -> JsonChecker.strict().verdicts(java.util.List.of(t)).get(t).isEmpty());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      go func            | func (c *Controller) Run(ctx context.Context) error {\\n}            | go
      go struct          | type Overhead struct {\\n  PodFixed *ResourceList\\n}             | go
      go statements      | done := make(chan struct{})\\ndefer func() {}()                    | go
      protobuf           | message Ulimit {\\n  string name = 1;\\n}                          | proto
      console            | $ kubectl get pods\\nNAME  READY\\nweb   1/1                         | console
      root prompt        | [root@node1 ~]# kubectl get nodes\\nNAME  STATUS                  | console
      shell              | kubectl apply -f pod.yaml\\nkubectl get pods                      | bash
      plain words        | find the files\\nmake all                                          | bash
      words to print     | echo Hello from the container                                      | bash
      continued shell    | sudo mount -t hugetlbfs \\\\\\n  none /mnt/huge                  | bash
      manifest           | apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: a                | yaml
      fragment           | volumeMounts:\\n- name: data\\n  mountPath: /data                 | yaml
      json               | {"policyName": "static", "checksum": 1}                            | json
      dockerfile         | FROM golang:1.22\\nRUN go build ./...                             | dockerfile
      python             | def main():\\n    print(1)                                         | python
      """)
  void codeIsNamed(String what, String body, String tag) {
    assertThat(block.label(body.replace("\\n", "\n"))).map(UnlabelledBlock.Label::tag).contains(tag);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      formula            | memory.high = floor[ (factor * allocatable) / pageSize ] * pageSize
      log                | I1026 16:21:00.461647  801139 binder.go:266] "FindPodVolumes starts"
      go value dump      | requestInfo=&request.RequestInfo{IsResourceRequest:true,\\n  Verb:"get"}
      describe output    | Name:         web-0\\nNamespace:    default\\nStatus:       Running
      headers            | Kubectl-Command: apply\\nKubectl-Session: 67b5
      table              | NAME   READY   STATUS\\nweb-0  1/1     Running
      urls               | https://github.com/kubernetes/a\\nhttps://github.com/kubernetes/b
      tree               | docs/\\n├── a.md\\n└── b.md
      prose              | Pod is ready == containers are ready AND gates are True
      go and protobuf    | type T struct {\\n}\\nmessage T {\\n}
      unknown command    | sonobuoy status
      one key printed    | # k get pods -oyaml > pods.txt\\n    name: web-0\\n    name: web-1\\n    name: web-2
      icinga config      | template Host "snmp-agent" {\\n  check_command = "hostalive"\\n}\\nobject Host "a" {\\n  import "snmp-agent"\\n}
      file in an editor  | [root@agent1 /]# vim /etc/icinga2/zones.conf\\nobject Zone "master" {\\n  endpoints = [ "m1" ]\\n}
      prompt to an agent | find the files that handle user authentication
      another prompt     | find deprecated API usage in our codebase
      """)
  void textIsNot(String what, String body) {
    assertThat(block.label(body.replace("\\n", "\n"))).isEqualTo(Optional.empty());
  }
  /** gRPC's PROTOCOL-WEB.md: HTTP/1 headers in a block indented under a list item (round 28, judged WRONG as YAML). */
  @org.junit.jupiter.api.Test
  void aBlockIndentedAsAWholeNestsNothing() {
    assertThat(block.label("    key1: foo\\r\\n\n    key2: bar\\r\\n\n")).isEmpty();
    assertThat(block.label("  volumeMounts:\n  - name: data\n    mountPath: /data\n")).map(UnlabelledBlock.Label::tag)
        .hasValue("yaml");
  }


  @Test
  void incompleteIsOffByDefaultAndCountedAsSuppressed(@TempDir Path corpus) throws IOException {
    Files.writeString(corpus.resolve("a.md"), "# A\n\n```bash\nkubectl logs <pod>\n```\n");
    var report = Scans.run(corpus);
    assertThat(report.findings()).noneMatch(f -> f.rule().startsWith("snippets/"));
    var suppressed = (java.util.Map<?, ?>) report.stats().get("suppressed");
    assertThat(((java.util.Map<?, ?>) suppressed.get("snippets")).get("off")).isEqualTo(1L);
  }
}
