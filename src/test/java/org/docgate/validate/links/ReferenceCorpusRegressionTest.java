package org.docgate.validate.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
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
 * Hand-checked links of the reference corpus (vshpere-1019): 15 findings drawn at random
 * ({@code random.seed(2); random.sample(findings, 15)}) and confirmed broken on GitHub, and 15 tricky links that
 * were confirmed fine on GitHub (target exists; anchor slug computed by hand). Cases match by path + target (+ rule),
 * never by line, so edits elsewhere in a file do not break them.
 */
class ReferenceCorpusRegressionTest {
  static ScanReport report;

  @BeforeAll
  static void scanReferenceCorpus() {
    Path corpus = SharedFiles.referenceCorpus();
    report = Scans.run(corpus);
  }

  static final String MISSING_FILE = "links/missing-file";
  static final String OUTSIDE = "links/outside-corpus";

  static Stream<Arguments> confirmedBroken() {
    return Stream.of(
        // ../LICENSE from Container/16_eBPF技术详解/ is Container/LICENSE: absent (LICENSE is two levels up).
        Arguments.of(MISSING_FILE, "Container/16_eBPF技术详解/README.md", "../LICENSE"),
        // Container/00_对标分析报告.md does not exist; no similarly named file anywhere.
        Arguments.of(MISSING_FILE, "Container/README.md", "00_对标分析报告.md"),
        // Analysis/ has 01, 03, 04, 05 but no 02_技术实施指南与最佳实践.md.
        Arguments.of(MISSING_FILE, "Container/README.md", "../Analysis/02_技术实施指南与最佳实践.md"),
        // Folder link: Deployment/01_虚拟化部署/ only has 01_硬件规范 and 02_软件安装, no 05_高可用容灾.
        Arguments.of(MISSING_FILE, "Deployment/00_索引导航/README.md", "../01_虚拟化部署/05_高可用容灾/"),
        // No 03_存储架构 folder, so no vSAN page either.
        Arguments.of(MISSING_FILE, "Deployment/00_索引导航/README.md", "../01_虚拟化部署/03_存储架构/03_vSAN配置.md"),
        // Root file climbing ../ leaves the repository: on GitHub it lands on /blob/vShpere_VMware/... (404),
        // although vShpere_VMware/02_ESXi技术详解/02_ESXi安装配置.md exists at the root.
        Arguments.of(OUTSIDE, "项目导航与使用指南.md", "../vShpere_VMware/02_ESXi技术详解/02_ESXi安装配置.md"),
        // Deployment/ has no 03_混合部署架构 folder at all.
        Arguments.of(MISSING_FILE, "Deployment/00_索引导航/README.md", "../03_混合部署架构/02_部署策略.md"),
        // Deployment/ has no 02_容器化部署 folder at all.
        Arguments.of(MISSING_FILE, "Deployment/00_索引导航/README.md",
            "../02_容器化部署/03_Kubernetes高可用/02_HAProxy配置.md"),
        // Same missing folder, linked relative to the folder's own parent README.
        Arguments.of(MISSING_FILE, "Deployment/01_虚拟化部署/README.md", "05_高可用容灾/"),
        Arguments.of(MISSING_FILE, "Deployment/00_索引导航/README.md", "../01_虚拟化部署/05_高可用容灾/03_备份脚本.md"),
        // ./ prefix: Container/15_机密计算技术详解/ holds only 01_机密计算概述与架构.md.
        Arguments.of(MISSING_FILE, "Container/15_机密计算技术详解/01_机密计算概述与架构.md", "./03_机密计算性能调优.md"),
        Arguments.of(MISSING_FILE, "Deployment/01_虚拟化部署/README.md", "05_高可用容灾/02_备份与恢复.md"),
        // Same ../Container/... climb from the root file: Container/01_Docker技术详解/06_Docker安全机制.md exists at
        // the root, but ../ from the root is outside the repository.
        Arguments.of(OUTSIDE, "项目导航与使用指南.md", "../Container/01_Docker技术详解/06_Docker安全机制.md"),
        // Missing folder link written with trailing slash inside a heading line (#### 1.3 [存储架构](...)).
        Arguments.of(MISSING_FILE, "Deployment/00_索引导航/README.md", "../01_虚拟化部署/03_存储架构/"),
        // 02_软件安装/ holds only 01_操作系统与内核优化.md and README.md.
        Arguments.of(MISSING_FILE, "Deployment/01_虚拟化部署/01_硬件规范/07_硬件兼容性清单.md",
            "../02_软件安装/02_VMware_ESXi安装与配置.md"));
  }

