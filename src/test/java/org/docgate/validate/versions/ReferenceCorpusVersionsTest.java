package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.docgate.SharedFiles;
import org.docgate.finding.Finding;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-checked version findings of the reference corpus (vshpere-1019) with the packaged manifest (its README
 * baseline: Kubernetes 1.31/1.30, Docker 27.0, containerd 2.0, vSphere 8.0 U3). Cases match by path + target, never
 * by line. Skipped when the corpus is absent.
 */
class ReferenceCorpusVersionsTest {
  static ScanReport report;

  @BeforeAll
  static void scanReferenceCorpus() {
    // the day these findings were last judged: end-of-life dates and claims' ages are read against it
    report = Scans.run(SharedFiles.referenceCorpus(), java.time.Clock.fixed(java.time.Instant.parse(
        "2026-12-06T00:00:00Z"), java.time.ZoneOffset.UTC));
  }

  static Stream<Arguments> confirmedFindings() {
    return Stream.of(
        // An evidence index quoting the anchor: "标准锚点：…（Docker 25.0、Kubernetes 1.30、…）".
        Arguments.of("versions/eol", "vShpere_VMware/09_安全与合规管理/Artifacts_Index.md", "Docker 25.0"),
        // "容器化技术: Docker 24.0、Kubernetes 1.29" in a project overview: 1.29 reached end of life 2025-02-28.
        Arguments.of("versions/eol", "Analysis/01_项目总体分析与技术架构.md", "Kubernetes 1.29"),
        // A version table row "| Kubernetes | 1.29.0 | 稳定版 |" (product cell + version cell).
        Arguments.of("versions/eol", "Analysis/01_项目总体分析与技术架构.md", "Kubernetes 1.29.0"),
        // PodSecurityPolicy example: policy/v1beta1 was removed in Kubernetes 1.25.
        Arguments.of("versions/removed-api", "Container/04_容器编排技术/02_Kubernetes编排技术详解.md", "policy/v1beta1"),
        // Deployment example pinned to an Istio 1.21 image.
        Arguments.of("versions/eol", "Container/18_服务网格技术详解/02_Istio深度解析.md", "docker.io/istio/pilot:1.21.0"),
        // "### 版本信息标准化 | Docker | 24.0.7 |" while Container/README.md's "## 版本与兼容策略" states Docker Engine
        // 25.0.0: two version sections of living documents disagree.
        Arguments.of("versions/conflicting-baseline", "Analysis/01_项目总体分析与技术架构.md", "Docker 24.0.7"),
        // A heading "Istio 2.0": no such release; newer than the manifest's 1.27.
        Arguments.of("versions/ahead", "Container/2025年容器技术综合指南.md", "Istio 2.0"),
        // The blind judges' recall probes (2026-12-06): an upgrade map's "├── vSphere 6.7 (支持中)" claims support now,
        Arguments.of("versions/eol", "vShpere_VMware/18_vSphere知识图谱与技术对比矩阵.md", "vSphere 6.7"),
        // a support list "操作系统: 支持: ✅ CentOS 7/8" in a yaml outline,
        Arguments.of("versions/eol", "Deployment/01_虚拟化部署/01_硬件规范/07_硬件兼容性清单.md", "CentOS 7"),
        // "Kubernetes: 推荐: 1.29 (LTS)",
        Arguments.of("versions/eol", "Deployment/01_虚拟化部署/02_软件安装/01_操作系统与内核优化.md", "Kubernetes 1.29"),
        // a quick install pinning ISTIO_VERSION=1.21.0 (under "主流服务网格对比": a comparison chapter's install step),
        Arguments.of("versions/eol", "Container/18_服务网格技术详解/01_服务网格概述与架构.md", "ISTIO_VERSION=1.21.0"),
        // and a "secure Dockerfile" on node:16-alpine (Node.js 16 ended 2023-09-11).
        Arguments.of("versions/eol", "Container/05_容器安全技术/02_容器安全防护技术.md", "node:16-alpine"),
        // Third round's probes: "操作系统：RHEL 7.7+、CentOS 7.7+…" as install requirements (every CentOS cycle ended),
        Arguments.of("versions/eol", "Container/04_容器编排技术/03_OpenShift技术详解.md", "CentOS 7.7+"),
        Arguments.of("versions/eol", "Container/11_LightV技术详解/05_LightV部署实践.md", "CentOS 8+"),
        // "Docker 25.0.0：最新版本支持…" under "容器技术演进": "latest" is a claim about today,
        Arguments.of("versions/not-latest", "formal_container/01_理论基础/02_技术原理与架构基础.md", "Docker 25.0.0"),
        // and a stack outline under "1.1 技术栈全景": "L3_服务网格: Istio 1.21, Linkerd 2.14, …".
        Arguments.of("versions/eol", "Container/00_容器技术知识图谱与对比矩阵_2025.md", "Istio 1.21"),
        // Fifth round's probes: ended images in examples (advice, versions/eol-example): a compose file's db,
        Arguments.of("versions/eol-example", "Container/01_Docker技术详解/02_Docker容器管理.md", "postgres:13"),
        // a builder stage, and the ELK compose file.
        Arguments.of("versions/eol-example", "Semantic/04_语义模型验证工具与代码实现.md", "golang:1.20"),
        Arguments.of("versions/eol-example", "Container/06_容器监控与运维/01_容器监控技术.md",
            "docker.elastic.co/elasticsearch/elasticsearch:7.15.0"));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("confirmedFindings")
  void confirmedFindingsAreReported(String rule, String path, String target) {
    assertThat(versionFindings(path)).as(path).anyMatch(f -> f.rule().equals(rule) && target.equals(f.target()));
  }

  static Stream<Arguments> confirmedQuiet() {
    return Stream.of(
        // Records (rules/currency.yaml): a dated alignment report and a status report state what was current when
        // written ("容器化技术标准: Docker 25.0", "| Service Mesh | 90% | Istio 1.20 |"); a corpus that keeps one as its
        // version anchor says so with currency.living in its docgate.yaml.
        Arguments.of("2025年技术标准最终对齐报告.md"),
        Arguments.of("PROJECT_STATUS.md"),
        // A release report about Docker 25.0 (H1 "Docker 25.0 更新报告"): history by nature.
        Arguments.of("2025年技术处理与分析/06_版本更新实施/Docker_25.0更新报告.md"),
        // "| 技术 | 旧版本 | 新版本 |": the old-version column is history.
        Arguments.of("2025年10月19日Container对齐最终总结.md"),
        // "性能基准测试 > 测试环境: Podman 4.0, Docker 24.0": the versions a benchmark ran on.
        Arguments.of("formal_container/04_容器技术详解/03_Podman_2025年最新趋势与应用.md"),
        // A case study's stack ("技术栈: Kubernetes 1.24") describes that project, not the corpus baseline.
        Arguments.of("formal_container/11_实践案例与最佳实践/01_企业级虚拟化实践案例.md"));
  }

  @Test
  void aComparisonMatrixIsQuietBesideItsSupportClaims() {
    // "| 功能特性 | vSphere 7.0 | vSphere 8.0 | …" tables compare; only the upgrade map's "(支持中)" lines state support
    assertThat(versionFindings("vShpere_VMware/18_vSphere知识图谱与技术对比矩阵.md")).extracting(Finding::target)
        .containsExactly("vSphere 6.7", "vSphere 7.0");
  }

  @Test
  void aKnowledgeGraphStatesVersionsOnlyInItsStackOutline() {
    // its comparison matrix and benchmark tables ("K8s 1.30 | 180ms") compare; the yaml outline under
    // "1.1 技术栈全景" lists the stack the document presents as current
    assertThat(versionFindings("Container/00_容器技术知识图谱与对比矩阵_2025.md")).extracting(Finding::target)
        .contains("Istio 1.21", "Podman 5.0").isSubsetOf("Docker 25.0", "Podman 5.0", "Istio 1.21");
  }

  @Test
  void linkTextsAreTitlesButADatedLatestClaimIsAClaim() {
    // Link texts naming other documents ("[Kubernetes 1.30更新报告](…)") are titles, not statements; under "## 版本信息"
    // "Kubernetes版本: 1.31 (最新稳定版,2024年8月发布)" in a page "最后更新: 2025-10-19" calls 1.31 the latest as of
    // 2024-08 (a blind reviewer's recall probe, round 13)
    assertThat(versionFindings("Container/03_Kubernetes技术详解/README.md"))
        .extracting(Finding::rule, Finding::target)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("versions/dated-latest", "1.31"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("confirmedQuiet")
  void historicalAndComparativeDocumentsAreQuiet(String path) {
    assertThat(versionFindings(path)).as(path).isEmpty();
  }

  @Test
  void theDistributionShowsTheCorpusBaselinesSideBySide() {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> mentions =
        (Map<String, Map<String, Object>>) ((Map<String, Object>) report.stats().get("versions")).get("mentions");
    assertThat((Long) mentions.get("Kubernetes").get("1_30")).isGreaterThan(40L);
    assertThat((Long) mentions.get("Kubernetes").get("1_31")).isGreaterThan(20L);
    assertThat((Long) mentions.get("Docker").get("25_0")).isGreaterThan(80L);
    assertThat((Long) mentions.get("vSphere").get("8_0_U2")).isGreaterThan(40L);
    assertThat(report.metrics().get("versionAlignment")).isBetween(0.5, 1.0);
  }

  private static List<Finding> versionFindings(String path) {
    return report.findings().stream().filter(f -> f.path().equals(path) && f.rule().startsWith("versions/")).toList();
  }
}
