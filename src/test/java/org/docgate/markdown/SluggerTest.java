package org.docgate.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.docgate.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SluggerTest {

  @Test
  void everyGithubSluggerFixturePasses() throws Exception {
    JsonNode cases = new ObjectMapper().readTree(Files.readString(SharedFiles.fixture("github-slugger/fixtures.json")));
    Slugger slugger = new Slugger(); // the cases are sequential: one instance, in order
    List<String> failures = new ArrayList<>();
    for (JsonNode c : cases) {
      String actual = slugger.slug(c.get("input").asText());
      if (!actual.equals(c.get("expected").asText())) {
        failures.add(c.get("name").asText() + ": '" + c.get("input").asText() + "' gave '" + actual
            + "', GitHub gives '" + c.get("expected").asText() + "'");
      }
    }
    assertThat(cases.size()).isGreaterThan(50);
    assertThat(failures).as("github-slugger fixtures that fail").isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "安装步骤|安装步骤",
      "1.1 安装步骤|11-安装步骤",
      "第一章：概述|第一章概述",
      "vShpere_Docker|vshpere_docker",
      "🚀 快速开始|-快速开始",
      "A　B (U+3000 between)|ab-u3000-between",
      "Kubernetes 1.31 新特性|kubernetes-131-新特性",
      "C++ & Go|c--go",
      "--already--|--already--",
  })
  void slugOfOneHeading(String text, String expected) {
    assertThat(Slugger.slugOf(text)).isEqualTo(expected);
  }

  @Test
  void duplicatesAreNumberedUntilUnique() {
    Slugger s = new Slugger();
    assertThat(List.of(s.slug("echo"), s.slug("echo"), s.slug("echo-1"), s.slug("echo")))
        .containsExactly("echo", "echo-1", "echo-1-1", "echo-2");
  }
}
