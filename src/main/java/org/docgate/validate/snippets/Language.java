package org.docgate.validate.snippets;

/** A canonical snippet language and its checker. */
record Language(String name, CheckerKind checker) {}
