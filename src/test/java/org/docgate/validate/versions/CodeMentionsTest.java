package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;

import org.docgate.config.RuleFiles;
import org.junit.jupiter.api.Test;

/**
 * Image tags and operator spec versions in code, with the packaged manifest and version data: the cheap pre-checks
 * (an image name followed by a colon somewhere on the line, a {@code kind} word in the document) let through every
 * line the patterns match.
 */
class CodeMentionsTest {
  private static final VersionManifest MANIFEST = VersionManifest.load(RuleFiles.packaged());
  private static final CodeMentions CODE = new CodeMentions(MANIFEST.allProducts());

  @Test
  void imageTagsOfManifestAndDataProductsOnTheLinesThatHoldThem() {
    String body = """
        FROM node:16-alpine AS build
        # no image on this line, nor: a colon alone
        image: docker.io/library/nginx:1.20
        image: myorg/nginx:1.20
          - image: docker:20.10  # and kindest/node:v1.27.3
        nginx:latest
        """;
    assertThat(CODE.imageTags(body)).extracting(t -> t.lineIndex() + ":" + t.column() + " " + t.text())
        .containsExactly("0:6 node:16-alpine", "2:8 docker.io/library/nginx:1.20", "4:12 docker:20.10",
            "4:32 kindest/node:v1.27.3");
  }

  /** Node.js 20 docs, api/v8.md (judged WRONG blind, round 20: "use node:v26" for the built-in v8 module). */
  @Test
  void aModuleSpecifierIsNoImage() {
    String body = """
        const v8 = require('node:v8');
        import { setFlagsFromString } from 'node:v8';
        import 'node:v8';
        const { Worker } = await import("node:v8");
        const image = 'node:18';
        """;
    assertThat(CODE.imageTags(body)).extracting(t -> t.lineIndex() + ":" + t.column() + " " + t.text())
        .containsExactly("4:16 node:18");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "status:\\n  containerStatuses:\\n  - containerID: x\\n    image: nginx:1.14.2 | true",
      "  status:\\n    containerStatuses:\\n    - image: centos:7 | true",
      "status:\\n  initContainerStatuses:\\n    - image: postgres:12 | true",
      "spec:\\n  containers:\\n  - name: a\\n    image: nginx:1.14.2 | false",
      "status:\\n  phase: Running\\nspec:\\n  containers:\\n  - image: nginx:1.14.2 | false",
      "metadata:\\n  status: ok\\n  x:\\n    image: nginx:1.14.2 | false",
      "image: nginx:1.14.2 | false"})
  void anImageUnderAStatusIsReportedStateNotAPin(String yaml, boolean inStatus) {
    String[] lines = yaml.replace("\\n", "\n").split("\n", -1);
    assertThat(CodeMentions.inStatus(lines, lines.length - 1)).isEqualTo(inStatus);
  }

  @Test
  void specVersionOfAnOperatorsKindInItsOwnDocumentOnly() {
    String body = """
        apiVersion: operator.knative.dev/v1beta1
        kind: KnativeServing
        spec:
          version: "1.10.0"
        ---
        apiVersion: v1
        kind: ConfigMap
        spec:
          version: "1.11.0"
        """;
    assertThat(CodeMentions.specVersions(body, MANIFEST.versionKinds()))
        .extracting(a -> a.lineIndex() + " " + a.product().name() + " " + a.version())
        .containsExactly("3 Knative 1.10.0");
    assertThat(CodeMentions.specVersions("spec:\n  version: \"1.10.0\"\n", MANIFEST.versionKinds())).isEmpty();
  }

  /** kubectl's book: `kubectl get deployments -o yaml` prints a List whose items carry their own kind (round 29). */
  @org.junit.jupiter.api.Test
  void anApiVersionPairsWithTheKindOfItsOwnMapping() {
    String list = String.join("\n", "apiVersion: v1", "items:", "- apiVersion: extensions/v1beta1", "  kind: Deployment",
        "  metadata:", "    name: nginx", "- kind: Ingress", "  apiVersion: extensions/v1beta1", "kind: List");
    java.util.List<CodeMentions.ApiUse> uses = CodeMentions.apiVersions(list);
    org.assertj.core.api.Assertions.assertThat(uses).extracting(CodeMentions.ApiUse::apiVersion, CodeMentions.ApiUse::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("v1", "List"),
            org.assertj.core.groups.Tuple.tuple("extensions/v1beta1", "Deployment"),
            org.assertj.core.groups.Tuple.tuple("extensions/v1beta1", "Ingress"));
  }

  /** systemd's ELF package metadata (round 30): a CPE name's segments are no image reference. */
  @org.junit.jupiter.api.Test
  void aCpeNamesSegmentsAreNoImage() {
    org.assertj.core.api.Assertions.assertThat(CODE.imageTags("{\"osCpe\": \"cpe:/o:fedoraproject:fedora:33\"}"))
        .isEmpty();
    org.assertj.core.api.Assertions.assertThat(CODE.imageTags("FROM fedora:33")).hasSize(1);
  }
}
