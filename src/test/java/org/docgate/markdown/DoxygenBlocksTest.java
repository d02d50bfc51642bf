package org.docgate.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoxygenBlocksTest {
  private final MarkdownParser parser = new MarkdownParser();

  /** Real shapes from OpenCV 4.6's tutorials (round 41): '|' stands for a line break. */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      // a Python comment in a Doxygen block is code, not an H1; the block's class is its language
      "Now we find the epilines.|@code{.py}|# Find epilines|lines1 = f(pts2)|@endcode|Done.; 0; py; 2; 5",
      "@code|int main() {}|@endcode; 0; ''; 1; 3",
      "\\code{.sh}|pip install x|\\endcode; 0; sh; 1; 3",
      "@verbatim|# not a heading|@endverbatim; 0; ''; 1; 3",
      // inside a list item, indented like its text
      "1. Build it:|    @code{.bash}|    # comment|    make|    @endcode; 0; bash; 2; 5",
      // no closing command: left as Markdown (the comment stays a heading)
      "@code{.py}|# Heading; 1; -; 0; 0",
      // written on one line: Doxygen's inline form, not a block
      "@code{.sh} pip install pylint @endcode|# Heading; 1; -; 0; 0",
      // a Markdown fence documenting Doxygen keeps its commands as text
      "```|@code|# Heading|@endcode|```; 0; ''; 1; 5",
  })
  void doxygenCodeCommandsAreCodeBlocks(String text, int headings, String language, int startLine, int endLine) {
    String source = text.replace('|', '\n');
    MarkdownDocument doc = parser.parse("doc.markdown", source);
    assertThat(doc.headings()).hasSize(headings);
    if (!"-".equals(language)) {
      assertThat(doc.codeBlocks()).hasSize(1);
      CodeBlock b = doc.codeBlocks().get(0);
      assertThat(b.language()).isEqualTo(language);
      assertThat(b.startLine()).isEqualTo(startLine);
      assertThat(b.endLine()).isEqualTo(endLine);
    } else {
      assertThat(doc.codeBlocks()).isEmpty();
    }
    assertThat(DoxygenBlocks.asFences(source)).hasSameSizeAs(source);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "@code{.py}|x = 1|@endcode; x = 1\\n",
      "'  @code{.cpp}\r|  int a;\r|  @endcode\r'; 'int a;\\n'",
  })
  void theBodyIsTheBlocksText(String text, String body) {
    MarkdownDocument doc = parser.parse("doc.md", text.replace('|', '\n'));
    assertThat(doc.codeBlocks()).singleElement().extracting(CodeBlock::body).isEqualTo(body.replace("\\n", "\n"));
  }
}
