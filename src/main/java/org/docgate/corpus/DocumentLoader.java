package org.docgate.corpus;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;

/** Reads, decodes and parses one source file. Never throws for a bad file: it returns a finding instead. */
public final class DocumentLoader {
  /** Stack for the rare document whose nesting overflows a normal thread's stack. */
  private static final long DEEP_STACK_BYTES = 512L * 1024 * 1024;

  private final MarkdownParser parser;

  public DocumentLoader(MarkdownParser parser) {
    this.parser = parser;
  }

  public LoadedDocument load(SourceFile source) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(source.file());
    } catch (AccessDeniedException e) {
      return rejected(source, CorpusRules.UNREADABLE.at(source.path(), 1, 1, "permission denied"));
    } catch (IOException | OutOfMemoryError e) {
      return rejected(source, CorpusRules.UNREADABLE.at(source.path(), 1, 1, "cannot be read: " + e.getMessage()));
    }
    return switch (SourceDecoder.decode(bytes)) {
      case SourceDecoder.Rejected r -> rejected(source, r.rule().at(source.path(), r.line(), r.column(), r.message()));
      case SourceDecoder.Text t -> parse(source, t.text());
    };
  }

  private LoadedDocument parse(SourceFile source, String text) {
    try {
      return new LoadedDocument(source.path(), parser.parse(source.path(), text), List.of());
    } catch (StackOverflowError e) {
      return parseOnDeepStack(source, text);
    }
  }

  private LoadedDocument parseOnDeepStack(SourceFile source, String text) {
    AtomicReference<MarkdownDocument> result = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        result.set(parser.parse(source.path(), text));
      } catch (StackOverflowError ignored) {
        // reported below
      }
    }, "docgate-deep-parse", DEEP_STACK_BYTES);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (result.get() != null) {
      return new LoadedDocument(source.path(), result.get(), List.of());
    }
    return rejected(source, CorpusRules.UNPARSABLE.at(source.path(), 1, 1,
        "nesting (block quotes or lists) is too deep for the Markdown parser; not checked"));
  }

  private static LoadedDocument rejected(SourceFile source, org.docgate.finding.Finding finding) {
    return new LoadedDocument(source.path(), null, List.of(finding));
  }
}
