package org.docgate.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.docgate.catalog.ValidatorCatalog;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.docgate.validate.Metric;
import org.docgate.validate.SeverityOverrides;
import org.docgate.validate.Validator;
import org.docgate.validate.ValidatorDeclaration;
import org.docgate.validate.example.ExampleValidator;
import org.junit.jupiter.api.Test;

class ValidatorRegistryTest {
  static ValidatorRegistry.Builder builder() {
    return ValidatorRegistry.builder(DocgateConfig.defaults(), RuleFiles.packaged());
  }

  @Test
  void theBuilderBuildsEveryShippedValidatorInRegistryOrder() {
    assertThat(builder().build().validators()).extracting(Validator::id)
        .containsExactly("links", "versions", "completeness", "weblinks", "terms", "snippets");
    assertThat(builder().only(List.of("terms", "links")).build().validators()).extracting(Validator::id)
        .containsExactly("links", "terms");
  }

  /** A validator that records when its corpus step ran. */
  private static Validator recording(String id, boolean background, List<String> prepared) {
    return recording(new ValidatorDeclaration(id, id, id, List.of(), List.of(), null), background, prepared);
  }

  private static Validator recording(ValidatorDeclaration d, boolean background, List<String> prepared) {
    String id = d.id();
    return new Validator() {
      @Override
      public ValidatorDeclaration declaration() {
        return d;
      }

      @Override
      public org.docgate.validate.ValidationResult validate(org.docgate.markdown.MarkdownDocument document,
          org.docgate.corpus.CorpusIndex index) {
        return org.docgate.validate.ValidationResult.EMPTY;
      }

      @Override
      public org.docgate.validate.Prepared prepare(org.docgate.corpus.CorpusIndex index,
          java.util.Collection<org.docgate.markdown.MarkdownDocument> documents,
          org.docgate.validate.Prepared previous) {
        prepared.add(id);
        return org.docgate.validate.Prepared.NONE;
      }

      @Override
      public boolean startsInBackground() {
        return background;
      }
    };
  }

  @Test
  void aValidatorWhoseCorpusStepStartsBackgroundWorkIsPreparedFirst() {
    List<String> prepared = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    ValidatorRegistry registry = new ValidatorRegistry(List.of(recording("links", false, prepared),
        recording("terms", false, prepared), recording("snippets", true, prepared)), Map.of());
    registry.prepare(null, v -> List.of(), org.docgate.validate.PreparedCorpus.NONE);
    assertThat(prepared.getFirst()).isEqualTo("snippets");
    assertThat(prepared.subList(1, 3)).as("then the others, side by side").containsExactlyInAnyOrder("links", "terms");
    assertThat(registry.validators()).extracting(Validator::id).as("registry order unchanged")
        .containsExactly("links", "terms", "snippets");
  }

