package org.docgate.validate.terminology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CodeWordsTest {
  private static final Set<String> GOVERNED = Set.of("kata", "gvisor", "k8s", "cri-o", "runc");
  private final CodeWords words = new CodeWords(GOVERNED);

  @Test
  void aValueInCodeIsFound() {
    assertEquals(Set.of("kata"), words.in("handler: kata\n"));
    assertEquals(Set.of("kata", "cri-o"), words.in("--runtime=kata --engine cri-o"));
  }

  @Test
  void aNameInsideAPathUrlOrDomainIsNot() {
    assertEquals(Set.of(), words.in("curl https://github.com/gvisor/releases"));
    assertEquals(Set.of(), words.in("image: registry.k8s.io/pause"));
    assertEquals(Set.of(), words.in("kata.conf kata_x x@kata"));
  }

  @Test
  void onlyTheLongestWordCounts() {
    // "kata-deploy" is one word: not the governed "kata"; "Kata" does not start a lower-case word at K
    assertEquals(Set.of(), words.in("kata-deploy Kata 9kata"));
    assertEquals(Set.of("runc"), words.in("(runc)"));
  }

  /** The pass finds what the regular expression it replaced found, on random texts over the interesting characters. */
  @Test
  void findsWhatTheRegexFound() {
    Random random = new Random(21);
    String alphabet = "katgvisor8c-n./_@: \n=KA9é|";
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(random.nextInt(4) == 0 ? GOVERNED.stream().toList().get(random.nextInt(GOVERNED.size()))
            : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
      }
      assertEquals(byRegex(text.toString()), words.in(text.toString()), text.toString());
    }
  }

  private static Set<String> byRegex(String body) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("[a-z][a-z0-9-]*").matcher(body);
    while (m.find()) {
      String w = m.group();
      if (!GOVERNED.contains(w)) {
        continue;
      }
      char before = m.start() > 0 ? body.charAt(m.start() - 1) : ' ';
      char after = m.end() < body.length() ? body.charAt(m.end()) : ' ';
      if ("/._@:".indexOf(before) < 0 && !Character.isLetterOrDigit(before) && "/._@".indexOf(after) < 0
          && !Character.isLetterOrDigit(after)) {
        out.add(w);
      }
    }
    return out;
  }
}
