package org.docgate.scan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.docgate.catalog.ValidatorCatalog;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.Futures;
import org.docgate.finding.Finding;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;
import org.docgate.http.Network;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.validate.Metric;
import org.docgate.validate.Prepared;
import org.docgate.validate.PreparedCorpus;
import org.docgate.validate.SeverityOverrides;
import org.docgate.validate.Tally;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.Validator;
import org.docgate.validate.ValidatorDeclaration;
import org.docgate.validate.ValidatorInputs;
import org.docgate.validate.weblinks.WebLinkValidator;

/**
 * The validators chosen for a run (from {@link ValidatorCatalog#ValidatorCatalog.SHIPPED}, the one list of validators), and the config's
 * per-rule severity overrides. Thread-safe.
 */
public final class ValidatorRegistry {
  /** The validators, built now or still being built ({@link Builder#start}); every method waits for them. */
  private final Future<Chosen> chosen;

  /** What the registry answers with once its validators are built. */
  private record Chosen(List<Validator> validators, SeverityOverrides overrides, ValidatorCatalog catalog) {}

  public ValidatorRegistry(List<Validator> validators, Map<String, Optional<Severity>> overrides) {
    this.chosen = CompletableFuture.completedFuture(chosen(validators, overrides));
  }

  private ValidatorRegistry(Future<Chosen> chosen) {
    this.chosen = chosen;
  }

  private static Chosen chosen(List<Validator> validators, Map<String, Optional<Severity>> overrides) {
    List<Validator> copy = List.copyOf(validators);
    List<Rule> built = new ArrayList<>();
    copy.forEach(v -> built.addAll(v.rules()));
    return new Chosen(copy, new SeverityOverrides(overrides),
        new ValidatorCatalog(copy.stream().map(Validator::declaration).toList(), built));
  }

  /** The built validators: waits while {@link Builder#start} builds them, throws what building threw. */
  private Chosen chosen() {
    return Futures.await(chosen, "the validators' rules");
  }

  /**
   * Waits until the validators are built; throws what building them threw (a broken rule file, a config naming an
   * unknown rule), as {@link Builder#build} would have.
   */
  public ValidatorRegistry awaitBuilt() {
    chosen();
    return this;
  }

  /** A registry of the shipped validators built from this config and rules folder; see {@link Builder}. */
  public static Builder builder(DocgateConfig config, RuleFiles rules) {
    return new Builder(config, rules);
  }

  /**
   * Chooses and builds validators. Defaults: all shipped validators, the system clock (it dates end-of-life checks),
   * no network (external links are counted as unchecked and nothing is fetched).
   */
  public static final class Builder {
    private final DocgateConfig config;
    private final RuleFiles rules;
    private final List<ValidatorDeclaration> declared = new ArrayList<>(ValidatorCatalog.SHIPPED);
    private Set<String> only = Set.of();
    private Clock clock = Clock.systemUTC();
    private Network network = Network.none();
    private java.nio.file.Path cacheFolder;

    private Builder(DocgateConfig config, RuleFiles rules) {
      this.config = config;
      this.rules = rules;
    }

