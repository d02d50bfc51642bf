package org.docgate.report.store;

import java.time.Instant;

/**
 * The newest stored result of one repository of a fleet: which job produced it, which worker, and the run it wrote.
 *
 * @param ref the git ref scanned, or null for a folder
 * @param status {@link RunStatus#COMPLETE} or {@link RunStatus#FAILED}
 * @param runId the run in {@code runs} (corpus id = repository), or null when the job failed before a run began
 * @param error why it failed, else null
 */
public record FleetResult(String repository, String source, String ref, String jobId, Instant submittedAt,
    RunStatus status, Long runId, String worker, Instant storedAt, String error) {}
