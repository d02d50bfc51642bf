package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FleetJobTest {
  private static final Instant NOW = Instant.parse("2026-12-05T23:00:00.123456Z");

  @Test
  void aJobTravelsAsJsonAndComesBackEqual() {
    FleetJob job = FleetJob.submit("team/docs", "https://git.example/team/docs.git", "v1.2", NOW);
    assertThat(FleetJob.fromJson(job.toJson())).isEqualTo(job);
    FleetJob folder = FleetJob.submit("/srv/docs", "/srv/docs", null, NOW);
    assertThat(FleetJob.fromJson(folder.toJson())).isEqualTo(folder);
    assertThat(folder.toJson()).doesNotContain("ref");
  }

  @Test
  void twoSubmissionsOfOneRepositoryAreTwoJobs() {
    assertThat(FleetJob.submit("r", "/r", null, NOW).jobId()).isNotEqualTo(FleetJob.submit("r", "/r", null, NOW).jobId());
  }

  @Test
  void gitUrlsAreToldFromFolders() {
    assertThat(FleetJob.submit("r", "https://git.example/r.git", null, NOW).isGit()).isTrue();
    assertThat(FleetJob.submit("r", "git@git.example:team/r", null, NOW).isGit()).isTrue();
    assertThat(FleetJob.submit("r", "file:///srv/git/r", null, NOW).isGit()).isTrue();
    assertThat(FleetJob.submit("r", "/srv/docs", null, NOW).isGit()).isFalse();
    assertThat(FleetJob.submit("r", "docs/user-guide", null, NOW).isGit()).isFalse();
  }

  @Test
  void aMessageThatIsNotAJobIsRejectedWithTheReason() {
    assertThatThrownBy(() -> FleetJob.fromJson("not json")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a fleet job");
    assertThatThrownBy(() -> FleetJob.fromJson("[1]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> FleetJob.fromJson("{\"source\":\"/x\",\"jobId\":\"j\",\"submittedAt\":\"" + NOW + "\"}"))
        .hasMessageContaining("needs a repository");
    assertThatThrownBy(() -> FleetJob.fromJson("{\"repository\":\"r\",\"source\":\"/x\",\"jobId\":\"j\","
        + "\"submittedAt\":\"yesterday\"}")).hasMessageContaining("submittedAt");
  }
}