  static Stream<Arguments> confirmedOk() {
    return Stream.of(
        // Emoji dropped, the space after it stays: '## 🎉 重大里程碑达成' -> '-重大里程碑达成'.
        Arguments.of("2025年10月19日边缘计算专题完成总结.md", "#-重大里程碑达成"),
        // Full-width parens and '.' dropped, ASCII '-' kept: '### 7.1 短期改进计划（1-3个月）'.
        Arguments.of("2025年虚拟化容器化技术项目全面递归分析报告.md", "#71-短期改进计划1-3个月"),
        // Inline code is rendered text: '### 示例脚本 `daily_audit.ps1`（占位）' keeps '_', drops '.', '（', '）'.
        Arguments.of("vShpere_VMware/10_自动化与编排技术/README.md", "#示例脚本-daily_auditps1占位"),
        // Duplicate heading '#### 使用Keadm安装' (lines 353 and 623): the second is '-1'; uppercase folded.
        Arguments.of("Container/17_边缘计算技术详解/02_KubeEdge技术详解.md", "#使用keadm安装-1"),
        // Duplicate across levels: '### 文件清单' then '## 文件清单' -> '文件清单-1'.
        Arguments.of("2025年10月19日最终工作完成总结.md", "#文件清单-1"),
        // Intraword '_' is not emphasis and is kept; '：', '(', ')', '+' dropped -> double hyphen.
        Arguments.of("formal_container/00_知识体系总览/知识体系架构图.md",
            "#第三层技术实现层-03_vsphere_vmware技术体系--04_容器技术详解"),
        // '### 小型环境 (<50VM)': '<50VM)' is not an HTML tag, so '50VM' stays in the slug.
        Arguments.of("Deployment/01_虚拟化部署/01_硬件规范/02_内存选型.md", "#小型环境-50vm"),
        // '# vSphere_Docker - Comprehensive ... & ...': ' - ' -> '---', ' & ' -> '--'.
        Arguments.of("README_EN.md",
            "#vsphere_docker---comprehensive-virtualization--containerization-knowledge-base"),
        // Anchor in another file: '## 2025年10月最新技术动态' at line 5 of the target.
        Arguments.of("Container/10_WebAssembly技术详解/README.md", "./01_WebAssembly架构原理.md#2025年10月最新技术动态"),
        // Heading that is a file name: '#### 05_边缘存储与数据管理.md' -> '05_边缘存储与数据管理md'.
        Arguments.of("2025年10月19日第五阶段推进总结.md", "#05_边缘存储与数据管理md"),
        // '# 网络优化' inside a ```bash block (line 400) is not a heading; the real '### 网络优化' is at 466.
        Arguments.of("Deployment/01_虚拟化部署/02_软件安装/01_操作系统与内核优化.md", "#网络优化"),
        // ../../../ climbs exactly to the root, then back down to an existing folder (folder links are OK).
        Arguments.of("Container/14_国产虚拟化技术/02_华为FusionSphere/README.md", "../../../Container/14_国产虚拟化技术/01_云宏信息/"),
        // Folder link inside a table row.
        Arguments.of("Container/2025年10月更新索引.md", "./13_GPU容器虚拟化技术详解/"),
        // ../../ to a top-level Chinese folder; file name has dots (8.0.2) before '.md'.
        Arguments.of("Container/03_Kubernetes技术详解/README.md",
            "../../2025年技术处理与分析/06_版本更新实施/vSphere_8.0.2更新报告.md"));
  }

  @ParameterizedTest(name = "[{0}] {1} -> {2}")
  @MethodSource("confirmedBroken")
  void confirmedBrokenLinkIsReported(String rule, String path, String target) {
    assertThat(report.findings())
        .as("expected %s at %s for target %s; findings in that file:%n%s", rule, path, target, describe(path))
        .anySatisfy(f -> {
          assertThat(f.rule()).isEqualTo(rule);
          assertThat(f.path()).isEqualTo(path);
          assertThat(f.target()).isEqualTo(target);
        });
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("confirmedOk")
  void confirmedOkLinkIsNotReported(String path, String target) {
    assertThat(report.findings())
        .as("no finding expected at %s for target %s", path, target)
        .noneMatch(f -> f.path().equals(path) && target.equals(f.target()));
  }

  /**
   * '[vCenter管理](../vShpere_VMware/03_vCenter Server技术/01_vCenter架构原理.md)': the destination has an unescaped
   * space and no angle brackets, so CommonMark/GitHub does not make it a link at all (literal text): nothing to check.
   */
  @Test
  void destinationWithASpaceIsNotALink() {
    String path = "项目导航与使用指南.md";
    assertThat(report.findings())
        .as("findings in %s:%n%s", path, describe(path))
        .noneMatch(f -> f.path().equals(path) && f.target() != null && f.target().contains("vCenter Server技术"));
  }

  /** The one drawn suggestion that was checked by hand: ../../LICENSE from Container/16_eBPF技术详解/ is the root LICENSE. */
  @Test
  void licenseSuggestionPointsAtTheRootLicense() {
    List<Finding> hits = report.findings().stream()
        .filter(f -> f.path().equals("Container/16_eBPF技术详解/README.md") && "../LICENSE".equals(f.target()))
        .toList();
    assertThat(hits).isNotEmpty().allSatisfy(f -> assertThat(f.suggestion()).isEqualTo("../../LICENSE"));
  }

  static String describe(String path) {
    return report.findings().stream()
        .filter(f -> f.path().equals(path))
        .map(f -> "  " + f.line() + ":" + f.column() + " " + f.rule() + " " + f.target())
        .collect(Collectors.joining("\n"));
  }
}
