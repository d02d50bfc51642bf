package org.docgate.validate.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.docgate.SharedFiles;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.CorpusScanner;
import org.docgate.corpus.DocumentLoader;
import org.docgate.corpus.LoadedDocument;
import org.docgate.corpus.SourceFile;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownParser;
import org.docgate.scan.IndexedCorpus;
import org.docgate.scan.Indexer;
import org.docgate.scan.Intake;
import org.docgate.report.ScanReport;
import org.docgate.scan.ScanRequest;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-checked completeness findings of the reference corpus (vshpere-1019), and hand-checked cases that must stay
 * silent. Matched by path, rule and target or message fragment, never by line. Skips without the corpus.
 */
class ReferenceCorpusCompletenessTest {
  static Path corpus;
  static ScanReport report;

  @BeforeAll
  static void scan() {
    corpus = SharedFiles.referenceCorpus();
    report = Scans.run(corpus);
  }

  static Stream<Arguments> confirmed() {
    return Stream.of(
        // Container/18_服务网格技术详解/README.md: "- **[02_Istio深度解析](./02_Istio深度解析.md)** 🚧 规划中", and the
        // chapter exists with 3,307 lines: marked planned, but the document exists (issue 15).
        Arguments.of("completeness/stale-status", "Container/18_服务网格技术详解/README.md",
            "but 'Container/18_服务网格技术详解/02_Istio深度解析.md' exists"),
        // "| 02_KubeEdge | ✅ | ⬜ | ⬜ | 规划中 |" in a progress table: 02_KubeEdge技术详解.md is written (1,920 lines).
        Arguments.of("completeness/stale-status", "Container/17_边缘计算技术详解/README.md",
            "'Container/17_边缘计算技术详解/02_KubeEdge技术详解.md' exists"),
        // "#### 1. **Container/**" then "(45个文件)": Container/ holds 164 files.
        Arguments.of("completeness/stale-count", "项目导航与使用指南.md", "says 45 files for 'Container/'"),
        // Analysis/ has 01, 03, 04, 05; the file was renamed 03_2025年技术标准对标分析.md (no close-enough name).
        Arguments.of("completeness/dangling-reference", "Semantic/03_语义模型实现与验证工具.md",
            "'Analysis/03_技术标准合规性与对标分析.md'"),
        Arguments.of("completeness/dangling-reference", "README_EN.md", "'Container/02_Kubernetes核心技术.md'"),
        // formal_container/01_理论基础/ holds 03_虚拟化技术原理.md, not 02_: renumbered, so no suggestion either.
        Arguments.of("completeness/dangling-reference", "formal_container/00_知识体系总览/知识体系导航.md",
            "'01_理论基础/02_虚拟化技术原理.md'"),
        // Renamed in its folder: formal_container/04_容器技术详解/ holds 01_Docker技术深度解析.md.
        Arguments.of("completeness/dangling-reference", "formal_container/00_知识体系总览/知识体系导航.md",
            "did you mean 'formal_container/04_容器技术详解/01_Docker技术深度解析.md'?"),
        // Semantic/ has no README; other folders' READMEs are not where it went.
        Arguments.of("completeness/dangling-reference", "2025年技术处理与分析/项目索引与导航.md",
            "'Semantic/README.md' exists nowhere"),
        // "- 认证对接（占位）：" in a living README: the marker stands alone in its bracket.
        Arguments.of("completeness/placeholder", "vShpere_VMware/10_自动化与编排技术/README.md", "'占位'"),
        // Linked only as [x](03_vCenter Server技术/01_vCenter架构原理.md): a space ends a destination, so GitHub
        // shows text, not a link.
        Arguments.of("completeness/orphan", "vShpere_VMware/03_vCenter Server技术/01_vCenter架构原理.md", "no other"),
        // Named in a tree diagram and a checklist of Container/README.md, linked nowhere.
        Arguments.of("completeness/orphan", "Container/04_容器编排技术/04_容器编排对比分析.md", "no other"),
        // "## 09 安全与合规管理" directly followed by "## 导航".
        Arguments.of("completeness/empty-section", "vShpere_VMware/09_安全与合规管理/README.md", "'09 安全与合规管理'"),
        // "（待补充：参考部署清单）"
        Arguments.of("completeness/placeholder", "Container/03_Kubernetes技术详解/06_监控与日志管理.md", "'待补充'"),
        // Recall probes of the blind round (issue 15): "⏳ eBPF技术详解 (规划中, 9章)" names the folder
        // 16_eBPF技术详解 by its title without the number; it holds chapters 01-09.
        Arguments.of("completeness/stale-status", "Container/README.md", "'Container/16_eBPF技术详解' exists"),
        // "- 01_自动化基础.md（若未创建，请补充）": the page exists with 511 lines.
        Arguments.of("completeness/stale-status", "vShpere_VMware/10_自动化与编排技术/README.md",
            "marked '未创建', but 'vShpere_VMware/10_自动化与编排技术/01_自动化基础.md' exists"),
        // "| 02 | Knative深度解析 | 15,000+ | 40+ | ⏳ |": the chapter has 1,999 lines.
        Arguments.of("completeness/stale-status", "Container/20_Serverless技术详解/README.md",
            "'Container/20_Serverless技术详解/02_Knative深度解析.md' exists"),
        // "# 07_边缘网络与通信", "## 目录", "---", "## 边缘网络概述": a table of contents listing nothing.
        Arguments.of("completeness/empty-section", "Container/17_边缘计算技术详解/07_边缘网络与通信.md",
            "table of contents '目录'"));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("confirmed")
  void aConfirmedProblemIsReported(String rule, String path, String fragment) {
    assertThat(findings(rule, path)).as(rule + " in " + path)
        .anySatisfy(f -> assertThat(f.message()).contains(fragment));
  }

  static Stream<Arguments> confirmedSilent() {
    return Stream.of(
        // "TODO状态", "总TODO完成", "TODO列表": the word is a noun (a to-do list), not a marker.
        Arguments.of("completeness/placeholder", "2025年10月19日最终项目总结报告.md", "TODO"),
        // "# 总结" then "## 2025年10月19日": a subtitle in the title block.
        Arguments.of("completeness/empty-section", "vShpere_VMware/2025年10月19日知识图谱完成总结.md", "2025年10月19日"),
        // Written relative to formal_container/ from its 00_ overview folder: it exists there.
        Arguments.of("completeness/moved-reference", "formal_container/00_知识体系总览/知识体系导航.md",
            "01_理论基础/04_分布式系统理论.md"),
        // "- [ ] 编写`06_政府行业实践.md`": an open task names a page not written yet.
        Arguments.of("completeness/dangling-reference", "2025年技术处理与分析/06_版本更新实施/任务跟踪清单.md",
            "06_政府行业实践.md"),
        // "- [x] 创建`Container/11_LightV技术详解/`目录" then "- [x] 编写`01_LightV概述.md`": the list names the folder.
        Arguments.of("completeness/moved-reference", "2025年技术处理与分析/06_版本更新实施/任务跟踪清单.md", "01_LightV概述.md"),
        // "**创建文件**: `Container/17_国际化/02_术语翻译表.md`" in a plan: work to do, not a reference.
        Arguments.of("completeness/dangling-reference", "2025年技术处理与分析/06_版本更新实施/2025年版本更新实施计划.md",
            "Container/17_国际化/02_术语翻译表.md"),
        // Records (issue 15): the table's 5个文档 in a dated acceptance report counted the folder at its date.
        Arguments.of("completeness/stale-count", "formal_container/00_知识体系总览/最终项目审查和验收报告.md",
            "says 5 documents"),
        // 《04_5G边缘计算MEC.md》 in a dated progress summary names the chapter as it was that day.
        Arguments.of("completeness/moved-reference", "2025年10月19日第四阶段推进总结.md", "04_5G边缘计算MEC.md"),
        // "| 02_KubeEdge | ✅ | ⬜ | ⬜ | 规划中 |": a status in a progress table, not a placeholder.
        Arguments.of("completeness/placeholder", "Container/17_边缘计算技术详解/README.md", "规划中"),
        // "- vRA/Aria 占位：`...03_vRealize Automation.md`": 占位 names a placeholder file, a noun.
        Arguments.of("completeness/placeholder", "README.md", "占位"),
        // "## 4. 证据生成脚本占位" heads a section holding a script: the word is part of a name.
        Arguments.of("completeness/placeholder", "vShpere_VMware/09_安全与合规管理/Templates_证据与对标映射.md", "占位"),
        // "**持续更新，敬请期待更多内容！**" closing a dated completion summary.
        Arguments.of("completeness/placeholder", "2025年10月19日Serverless专题100%完成总结.md", "敬请期待"),
        // "- **总内容量**: ~3,600行 → 拆分为主题文档": the size before the split, not a claim about now.
        Arguments.of("completeness/stale-count", "Deployment/00_索引导航/README.md", "3,600"),
        // "约120个文件" for vShpere_VMware/ (105 files): approximate claims get twice the tolerance.
        Arguments.of("completeness/stale-count", "项目导航与使用指南.md", "vShpere_VMware"),
        // "## 📝 更新日志" > "### 计划中" > "- 🚧 02_Istio深度解析": what release v1.0 planned, true then.
        Arguments.of("completeness/stale-status", "Container/18_服务网格技术详解/README.md", "'🚧'"),
        // "| 01_概述与架构 | ✅ | ✅ | 🚧 | 完成 |": the review is under way, the chapter is done.
        Arguments.of("completeness/stale-status", "Container/17_边缘计算技术详解/README.md", "01_边缘计算概述与架构"),
        // Every formal_container table row but two matches its folder.
        Arguments.of("completeness/stale-count", "formal_container/00_知识体系总览/最终项目审查和验收报告.md",
            "10_形式化论证"));
  }

  @ParameterizedTest(name = "{0} {1}: not {2}")
  @MethodSource("confirmedSilent")
  void aConfirmedNonProblemIsNotReported(String rule, String path, String fragment) {
    assertThat(findings(rule, path)).noneSatisfy(f -> assertThat(f.message()).contains(fragment));
  }

  @Test
  void orphansAndReachabilityAreComputedFastOnceParsed() {
    CorpusIndex index = parse(corpus).index();
    List<String> roots = CompletenessConfig.load(RuleFiles.packaged()).roots();
    long[] nanos = new long[7];
    LinkGraph graph = null;
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      graph = LinkGraph.build(index, roots);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf("completeness: link graph + reachability over %d documents: first %.1f ms, median %.1f ms"
            + " (reachable from %s: %d)%n", index.documents().size(), nanos[nanos.length - 1] / 1e6,
        nanos[nanos.length / 2] / 1e6, roots, graph.reachable().size());
    assertThat(graph.inbound()).isNotEmpty();
  }

  private static List<Finding> findings(String rule, String path) {
    return report.findings().stream().filter(f -> f.rule().equals(rule) && f.path().equals(path)).toList();
  }

  private static IndexedCorpus parse(Path corpus) {
    DocgateConfig config = DocgateConfig.defaults();
    var listing = new Intake(new CorpusScanner(config)).collect(new ScanRequest(corpus, Scans.FIXED_CLOCK.instant()));
    DocumentLoader loader = new DocumentLoader(new MarkdownParser());
    List<LoadedDocument> loaded = new ArrayList<>();
    for (SourceFile f : listing.markdown()) {
      loaded.add(loader.load(f));
    }
    return new Indexer().index(listing, loaded);
  }
}
