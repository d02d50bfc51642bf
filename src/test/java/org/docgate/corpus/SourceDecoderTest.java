package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.config.DeclaredRules;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceDecoderTest {
  private static final DeclaredRules RULES = DeclaredRules.of("corpus");

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Integer) part);
      }
    }
    return out.toByteArray();
  }

  @Test
  void validUtf8WithOrWithoutBomIsTextWithoutWarnings() {
    assertThat(SourceDecoder.decode(bytes("# 标题\n"))).isEqualTo(new SourceDecoder.Text("# 标题\n"));
    assertThat(SourceDecoder.decode(bytes(0xEF, 0xBB, 0xBF, "# 标题\n"))).isEqualTo(new SourceDecoder.Text("# 标题\n"));
  }

  @Test
  void aStrayByteInAUtf8FileIsReplacedAndWarnedAboutAtItsLineAndColumn() {
    SourceDecoder.Decoded decoded = SourceDecoder.decode(bytes("# 中文标题\n\nab", 0xFF, "cd 中文\n第四行", 0xC3, "\n"));
    assertThat(decoded).isInstanceOf(SourceDecoder.Text.class);
    SourceDecoder.Text text = (SourceDecoder.Text) decoded;
    assertThat(text.text()).isEqualTo("# 中文标题\n\nab\uFFFDcd 中文\n第四行\uFFFD\n");
    assertThat(text.invalid()).extracting(SourceDecoder.Invalid::line, SourceDecoder.Invalid::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 3), org.assertj.core.groups.Tuple.tuple(4, 4));
    assertThat(text.invalid().get(0).message()).contains("byte 18 (0xFF)").contains("U+FFFD");
    assertThat(text.invalid().get(1).message()).doesNotContain("GBK");
  }

  @Test
  void aFileThatIsMostlyGbkIsRejectedWholeWithTheHint() {
    byte[] gbk = "# 中文标题\n\n这是一个用 GBK 保存的文件。\n".getBytes(Charset.forName("GBK"));
    assertThat(SourceDecoder.decode(gbk)).isInstanceOfSatisfying(SourceDecoder.Rejected.class, r -> {
      assertThat(r.rule()).isEqualTo(RULES.rule("corpus/encoding"));
      assertThat(r.line()).isEqualTo(1);
      assertThat(r.column()).isEqualTo(3);
      assertThat(r.message()).contains("GBK/GB18030").contains("not checked");
    });
  }

  @Test
  void aFileMostlyNotUtf8ThatIsNotGbkEitherIsRejectedWithoutTheHint() {
    // 0xFF never occurs in GBK or GB18030
    assertThat(SourceDecoder.decode(bytes("# x\n", 0xFF, 0xFF, 0xFF, "\n"))).isInstanceOfSatisfying(
        SourceDecoder.Rejected.class, r -> assertThat(r.message()).doesNotContain("GBK"));
  }

  @Test
  void theThresholdIsTheShareOfNonAsciiBytesInInvalidSequences() {
    // 3 invalid bytes among 3 + 12 valid non-ASCII bytes (four CJK characters): 20%, text
    assertThat(SourceDecoder.decode(bytes("中文中文", 0xFF, 0xFE, 0xFD))).isInstanceOf(SourceDecoder.Text.class);
    // 3 invalid among 3 + 3 (one CJK character): 50%, not more than half, still text
    assertThat(SourceDecoder.decode(bytes("中", 0xFF, 0xFE, 0xFD))).isInstanceOf(SourceDecoder.Text.class);
    // 4 invalid among 4 + 3: more than half, rejected
    assertThat(SourceDecoder.decode(bytes("中", 0xFF, 0xFE, 0xFD, 0xFC))).isInstanceOf(SourceDecoder.Rejected.class);
  }

  @Test
  void aFileWithAStrayByteIsStillValidatedAndWarnedAbout(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("README.md"), bytes("# 标题\n\nA stray byte ", 0x92, " here.\n\n[broken](missing.md)\n"));
    ScanReport report = Scans.run(dir);
    assertThat(report.findings()).filteredOn(f -> f.path().equals("README.md"))
        .extracting(Finding::rule, Finding::severity, Finding::line, Finding::column)
        .contains(
            org.assertj.core.groups.Tuple.tuple("corpus/encoding", Severity.WARNING, 3, 14),
            org.assertj.core.groups.Tuple.tuple("links/missing-file", Severity.ERROR, 5, 1));
  }
}
