package org.docgate.service;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the service listens and when it scans.
 *
 * @param port API and dashboard port (0: any free port)
 * @param managementPort Prometheus {@code /metrics} port (Camel's management server; 0: any free port)
 * @param watchPeriod how often the corpus is listed for changes (null: no watching)
 * @param cron Quartz cron expression of the scheduled full scan (null: none)
 * @param routesDir a user's routes folder (its {@code serve/} subfolder overrides the packaged serve routes), or null
 */
public record ServeSettings(String host, int port, int managementPort, Duration watchPeriod, String cron,
    Path routesDir) {}
