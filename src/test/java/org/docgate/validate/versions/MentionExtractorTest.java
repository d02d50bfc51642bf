package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row: a line of text and the mentions found in it, as {@code Product spec@offset}, joined with {@code ;}. */
class MentionExtractorTest {
  static final MentionExtractor EXTRACTOR = new MentionExtractor(List.of(
      product("Kubernetes", VersionScheme.DOTTED, "K8s", "k8s", "K8S", "kubernetes"),
      product("Docker", VersionScheme.DOTTED, "Docker Engine"),
      product("containerd", VersionScheme.DOTTED),
      product("CRI-O", VersionScheme.DOTTED),
      product("vSphere", VersionScheme.VSPHERE),
      product("vCenter", VersionScheme.VSPHERE, "vCenter Server")));

  static Product product(String name, VersionScheme scheme, String... aliases) {
    List<String> all = new java.util.ArrayList<>(List.of(name));
    all.addAll(List.of(aliases));
    String current = scheme == VersionScheme.VSPHERE ? "8.0 U3" : "1.0";
    return new Product(name, all, scheme, List.of(Version.parse(current, scheme)), Version.parse(current, scheme),
        List.of(new Product.EolLine(Version.parse("0.1", VersionScheme.DOTTED), LocalDate.EPOCH)), List.of(),
        List.of());
  }

  static String found(String text) {
    return String.join(";", EXTRACTOR.extract(text).stream()
        .map(m -> m.product().name() + " " + m.spec() + "@" + m.start()).toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      Kubernetes 1.28                                  | Kubernetes 1.28@0
      K8s v1.30                                        | Kubernetes 1.30@0
      Docker 20.10.24                                  | Docker 20.10.24@0
      containerd 1.7.8+                                | containerd 1.7.8+@0
      vSphere 8.0 U3                                   | vSphere 8.0 U3@0
      vSphere8.0U3a                                    | vSphere 8.0 U3a@0
      vCenter Server 8.0 Update 2                      | vCenter 8.0 U2@0
      vSphere 8.0.2                                    | vSphere 8.0 U2@0
      Kubernetes 1.28-1.31                             | Kubernetes 1.28-1.31@0
      Kubernetes 1.28 ~ 1.31                           | Kubernetes 1.28-1.31@0
      Kubernetes 1.30/1.31                             | Kubernetes 1.30@0;Kubernetes 1.31@16
      Kubernetes 1.30、1.31 和 1.32                     | Kubernetes 1.30@0;Kubernetes 1.31@16;Kubernetes 1.32@23
      Kubernetes 1.28+                                 | Kubernetes 1.28+@0
      Kubernetes 1.28.x                                | Kubernetes 1.28@0
      K8s 1.31.0-rc.1                                  | Kubernetes 1.31.0@0
      Docker Engine 25.0                               | Docker 25.0@0
      CRI-O 1.28                                       | CRI-O 1.28@0
      使用Kubernetes 1.28部署                            | Kubernetes 1.28@2
      Docker 25.0版本                                   | Docker 25.0@0
      基于K8s1.30                                       | Kubernetes 1.30@2
      （Kubernetes 1.30）                               | Kubernetes 1.30@1
      **Kubernetes 1.30**                              | Kubernetes 1.30@2
      Kubernetes 1.30.                                 | Kubernetes 1.30@0
      The K8s 1.30, K8s 1.31 lines                     | Kubernetes 1.30@4;Kubernetes 1.31@14
      vSphere版本  : 8.0.2 (最新稳定版)                   | vSphere 8.0 U2@13
      Kubernetes version: v1.31                        | Kubernetes 1.31@20
      Docker 版本：25.0.6                               | Docker 25.0.6@10
      """)
  void findsEveryWrittenForm(String text, String expected) {
    assertThat(found(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      Kubernetes_1.30更新报告.md
      Kubernetes 1.30更新报告.md
      see docs/Kubernetes 1.30/README.md
      https://example.com/Kubernetes 1.30
      https://github.com/kubernetes/kubernetes/releases/tag/v1.28.0
      参考《Kubernetes 1.28 升级指南》
      Dockerfile 1.4
      MyDocker 1.2
      kubernetes.io 1.2
      Kubernetes-native 1.2
      Kubernetes 2
      Docker 24
      ESXi 1、vSphere 2
      Kubernetes 1.30GB
      Kubernetes 1.30_beta
      Docker 20.10-dind
      Kubernetes 1.5%
      @Kubernetes 1.30
      Kubernetes 版本 1.28 的特性
      Kubernetesversion: 1.30
      """)
  void ignoresFileNamesUrlsTitlesAndLongerWords(String text) {
    assertThat(found(text)).isEmpty();
  }

  @Test
  void productsNamedWithoutAVersionAreThoseWhoseAliasStandsAsAWord() {
    assertThat(EXTRACTOR.productsNamed("Kubernetes 当前版本支持计划")).extracting(Product::name)
        .containsExactly("Kubernetes");
    assertThat(EXTRACTOR.productsNamed("K8s 与 Docker Engine 版本")).extracting(Product::name)
        .containsExactly("Kubernetes", "Docker");
    assertThat(EXTRACTOR.productsNamed("Kubernetes-native tools, MyDocker")).isEmpty();
  }

  @Test
  void aLatinLetterOrDigitNextToHanIsABoundaryWhereJavasWordBoundaryIsNot() {
    // With Unicode classes (what a Vale-style rule gets) Han letters are word characters: no boundary at all.
    assertThat("使用Kubernetes部署").doesNotContainPattern("(?U)\\bKubernetes\\b");
    assertThat(found("使用Kubernetes 1.28部署")).isEqualTo("Kubernetes 1.28@2");
    assertThat(org.docgate.corpus.CueWords.containsWord("使用kubernetes部署", "kubernetes")).isTrue();
    assertThat(org.docgate.corpus.CueWords.containsWord("superkubernetes", "kubernetes")).isFalse();
  }

  @Test
  void theSuggestionKeepsTheAliasAndTheVPrefix() {
    Mention m = EXTRACTOR.extract("基于K8s v1.28.3部署").get(0);
    assertThat(m.text()).isEqualTo("K8s v1.28.3");
    assertThat(m.replacedWith(Version.parse("1.31", VersionScheme.DOTTED))).isEqualTo("K8s v1.31");
  }
}
