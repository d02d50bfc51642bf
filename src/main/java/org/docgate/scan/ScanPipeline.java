package org.docgate.scan;

/**
 * The one way documents are validated: a scoped {@link ScanRequest} in, the report and reusable state out. Its
 * implementation is the Camel route {@code direct:scan} ({@code org.docgate.camel.CamelPipeline}); commands and the
 * service hold this interface so that they stay free of Camel.
 */
@FunctionalInterface
public interface ScanPipeline {
  ScanOutcome run(ScanRequest request);
}
