package org.docgate.validate.terminology;

import java.util.Arrays;
import java.util.Optional;

/** The closed set of rule types a rule file may {@code extends}, with the {@code %s} slots its message may use. */
enum RuleKind {
  /** {@code swap}: a variant and the preferred term; message slots: preferred, matched. */
  SUBSTITUTION("substitution", 2),
  /** {@code tokens}: words that must not appear; message slot: matched. */
  EXISTENCE("existence", 1),
  /** {@code either}: two spellings a document must not mix; message slots: dominant, matched. */
  CONSISTENCY("consistency", 2),
  /** {@code terms}: terms with a required case; message slots: required, matched. */
  CAPITALIZATION("capitalization", 2),
  /** {@code pairs}: Chinese term glossed with its English on first use only; message slots: Chinese, English. */
  BILINGUAL_FIRST_USE("bilingual-first-use", 2),
  /**
   * {@code names}, {@code minLength}: a word a letter or two away from a canonical name of the vocabulary
   * ("Kuberenetes"); message slots: the name, matched.
   */
  NEAR_MISS("near-miss", 2),
  /**
   * {@code names}, {@code vocabulary}, {@code learn}: tools and components with one canonical spelling
   * ({@code kubectl}, {@code kube-proxy}, {@code Alertmanager}), from a shipped list and from the corpus's own
   * commands; a use differing only in case or in its separators is flagged. Message slots: the name, matched.
   */
  NAMES("names", 2);

  final String extendsName;
  final int slots;

  RuleKind(String extendsName, int slots) {
    this.extendsName = extendsName;
    this.slots = slots;
  }

  static Optional<RuleKind> of(String name) {
    return Arrays.stream(values()).filter(k -> k.extendsName.equals(name)).findFirst();
  }

  static String names() {
    return String.join(", ", Arrays.stream(values()).map(k -> k.extendsName).toList());
  }
}
