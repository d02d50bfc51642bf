package org.docgate.report.store;

import java.time.Instant;

/**
 * What starts a run.
 *
 * @param trigger why it ran: {@code start}, {@code watch}, {@code schedule}, {@code api}, {@code cli}
 * @param revision the corpus's git HEAD commit when it is a git work tree, else null
 */
public record RunStart(String trigger, String corpus, String revision, Instant startedAt) {}
