package org.docgate.report.readiness;

/** A file or a rule, with how many of a failing gate's findings it holds. */
public record Contributor(String name, long findings) {}
