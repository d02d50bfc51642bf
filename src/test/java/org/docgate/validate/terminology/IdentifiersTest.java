package org.docgate.validate.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.docgate.finding.Finding;
import org.docgate.validate.ValidationResult;
import org.junit.jupiter.api.Test;

/** Identifiers written in prose are not the product's name in a sentence (issue 15, terminology 2). */
class IdentifiersTest {
  static final String GVISOR = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap: {gvisor: gVisor}\n";
  static final String LINKERD = "extends: capitalization\nmessage: \"Write '%s', not '%s'.\"\nterms: [Linkerd]\n";
  static final String KUBERNETES =
      "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap: {kubernetes: Kubernetes}\n";

  static ValidationResult check(String markdown, String rule) {
    return TerminologyValidatorTest.check(markdown, rule);
  }

  @Test
  void aReferenceLabelWrittenAsLinkTextIsALabel() {
    ValidationResult r = check("沙箱见 [gvisor]。\n\n[gvisor]: https://gvisor.dev\n", GVISOR);
    assertThat(r.findings()).isEmpty();
    assertThat(r.counters()).containsEntry("terms.exempt.label", 1L);
  }

  @Test
  void aSymbolOfALatexFormulaIsNoProse() {
    // vshpere-1019 formal_container/14_技术研究与发展趋势/01_2025年技术发展趋势分析.md:389 (WASM there: the one wrong new
    // finding of the glossary's Wasm choice)
    ValidationResult r = check("- **数学表示**: $Blockchain\\_VM = \\{EVM, kubernetes, smart\\_contracts\\}$\n",
        KUBERNETES);
    assertThat(r.findings()).isEmpty();
    assertThat(r.counters()).containsEntry("terms.exempt.formula", 1L);
    assertThat(check("It costs $5 on kubernetes, $10 elsewhere.\n", KUBERNETES).findings()).hasSize(1);
    assertThat(check("older kubernetes ($N-1$ and older)\n", KUBERNETES).findings()).hasSize(1);
  }

  /** mathjs 5.10's generated reference pages (round 43: 8 WRONG). */
  @Test
  void aParameterInACallsSignatureIsTheCodesName() {
    ValidationResult r = check("### Complex.fromJSON(json)\n\nDenseMatrix.fromJSON(kubernetes, [, options]) ⇒ x\n",
        KUBERNETES);
    assertThat(r.findings()).isEmpty();
    assertThat(r.counters()).containsEntry("terms.exempt.parameter", 1L);
    for (String prose : List.of("Runs on many platforms (kubernetes, nomad).", "f(x) then (kubernetes)",
        "Deploy (see kubernetes docs).")) {
      assertThat(check(prose + "\n", KUBERNETES).findings()).as(prose).hasSize(1);
    }
  }

  /** aws-cdk-lib's ECS page (round 43: WRONG): sibling headings named by the system's own lower-case names. */
  @Test
  void aHeadingNamedLikeItsSiblingsIsTheSystemsName() {
    String page = "## Log Drivers\n\n### awslogs Log Driver\n\nA.\n\n### kubernetes Log Driver\n\nB.\n\n"
        + "### json-file Log Driver\n\nC.\n\n### journald Log Driver\n\nD.\n";
    ValidationResult r = check(page, KUBERNETES);
    assertThat(r.findings()).isEmpty();
    assertThat(r.counters()).containsEntry("terms.exempt.toolList", 1L);
    assertThat(check("### awslogs Log Driver\n\n### kubernetes Log Driver\n", KUBERNETES).findings())
        .as("one sibling is no pattern").hasSize(1);
    assertThat(check("## A\n\n### kubernetes Setup\n\n### kubernetes Log Driver\n\n### gelf Log Driver\n",
        KUBERNETES).findings()).as("another ending, one sibling").hasSize(2);
  }

  @Test
  void anUndefinedFootnoteLabelIsALabel() {
    assertThat(check("沙箱[^gvisor]很安全。\n", GVISOR).findings()).isEmpty();
  }

  @Test
  void linkTextThatIsTheHandleItLinksToIsAHandle() {
    ValidationResult r = check("the [kubernetes](https://github.com/kubernetes) org\n", KUBERNETES);
    assertThat(r.findings()).isEmpty();
    assertThat(r.counters()).containsEntry("terms.exempt.handle", 1L);
    assertThat(check("see [kubernetes](https://example.com/docs) here\n", KUBERNETES).findings()).hasSize(1);
  }

  private static final String RUNS = "\n```bash\nlinkerd check\npodman run --runtime=runsc alpine\n```\n";

  @Test
  void aToolInAListOfToolsIsACommandNameWhenItIsRunAsOne() {
    ValidationResult r = check("- 调试工具（istioctl、linkerd、tcpdump）\n" + RUNS, LINKERD);
    assertThat(r.findings()).isEmpty();
    assertThat(r.counters()).containsEntry("terms.exempt.toolList", 1L);
    assertThat(check("**Q5: skopeo 和 podman 有什么区别？**\n" + RUNS,
        "extends: substitution\nmessage: x\nswap: {podman: Podman}\n").findings()).isEmpty();
    assertThat(check("**Q5: skopeo 和 `podman` 有什么区别？** 用 `podman ps` 查看。\n",
        "extends: substitution\nmessage: x\nswap: {podman: Podman}\n").findings()).isEmpty();
    // vshpere-1019 00_服务网格内容规划.md:228 and :240: the same page lists "- linkerd check", a command line as text
    assertThat(check("- 调试工具（istioctl、linkerd、tcpdump）\n\n- linkerd check\n", LINKERD).findings()).isEmpty();
    // a name no document runs is the product's name, in a list of tools too
    assertThat(check("- 调试工具（istioctl、linkerd、tcpdump）\n", LINKERD).findings()).hasSize(1);
  }

  @Test
  void aLabelAlignedWithToolNamesIsATool() {
    String list = "- **crun**: 轻量级运行时\n- **podman**: 守护进程之外的引擎\n" + RUNS;
    assertThat(check(list, "extends: substitution\nmessage: x\nswap: {podman: Podman}\n").findings()).isEmpty();
  }

  @Test
  void aLabelAlignedWithToolNamesThatIsNoCommandIsTheProductsName() {
    // vshpere-1019 formal_container/02_技术标准与规范/02_容器技术标准详解.md:104 and :113, missed probes of the fourth
    // blind round: gVisor's command is runsc, so "gvisor" beside crun is the product's name in lower case
    String list = "- **crun**: 轻量级运行时\n- **gvisor**: 用户空间内核\n- **kata-containers**: 轻量级虚拟机\n" + RUNS;
    assertThat(check(list, GVISOR).findings()).extracting(Finding::line).containsExactly(2);
    String table = "| 运行时 | 性能 |\n|---|---|\n| crun   | 很快 |\n| gvisor | 中等 |\n" + RUNS;
    assertThat(check(table, GVISOR).findings()).extracting(Finding::line).containsExactly(4);
  }

  @Test
  void theSameNameInASentenceIsStillFlagged() {
    assertThat(check("我们用 gvisor 隔离容器。\n", GVISOR).findings()).extracting(Finding::target)
        .containsExactly("gvisor");
    assertThat(check("- **gvisor**: 用户空间内核\n- **Kata**: 虚拟机\n", GVISOR).findings()).hasSize(1);
    assertThat(check("Github and linkerd, Linkerd.\n", LINKERD).findings()).hasSize(1);
  }
}
