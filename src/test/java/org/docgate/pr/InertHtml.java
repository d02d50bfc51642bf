package org.docgate.pr;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a comment body as GitHub would (GFM tables, autolinks, raw HTML kept) and checks nothing got loose. */
public final class InertHtml {
  private static final MutableDataSet OPTIONS = new MutableDataSet()
      .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AutolinkExtension.create()));
  private static final Parser PARSER = Parser.builder(OPTIONS).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();

  private InertHtml() {}

  public static String html(String markdown) {
    return RENDERER.render(PARSER.parse(markdown));
  }

  /**
   * Checks the rendered HTML: no script link, no tag from documents, no mention or issue reference, every row of a
   * table as wide as its header (no cell split by a {@code |} from a document).
   *
   * @param detailsBlocks how many {@code <details>} blocks the renderer itself wrote
   */
  public static String assertInert(String markdown, int detailsBlocks) {
    String html = html(markdown);
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower).as(html).doesNotContain("href=\"javascript").doesNotContain("src=\"javascript")
        .doesNotContain("<script").doesNotContain("<img").doesNotContain("<iframe");
    assertThat(count(lower, "</details>")).as("closing </details> tags in\n" + html).isEqualTo(detailsBlocks);
    assertThat(count(lower, "<details>")).as("opening <details> tags in\n" + html).isEqualTo(detailsBlocks);
    assertThat(count(lower, "</summary>")).isEqualTo(detailsBlocks);
    assertThat(html).doesNotContainPattern("@[A-Za-z0-9]").doesNotContainPattern("#[0-9]");
    Matcher tables = Pattern.compile("<table>(.*?)</table>", Pattern.DOTALL).matcher(html);
    while (tables.find()) {
      String table = tables.group(1);
      int columns = cells(table.substring(0, table.indexOf("</tr>")));
      assertThat(columns).isBetween(4, 5);
      Matcher rows = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table);
      while (rows.find()) {
        int cells = cells(rows.group(1));
        assertThat(cells).as("cells of row " + rows.group(1)).isEqualTo(columns);
      }
    }
    Matcher links = Pattern.compile("<a href=\"([^\"]*)\"").matcher(html);
    while (links.find()) {
      assertThat(links.group(1)).as("every link goes to GitHub").startsWith("https://github.com/");
    }
    return html;
  }

  private static int cells(String row) {
    Matcher m = Pattern.compile("<t[hd][ >]").matcher(row);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
