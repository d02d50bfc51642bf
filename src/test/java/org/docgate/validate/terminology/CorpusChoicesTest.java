package org.docgate.validate.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;
import org.junit.jupiter.api.Test;

/**
 * A consistency pair the corpus's own glossary decides (issue 15, terms recall): vshpere-1019's glossaries write
 * "Wasm" alone, so its chapters' "WebAssembly（WASM）" and "WASM 2.0" are flagged, though each writes WASM throughout.
 */
class CorpusChoicesTest {
  /** Real excerpts: GLOSSARY_技术术语双语对照表.md:708 and Container/10_WebAssembly技术详解/README.md:45. */
  static final String GLOSSARY = "# 技术术语双语对照表\n\n| 中文 | English | 缩写 | 说明 |\n|---|---|---|---|\n"
      + "| WebAssembly | WebAssembly | Wasm | 字节码格式 |\n";
  static final String CHAPTER = "# WebAssembly技术详解\n\n"
      + "WebAssembly（WASM）是一种新的字节码格式，可以在浏览器和服务器端运行。\n\n- **规范版本**：WASM 2.0\n";

  static CorpusIndex corpus(Map<String, String> files) {
    Map<String, MarkdownDocument> docs = new LinkedHashMap<>();
    files.forEach((path, text) -> docs.put(path, TerminologyValidatorTest.PARSER.parse(path, text)));
    return new CorpusIndex(Path.of("."), docs.keySet(), Set.of(""), docs);
  }

  static List<Finding> chapterFindings(Map<String, String> files) {
    CorpusIndex index = corpus(files);
    return HouseStyleTest.packaged(Set.of()).validate(index.documents().get("Container/README.md"), index)
        .findings();
  }

  @Test
  void aFormTheGlossaryWritesAloneIsTheCorpusChoiceForEveryDocument() {
    List<Finding> findings = chapterFindings(Map.of("GLOSSARY_技术术语双语对照表.md", GLOSSARY,
        "Container/README.md", CHAPTER));
    assertThat(findings).extracting(Finding::line).containsExactly(3, 5);
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.rule()).isEqualTo("terms/docgate.Wasm");
      assertThat(f.target()).isEqualTo("WASM");
      assertThat(f.suggestion()).isEqualTo("Wasm");
    });
    assertThat(findings.get(0).message()).isEqualTo("Use 'Wasm', the form the corpus's glossary writes"
        + " (GLOSSARY_技术术语双语对照表.md:5), not 'WASM' (this document writes 'WASM' 2×)");
  }

  @Test
  void withoutAGlossaryADocumentThatWritesOneFormThroughoutIsConsistent() {
    assertThat(chapterFindings(Map.of("Container/README.md", CHAPTER))).isEmpty();
    assertThat(chapterFindings(Map.of("Container/NOTES.md", GLOSSARY, "Container/README.md", CHAPTER))).isEmpty();
  }

  @Test
  void aGlossaryThatWritesBothFormsOrOnlyInCodeChoosesNothing() {
    String both = GLOSSARY + "\nWASM 与 Wasm 同义。\n";
    assertThat(chapterFindings(Map.of("TERMINOLOGY.md", both, "Container/README.md", CHAPTER))).isEmpty();
    String code = "# 术语\n\n运行 `wasmtime --Wasm` 即可。\n";
    assertThat(chapterFindings(Map.of("glossary.md", code, "Container/README.md", CHAPTER))).isEmpty();
  }

  @Test
  void theGlossaryDoesNotOverruleTheStylesPreferredForm() {
    String glossaryWasm = GLOSSARY.replace("| Wasm |", "| WASM |");
    String chapter = "# Wasm\n\nWasm 是一种字节码格式。\n";
    assertThat(chapterFindings(Map.of("GLOSSARY.md", glossaryWasm, "Container/README.md", chapter))).isEmpty();
  }

  @Test
  void theNextIndexReadsTheGlossaryPartOfTheEditedDocumentOnly() {
    TerminologyValidator validator = HouseStyleTest.packaged(Set.of());
    Map<String, MarkdownDocument> docs = new LinkedHashMap<>();
    docs.put("GLOSSARY.md", TerminologyValidatorTest.PARSER.parse("GLOSSARY.md", GLOSSARY));
    docs.put("Container/README.md", TerminologyValidatorTest.PARSER.parse("Container/README.md", CHAPTER));
    CorpusIndex first = new CorpusIndex(Path.of("."), docs.keySet(), Set.of(""), docs);
    CorpusChoices chosen = validator.choices(first);
    assertThat(first.documentValuesComputed()).containsOnlyKeys("GLOSSARY.md", "Container/README.md");

    docs.put("Container/README.md",
        TerminologyValidatorTest.PARSER.parse("Container/README.md", CHAPTER + "\nMore.\n"));
    CorpusIndex next = new CorpusIndex(Path.of("."), docs.keySet(), Set.of(""), docs);
    next.inherit(first);
    assertThat(validator.choices(next)).isEqualTo(chosen);
    assertThat(next.documentValuesComputed()).as("the glossary's part is kept").containsOnlyKeys("Container/README.md");

    docs.put("GLOSSARY.md",
        TerminologyValidatorTest.PARSER.parse("GLOSSARY.md", GLOSSARY + "\nWASM 与 Wasm 同义。\n"));
    CorpusIndex edited = new CorpusIndex(Path.of("."), docs.keySet(), Set.of(""), docs);
    edited.inherit(next);
    assertThat(validator.choices(edited)).as("the edited glossary writes both forms: no choice")
        .isEqualTo(validator.choices(new CorpusIndex(Path.of("."), docs.keySet(), Set.of(""), docs)))
        .isNotEqualTo(chosen);
  }
}
