package org.docgate.pr;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.docgate.config.DocgateConfig;
import org.docgate.corpus.CorpusListing;
import org.docgate.corpus.CorpusScanner;
import org.docgate.corpus.DocumentLoader;
import org.docgate.corpus.LoadedDocument;
import org.docgate.corpus.SourceFile;
import org.docgate.markdown.MarkdownParser;
import org.docgate.scan.IndexedCorpus;
import org.docgate.scan.Indexer;
import org.docgate.scan.Intake;
import org.docgate.scan.ReportAssembler;
import org.docgate.scan.ScanReport;
import org.docgate.scan.ScanRequest;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.ValidatorRegistry;

/**
 * The fast path of {@code docgate pr --touched-only}: the scan's own stages (intake, loader, indexer, validators,
 * assembler) run in process, every document is parsed and indexed (so links and anchors are checked against the
 * whole tree, exactly as in a full scan), but only the touched documents are validated. Validation is most of a
 * scan's cost (snippet subprocesses, terminology), parsing a small part. The report's metrics then describe the
 * touched documents only.
 */
public final class TouchedScan {
  private final DocgateConfig config;
  private final ValidatorRegistry registry;
  private final Clock clock;

  public TouchedScan(DocgateConfig config, ValidatorRegistry registry, Clock clock) {
    this.config = config;
    this.registry = registry;
    this.clock = clock;
  }

  /** One tree listed, parsed and indexed. */
  public record Tree(Path root, CorpusListing listing, IndexedCorpus indexed) {
    LinkIndex links() {
      return LinkIndex.of(indexed.documents(), listing.markdown().stream().map(SourceFile::path).toList());
    }
  }

  public Tree index(Path root) {
    CorpusListing listing = new Intake(new CorpusScanner(config)).collect(new ScanRequest(root, clock.instant()));
    DocumentLoader loader = new DocumentLoader(new MarkdownParser());
    List<LoadedDocument> loaded = listing.markdown().parallelStream().map(loader::load).toList();
    return new Tree(root, listing, new Indexer().index(listing, loaded));
  }

  /** Validates the touched documents of {@code tree}; intake findings are kept for every file (filtered later). */
  public ScanReport validate(Tree tree, Set<String> touched) {
    var request = new ScanRequest(tree.root(), clock.instant());
    List<ValidationResult> results = tree.indexed().documents().parallelStream()
        .filter(d -> touched.contains(d.path()))
        .map(d -> registry.validate(d, tree.indexed().index()))
        .toList();
    return new ReportAssembler(clock, registry).assemble(request, tree.indexed(), results);
  }
}
