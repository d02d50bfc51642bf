package org.docgate.validate.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.docgate.corpus.CorpusIndex;
import org.docgate.markdown.MarkdownDocument;
import org.junit.jupiter.api.Test;

/**
 * The corpus decisions a terms pass reads (house style, learned names, the glossaries' choices, the commands the
 * corpus runs) are combinations of per-document parts ({@code CorpusIndex.combined}): the service's next index takes
 * each over while the edited document's part is as it was, and otherwise updates it to what a fresh index decides
 * (issue 21.3: each was combined from every document's part on every edit).
 */
class CorpusDecisionsTest {
  private static final String RUNS = "# T\n\nUse istioctl to check the mesh; istioctl reads the config.\n\n```bash\n"
      + "$ istioctl analyze\nsudo /usr/local/bin/istioctl proxy-status | grep SYNCED\n```\n";
  private static final String GLOSSED = "# 概述\n\n服务网格（Service Mesh）负责服务间通信。\n";

  private final TerminologyValidator validator = HouseStyleTest.packaged(Set.of());
  private final Map<String, MarkdownDocument> docs = new LinkedHashMap<>();

  private CorpusIndex put(String path, String text) {
    docs.put(path, TerminologyValidatorTest.PARSER.parse(path, text));
    return new CorpusIndex(Path.of("."), docs.keySet(), Set.of(""), docs);
  }

  private CorpusIndex edit(CorpusIndex before, String path, String text) {
    CorpusIndex next = put(path, text);
    next.inherit(before);
    return next;
  }

  private CorpusIndex first() {
    put("a.md", RUNS);
    put("b.md", RUNS);
    put("c.md", GLOSSED);
    return put("d.md", "# D\n\nThen run the Istioctl binary again.\n");
  }

  /** What a pass reads of the corpus, as values: house-style facts, learned names, choices, commands run. */
  private Map<String, Object> decisions(CorpusIndex index) {
    return Map.of("facts", validator.facts(index), "learned", validator.learned(index).names(),
        "choices", validator.choices(index), "ran", validator.ran(index));
  }

  @Test
  void anEditThatChangesNoPartKeepsEveryDecision() {
    CorpusIndex first = first();
    HouseStyle house = validator.houseStyle(first);
    TerminologyValidator.Learned learned = validator.learned(first);
    CorpusChoices choices = validator.choices(first);
    Set<String> ran = validator.ran(first);
    assertThat(learned.names()).containsExactly("istioctl");
    CorpusIndex next = edit(first, "d.md", "# D\n\nThen run the Istioctl binary again.\n\nOne more line.\n");
    assertThat(validator.houseStyle(next)).isSameAs(house);
    assertThat(validator.learned(next)).isSameAs(learned);
    assertThat(validator.choices(next)).isSameAs(choices);
    assertThat(validator.ran(next)).isSameAs(ran);
    assertThat(next.documentValuesComputed()).containsOnlyKeys("d.md");
  }

  @Test
  void editsThatChangeAPartDecideWhatAFreshIndexDecides() {
    CorpusIndex index = first();
    decisions(index);
    String[][] edits = {
        {"c.md", "# 概述\n\n服务网格负责服务间通信。\n"}, // the only first use no longer glossed
        {"d.md", "# D\n\nistioctl, istioctl and istioctl.\n\n```bash\nkubectl get pods\n```\n"},
        {"b.md", "# T\n\nNo commands here.\n"}, // istioctl is run in one document only: not learned
        {"b.md", RUNS + "\n```bash\nkubectl apply -f x.yaml\n```\n"},
        {"a.md", "# T\n\nIstioctl, Istioctl.\n"}};
    for (String[] e : edits) {
      CorpusIndex next = edit(index, e[0], e[1]);
      assertThat(decisions(next)).as(e[0] + " edited")
          .isEqualTo(decisions(new CorpusIndex(Path.of("."), docs.keySet(), Set.of(""), docs)));
      index = next;
    }
  }
}
