package org.docgate.scan;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusScanner;
import org.docgate.corpus.DocumentLoader;
import org.docgate.corpus.LoadedDocument;
import org.docgate.corpus.SourceFile;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.ValidatorRegistry;
import org.docgate.validate.weblinks.Network;

/** Runs the pipeline's beans in order, in this thread, without Camel: fast fixture tests of the core. */
public final class Scans {
  public static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private Scans() {}

  public static ScanReport run(Path corpus) {
    return run(corpus, DocgateConfig.defaults());
  }

  public static ScanReport run(Path corpus, DocgateConfig config) {
    return run(corpus, config, RuleFiles.packaged());
  }

  /** A scan with a rules folder of one's own ({@code RuleFiles.overlay(dir)}). */
  public static ScanReport run(Path corpus, DocgateConfig config, RuleFiles rules) {
    ValidatorRegistry registry = ValidatorRegistry.builder(config, rules).build();
    var listing = new Intake(new CorpusScanner(config)).collect(new ScanRequest(corpus, FIXED_CLOCK.instant()));
    DocumentLoader loader = new DocumentLoader(new MarkdownParser());
    List<LoadedDocument> loaded = new ArrayList<>();
    for (SourceFile f : listing.markdown()) {
      loaded.add(loader.load(f));
    }
    IndexedCorpus indexed = new Indexer().index(listing, loaded);
    List<ValidationResult> results = new ArrayList<>();
    for (MarkdownDocument d : indexed.documents()) {
      results.add(registry.validate(d, indexed.index()));
    }
    return new ReportAssembler(FIXED_CLOCK, registry)
        .assemble(new ScanRequest(corpus, FIXED_CLOCK.instant()), indexed, results);
  }

  /** The number at a dotted path of the report's stats ({@code weblinks.links.ok}), 0 when absent. */
  @SuppressWarnings("unchecked")
  public static long stat(ScanReport report, String dotted) {
    Object node = report.stats();
    for (String part : dotted.split("\\.")) {
      if (!(node instanceof java.util.Map<?, ?> m) || !m.containsKey(part)) {
        return 0;
      }
      node = ((java.util.Map<String, Object>) m).get(part);
    }
    return node instanceof Long l ? l : 0;
  }
}
