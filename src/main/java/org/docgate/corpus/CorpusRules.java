package org.docgate.corpus;

import org.docgate.finding.Rule;
import org.docgate.finding.Severity;

/** Rules of corpus intake: files that could not become documents. */
public final class CorpusRules {
  private CorpusRules() {}

  public static final Rule ENCODING =
      new Rule("corpus/encoding", "File is not valid UTF-8 (for example GBK); it was not checked", Severity.ERROR);
  public static final Rule BINARY =
      new Rule("corpus/binary", "File named like Markdown holds binary data; it was not checked", Severity.ERROR);
  public static final Rule UNREADABLE =
      new Rule("corpus/unreadable", "File could not be read (permissions, broken link, not a regular file)",
          Severity.ERROR);
  public static final Rule TOO_LARGE =
      new Rule("corpus/too-large", "File is over the size limit (default 20 MB); it was not checked", Severity.ERROR);
  public static final Rule SYMLINK_LOOP =
      new Rule("corpus/symlink-loop", "Symbolic link leads back into its own folder; not followed", Severity.ERROR);
  public static final Rule SYMLINK_OUTSIDE =
      new Rule("corpus/symlink-outside", "Symbolic link points outside the corpus; not followed", Severity.WARNING);
  public static final Rule UNPARSABLE =
      new Rule("corpus/unparsable", "File nests too deeply to be parsed; it was not checked", Severity.ERROR);

  public static final java.util.List<Rule> ALL =
      java.util.List.of(ENCODING, BINARY, UNREADABLE, TOO_LARGE, SYMLINK_LOOP, SYMLINK_OUTSIDE, UNPARSABLE);
}
