package org.docgate.validate.versions;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.docgate.corpus.Glob;
import org.docgate.corpus.WordFinder;

/**
 * Decides which mentions narrate history rather than state what is current: sentences with a cue word ("从 1.28
 * 升级到 1.31", "introduced in Docker 17.05"), sections whose heading has a heading cue ("版本历史", "Release
 * notes"), and files matching an exempt path ({@code **}{@code /CHANGELOG*}, {@code **}{@code /_archive/**}).
 * Chinese cues match as substrings; English cues case-insensitively as whole Latin words. Immutable; pure. (A
 * class rather than a record only to keep each word list's {@link WordFinder}, built once: every sentence and code
 * line of a scan is asked.)
 */
public final class HistoricalContext {
  private final List<String> cues;
  private final List<String> headingCues;
  private final List<Glob> exemptPaths;
  private final List<String> baselineHeadings;
  private final WordFinder cueWords;
  private final WordFinder headingWords;
  private final WordFinder baselineWords;

  public HistoricalContext(List<String> cues, List<String> headingCues, List<Glob> exemptPaths,
      List<String> baselineHeadings) {
    this.cues = cues.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    this.headingCues = headingCues.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    this.exemptPaths = List.copyOf(exemptPaths);
    this.baselineHeadings = baselineHeadings.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    this.cueWords = new WordFinder(this.cues, true);
    this.headingWords = new WordFinder(this.headingCues, true);
    this.baselineWords = new WordFinder(this.baselineHeadings, true);
  }

  /** Without baseline headings: no section states a corpus baseline. */
  public HistoricalContext(List<String> cues, List<String> headingCues, List<Glob> exemptPaths) {
    this(cues, headingCues, exemptPaths, List.of());
  }

  /** The first baseline-heading word in a heading ("版本与兼容策略", "Version compatibility"), or null. */
  public String baselineHeadingIn(String heading) {
    return first(baselineWords, baselineHeadings, heading);
  }

  public boolean exemptsPath(String path) {
    return exemptPaths.stream().anyMatch(g -> g.matches(path));
  }

  /** The first cue word found in a sentence, or null. */
  public String cueIn(String sentence) {
    return first(cueWords, cues, sentence);
  }

  /** The first heading cue found in a heading, or null. */
  public String headingCueIn(String heading) {
    return first(headingWords, headingCues, heading);
  }

  /** The first word of the list (in its order) in {@code text} as a whole Latin word or a substring, or null. */
  private static String first(WordFinder finder, List<String> words, String text) {
    if (words.isEmpty()) {
      return null;
    }
    int i = finder.first(text.toLowerCase(Locale.ROOT));
    return i < 0 ? null : words.get(i);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistoricalContext h && cues.equals(h.cues) && headingCues.equals(h.headingCues)
        && exemptPaths.equals(h.exemptPaths) && baselineHeadings.equals(h.baselineHeadings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cues, headingCues, exemptPaths, baselineHeadings);
  }

  @Override
  public String toString() {
    return "HistoricalContext[cues=" + cues + ", headingCues=" + headingCues + ", exemptPaths=" + exemptPaths
        + ", baselineHeadings=" + baselineHeadings + "]";
  }

  /** The sentence of {@code line} around offsets {@code start..end}: between sentence ends (。！？；. ). */
  public static String sentenceAround(String line, int start, int end) {
    int a = start;
    while (a > 0 && !Scripts.endsSentence(line, a - 1)) {
      a--;
    }
    int b = end;
    while (b < line.length() && !Scripts.endsSentence(line, b)) {
      b++;
    }
    return line.substring(a, b);
  }
}
