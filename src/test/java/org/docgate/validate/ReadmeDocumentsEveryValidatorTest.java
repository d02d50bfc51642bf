package org.docgate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.catalog.ValidatorCatalog;
import org.docgate.finding.Rule;
import org.docgate.markdown.Slugger;
import org.docgate.validate.example.ExampleValidator;
import org.junit.jupiter.api.Test;

/** Every rule and ratio a validator declares is documented in the README section its declaration names. */
class ReadmeDocumentsEveryValidatorTest {
  /** The README's {@code ##}/{@code ###} sections by anchor: heading to the next heading of the same or a higher level. */
  static Map<String, String> sections() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher m = Pattern.compile("(?m)^(#{2,3}) (.+)$").matcher(readme);
    List<int[]> starts = new ArrayList<>();
    List<String> anchors = new ArrayList<>();
    while (m.find()) {
      starts.add(new int[] {m.start(), m.group(1).length()});
      anchors.add(Slugger.slugOf(m.group(2).replace("`", "")));
    }
    Map<String, String> sections = new LinkedHashMap<>();
    for (int i = 0; i < starts.size(); i++) {
      int end = readme.length();
      for (int j = i + 1; j < starts.size(); j++) {
        if (starts.get(j)[1] <= starts.get(i)[1]) {
          end = starts.get(j)[0];
          break;
        }
      }
      sections.put(anchors.get(i), readme.substring(starts.get(i)[0], end));
    }
    return sections;
  }

  static List<ValidatorDeclaration> declarations() {
    List<ValidatorDeclaration> all = new ArrayList<>(ValidatorCatalog.shipped().declarations());
    all.add(ExampleValidator.DECLARATION); // the README's recipe documents it
    return all;
  }

  @Test
  void eachDeclaredRuleIsInItsSection() throws Exception {
    Map<String, String> sections = sections();
    for (ValidatorDeclaration d : declarations()) {
      assertThat(sections).as(d.id() + " names section '" + d.readmeSection() + "'").containsKey(d.readmeAnchor());
      String text = sections.get(d.readmeAnchor());
      for (Rule r : d.rules()) {
        assertThat(text).as(r.id() + " in '" + d.readmeSection() + "'").contains("`" + r.id() + "`");
      }
      if (d.rules().isEmpty()) {
        // rules from data files: the section says how their ids are made
        assertThat(text).as(d.id()).contains("`" + d.id() + "/");
      }
    }
  }

  @Test
  void eachDeclaredRatioIsNamedInItsSection() throws Exception {
    Map<String, String> sections = sections();
    for (ValidatorDeclaration d : declarations()) {
      for (Metric m : d.metrics()) {
        assertThat(sections.get(d.readmeAnchor())).as(m.name() + " in '" + d.readmeSection() + "'")
            .contains("`" + m.name() + "`");
      }
    }
  }

  @Test
  void theSectionsOfAllValidatorsAreListedWhereOnlyIsDocumented() throws Exception {
    String scan = sections().get("docgate-scan-dir");
    for (ValidatorDeclaration d : ValidatorCatalog.SHIPPED) {
      assertThat(scan).as(d.id()).contains("`" + d.id() + "`");
    }
  }
}
