package org.docgate.validate.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlossaryImportTest {
  static final String HEADINGS = """
      # 术语表

      ### BGP (Border Gateway Protocol)
      - **中文**: 边界网关协议
      - **类别**: 网络

      ### Helm
      - **中文**: 舵手/领航员

      ### Rook
      - **中文**: 车(国际象棋)
      """;

  static final String TABLES = """
      | 中文 | English | 缩写/别名 | 说明 |
      |------|---------|----------|------|
      | 虚拟机 | Virtual Machine | VM | 计算实例 |
      | 持续集成/持续交付 | Continuous Integration/Continuous Delivery | CI/CD | - |
      | 单根I/O虚拟化 | Single Root I/O Virtualization | SR-IOV | - |
      | Kubernetes | Kubernetes | K8s | 未翻译的名字 |
      | 虚拟机 | Virtual Machine | - | 重复 |
      | 边界网关协议 | **BGP** | - | 缩写：不是冲突 |
      | 标签 | Label | - | |
      | 标签 | Tag | - | 冲突 |
      | 扩展伯克利包过滤器 | Extended Berkeley Packet Filter | eBPF | |

      ```markdown
      | 中文 | English |
      |------|---------|
      | 忽略 | Ignored |
      ```

      | 英文在后 | |
      |---|---|
      """;

  @Test
  void bothGlossaryFormsGivePairsDuplicatesAndConflicts() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("TERMS.md", HEADINGS);
    files.put("GLOSSARY.md", TABLES);
    GlossaryImport.Result r = GlossaryImport.parse(files);
    assertThat(r.pairs()).extracting(GlossaryImport.Pair::chinese)
        .containsExactly("边界网关协议", "舵手", "领航员", "虚拟机", "持续集成", "持续交付", "单根I/O虚拟化", "标签",
            "扩展伯克利包过滤器");
    assertThat(r.pairs().get(0).alternates()).containsExactly("Border Gateway Protocol");
    assertThat(r.pairs().get(4).english()).isEqualTo("Continuous Integration");
    assertThat(r.pairs().get(3).alternates()).containsExactly("VM");
    assertThat(r.duplicates()).hasSize(2);
    assertThat(r.conflicts()).containsExactly("'标签': 'Label' (GLOSSARY.md:9) vs 'Tag' (GLOSSARY.md:10)");
    assertThat(r.skipped()).anyMatch(s -> s.contains("'车' is a single character"));
    assertThat(r.untranslated()).containsExactly("Kubernetes");
    assertThat(r.acceptTerms()).containsExactly("eBPF");
  }

  @Test
  void theImportedRuleFileLoads() {
    GlossaryImport.Result r = GlossaryImport.parse("GLOSSARY.md", TABLES);
    TermRule rule = TermRuleLoader.parse("G.yml", "G.Glossary", r.toRuleYaml("GLOSSARY.md"));
    assertThat(rule.kind()).isEqualTo(RuleKind.BILINGUAL_FIRST_USE);
    assertThat(rule.glosses()).hasSize(r.pairs().size());
  }
}
