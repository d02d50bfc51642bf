package org.docgate.validate.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceholderMarkersTest {
  static final PlaceholderMarkers MARKERS = new PlaceholderMarkers(
      List.of("TODO", "TBD", "FIXME", "WIP", "待补充", "待完善", "规划中", "占位", "敬请期待", "coming soon"),
      List.of("占位符"));

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(delimiter = '|', value = {
      "TODO: add the steps                 | TODO",
      "（TODO）补充示例                      | TODO",
      "- TODO                              | TODO",
      "实战案例待补充                         | 待补充",
      "状态: 🚧 规划中                        | 规划中",
      "Checklist 与 Runbook 占位与链接        | 占位",
      "More examples: Coming Soon!         | coming soon",
      "敬请期待更多内容                        | 敬请期待",
      "TBD                                 | TBD",
  })
  void aMarkerUsedAsAMarkerIsFound(String text, String marker) {
    assertThat(MARKERS.find(text)).extracting(PlaceholderMarkers.Match::marker).containsExactly(marker);
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', value = {
      "模板中的占位符会被替换",
      "## 📌 TODO状态",
      "总TODO完成: 21/21",
      "使用TODO管理进度",
      "the TODOs page",
      "a todo-app example",
      "WIPE the disk",
      "FIXMEs and TBDs",
      "Upcoming soonish",
  })
  void aWordThatMerelyContainsAMarkerIsNot(String text) {
    assertThat(MARKERS.find(text)).isEmpty();
  }

  @ParameterizedTest(name = "''{0}'' lone: {1}")
  @CsvSource(delimiter = '|', value = {
      "TODO           | true",
      "- 待补充        | true",
      "（待补充）       | true",
      "TODO: 写示例    | false",
      "待补充内容       | false",
  })
  void aLoneMarkerIsAnEmptyBody(String text, boolean lone) {
    assertThat(MARKERS.isLoneMarker(text)).isEqualTo(lone);
  }

  @org.junit.jupiter.api.Test
  void offsetsPointAtTheMarker() {
    assertThat(MARKERS.find("本节待补充，TODO 也是")).extracting(PlaceholderMarkers.Match::offset).containsExactly(2, 6);
  }

  @ParameterizedTest(name = "core of ''{0}'' is ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "'- （待补充）'       | 待补充",
      "'> ## TODO!!'      | TODO",
      "'coming   soon…'   | coming soon",
      "'* [TBD] 示例, 见下' | TBD 示例 见下",
      "'TODO　。'       | TODO",
      "'-- '              | ''",
      "'a b'          | a b",
  })
  void theCoreDropsBulletsAndFoldsPunctuation(String text, String core) {
    assertThat(PlaceholderMarkers.core(text)).isEqualTo(core);
    // the same as the two regular expressions it replaced (they cost 8% of a scan's allocation)
    assertThat(PlaceholderMarkers.core(text)).isEqualTo(
        text.strip().replaceAll("^[-*+>#\\s]+", "").replaceAll("[\\p{P}\\p{S}\\s]+", " ").strip());
  }

  /**
   * One pass over the text finds what one pass per marker found (the search before the first-character table),
   * overlaps and ties included: "coming soon" with the Kelvin sign and a dotted capital I, markers inside markers.
   */
  @Test
  void oneSearchFindsWhatOneSearchPerMarkerFound() {
    PlaceholderMarkers markers = new PlaceholderMarkers(
        List.of("TODO", "TBD", "待补充", "补充", "coming soon", "kit", "DO"), List.of("占位符"));
    String pieces = "TODO|todo|TBD|待补充|补充|Coming Soon|COMING SOON|\u212Ait|\u0130|kit|DO| |:|x|占位符|é";
    String[] parts = pieces.split("\\|");
    // the Kelvin sign's lower case is k: it starts a match of "kit" ignoring case, as String.regionMatches says
    assertThat(markers.find("\u212Ait")).extracting(PlaceholderMarkers.Match::marker).containsExactly("kit");
    for (String t : org.docgate.RandomTexts.of(21, 20_000, 12, parts)) {
      assertThat(markers.find(t)).as(t).isEqualTo(perMarker(markers, t,
          List.of("TODO", "TBD", "待补充", "补充", "coming soon", "kit", "DO")));
    }
  }

  /** The search before: each marker over the whole text in turn, then the longest at each offset, no overlaps. */
  private static List<PlaceholderMarkers.Match> perMarker(PlaceholderMarkers markers, String text, List<String> all) {
    List<PlaceholderMarkers.Match> found = new ArrayList<>();
    for (String marker : all) {
      // a marker's matches alone, as the one-pass search finds them for a list of that marker only
      found.addAll(new PlaceholderMarkers(List.of(marker), List.of("占位符")).find(text));
    }
    found.sort(Comparator.comparingInt(PlaceholderMarkers.Match::offset).thenComparing(m -> -m.length()));
    List<PlaceholderMarkers.Match> out = new ArrayList<>();
    int end = -1;
    for (PlaceholderMarkers.Match m : found) {
      if (m.offset() >= end) {
        out.add(m);
        end = m.offset() + m.length();
      }
    }
    return out;
  }
}
