package org.docgate.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker loads the scan pipeline's routes and the fleet's (routes/fleet/), packaged or from a user's folder. */
class FleetRoutesTest {
  @Test
  void aWorkerLoadsTheScanPipelineAndTheFleetRoutes(@TempDir Path routes) throws Exception {
    assertThat(CamelFleet.routesPattern(null)).contains("classpath:routes/scan.camel.yaml")
        .contains("classpath:routes/fleet/corpora.camel.yaml");
    assertThatThrownBy(() -> CamelFleet.routesPattern(routes)).hasMessageContaining("no fleet/ folder");
    Files.createDirectories(routes.resolve("fleet"));
    assertThat(CamelFleet.routesPattern(routes)).isEqualTo("file:" + routes.toAbsolutePath().normalize()
        + "/*.camel.yaml,file:" + routes.toAbsolutePath().normalize().resolve("fleet") + "/*.camel.yaml");
  }
}
