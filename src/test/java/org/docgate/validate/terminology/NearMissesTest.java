package org.docgate.validate.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.docgate.config.RuleFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Near misses of the packaged vocabulary's names, found by edit distance with guards (issue 15, terms recall). */
class NearMissesTest {
  static final NearMisses PACKAGED = packaged();

  static NearMisses packaged() {
    var rules = TermRuleLoader.load(RuleFiles.packaged());
    TermRule rule = rules.stream().filter(r -> r.kind() == RuleKind.NEAR_MISS).findFirst().orElseThrow();
    return new NearMisses(rule, rules);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "Kubernets, Kubernetes", "Kuberenetes, Kubernetes", "Kuebernetes, Kubernetes", "Kubernete, Kubernetes",
      "Promethues, Prometheus", "Prometeus, Prometheus", "Dcoker, Docker", "PostgresSQL, PostgreSQL",
      "Isito, Istio", "contaienrd, containerd", "Grafna, Grafana", "Terrafrom, Terraform", "Lnikerd, Linkerd",
      "VMVware, VMware"})
  void aSlipOfANameIsANearMissOfIt(String word, String name) {
    assertThat(PACKAGED.missed(word)).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "Kubernetes", "kubernetes", "containers", "container", "dockerd", "Dockers", "Istiod", "linked", "linter",
      "containerID", "ContainerFS", "FlannelD", "Kubenet", "contiainers", "docked", "firecrackers", "Kubernetes1",
      "GitLab", "Podcast", "Calicos", "intro",
      // zent's API table, round 26 (judged WRONG as OpenSearch): a prop's lower camel case
      "onSearch",
      // "An OpenAI API key" (Qwen Code's docs, round 45: judged WRONG as OpenAPI): another acronym, another name
      "OpenAI"})
  void wordsIdentifiersAndOtherEndingsAreNot(String word) {
    assertThat(PACKAGED.missed(word)).isNull();
  }

  /** A name shorter than minLength (gRPC, Ceph) has one kind of near miss: a letter typed twice ("Hellm" is as near
   * to the words hello and hells, "Dappr" to dapper). */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"gGRPC, gRPC", "gRRPC, gRPC", "gRPPC, gRPC", "Cephh, Ceph", "JSSON, JSON"})
  void aShortNameWithALetterTypedTwiceIsANearMissOfIt(String word, String name) {
    assertThat(PACKAGED.missed(word)).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"GRPC", "gRPCs", "gPRC", "Hellm", "Dappr", "Helms", "Hlem", "helmet", "ettcd", "runnc", "Hello"})
  void otherSlipsOfAShortNameAreNot(String word) {
    assertThat(PACKAGED.missed(word)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'see gihub.com/x', 0", "'the Kubernets_dir path', 0", "'on Kubernets.', 1", "'使用Kubernets部署', 1"})
  void aNearMissStandsAloneLikeATermUse(String text, int expected) {
    assertThat(PACKAGED.in(text, w -> 0L)).hasSize(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"5, 100, 1", "5, 40, 0", "2, 1, 1"})
  void aWordTheCorpusWritesOftenIsAWordOfItsOwn(long times, long nameTimes, int expected) {
    Map<String, Long> counts = Map.of("promethues", times, "prometheus", nameTimes);
    assertThat(PACKAGED.in("Promethues 监控", w -> counts.getOrDefault(w, 0L))).hasSize(expected);
  }
}
