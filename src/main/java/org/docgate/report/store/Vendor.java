package org.docgate.report.store;

/** The databases the store runs on; each has its own migration folder under {@code db/migration/}. */
enum Vendor {
  H2("h2"),
  POSTGRESQL("postgresql");

  private final String folder;

  Vendor(String folder) {
    this.folder = folder;
  }

  /** Flyway's location of this vendor's migrations (Flyway's {@code {vendor}} placeholder needs Spring Boot). */
  String migrations() {
    return "classpath:db/migration/" + folder;
  }
}
