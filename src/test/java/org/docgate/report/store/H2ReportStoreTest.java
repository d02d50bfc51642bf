package org.docgate.report.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on embedded H2 in file mode, in a fresh data directory per test. */
class H2ReportStoreTest extends ReportStoreContract {
  @TempDir Path dataDir;

  @Override
  String url() {
    return null;
  }

  @Override
  Path dataDir() {
    return dataDir.resolve("data"); // the store creates it
  }

  @Override
  Vendor vendor() {
    return Vendor.H2;
  }
}
