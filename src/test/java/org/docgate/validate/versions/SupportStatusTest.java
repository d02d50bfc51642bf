package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CueWords;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged status words answer as a loop of {@link CueWords#containsWord} over the lower-cased text did (they are
 * now found in one pass): Chinese words anywhere, English ones as whole words, ignoring case.
 */
class SupportStatusTest {
  private static final SupportStatus STATUS = SupportStatus.load(RuleFiles.packaged());

  @ParameterizedTest(name = "\"{0}\": unsupported {1}, supported {2}, in text {3}")
  @CsvSource(delimiter = '|', textBlock = """
      vSphere 5.5 (EOL)                  | true  | false | false
      eoliths and legacy-free            | true  | false | false
      Eolith                             | false | false | false
      ├── vSphere 6.7 (支持中)             | false | true  | true
      推荐: 1.29                          | false | true  | true
      不推荐: <1.27                        | true  | true  | true
      Kubernetes 1.30 is Supported       | false | true  | true
      unsupportedness                    | false | false | false
      Deprecated in 1.25, NOT SUPPORTED  | true  | true  | true
      使用Deprecated的API                  | true  | false | false
      ''                                 | false | false | false
      """)
  void answersAsOneSearchPerWordDid(String text, boolean unsupported, boolean supported, boolean inText) {
    assertThat(STATUS.saysUnsupported(text)).isEqualTo(unsupported).isEqualTo(loop(STATUS.unsupported(), text));
    assertThat(STATUS.saysSupported(text)).isEqualTo(supported)
        .isEqualTo(loop(STATUS.supported(), text) || loop(STATUS.supportedInText(), text));
    assertThat(STATUS.saysSupportedInText(text)).isEqualTo(inText).isEqualTo(loop(STATUS.supportedInText(), text));
  }

  private static boolean loop(List<String> words, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return words.stream().anyMatch(w -> CueWords.containsWord(lower, w));
  }
}