  /** A validator whose corpus step holds until another one's has started: they never meet when run one by one. */
  private static Validator meeting(String id, java.util.concurrent.CountDownLatch both, List<Boolean> met) {
    return new Validator() {
      @Override
      public ValidatorDeclaration declaration() {
        return new ValidatorDeclaration(id, id, id, List.of(), List.of(), null);
      }

      @Override
      public org.docgate.validate.ValidationResult validate(org.docgate.markdown.MarkdownDocument document,
          org.docgate.corpus.CorpusIndex index) {
        return org.docgate.validate.ValidationResult.EMPTY;
      }

      @Override
      public org.docgate.validate.Prepared prepare(org.docgate.corpus.CorpusIndex index,
          java.util.Collection<org.docgate.markdown.MarkdownDocument> documents,
          org.docgate.validate.Prepared previous) {
        both.countDown();
        try {
          met.add(both.await(10, java.util.concurrent.TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return org.docgate.validate.Prepared.NONE;
      }
    };
  }

  /**
   * The corpus steps run side by side (issue 21.3: after an edit each is mostly the edited document's own pass, and
   * run one after another they left the second core idle), and each validator gets its own prepared state.
   */
  @Test
  void theValidatorsCorpusStepsRunSideBySide() {
    java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
    List<Boolean> met = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    ValidatorRegistry registry = new ValidatorRegistry(List.of(meeting("versions", both, met),
        meeting("terms", both, met)), Map.of());
    registry.prepare(null, v -> List.of(), org.docgate.validate.PreparedCorpus.NONE);
    assertThat(met).containsExactly(true, true);
  }

  @Test
  void aStartedRegistryIsReturnedWhileItsValidatorsAreBuiltAndWaitsForThem() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<String> prepared = new java.util.ArrayList<>();
    AtomicReference<ValidatorDeclaration> declared = new AtomicReference<>();
    declared.set(new ValidatorDeclaration("slow", "slow", "slow", List.of(), List.of(), in -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return recording(declared.get(), false, prepared);
    }));
    ValidatorDeclaration slow = declared.get();
    ValidatorRegistry registry = builder().add(slow).only(List.of("links", "slow")).start(); // slow not yet built
    release.countDown();
    assertThat(registry.awaitBuilt().validators()).extracting(Validator::id).containsExactly("links", "slow");
    assertThat(registry.catalog().validatorOf("links/missing-file")).isEqualTo("links");
  }

  @Test
  void aStartedRegistryThrowsWhatBuildingThrewAtEachUse() {
    ValidatorDeclaration broken = new ValidatorDeclaration("broken", "broken", "broken", List.of(), List.of(),
        in -> {
          throw new org.docgate.config.ConfigException("broken.yaml:3: not a rule");
        });
    ValidatorRegistry registry = builder().add(broken).start();
    assertThatThrownBy(registry::awaitBuilt).hasMessage("broken.yaml:3: not a rule");
    assertThatThrownBy(registry::validators).hasMessage("broken.yaml:3: not a rule");
    assertThatThrownBy(() -> builder().only(Set.of("link")).start()).as("an unknown id is refused at once")
        .hasMessageStartingWith("unknown validator 'link'");
  }

  @Test
  void anUnknownValidatorNamesTheKnownOnes() {
    assertThatThrownBy(() -> builder().only(Set.of("link")).build())
        .hasMessage("unknown validator 'link' (known: links, versions, completeness, weblinks, terms, snippets)");
  }

  @Test
  void aValidatorIsRegisteredOnce() {
    assertThatThrownBy(() -> builder().add(ExampleValidator.DECLARATION).add(ExampleValidator.DECLARATION))
        .hasMessageContaining("'example'");
  }

  @Test
  void aRatioCountedUnderAnotherPrefixIsRefusedWhereItIsDeclared() {
    // the old terminology.* counters of the terms validator would no longer load
    assertThatThrownBy(() -> new ValidatorDeclaration("terms", "Terminology", "Terminology (terms)", List.of(),
        List.of(new Metric("terminologyConsistency", "terminology.preferred", "terminology.uses")), null))
        .hasMessageContaining("counters start with 'terms.'");
  }

  @Test
  void eachRuleIsOwnedByTheValidatorDeclaringItElseByItsFamily() {
    ValidatorCatalog catalog = builder().build().catalog();
    assertThat(catalog.validatorOf("links/external-broken")).isEqualTo("weblinks");
    assertThat(catalog.validatorOf("links/missing-file")).isEqualTo("links");
    assertThat(catalog.validatorOf("terms/docgate.Kubernetes")).isEqualTo("terms");
    assertThat(catalog.validatorOf("corpus/encoding")).isEqualTo("corpus");
    assertThat(catalog.validatorOf("docgate/internal-error")).isEqualTo("docgate");
    assertThat(catalog.validatorOf("nobody/knows")).isEqualTo("nobody");
    assertThat(catalog.rules()).extracting(r -> r.id()).contains("terms/docgate.Kubernetes", "snippets/syntax")
        .doesNotHaveDuplicates();
    // an example's ended image is advice, and a config's rules: may raise it (only a catalog rule is accepted there)
    assertThat(catalog.rules()).filteredOn(r -> r.id().equals("versions/eol-example"))
        .extracting(r -> r.severity()).containsExactly(Severity.INFO);
  }

  @Test
  void severityOverridesChangeOrDropFindingsInOnePlace() {
    SeverityOverrides overrides = new SeverityOverrides(Map.of("links/anchor-case", Optional.of(Severity.ERROR),
        "corpus/symlink-outside", Optional.empty()));
    Finding anchor = new Finding("links/anchor-case", Severity.INFO, "a.md", 1, 1, "m", null, null, null);
    Finding symlink = new Finding("corpus/symlink-outside", Severity.WARNING, "b.md", 1, 1, "m", null, null, null);
    Finding other = new Finding("links/missing-file", Severity.ERROR, "c.md", 1, 1, "m", null, null, null);

    assertThat(overrides.apply(List.of(anchor, symlink, other))).extracting(f -> f.rule() + " " + f.severity())
        .containsExactly("links/anchor-case ERROR", "links/missing-file ERROR");
    assertThat(overrides.severityOf(symlink)).isEmpty();
    assertThat(overrides.severityOf(other)).contains(Severity.ERROR);
    assertThat(overrides.isOff("corpus/symlink-outside")).isTrue();
  }
}
