package org.docgate.scan;

import java.nio.file.Path;
import java.time.Instant;

/** One scan to run: the corpus folder and when it was asked for. */
public record ScanRequest(Path corpus, Instant startedAt) {}
