package org.docgate.corpus;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.docgate.config.DeclaredRules;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.MarkdownParser;

/** Reads, decodes and parses one source file. Never throws for a bad file: it returns a finding instead. */
public final class DocumentLoader {
  private static final DeclaredRules RULES = DeclaredRules.of("corpus");

  /** Stack for the rare document whose nesting overflows a normal thread's stack. */
  private static final long DEEP_STACK_BYTES = 512L * 1024 * 1024;
  /**
   * Deeper block quotes or lists are rejected before parsing. No real document comes near it (cmark-gfm, GitHub's
   * parser, stops nesting lists at 100). Below it flexmark stays fast (a 1,000-deep list line: about 0.2 s) and
   * mostly fits a default 1 MB stack, with the big-stack retry for the rest: the outcome never depends on the stack.
   */
  static final int MAX_NESTING = 1_000;

  private final MarkdownParser parser;

  public DocumentLoader(MarkdownParser parser) {
    this.parser = parser;
  }

  public LoadedDocument load(SourceFile source) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(source.file());
    } catch (AccessDeniedException e) {
      return rejected(source, RULES.rule("corpus/unreadable").at(source.path(), 1, 1, "permission denied"));
    } catch (IOException | OutOfMemoryError e) {
      return rejected(source, RULES.rule("corpus/unreadable").at(source.path(), 1, 1,
          "cannot be read: " + e.getMessage()));
    }
    return switch (SourceDecoder.decode(bytes)) {
      case SourceDecoder.Rejected r -> rejected(source, r.rule().at(source.path(), r.line(), r.column(), r.message()));
      case SourceDecoder.Text t -> withWarnings(parse(source, t.text()), invalidBytes(source, t));
    };
  }

  /**
   * One warning per invalid byte sequence of a file that is otherwise UTF-8: GitHub shows each as U+FFFD and renders
   * the rest, so the file is validated as usual. The rule is an error only for a file rejected whole.
   */
  private static List<Finding> invalidBytes(SourceFile source, SourceDecoder.Text text) {
    return text.invalid().stream().map(i -> new Finding("corpus/encoding", Severity.WARNING, source.path(),
        i.line(), i.column(), i.message(), null, null, null)).toList();
  }

  private static LoadedDocument withWarnings(LoadedDocument loaded, List<Finding> warnings) {
    if (warnings.isEmpty()) {
      return loaded;
    }
    List<Finding> all = new ArrayList<>(warnings);
    all.addAll(loaded.findings());
    return new LoadedDocument(loaded.path(), loaded.document(), all);
  }

  private LoadedDocument parse(SourceFile source, String text) {
    NestingDepth.TooDeep tooDeep = NestingDepth.firstLineDeeperThan(text, MAX_NESTING);
    if (tooDeep != null) {
      // Locale.ROOT: fingerprints hash the message, so it must not change with the machine's locale.
      return rejected(source, RULES.rule("corpus/unparsable").at(source.path(), tooDeep.line(), 1, String.format(
          Locale.ROOT, "block quotes or lists nest about %,d levels deep on this line (limit %,d); not checked",
          tooDeep.depth(), MAX_NESTING)));
    }
    try {
      return new LoadedDocument(source.path(), parser.parse(source.path(), text), List.of());
    } catch (StackOverflowError e) {
      return parseOnDeepStack(source, text);
    } catch (RuntimeException e) {
      return parserFailed(source, e);
    }
  }

  private LoadedDocument parseOnDeepStack(SourceFile source, String text) {
    AtomicReference<MarkdownDocument> result = new AtomicReference<>();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        result.set(parser.parse(source.path(), text));
      } catch (StackOverflowError ignored) {
        // reported below
      } catch (RuntimeException e) {
        failure.set(e); // uncaught, the JVM would print its stack trace to stderr
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
    if (failure.get() != null) {
      return parserFailed(source, failure.get());
    }
    return rejected(source, RULES.rule("corpus/unparsable").at(source.path(), 1, 1,
        "nesting (emphasis, links, block quotes or lists) is too deep for the Markdown parser; not checked"));
  }

  /** A flexmark bug on some input must cost that one file, not the whole scan. */
  private static LoadedDocument parserFailed(SourceFile source, RuntimeException e) {
    return rejected(source, RULES.rule("corpus/unparsable").at(source.path(), 1, 1,
        "the Markdown parser failed on this file (" + e + "); not checked"));
  }

  private static LoadedDocument rejected(SourceFile source, Finding finding) {
    return new LoadedDocument(source.path(), null, List.of(finding));
  }
}