    /** Only the validators with these ids ({@code --only}); empty: all. */
    public Builder only(Collection<String> ids) {
      this.only = new LinkedHashSet<>(ids);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder network(Network network) {
      this.network = network;
      return this;
    }

    /** Where validators keep results between runs (see {@link ValidatorInputs#cacheFolder()}); default: nowhere. */
    public Builder cacheFolder(java.nio.file.Path folder) {
      this.cacheFolder = folder;
      return this;
    }

    /** One more validator, after the shipped ones (a plugin, or a test's own). */
    public Builder add(ValidatorDeclaration declaration) {
      if (declaration.factory() == null || declared.stream().anyMatch(d -> d.id().equals(declaration.id()))) {
        throw new IllegalArgumentException("validator '" + declaration.id() + "' has no factory or is already "
            + "registered");
      }
      declared.add(declaration);
      return this;
    }

    /**
     * Builds the chosen validators and checks the config's rule ids against every validator's rules.
     *
     * @throws IllegalArgumentException for an unknown id in {@link #only}, listing the known ones
     */
    public ValidatorRegistry build() {
      checkOnly();
      ValidatorInputs inputs = new ValidatorInputs(config, rules, clock, network, cacheFolder);
      // Built only when chosen: the version data alone takes 0.4 s of CPU to load, which a links-only scan need not
      // pay.
      List<ValidatorDeclaration> wanted = declared.stream()
          .filter(d -> only.isEmpty() || only.contains(d.id())).toList();
      List<Validator> chosen = buildAll(wanted, inputs);
      for (int i = 0; i < wanted.size(); i++) {
        Validator v = chosen.get(i);
        if (v.declaration() != wanted.get(i)) {
          throw new IllegalStateException("validator " + v.getClass().getSimpleName() + " declares "
              + v.declaration().id() + ", built from the declaration of " + wanted.get(i).id());
        }
      }
      // Rule ids in the config are checked against every validator's rules, not only the chosen ones (--only must
      // not turn a config that is right into an error); the others are built only when the chosen ones and the
      // declarations do not explain it.
      Set<String> ruleIds = new LinkedHashSet<>();
      ValidatorCatalog.INTAKE.rules().forEach(r -> ruleIds.add(r.id()));
      ruleIds.add(ValidatorCatalog.INTERNAL_ERROR.id());
      declared.forEach(d -> d.rules().forEach(r -> ruleIds.add(r.id())));
      chosen.forEach(v -> v.rules().forEach(r -> ruleIds.add(r.id())));
      if (!ruleIds.containsAll(config.ruleSeverities().keySet())) {
        for (ValidatorDeclaration d : declared) {
          if (!(only.isEmpty() || only.contains(d.id()))) {
            d.factory().apply(inputs).rules().forEach(r -> ruleIds.add(r.id()));
          }
        }
      }
      config.checkRuleIds(ruleIds);
      return new ValidatorRegistry(chosen, config.ruleSeverities());
    }

    /**
     * As {@link #build}, on a thread of its own: the registry is returned at once and each of its methods waits
     * until the validators are built, and throws what {@link #build} would have thrown. A one-shot scan reads and
     * parses the corpus (and starts Camel) meanwhile: the rules take ~1 s of a 2-core machine's start-up, most of it
     * one thread reading the end-of-life data while the other core had nothing to do. An unknown {@link #only} id
     * is still refused here.
     *
     * @throws IllegalArgumentException for an unknown id in {@link #only}, listing the known ones
     */
    public ValidatorRegistry start() {
      checkOnly();
      FutureTask<Chosen> task = new FutureTask<>(() -> build().chosen());
      Thread t = new Thread(task, "docgate-rules");
      t.setDaemon(true);
      t.start();
      return new ValidatorRegistry(task);
    }

    private void checkOnly() {
      List<String> known = declared.stream().map(ValidatorDeclaration::id).toList();
      for (String id : only) {
        if (!known.contains(id)) {
          throw new IllegalArgumentException("unknown validator '" + id + "' (known: " + String.join(", ", known)
              + ")");
        }
      }
    }
  }

  /**
   * Each validator built from its rules on a thread of its own, in declaration order in the list: the version data
   * alone takes 0.4-0.5 s of CPU to load and the other validators' rules about half as much, while the scan's
   * second core has nothing to do yet. A factory's failure is thrown as it would be by a loop over the declarations
   * (the first failing one in declaration order).
   */
  private static List<Validator> buildAll(List<ValidatorDeclaration> wanted, ValidatorInputs inputs) {
    List<FutureTask<Validator>> tasks = new ArrayList<>();
    for (ValidatorDeclaration d : wanted) {
      tasks.add(new FutureTask<>(() -> d.factory().apply(inputs)));
    }
    for (int i = 1; i < tasks.size(); i++) {
      Thread t = new Thread(tasks.get(i), "docgate-rules-" + wanted.get(i).id());
      t.setDaemon(true);
      t.start();
    }
    if (!tasks.isEmpty()) {
      tasks.getFirst().run();
    }
    List<Validator> built = new ArrayList<>();
    for (FutureTask<Validator> task : tasks) {
      built.add(Futures.await(task, "the validators' rules"));
    }
    return built;
  }

  public List<Validator> validators() {
    return chosen().validators();
  }

