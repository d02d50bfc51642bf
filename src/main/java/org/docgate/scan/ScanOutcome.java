package org.docgate.scan;

import org.docgate.report.ScanReport;

/** What one pass through the pipeline made: the report, and the state a later scan of the same corpus may reuse. */
public record ScanOutcome(ScanReport report, ScanState state) {}
