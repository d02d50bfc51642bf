package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionManifestTest {
  static final String GOOD = """
      products:
        Kubernetes:
          aliases: [K8s, k8s]
          current: ["1.31", "1.30"]
          minimumSupported: "1.30"
          eol:
            - {line: "1.29", date: 2025-02-28}
        vSphere:
          scheme: vsphere
          current: ["8.0 U3"]
      context:
        cues: {zh: [升级], en: [upgrade]}
        headingCues: {zh: [历史], en: [history]}
        exemptPaths: ["**/CHANGELOG*"]
      code: {imageTags: false, apiVersions: true}
      """;

  @Test
  void theShippedManifestLoadsAndListsTheProductsOfTheIssue() {
    VersionManifest m = VersionManifest.load(RuleFiles.packaged());
    assertThat(m.products()).extracting(Product::name).contains("Kubernetes", "Docker", "containerd", "runc",
        "CRI-O", "Podman", "vSphere", "ESXi", "vCenter", "NSX", "vSAN", "Cilium", "Calico", "Istio", "Linkerd",
        "Helm", "WasmEdge", "Wasmtime");
    assertThat(m.kubernetes().currentText()).isEqualTo("1.31/1.30");
    assertThat(m.products().stream().filter(p -> p.name().equals("vSphere")).findFirst().orElseThrow()
        .currentText()).isEqualTo("8.0 U3");
    assertThat(m.products().stream().filter(p -> p.name().equals("Docker")).findFirst().orElseThrow()
        .currentText()).isEqualTo("27.0");
    assertThat(m.context().cueIn("从 1.28 升级到 1.31")).isNotNull();
    assertThat(m.context().cueIn("Sidecars were introduced in 1.28")).isNotNull();
  }

  @Test
  void aGoodManifestKeepsEveryField() {
    VersionManifest m = VersionManifest.parse("m.yaml", GOOD);
    Product k = m.kubernetes();
    assertThat(k.aliases()).containsExactly("Kubernetes", "K8s", "k8s");
    assertThat(k.newestCurrent()).hasToString("1.31");
    assertThat(k.minimumSupported()).hasToString("1.30");
    assertThat(k.eol()).singleElement().satisfies(e -> assertThat(e.date()).hasToString("2025-02-28"));
    assertThat(m.checkImageTags()).isFalse();
    assertThat(m.checkApiVersions()).isTrue();
    assertThat(m.context().exemptsPath("CHANGELOG.md")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      duplicate alias in one product   | `products:\\n  Kubernetes:\\n    aliases: [K8s, K8s]\\n    current: ["1.31"]\\n` | m.yaml:3: products.Kubernetes: duplicate alias 'K8s'
      package of two products          | `products:\\n  Kubernetes:\\n    current: ["1.31"]\\n    packages: [kubeadm]\\n  Docker:\\n    current: ["27.0"]\\n    commands: [kubeadm]\\n` | m.yaml:7: products.Docker.commands: duplicate package or command 'kubeadm'
      alias of two products            | `products:\\n  Kubernetes:\\n    aliases: [kube]\\n    current: ["1.31"]\\n  Kubeadm:\\n    aliases:\\n      - kube\\n    current: ["1.31"]\\n` | m.yaml:7: products.Kubeadm: duplicate alias 'kube' (already an alias of Kubernetes)
      unparsable current version       | `products:\\n  Docker:\\n    current: ["27"]\\n` | m.yaml:3: products.Docker.current: '27' is not a dotted version
      update on a dotted product       | `products:\\n  Docker:\\n    current: ["27.0 U1"]\\n` | m.yaml:3: products.Docker.current: '27.0 U1' is not a dotted version
      unknown product key              | `products:\\n  Docker:\\n    current: ["27.0"]\\n    latest: "28.0"\\n` | m.yaml:4: unknown key 'latest' in products.Docker
      unknown top-level key            | `products:\\n  Docker:\\n    current: ["27.0"]\\nversions: {}\\n` | m.yaml:4: unknown key 'versions' in the version manifest
      unknown scheme                   | `products:\\n  Docker:\\n    scheme: semver\\n    current: ["27.0"]\\n` | m.yaml:3: products.Docker.scheme: unknown version scheme 'semver'
      missing current                  | `products:\\n  Docker:\\n    aliases: [docker]\\n` | m.yaml:2: products.Docker: 'current' is required
      minimum newer than current       | `products:\\n  Docker:\\n    current: ["27.0"]\\n    minimumSupported: "28.0"\\n` | m.yaml:4: products.Docker.minimumSupported 28.0 is newer than the newest current line 27.0
      eol line that is current         | `products:\\n  Docker:\\n    current: ["27.0"]\\n    eol: [{line: "27.0", date: 2025-01-01}]\\n` | m.yaml:4: products.Docker.eol: line 27.0 is not older than the current line 27.0
      bad eol date                     | `products:\\n  Docker:\\n    current: ["27.0"]\\n    eol: [{line: "20.10", date: soon}]\\n` | m.yaml:4: products.Docker.eol.date: 'soon' is not a date
      empty cue word                   | `products:\\n  Docker:\\n    current: ["27.0"]\\ncontext:\\n  cues: {zh: [""]}\\n` | m.yaml:5: context.cues.zh: an empty cue word
      bad code flag                    | `products:\\n  Docker:\\n    current: ["27.0"]\\ncode: {imageTags: yes please}\\n` | m.yaml:4: code.imageTags: 'yes please' is not true or false
      empty file                       | `` | m.yaml:1: the version manifest is empty
      only a comment                   | `# nothing here\\n` | m.yaml:1: the version manifest is empty
      no products                      | `context: {}\\n` | m.yaml:1: the version manifest has no 'products' mapping
      """)
  void badManifestsFailWithFileAndLine(String label, String yaml, String message) {
    assertThatThrownBy(() -> VersionManifest.parse("m.yaml", yaml.replace("\\n", "\n")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith(message);
  }

  @Test
  void theDataProductsNamesGiveSpellingsImagesAndABareMajorWhereCyclesAreMajors() {
    VersionManifest m = VersionManifest.load(org.docgate.config.RuleFiles.packaged());
    Product node = m.eolOnly().stream().filter(p -> p.name().equals("Node.js")).findFirst().orElseThrow();
    assertThat(node.images()).containsExactly("node");
    assertThat(node.scheme()).isEqualTo(VersionScheme.MAJOR);
    Product rhel = m.eolOnly().stream().filter(p -> p.name().equals("Red Hat Enterprise Linux")).findFirst()
        .orElseThrow();
    assertThat(rhel.aliases()).contains("RHEL");
    Product python = m.eolOnly().stream().filter(p -> p.name().equals("Python")).findFirst().orElseThrow();
    assertThat(python.scheme()).isEqualTo(VersionScheme.DOTTED); // "Python 3" is no cycle of Python's
  }

  @Test
  void aNameForAProductTheDataDoesNotHoldFailsWithFileAndLine() {
    EndOfLifeData data = EndOfLifeData.parse("d.yaml", """
        products:
          nodejs:
            title: Node.js
            cycles: [{cycle: "16", eol: 2023-09-11}]
        """);
    EndOfLifeNames names = EndOfLifeNames.parse("n.yaml", """
        products:
          nodejs: {images: [node]}
          nodjs: {images: [node]}
        """);
    assertThatThrownBy(() -> VersionManifest.parse("m.yaml", "products: {Kubernetes: {current: ['1.31']}}", data,
        names)).isInstanceOf(ConfigException.class).hasMessage("n.yaml:3: 'nodjs' is not a product of the version data (d.yaml)");
    assertThatThrownBy(() -> EndOfLifeNames.parse("n.yaml", "products:\n  nodejs: {image: [node]}\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("n.yaml:2: unknown key 'image'");
    assertThatThrownBy(() -> SupportStatus.parse("s.yaml", "supported: {zh: [支持]}\nunsuported: {en: [eol]}\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("s.yaml:2: unknown key 'unsuported'");
  }
}