  /** The chosen validators' rules. */
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    validators().forEach(v -> rules.addAll(v.rules()));
    return rules;
  }

  /** Every rule a finding of this run can carry (intake's, docgate's, the chosen validators') and who owns each. */
  public ValidatorCatalog catalog() {
    return chosen().catalog();
  }

  /** Runs every validator on one document (each one's corpus step run for it alone), then applies overrides. */
  public ValidationResult validate(MarkdownDocument document, CorpusIndex index) {
    return validate(document, index, v -> true);
  }

  /** As {@link #validate(MarkdownDocument, CorpusIndex)}, the chosen validators only. */
  public ValidationResult validate(MarkdownDocument document, CorpusIndex index, Predicate<Validator> which) {
    return validate(document, index, prepare(index, v -> List.of(document), PreparedCorpus.NONE), which);
  }

  /**
   * Every validator's corpus step ({@link Validator#prepare}): those that start background work
   * ({@link Validator#startsInBackground}) first, then the others side by side. A validator whose step fails is
   * reported on each document it would have validated, like a crash in {@link Validator#validate}.
   *
   * @param documents the documents each validator will validate in this scan
   * @param previous the previous scan's prepared states (the service), or {@link PreparedCorpus#NONE}
   */
  public PreparedCorpus prepare(CorpusIndex index, Function<Validator, Collection<MarkdownDocument>> documents,
      PreparedCorpus previous) {
    List<Validator> validators = validators();
    Map<String, Prepared> prepared = new ConcurrentHashMap<>();
    // the validators whose corpus step starts background work (snippet processes) first, so it overlaps the others'
    validators.stream().filter(Validator::startsInBackground)
        .forEach(v -> prepared.put(v.id(), prepareOne(v, index, documents, previous)));
    List<FutureTask<Prepared>> steps = new ArrayList<>();
    List<Validator> rest = validators.stream().filter(v -> !v.startsInBackground()).toList();
    rest.forEach(v -> steps.add(new FutureTask<>(() -> prepared.put(v.id(), prepareOne(v, index, documents,
        previous)), null)));
    sideBySide(steps);
    Map<String, Prepared> ordered = new LinkedHashMap<>();
    validators.forEach(v -> ordered.put(v.id(), prepared.get(v.id())));
    return new PreparedCorpus(ordered);
  }

  private static Prepared prepareOne(Validator v, CorpusIndex index,
      Function<Validator, Collection<MarkdownDocument>> documents, PreparedCorpus previous) {
    try {
      return v.prepare(index, documents.apply(v), previous.of(v));
    } catch (RuntimeException | StackOverflowError e) {
      return new Failed(e);
    }
  }

