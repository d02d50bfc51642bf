package org.docgate.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.docgate.SharedFiles;
import org.docgate.corpus.SourceDecoder;
import org.docgate.metrics.Tools;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docgate's document model against GitHub's own parser. For every Markdown file of the development corpora, cmark-gfm
 * (with github.com's extensions) renders HTML, which jsoup reads as a browser would; the test compares, per file:
 * every rendered link and image destination (inline, reference, autolink, bare URL, raw HTML href/src) with the
 * model's links; every Markdown heading's text with the model's, every raw HTML heading's text (the DOM's) with the
 * model's, and the ids docgate's Slugger gives all those texts in page order with the model's anchors (cmark-gfm writes no heading ids; GitHub's are the slugs of that text); every
 * footnote id. A disagreement must be listed with its reason in {@code differential/cmark-gfm-exceptions.tsv};
 * an undocumented one fails the test, and so does a listed one that no longer occurs.
 */
@Timeout(300)
class CmarkGfmDifferentialTest {
  static final Path EXCEPTIONS = Path.of("src/test/resources/differential/cmark-gfm-exceptions.tsv");

  static Stream<String> corpora() {
    return Stream.of("vshpere-1019", "k8s-enhancements-64765b4", "k8s-handbook-zh-1296ba1");
  }

  /** What is compared. */
  enum What { DESTINATION, HEADING, HTML_HEADING, HEADING_ID, FOOTNOTE_ID }

  /** Which side has a value the other lacks. */
  enum Side { DOCGATE_ONLY, CMARK_ONLY }

  record Disagreement(String path, What what, Side side, String value) {
    String key() {
      return path + "\t" + what.name().toLowerCase() + "\t" + side.name().toLowerCase().replace('_', '-') + "\t"
          + escape(value);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpora")
  void docgateSeesWhatGithubsParserRenders(String name) throws Exception {
    Path cmark = Tools.require("cmark-gfm", "cmark-gfm");
    Path corpus = requireCorpus(name);
    List<String> paths = markdownFiles(corpus);
    long started = System.nanoTime();
    Map<String, String> html = new CmarkGfm(cmark).render(corpus, paths);
    long rendered = System.nanoTime();

    MarkdownParser parser = new MarkdownParser();
    // files are independent: both cores compare (the parser is shared, each file gets its own result)
    List<FileResult> results = paths.parallelStream().map(path -> compareFile(corpus, path, html.get(path), parser))
        .toList();
    Map<What, Integer> compared = new TreeMap<>();
    List<Disagreement> found = new ArrayList<>();
    int notUtf8 = 0;
    for (FileResult r : results) {
      if (r == null) {
        notUtf8++; // docgate reports the file and reads none of it
        continue;
      }
      r.compared().forEach((what, n) -> compared.merge(what, n, Integer::sum));
      found.addAll(r.found());
    }

    long done = System.nanoTime();
    Exceptions exceptions = Exceptions.read(EXCEPTIONS, name);
    Map<String, Integer> byReason = new TreeMap<>();
    List<String> undocumented = new ArrayList<>();
    Set<String> used = new java.util.HashSet<>();
    for (Disagreement d : found) {
      String reason = exceptions.reasonFor(d.key());
      if (reason == null) {
        undocumented.add(d.key());
      } else {
        used.add(d.key());
        byReason.merge(reason, 1, Integer::sum);
      }
    }
    List<String> stale = exceptions.keys().stream().filter(k -> !used.contains(k)).toList();
    System.out.printf("cmark-gfm differential, %s: %d files (%d not UTF-8, not compared); compared %s; "
            + "%d disagreements, %d documented %s, %d undocumented; cmark-gfm %d ms, comparison %d ms%n", name,
        paths.size(), notUtf8, compared, found.size(), found.size() - undocumented.size(), byReason,
        undocumented.size(), (rendered - started) / 1_000_000, (done - rendered) / 1_000_000);
    undocumented.forEach(k -> System.out.println("undocumented\t" + name + "\t" + k));
    assertThat(undocumented).as("disagreements with cmark-gfm not listed in " + EXCEPTIONS + " (" + name
        + "; columns: path, what, side, value)").isEmpty();
    assertThat(stale).as("exceptions in " + EXCEPTIONS + " that no longer occur (" + name + ")").isEmpty();
  }

  @Test
  void rawHtmlHeadingsHaveTheTextAndPlaceCmarkGfmGivesThem() throws Exception {
    Path cmark = Tools.require("cmark-gfm", "cmark-gfm");
    Path fixtures = Path.of("src/test/resources/fixtures/profiles");
    String path = "html-headings.md";
    FileResult r = compareFile(fixtures, path, new CmarkGfm(cmark).render(fixtures, List.of(path)).get(path),
        new MarkdownParser());
    assertThat(r.found()).isEmpty();
    assertThat(r.compared()).containsEntry(What.HTML_HEADING, 5).containsEntry(What.HEADING_ID, 7);
  }

  record FileResult(Map<What, Integer> compared, List<Disagreement> found) {}

  /** The comparison of one file, or null when docgate does not read it (not UTF-8). */
  private static FileResult compareFile(Path corpus, String path, String html, MarkdownParser parser) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(corpus.resolve(path));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (!(SourceDecoder.decode(bytes) instanceof SourceDecoder.Text text)) {
      return null;
    }
    Map<What, Integer> compared = new TreeMap<>();
    List<Disagreement> found = new ArrayList<>();
    MarkdownDocument doc = parser.parse(path, text.text());
    Element page = Jsoup.parseBodyFragment(html).body();
    compare(path, What.DESTINATION, modelDestinations(doc), renderedDestinations(page), compared, found);
    List<Element> rendered = page.select("h1, h2, h3, h4, h5, h6");
    compare(path, What.HEADING, doc.headings().stream().map(Heading::text).toList(),
        rendered.stream().filter(CmarkGfmDifferentialTest::fromMarkdown).map(CmarkGfmDifferentialTest::text).toList(),
        compared, found);
    compare(path, What.HTML_HEADING, doc.htmlHeadings().stream().map(Heading::text).toList(),
        rendered.stream().filter(h -> !fromMarkdown(h)).map(CmarkGfmDifferentialTest::text).toList(), compared, found);
    // GitHub slugs every h1-h6 of the page in order with one counter: Markdown and raw HTML headings interleave
    Slugger slugger = new Slugger();
    compare(path, What.HEADING_ID, doc.allHeadings().stream().map(Heading::anchor).toList(),
        rendered.stream().map(h -> slugger.slug(text(h))).toList(), compared, found);
    compare(path, What.FOOTNOTE_ID, modelFootnoteIds(doc), renderedFootnoteIds(page), compared, found);
    return new FileResult(compared, found);
  }

  private static void compare(String path, What what, List<String> model, List<String> rendered,
      Map<What, Integer> compared, List<Disagreement> found) {
    compared.merge(what, Math.max(model.size(), rendered.size()), Integer::sum);
    Map<String, Integer> balance = new LinkedHashMap<>();
    model.forEach(v -> balance.merge(v, 1, Integer::sum));
    rendered.forEach(v -> balance.merge(v, -1, Integer::sum));
    balance.forEach((value, n) -> {
      for (int i = 0; i < Math.abs(n); i++) {
        found.add(new Disagreement(path, what, n > 0 ? Side.DOCGATE_ONLY : Side.CMARK_ONLY, value));
      }
    });
  }

  /** Destinations a reader can follow: reference definitions themselves are not rendered, their usages are. */
  private static List<String> modelDestinations(MarkdownDocument doc) {
    Set<LinkKind> rendered = EnumSet.complementOf(EnumSet.of(LinkKind.DEFINITION));
    return doc.links().stream()
        .filter(l -> rendered.contains(l.kind()) && l.defined())
        .map(l -> normalize(l.destination()))
        .toList();
  }

  private static List<String> renderedDestinations(Element page) {
    List<String> out = new ArrayList<>();
    for (Element a : page.select("a[href]")) {
      if (!a.hasAttr("data-footnote-ref") && !a.hasAttr("data-footnote-backref")) {
        out.add(normalize(a.attr("href")));
      }
    }
    for (Element img : page.select("img[src]")) {
      out.add(normalize(img.attr("src")));
    }
    return out;
  }

  /** Headings made from Markdown carry cmark-gfm's source position; headings in raw HTML do not. */
  private static boolean fromMarkdown(Element heading) {
    return heading.hasAttr("data-sourcepos");
  }

  /** A heading's text content: a raw HTML one's as written (the DOM's text, which GitHub slugs), whitespace kept. */
  private static String text(Element heading) {
    return fromMarkdown(heading) ? heading.wholeText().strip() : heading.wholeText();
  }

  private static List<String> modelFootnoteIds(MarkdownDocument doc) {
    return FootnoteIds.of(doc.footnoteReferences()).stream().filter(id -> !id.startsWith("user-content-")).toList();
  }

  private static List<String> renderedFootnoteIds(Element page) {
    List<String> ids = new ArrayList<>();
    page.select("a[data-footnote-ref]").forEach(a -> ids.add(a.id()));
    page.select("section[data-footnotes] li[id]").forEach(li -> ids.add(li.id()));
    return ids;
  }

  /**
   * cmark-gfm percent-encodes what a URL may not hold (spaces, non-ASCII) and leaves existing escapes alone; the
   * model keeps the destination as written. Both are compared percent-decoded.
   */
  static String normalize(String url) {
    String s = url.strip();
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      if (s.charAt(i) == '%' && i + 2 < s.length() + 0 && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 3;
        continue;
      }
      flush(bytes, out);
      out.append(s.charAt(i++));
    }
    flush(bytes, out);
    return out.toString();
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
      bytes.reset();
    }
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  private static Path requireCorpus(String name) {
    Path corpus = SharedFiles.shared().resolve("corpus").resolve(name);
    if (!Files.isDirectory(corpus)) {
      String message = "development corpus " + name + " is absent (expected at " + corpus + "; set DOCGATE_SHARED)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true and " + message);
      }
      Assumptions.abort("skipped: " + message);
    }
    return corpus;
  }

  private static List<String> markdownFiles(Path corpus) throws IOException {
    try (Stream<Path> files = Files.walk(corpus)) {
      return files.filter(Files::isRegularFile)
          .map(p -> corpus.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith(".git/") && (p.endsWith(".md") || p.endsWith(".markdown")))
          .sorted()
          .toList();
    }
  }

  /**
   * The documented exceptions: {@code #reason key: why} lines name the reasons; every other non-comment line is
   * {@code corpus, path, what, side, value, reason} separated by tabs (tab, newline and backslash in the value
   * escaped as \t, \n and \\).
   */
  record Exceptions(Map<String, String> reasonByKey) {
    static Exceptions read(Path file, String corpus) throws IOException {
      Map<String, String> reasons = new TreeMap<>();
      Map<String, String> byKey = new LinkedHashMap<>();
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("#reason ")) {
          String[] parts = line.substring(8).split(":", 2);
          reasons.put(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "");
          continue;
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length != 6) {
          throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 6 tab-separated columns");
        }
        if (!reasons.containsKey(cols[5])) {
          throw new IllegalArgumentException(file + ":" + (i + 1) + ": unknown reason '" + cols[5]
              + "' (declare it in a '#reason key: why' line; known: " + reasons.keySet() + ")");
        }
        if (cols[0].equals(corpus)) {
          String key = String.join("\t", cols[1], cols[2], cols[3], cols[4]);
          if (byKey.put(key, cols[5]) != null) {
            throw new IllegalArgumentException(file + ":" + (i + 1) + ": listed twice");
          }
        }
      }
      return new Exceptions(byKey);
    }

    String reasonFor(String key) {
      return reasonByKey.get(key);
    }

    Set<String> keys() {
      return reasonByKey.keySet();
    }
  }
}
