package org.docgate.validate.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;

class OutlineTest {
  @Test
  void aSectionOwnsItsSubsectionsAndItsBodyEndsAtTheNextHeading() {
    var doc = new MarkdownParser().parse("a.md", "# T\n\n## A\n\ntext\n\n### A1\n\nx\n\n## B\n");
    Outline outline = Outline.of(doc.headings(), doc.lineCount());
    Outline.Section a = outline.sections().get(1);
    assertThat(a.firstLine()).isEqualTo(3);
    assertThat(a.bodyEnd()).isEqualTo(6);
    assertThat(a.lastLine()).isEqualTo(10);
    assertThat(a.hasSubsections()).isTrue();
    assertThat(outline.sectionAt(9).heading().text()).isEqualTo("A1");
    assertThat(outline.sectionAt(11).heading().text()).isEqualTo("B");
  }
}
