package org.docgate.validate.versions;

import java.util.List;
import org.docgate.corpus.Glob;
import org.docgate.corpus.WordList;

/**
 * Decides which mentions narrate history rather than state what is current: sentences with a cue word ("从 1.28
 * 升级到 1.31", "introduced in Docker 17.05"), sections whose heading has a heading cue ("版本历史", "Release
 * notes"), and files matching an exempt path ({@code **}{@code /CHANGELOG*}, {@code **}{@code /_archive/**}).
 * Chinese cues match as substrings; English cues case-insensitively as whole Latin words. Immutable; pure (each word
 * list keeps its {@link WordList#firstIn finder}, built once: every sentence and code line of a scan is asked).
 */
public record HistoricalContext(WordList cues, WordList headingCues, List<Glob> exemptPaths,
    WordList baselineHeadings) {

  public HistoricalContext {
    exemptPaths = List.copyOf(exemptPaths);
  }

  public HistoricalContext(List<String> cues, List<String> headingCues, List<Glob> exemptPaths,
      List<String> baselineHeadings) {
    this(WordList.lowerCase(cues), WordList.lowerCase(headingCues), exemptPaths,
        WordList.lowerCase(baselineHeadings));
  }

  /** Without baseline headings: no section states a corpus baseline. */
  public HistoricalContext(List<String> cues, List<String> headingCues, List<Glob> exemptPaths) {
    this(cues, headingCues, exemptPaths, List.of());
  }

  /** The first baseline-heading word in a heading ("版本与兼容策略", "Version compatibility"), or null. */
  public String baselineHeadingIn(String heading) {
    return baselineHeadings.firstIn(heading);
  }

  public boolean exemptsPath(String path) {
    return exemptPaths.stream().anyMatch(g -> g.matches(path));
  }

  /** The first cue word found in a sentence, or null. */
  public String cueIn(String sentence) {
    return cues.firstIn(sentence);
  }

  /** The first heading cue found in a heading, or null. */
  public String headingCueIn(String heading) {
    return headingCues.firstIn(heading);
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
