package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownParser;
import org.docgate.validate.ValidationResult;
import org.junit.jupiter.api.Test;

/** Cases an inline expectation cannot express: table body rows, switched-off code checks, the clock. */
class VersionValidatorTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final MarkdownParser PARSER = new MarkdownParser();

  static ValidationResult validate(VersionValidator validator, String markdown) {
    return validator.validate(PARSER.parse("doc.md", markdown), null);
  }

  static VersionValidator packaged() {
    return VersionValidator.fromRules(RuleFiles.packaged(), CLOCK);
  }

  static List<String> found(ValidationResult r) {
    return r.findings().stream().map(f -> f.line() + ":" + f.column() + ":" + f.rule() + ":" + f.target()).toList();
  }

  @Test
  void aTableWhoseNewestVersionOfAProductHasEndedHasNotFollowedItsReleases() {
    // k8s-handbook-zh's KubeEdge and OpenYurt pages (round 38's probes): a compatibility matrix whose columns stop at
    // Kubernetes 1.30, and a "supported Kubernetes" column whose newest bare version is 1.30 (ended 2025-07-15 in the
    // data; the fixture clock is 2026-01-01). One finding per table, at its newest version
    String matrix = """
        ## 兼容性

        | KubeEdge 版本 | K8s 1.28 | K8s 1.29 | K8s 1.30 |
        | --- | --- | --- | --- |
        | KubeEdge 1.19 | ✓ | ✓ | - |
        | KubeEdge 1.20 | + | ✓ | ✓ |
        """;
    assertThat(found(validate(packaged(), matrix))).containsExactly("3:39:versions/stale-table:K8s 1.30");
    String column = """
        ## 版本兼容性

        | OpenYurt 版本 | 支持的 Kubernetes 版本 | 主要特性 |
        | --- | --- | --- |
        | v1.6.0（当前） | v1.30 及以下 | 增强边缘自治 |
        | v1.5.0 | v1.28 及以下 | NodeBucket |
        | v1.4.0 | v1.22 及以下 | HostNetwork |
        """;
    ValidationResult columnResult = validate(packaged(), column);
    assertThat(found(columnResult)).containsExactly("5:16:versions/stale-table:v1.30");
    assertThat(columnResult.findings().get(0).message()).isEqualTo("the newest Kubernetes version this table names is 1.30, "
        + "end of life since 2025-07-15 (1.36 has not ended): the table has not followed Kubernetes's releases");
  }

  @Test
  void aTableThatReachesASupportedReleaseOrIsOpenOrHistoryIsNoStaleTable() {
    String md = """
        ## 兼容性

        | Chart | K8s 1.31 | K8s 1.32 | K8s 1.33 |
        | --- | --- | --- | --- |
        | 2.0 | ✓ | ✓ | ✓ |

        | 配置器版本 | Kubernetes 版本 |
        | --- | --- |
        | 2.3.0+ | 1.14+ |
        | 2.1.0 | 1.10 |
        | 2.0.0 | 1.8 |

        | 工具 | 支持的 Kubernetes 版本 |
        | --- | --- |
        | 1.2 | 1.29 |

        ## 版本历史

        | KubeEdge 版本 | K8s 1.25 | K8s 1.26 | K8s 1.27 |
        | --- | --- | --- | --- |
        | KubeEdge 1.16 | ✓ | ✓ | ✓ |

        ## 行为变化

        | 配置 | K8s 1.25 | K8s 1.26 |
        | --- | --- | --- |
        | 旧参数 | 警告 | 报错 |

        ## 补丁

        | 问题 | K8s 1.29.0 | K8s 1.29.1 | K8s 1.29.2 |
        | --- | --- | --- | --- |
        | 内存泄漏 | 有 | 有 | 修复 |
        """;
    // the first table reaches 1.33 (supported until 2026-06-28); the second's range is open (1.14+); the third names
    // one version only (a row, judged as its own claim elsewhere); the fourth is history; the fifth sets two versions
    // side by side, a before and after; the sixth's three versions are patches of one line
    assertThat(found(validate(packaged(), md))).isEmpty();
    String ended = """
        | 技术 | 版本 | 备注 |
        | --- | --- | --- |
        | Kubernetes | 1.28 | 生产 |
        | Kubernetes | 1.29 | 测试 |
        """;
    // every ended row already says it: no finding for the table besides
    assertThat(found(validate(packaged(), ended))).extracting(s -> s.split(":")[2]).containsOnly("versions/eol");
  }

  @Test
  void tableBodyRowsPairAProductCellWithTheVersionCellNextToIt() {
    String md = """
        | 技术 | 版本 | 状态 |
        |------|------|------|
        | Kubernetes | 1.28 | 当前 |
        | **Docker** | 27.0 | 当前 |
        | 运行时 | Podman 4.9 | 推荐 |
        | Kubernetes | 1.30/1.31 | 当前 |
        """;
    assertThat(found(validate(packaged(), md)))
        .containsExactly("3:16:versions/eol:Kubernetes 1.28", "5:9:versions/eol:Podman 4.9");
  }

  @Test
  void aTableRowCallingAVersionTheLatestWithItsOwnOldDateIsADatedLatestClaim() {
    // k8s-handbook-zh's OpenTelemetry page (a fresh reviewer's probe): the row is the sentence, the finding is at the
    // version's cell; a row without a latest word is a release list, and a recent date is not stale yet
    String md = """
        | 标准版本 | 说明 | 发布日期 |
        | ------------- | --------------------- | ----------- |
        | v1.10         | 增加日志与 metrics 语义一致性 | 2023        |
        | v1.30         | 最新规范版本，优化指标采样算法 | 2024-10     |
        | v1.31         | 最新规范版本 | 2025-06     |
        """;
    assertThat(found(validate(packaged(), md))).containsExactly("4:3:versions/dated-latest:v1.30");
  }

  @Test
  void aTableIntroducedAsTheCurrentSupportScheduleStatesItsVersionsAsSupported() {
    // k8s-handbook-zh's operation overview (two reviewers' probe): "当前版本支持计划如下" over a Hugo table titled
    // "Kubernetes 版本支持计划" whose every line has ended by the clock (1.30 ended 2025-06-28; the fixture clock is
    // 2026-01-01, so 1.32 is still supported); the same rows introduced as history, or without an intro, state nothing
    String md = """
        ## 发布节奏

        例如，当前版本支持计划如下：

        {{< table title="Kubernetes 版本支持计划" >}}

        | 版本 | 发布日期 | 维护模式开始 | 生命周期结束 |
        | --- | --- | --- | --- |
        | 1.30 | 2024-04-17 | 2025-04-28 | 2025-06-28 |
        | 1.32 | 2024-12-11 | 2025-12-28 | 2026-02-28 |

        {{< /table >}}

        Kubernetes 早期的版本如下：

        | 版本 | 发布日期 |
        | --- | --- |
        | 1.20 | 2020-12-08 |

        | 版本 | 发布日期 |
        | --- | --- |
        | 1.21 | 2021-04-08 |
        """;
    assertThat(found(validate(packaged(), md))).containsExactly("9:3:versions/eol:1.30");
  }

  @Test
  void aSupportTableRowStatesABareMajorOfAProductTheManifestDoesNotName() {
    // 07_硬件兼容性清单-style support table: the header's 支持 makes "CentOS 7" a current claim; the row that says
    // 不再支持 is not one, nor is a dated history row, nor a bare major in a table that says nothing about support
    String md = """
        | 操作系统 | 支持状态 |
        |---|---|
        | CentOS 7 | ✅ 支持 |
        | CentOS 6 | ❌ 不再支持 |
        | Ubuntu 24.04 | ✅ 支持 |

        | 日期 | 系统 | 状态 |
        |---|---|---|
        | 2019-06 | CentOS 7 | 支持 |

        | 主机 | 系统 |
        |---|---|
        | node-1 | CentOS 7 |
        """;
    ValidationResult r = validate(packaged(), md);
    assertThat(found(r)).containsExactly("3:3:versions/eol:CentOS 7");
    assertThat(r.findings().get(0).message())
        .isEqualTo("CentOS 7 is end-of-life since 2024-06-30 (endoflife.date; the version manifest does not name CentOS)");
    assertThat(r.counters()).containsEntry("versions.exempt.status", 1L).containsEntry("versions.exempt.dated", 1L)
        .containsEntry("versions.eolOnly.uncertain", 1L);
  }

  @Test
  void aSupportTableHoldsTheVersionsItPresentsAsSupportedToTheVersionDataWhateverTheBaseline() {
    // the manifest still calls Kubernetes 1.30 and 1.31 current; both cycles ended in 2025 (clock: 2026-01-01).
    // The heading's 计划 is a support schedule and the rows' dates are its columns: neither takes the claim back.
    String md = """
        ## Kubernetes 当前版本支持计划

        | 版本 | 发布日期 | 维护结束 | 状态 |
        |---|---|---|---|
        | 1.30 | 2024-04-17 | 2025-06-28 | 安全修复 |
        | 1.31 | 2024-08-13 | 2025-10-28 | 支持中 |
        | 1.32 | 2024-12-11 | 2026-02-28 | 支持中 |
        | 1.29 | 2023-12-13 | 2025-02-28 | 已停止支持 |

        ## Releases

        | Kubernetes version | Support status |
        |---|---|
        | 1.31 | maintenance |
        | 1.33 | planned |

        ## 组件版本

        | 组件 | 版本 | 状态 |
        |---|---|---|
        | Kubernetes | 1.31 | 支持中 |
        | Kubernetes | 1.30 | 当前 |

        | Feature | Kubernetes version |
        |---|---|
        | Sidecar containers | 1.29 |
        """;
    ValidationResult r = validate(packaged(), md);
    assertThat(found(r)).containsExactly("5:3:versions/eol:1.30", "6:3:versions/eol:1.31", "14:3:versions/eol:1.31",
        "21:16:versions/eol:Kubernetes 1.31");
    assertThat(r.findings().get(0).message()).isEqualTo("Kubernetes 1.30 is presented as supported (under \"Kubernetes "
        + "当前版本支持计划\"), but its release cycle 1.30 has ended since 2025-07-15 (endoflife.date; the oldest cycle "
        + "still supported is 1.32)");
    assertThat(r.findings().get(2).message()).contains("(the table's header says so)");
    assertThat(r.findings().get(3).message()).contains("(the row says so)");
    // without a support word the same baseline line is aligned, as before
    assertThat(found(validate(packaged(), md.replace("支持中 |\n| Kubernetes | 1.30", "x |\n| Kubernetes | 1.30")
        .replace("| Kubernetes | 1.31 | 支持中 |", "| Kubernetes | 1.31 | 当前 |"))))
        .doesNotContain("21:16:versions/eol:Kubernetes 1.31");
  }

  @Test
  void aSupportTableTakesItsProductFromAnEnclosingHeadingOrTheTitleWhenItsOwnHeadingNamesNone() {
    String md = """
        ---
        title: Kubernetes 版本策略
        ---

        ## 当前版本支持计划

        | 版本 | 状态 |
        |---|---|
        | v1.31 | 维护 |
        """;
    assertThat(found(validate(packaged(), md))).containsExactly("9:3:versions/eol:v1.31");
    // a page that names no product, or two, leaves a bare version alone
    assertThat(validate(packaged(), md.replace("title: Kubernetes 版本策略", "title: 版本策略")).findings()).isEmpty();
    assertThat(validate(packaged(), md.replace("title: Kubernetes 版本策略", "title: Kubernetes 与 Istio 版本策略"))
        .findings()).isEmpty();
  }

  @Test
  void aBaseImageATableRecommendsIsJudgedLikeAnImageTagInCodeButAnExampleTableIsNot() {
    String md = """
        | 语言 | 推荐基础镜像 |
        |---|---|
        | Python | `python:3.9-slim` |
        | Node.js | node:22-alpine |

        | 语言 | 示例镜像 |
        |---|---|
        | Python | `python:3.9-slim` |
        """;
    ValidationResult r = validate(packaged(), md);
    assertThat(found(r)).containsExactly("3:13:versions/eol:python:3.9-slim");
    assertThat(r.counters()).containsEntry("versions.prose.imageTags", 2L);
  }

  @Test
  void endOfLifeFreeCountsEveryJudgedMentionAndIsNullWhenNoneWasJudged() {
    org.docgate.validate.Metric metric = VersionValidator.DECLARATION.metrics().get(1);
    assertThat(metric.name()).isEqualTo("endOfLifeFree");
    ValidationResult history = validate(packaged(), """
        # Doc

        ## 版本历史

        使用 Kubernetes 1.28 部署。
        """);
    assertThat(metric.valueOf(history.counters())).isNull(); // nothing judged: the gate reads "not measured"
    ValidationResult mixed = validate(packaged(), """
        # Doc

        使用 Kubernetes 1.31 部署，节点运行 Python 3.8。

        ## Node.js 镜像

        ```dockerfile
        FROM node:16-alpine
        ```
        """);
    assertThat(mixed.counters()).containsEntry("versions.judged", 3L).containsEntry("versions.notEndOfLife", 1L);
    assertThat(metric.valueOf(mixed.counters())).isCloseTo(1 / 3.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void anExampleWorkloadImageOfAProductTheManifestDoesNotNameIsNoClaimUnlessThePageIsAboutItOrGuidance() {
    String pod = """
        # ConfigMap

        ## 作为环境变量使用

        ```yaml
        containers:
        - name: web
          image: nginx:1.20
        ```
        """;
    ValidationResult example = validate(packaged(), pod);
    // not a claim (versions/eol), but an ended cycle readers copy: advice of its own rule, outside endOfLifeFree
    assertThat(example.findings()).extracting(f -> f.rule()).containsExactly("versions/eol-example");
    assertThat(example.counters()).containsEntry("versions.exempt.exampleImage", 1L)
        .containsEntry("versions.eol-example", 1L).doesNotContainKey("versions.judged");
    assertThat(validate(packaged(), pod.replace("## 作为环境变量使用", "## 部署 Nginx")).findings())
        .extracting(f -> f.rule()).containsExactly("versions/eol");
    assertThat(validate(packaged(), pod.replace("## 作为环境变量使用", "## 安全镜像构建")).findings())
        .extracting(f -> f.rule()).containsExactly("versions/eol");
    // k8s-handbook storage/volume: a Hugo front matter is no heading (its "最佳实践" description made every image
    // guidance), its title is the page's title
    String hugo = """
        ---
        title: Volume
        description: 各种存储卷类型的配置示例，以及最佳实践和使用场景。
        ---

        ## emptyDir

        ```yaml
        containers:
        - image: nginx:1.20
        ```
        """;
    assertThat(validate(packaged(), hugo).findings()).extracting(f -> f.rule())
        .containsExactly("versions/eol-example");
    assertThat(validate(packaged(), hugo.replace("title: Volume", "title: Nginx")).findings())
        .extracting(f -> f.rule()).containsExactly("versions/eol");
    // "go" is no word of "google": the name must stand as a word
    assertThat(validate(packaged(), pod.replace("## 作为环境变量使用", "## Google 示例")).findings())
        .extracting(f -> f.rule()).containsExactly("versions/eol-example");
  }

  @Test
  void versionMatrixRowsAndTablesWithAHistoricalHeaderAreNotJudged() {
    String md = """
        | 技术 | 旧版本 | 新版本 |
        |------|--------|--------|
        | Docker | 24.0 | 27.0 |
        | Kubernetes | 1.26 | 1.31 |

        | 组件 | 一月 | 二月 |
        |------|------|------|
        | Kubernetes | 1.28 | 1.29 |

        | 指标 | vSphere 7.0 | vSphere 8.0 U3 |
        |------|-------------|----------------|
        | vGPU | vSphere 7.0 | 有 |
        """;
    ValidationResult r = validate(packaged(), md);
    assertThat(r.findings()).isEmpty();
    assertThat(r.counters()).containsEntry("versions.mentions.Docker.24_0", 1L)
        .containsEntry("versions.mentions.Kubernetes.1_28", 1L)
        .containsEntry("versions.mentions.vSphere.7_0", 2L)
        .doesNotContainKey("versions.checked");
  }

  @Test
  void codeChecksCanBeSwitchedOff() {
    String yaml = """
        products:
          Kubernetes:
            current: ["1.31", "1.30"]
            images: [kindest/node]
        code: {imageTags: false, apiVersions: false, variables: false}
        """;
    VersionValidator off = new VersionValidator(VersionManifest.parse("m.yaml", yaml), CLOCK);
    String md = """
        ```yaml
        apiVersion: batch/v1beta1
        kind: CronJob
        image: kindest/node:v1.20.0
        kubernetesVersion: v1.26.0
        ```
        """;
    assertThat(validate(off, md).findings()).isEmpty();
    assertThat(found(validate(packaged(), md))).containsExactlyInAnyOrder("2:1:versions/removed-api:batch/v1beta1",
        "4:8:versions/eol:kindest/node:v1.20.0", "5:1:versions/eol:kubernetesVersion: v1.26.0");
  }

  @Test
  void aCodeBlockUnderAHistoricalHeadingOrWithACueCommentIsNotJudged() {
    String md = """
        ## 迁移指南

        ```yaml
        apiVersion: extensions/v1beta1
        kind: Deployment
        ```

        ## Usage

        ```yaml
        apiVersion: batch/v1beta1  # removed: use batch/v1
        kind: CronJob
        ```
        """;
    assertThat(validate(packaged(), md).findings()).isEmpty();
  }

  @Test
  void eolDependsOnTheInjectedClock() {
    String yaml = """
        products:
          Docker:
            current: ["27.0"]
            minimumSupported: "26.0"
            eol: [{line: "25.0", date: 2026-06-01}]
        """;
    VersionManifest m = VersionManifest.parse("m.yaml", yaml);
    String md = "We run Docker 25.0.\n";
    Finding before = validate(new VersionValidator(m, CLOCK), md).findings().get(0);
    Finding after = validate(new VersionValidator(m, Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"),
        ZoneOffset.UTC)), md).findings().get(0);
    assertThat(before.rule()).isEqualTo("versions/stale");
    assertThat(after.rule()).isEqualTo("versions/eol");
    assertThat(after.message()).contains("25.0 since 2026-06-01");
  }

  @Test
  void theSameTwoLinesOfOneProductAreNotInconsistentWhenTheManifestSupportsBoth() {
    String md = """
        Clusters run Kubernetes 1.30.

        The lab runs Kubernetes 1.31.

        Production runs Kubernetes 1.30.
        """;
    ValidationResult r = validate(packaged(), md);
    assertThat(r.findings()).isEmpty();
    assertThat(r.counters()).containsEntry("versions.checked", 3L).containsEntry("versions.aligned", 3L);
  }
}