  /**
   * The validators' corpus steps side by side: the calling thread and a helper per other core take the next step
   * from the list, and the caller waits for the last one. They ran one after another on the calling thread: after an
   * edit most of each is the edited document's own pass (versions', terms' agreement), and the second core had
   * nothing to do (issue 21.3). Their shared corpus values are computed once whoever asks first
   * ({@link CorpusIndex#derived}).
   */
  private static void sideBySide(List<FutureTask<Prepared>> steps) {
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < steps.size(); i = next.getAndIncrement()) {
        steps.get(i).run();
      }
    };
    // one helper at least, also on one core: a step that waits (on a corpus value, a lock) leaves the core to another
    int helpers = Math.min(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), steps.size() - 1);
    for (int h = 0; h < helpers; h++) {
      CORPUS_STEPS.execute(worker);
    }
    worker.run();
    for (FutureTask<Prepared> step : steps) {
      Futures.await(step, "a validator's corpus step");
    }
  }

  /** The helpers of {@link #sideBySide}: daemon threads, kept a minute between scans (an edit every few seconds). */
  private static final ExecutorService CORPUS_STEPS = Executors.newCachedThreadPool(
      Thread.ofPlatform().daemon().name("docgate-corpus-step-", 0).factory());

  /**
   * The documents whose result of {@code v} can differ from its previous one ({@link Prepared#revalidate()}); null
   * (every document) when this scan's or the previous scan's corpus step crashed: the documents' kept results are
   * then the crash's, or the validator's own memory of them predates it.
   */
  public Set<String> revalidate(Validator v, PreparedCorpus prepared, PreparedCorpus previous) {
    Prepared now = prepared.of(v);
    return now instanceof Failed || previous.of(v) instanceof Failed ? null : now.revalidate();
  }

  /** A corpus step that crashed: each document it would have served gets the internal error instead. */
  private record Failed(Throwable error) implements Prepared {}

  /** Runs the chosen validators on one document, then applies suppressions and severity overrides. */
  public ValidationResult validate(MarkdownDocument document, CorpusIndex index, PreparedCorpus prepared,
      Predicate<Validator> which) {
    ValidationResult total = ValidationResult.EMPTY;
    for (Validator v : validators()) {
      if (!which.test(v)) {
        continue;
      }
      if (prepared.of(v) instanceof Failed failed) {
        total = total.plus(crashed(document, v, failed.error()));
        continue;
      }
      try {
        total = total.plus(v.validate(document, index, prepared.of(v)));
      } catch (RuntimeException | StackOverflowError e) {
        // A validator bug must not lose the rest of the scan: report it where it happened.
        total = total.plus(crashed(document, v, e));
      }
    }
    return shown((rule, line, path) -> document.isSuppressed(rule, line), total);
  }

  private static ValidationResult crashed(MarkdownDocument document, Validator v, Throwable e) {
    return new ValidationResult(List.of(ValidatorCatalog.INTERNAL_ERROR.at(document.path(), 1, 1,
        "validator '" + v.id() + "' failed on this document: " + e)), Map.of());
  }

  /**
   * The corpus-wide findings and counters of the prepared states ({@link Prepared#corpusResult()}), once per scan,
   * with the suppressions of the documents the findings are in and the severity overrides applied.
   */
  public ValidationResult corpusResult(PreparedCorpus prepared, CorpusIndex index) {
    ValidationResult total = ValidationResult.EMPTY;
    for (Validator v : validators()) {
      total = total.plus(prepared.of(v).corpusResult());
    }
    return shown((rule, line, path) -> {
      MarkdownDocument doc = index.documents().get(path);
      return doc != null && doc.isSuppressed(rule, line);
    }, total);
  }

  /** Whether an inline comment silences a rule on a line of a document. */
  private interface Silenced {
    boolean test(String rule, int line, String path);
  }

  /**
   * What the report shows of a result: findings silenced by an inline comment or turned off in the config leave it,
   * and so do the counters their items added (their {@link Tally}), so that every ratio and gate counts what is
   * shown. Each left-out finding is counted in {@code suppressed.<family>.inline|off}.
   */
  private ValidationResult shown(Silenced silenced, ValidationResult total) {
    Map<String, Long> counters = new TreeMap<>(total.counters());
    Set<Finding> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Finding> kept = new ArrayList<>();
    SeverityOverrides overrides = chosen().overrides();
    for (Finding f : total.findings()) {
      String reason = silenced.test(f.rule(), f.line(), f.path()) ? "inline"
          : overrides.isOff(f.rule()) ? "off" : null;
      if (reason == null) {
        kept.add(f);
      } else {
        dropped.add(f);
        counters.merge("suppressed." + catalog().validatorOf(f.rule()) + "." + reason, 1L, Long::sum);
      }
    }
    for (Tally t : total.tallies()) {
      if (dropped.contains(t.finding())) {
        t.counters().forEach(c -> counters.computeIfPresent(c, (k, v) -> v > 1 ? v - 1 : null));
      }
    }
    return new ValidationResult(applyOverrides(kept), counters);
  }

  /** The chosen validators' facts about a corpus (see {@link Validator#facts}). */
  public Map<String, String> facts(CorpusIndex index) {
    Map<String, String> facts = new java.util.TreeMap<>();
    validators().forEach(v -> facts.putAll(v.facts(index)));
    return facts;
  }

  /** Every metric of the chosen validators, in registry order. */
  public List<Metric> metrics() {
    List<Metric> metrics = new ArrayList<>();
    validators().forEach(v -> metrics.addAll(v.metrics()));
    return metrics;
  }

  /** Applies severity overrides (and "off") to any findings, including intake's. */
  public List<Finding> applyOverrides(List<Finding> findings) {
    return chosen().overrides().apply(findings);
  }
}
