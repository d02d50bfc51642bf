package org.docgate.validate.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each renderer's slugs, on tables taken from the renderers' own tests and documentation. */
class SlugStyleTest {

  // gohugoio/hugo markup/goldmark/autoid_test.go, TestSanitizeAnchorName ("generated manually on github.com")
  @ParameterizedTest(name = "hugo: \"{0}\" -> {1}")
  @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
      "God is good: 神真美好|god-is-good-神真美好",
      "Number 32|number-32",
      "Question?|question",
      "1+2=3|123",
      "Special !\"#$%&(parens)=?´* chars|special-parens-chars",
      "Resumé|resumé",
      "One-Hyphen|one-hyphen",
      "Multiple--Hyphens|multiple--hyphens",
      "Trailing hyphen-|trailing-hyphen-",
      "Many   spaces  here|many---spaces--here",
      "Forward/slash|forwardslash",
      "Backward\\slash|backwardslash",
      "Under_score|under_score",
      "Nonbreaking\u00a0Space|nonbreakingspace",
      "Tab\tSpace|tab-space",
      "Trailing Space |trailing-space"})
  void hugo(String text, String id) {
    assertThat(SlugStyle.HUGO.slugOf(text)).isEqualTo(id);
  }

  // mdit-vue/mdit-vue packages/shared/tests/slugify.spec.ts (VitePress' slugify)
  @ParameterizedTest(name = "vitepress: \"{0}\" -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Привет|привет",
      "Лед üäöß|лед-uaoß",
      "hangul 가|hangul-\u1100\u1161", // NFKD splits the syllable into its jamo, in JavaScript as in Java
      "ǆℍΩ|dzhω",
      "¼|_1⁄4",
      "hambúrguer|hamburguer",
      "Fußball|fußball",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZé|abcdefghijklmnopqrstuvwxyze",
      "1. Intro|_1-intro",
      "A - B|a-b"})
  void vitepress(String text, String id) {
    assertThat(SlugStyle.VITEPRESS.slugOf(text)).isEqualTo(id);
  }

  // Python-Markdown's toc slugify (markdown/extensions/toc.py): ASCII only, runs of spaces and hyphens to one '-'
  @ParameterizedTest(name = "mkdocs: \"{0}\" -> \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "Your Heading|your-heading",
      "Ünïcödé Heading|unicode-heading",
      "A - B|a-b",
      "Under_score|under_score",
      "  Spaced  out?  |spaced-out",
      "部署本地测试集群|''",
      "Kubernetes 部署|kubernetes"})
  void mkdocs(String text, String id) {
    assertThat(SlugStyle.MKDOCS.slugOf(text)).isEqualTo(id);
  }

  // blackfriday's SanitizedAnchorName (Hugo's autoHeadingIDType: blackfriday); rclone's headings and the ids its pages
  // link to (round 28)
  @ParameterizedTest(name = "blackfriday: \"{0}\" -> {1}")
  @CsvSource(delimiter = '|', value = {
      "--fast-list|fast-list",
      "--config=CONFIG_FILE|config-config-file",
      "--max-backlog=N|max-backlog-n",
      "VFS - Virtual File System|vfs-virtual-file-system",
      "Restricted characters|restricted-characters",
      "Invalid UTF-8 bytes|invalid-utf-8-bytes",
      "部署 Kubernetes|部署-kubernetes",
      "  Spaced  out?  |spaced-out"})
  void blackfriday(String text, String id) {
    assertThat(SlugStyle.BLACKFRIDAY.slugOf(text)).isEqualTo(id);
  }

  // GitLab's TableOfContentsFilter; examples from docs.gitlab.com/user/markdown/#heading-ids-and-links
  @ParameterizedTest(name = "gitlab: \"{0}\" -> {1}")
  @CsvSource(delimiter = '|', value = {
      "This heading has spaces in it|this-heading-has-spaces-in-it",
      "This heading has a :thumbsup: in it|this-heading-has-a-thumbsup-in-it",
      "This heading has Unicode in it: 한글|this-heading-has-unicode-in-it-한글",
      "This - heading - has - hyphens|this-heading-has-hyphens",
      "123|anchor-123",
      "部署 {#deploy}|部署-deploy"})
  void gitlab(String text, String id) {
    assertThat(SlugStyle.GITLAB.slugOf(text)).isEqualTo(id);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "GITHUB|echo,echo,echo-1,x|echo,echo-1,echo-1-1,x",
      "HUGO|echo,echo,echo|echo,echo-1,echo-2",
      "MKDOCS|echo,echo,,|echo,echo_1,_1,_2",
      "VITEPRESS|echo,echo|echo,echo-1"})
  void duplicatesAreNumberedTheRendererSWay(SlugStyle style, String slugs, String ids) {
    Set<String> given = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (String s : slugs.split(",", -1)) {
      out.add(style.unique(s, given));
    }
    assertThat(String.join(",", out)).isEqualTo(ids);
  }
}
