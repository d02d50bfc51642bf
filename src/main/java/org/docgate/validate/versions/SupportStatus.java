package org.docgate.validate.versions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.docgate.config.RuleFiles;
import org.docgate.config.YamlNodes;
import org.docgate.corpus.WordList;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * {@code rules/versions/status.yaml}: the words by which an outline line or a table row states a version as
 * supported ("推荐: 1.29", "vSphere 6.7 (支持中)", a "支持状态" column) or as not supported ("(EOL)", "不推荐",
 * "deprecated"). Chinese words match as substrings, English ones as whole words, ignoring case. Immutable; pure.
 */
public record SupportStatus(List<String> supported, List<String> supportedInText, List<String> unsupported,
    List<String> runnableUnder, List<String> guidance, List<String> currentSupport) {
  public static final String FILE = "versions/status.yaml";
  private static final Set<String> TOP = Set.of("supported", "supportedInText", "unsupported", "runnableUnder",
      "guidance", "currentSupport");
  private static final Set<String> LANGUAGES = Set.of("zh", "en");

  /** No status words: no outline line or bare major is ever read as a current claim. */
  public static final SupportStatus NONE = new SupportStatus(List.of(), List.of(), List.of(), List.of(),
      List.of(), List.of());

  public SupportStatus {
    supported = lower(supported);
    supportedInText = lower(supportedInText);
    unsupported = lower(unsupported);
    runnableUnder = List.copyOf(runnableUnder);
    guidance = lower(guidance);
    currentSupport = lower(currentSupport);
  }

  public SupportStatus(List<String> supported, List<String> supportedInText, List<String> unsupported,
      List<String> runnableUnder) {
    this(supported, supportedInText, unsupported, runnableUnder, List.of(), List.of());
  }

  public SupportStatus(List<String> supported, List<String> supportedInText, List<String> unsupported,
      List<String> runnableUnder, List<String> guidance) {
    this(supported, supportedInText, unsupported, runnableUnder, guidance, List.of());
  }

  /** The words of the rules folder (the user's copy first), or {@link #NONE} when there is no file. */
  public static SupportStatus load(RuleFiles rules) {
    return rules.read(FILE).map(f -> parse(f.source(), f.text())).orElse(NONE);
  }

  public static SupportStatus parse(String source, String yaml) {
    YamlNodes y = YamlNodes.in(source);
    Map<String, Node> top = y.mapping(YamlNodes.parse(source, yaml), "the status words", TOP);
    return new SupportStatus(words(y, top.get("supported"), "supported"),
        words(y, top.get("supportedInText"), "supportedInText"), words(y, top.get("unsupported"), "unsupported"),
        words(y, top.get("runnableUnder"), "runnableUnder"),
        top.containsKey("guidance") ? words(y, top.get("guidance"), "guidance") : List.of(),
        top.containsKey("currentSupport") ? words(y, top.get("currentSupport"), "currentSupport") : List.of());
  }

  /**
   * A title or heading of guidance ("安全镜像构建", "Dockerfile 最佳实践", "Production hardening"): the image tags under
   * it are what the reader is told to use, so an end-of-life one is a claim even of a product the page is not about.
   */
  public boolean saysGuidance(String heading) {
    return has(guidance, heading);
  }

  /**
   * A heading, a table's header row, a row or a sentence that presents the versions it lists as the ones supported
   * today ("当前版本支持计划", "Supported versions", "(支持中)"): whether such a version's release cycle has ended is
   * the version data's to say, whatever the corpus's baseline.
   */
  public boolean saysCurrentlySupported(String text) {
    return has(currentSupport, text);
  }

  /** A key, the key above, a header or a row that says "supported" (the in-text words count too). */
  public boolean saysSupported(String text) {
    return has(supported, text) || has(supportedInText, text);
  }

  /** A line or sentence that says "supported" in so many words: "(支持中)", "is supported". */
  public boolean saysSupportedInText(String text) {
    return has(supportedInText, text);
  }

  /** A line or row that says the version is not (or no longer) supported. */
  public boolean saysUnsupported(String text) {
    return has(unsupported, text);
  }

  /**
   * A heading with its {@code runnableUnder} words blanked out: what is left decides whether the code under it is
   * historical ("主流服务网格对比" holds install commands; "版本历史" does not).
   */
  public String blankRunnable(String heading) {
    String out = heading;
    for (String w : runnableUnder) {
      int at = out.toLowerCase(Locale.ROOT).indexOf(w.toLowerCase(Locale.ROOT));
      while (at >= 0) {
        out = out.substring(0, at) + " ".repeat(w.length()) + out.substring(at + w.length());
        at = out.toLowerCase(Locale.ROOT).indexOf(w.toLowerCase(Locale.ROOT), at + w.length());
      }
    }
    return out;
  }

  /** {@code words}: one of this record's word lists, each a {@link WordList} since the constructor. */
  private static boolean has(List<String> words, String text) {
    return text != null && !text.isEmpty() && ((WordList) words).inLowerCase(text.toLowerCase(Locale.ROOT));
  }

  private static List<String> words(YamlNodes y, Node node, String what) {
    List<String> out = new ArrayList<>();
    y.mapping(node, what, LANGUAGES).forEach((lang, list) -> {
      for (String w : y.strings(list, what + "." + lang)) {
        if (w.isBlank()) {
          throw y.error(list, what + "." + lang + ": an empty word would match everything");
        }
        out.add(w.strip());
      }
    });
    return out;
  }

  private static List<String> lower(List<String> words) {
    return WordList.lowerCase(words);
  }
}
