package org.docgate.validate.weblinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class RemoteAnchorsTest {
  static final HttpUrl GITHUB = HttpUrl.get("https://github.com/o/r/blob/main/README.md");
  static final HttpUrl DOCS = HttpUrl.get("https://docs.example.com/install.html");

  static CheckResult page(boolean complete, String... ids) {
    return new CheckResult(Outcome.OK, 200, "HTTP 200", null, List.of(ids), complete);
  }

  @Test
  void idsAndNamesAreReadAlsoFromTheHtmlOfJsonDataBlocks() {
    assertThat(RemoteAnchors.idsIn("<h2 id=\"a\">A</h2><a name='b'></a><div data-id=\"no\"></div>"
        + "<script type=\"application/json\" data-target=\"react-app.embeddedData\">"
        + "{\"payload\":{\"richText\":\"<h2 id=\\\"user-content-c\\\">C</h2>\",\"n\":1}}</script>"))
        .containsExactly("a", "b", "user-content-c");
  }

  @Test
  void idsWrittenInsidePreScriptOrCommentsAreNotAnchors() {
    String page = """
        <html><body>
        <h2 id="real">Real</h2>
        <pre><code>&lt;div id="in-pre"&gt;</code></pre>
        <pre>id="bare-in-pre"</pre>
        <script>document.body.innerHTML = '<a id="in-script"></a>'; var name = "x"; el.id = 'in-js';</script>
        <!-- <h2 id="in-comment">old</h2> -->
        <input name="not-an-anchor">
        <textarea><a id="in-textarea"></a></textarea>
        </body></html>
        """;

    assertThat(RemoteAnchors.idsIn(page)).containsExactly("real");
  }

  @Test
  void aJsonDataBlockCutOffByThePageLimitStillGivesItsAnchors() {
    String cut = "<script type=\"application/json\">{\"a\":\"<h3 id=\\\"kept\\\">K</h3>\",\"b\":\"<h3 id=";
    assertThat(RemoteAnchors.idsIn(cut)).containsExactly("kept");
  }

  @Test
  void githubHeadingsMatchWithTheirUserContentPrefix() {
    CheckResult p = page(true, "user-content-usage", "user-content-安装步骤");
    assertThat(RemoteAnchors.find(GITHUB, p, "usage")).isEqualTo(RemoteAnchors.Status.FOUND);
    assertThat(RemoteAnchors.find(GITHUB, p, "%E5%AE%89%E8%A3%85%E6%AD%A5%E9%AA%A4"))
        .isEqualTo(RemoteAnchors.Status.FOUND);
    assertThat(RemoteAnchors.find(GITHUB, p, "Usage")).isEqualTo(RemoteAnchors.Status.FOUND);
    assertThat(RemoteAnchors.find(GITHUB, p, "missing")).isEqualTo(RemoteAnchors.Status.MISSING);
    assertThat(RemoteAnchors.find(GITHUB, p, "L10-L20")).isEqualTo(RemoteAnchors.Status.NOT_CHECKED);
  }

  @Test
  void whatCannotBeSeenIsUnverifiedNeverMissing() {
    assertThat(RemoteAnchors.find(DOCS, page(true), "x")).isEqualTo(RemoteAnchors.Status.UNVERIFIED);
    assertThat(RemoteAnchors.find(DOCS, page(false, "a"), "x")).isEqualTo(RemoteAnchors.Status.UNVERIFIED);
    assertThat(RemoteAnchors.find(DOCS, new CheckResult(Outcome.OK, 200, "HTTP 200", null, null, false), "x"))
        .isEqualTo(RemoteAnchors.Status.UNVERIFIED);
    assertThat(RemoteAnchors.find(DOCS, page(true, "a"), "/route")).isEqualTo(RemoteAnchors.Status.NOT_CHECKED);
    assertThat(RemoteAnchors.find(DOCS, page(true, "a"), "top")).isEqualTo(RemoteAnchors.Status.NOT_CHECKED);
  }
}
