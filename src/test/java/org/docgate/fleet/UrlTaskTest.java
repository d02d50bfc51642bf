package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UrlTaskTest {
  private static final Instant NOW = Instant.parse("2026-12-05T23:00:00.123456Z");

  @Test
  void aTaskTravelsAsJsonAndComesBackEqual() {
    UrlTask task = new UrlTask("https://example.com/a", "example.com", 1, 4, true, NOW);
    assertThat(UrlTask.fromJson(task.toJson())).isEqualTo(task);
    assertThat(task.key()).isEqualTo("example.com#1");
  }

  @Test
  void aMessageThatIsNotATaskIsRejectedWithTheReason() {
    assertThatThrownBy(() -> UrlTask.fromJson("not json")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a URL task: ");
    assertThatThrownBy(() -> UrlTask.fromJson("[1]")).hasMessage("a URL task is a JSON object");
    assertThatThrownBy(() -> UrlTask.fromJson("{\"url\":\"https://e/\",\"queuedAt\":\"" + NOW + "\"}"))
        .hasMessage("a URL task needs a host");
    assertThatThrownBy(() -> UrlTask.fromJson("{\"url\":\"https://e/\",\"host\":\"e\",\"queuedAt\":\"soon\"}"))
        .hasMessageStartingWith("not a URL task: queuedAt: ");
  }
}
