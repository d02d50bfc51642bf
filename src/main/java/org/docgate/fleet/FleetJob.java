package org.docgate.fleet;

import static org.docgate.fleet.Messages.require;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One corpus scan to do: the unit of fleet work (internal links need the whole corpus), keyed by repository so one
 * worker at a time owns a repository. A message on the corpora topic, as JSON.
 *
 * @param repository the fleet's name for it: the message key, the corpus id of its runs
 * @param source a folder the workers can read, or a git URL
 * @param ref with a git URL, the branch, tag or commit to check out (null: the default branch)
 * @param jobId unique per submission: a redelivered message carries the same one
 * @param submittedAt orders two submissions of one repository: the newer result wins
 */
public record FleetJob(String repository, String source, String ref, String jobId, Instant submittedAt) {
  public FleetJob {
    require(repository != null && !repository.isBlank(), "a fleet job needs a repository");
    require(repository.length() <= 1000 && repository.chars().noneMatch(Character::isISOControl),
        "a repository name must be at most 1000 characters, without control characters");
    require(source != null && !source.isBlank(), "a fleet job needs a source (a folder or a git URL)");
    require(ref == null || ref.length() <= 300, "a git ref must be at most 300 characters");
    require(jobId != null && !jobId.isBlank() && jobId.length() <= 64, "a fleet job needs a job id (at most 64)");
    require(submittedAt != null, "a fleet job needs its submission time");
  }

  /** A new submission: a fresh job id. */
  public static FleetJob submit(String repository, String source, String ref, Instant now) {
    return new FleetJob(repository, source, ref == null || ref.isBlank() ? null : ref, UUID.randomUUID().toString(),
        now);
  }

  /** Whether {@link #source} is a git URL rather than a folder. */
  public boolean isGit() {
    return source.matches("(?i)(https?|ssh|git|file)://.*") || source.matches("[\\w.-]+@[\\w.-]+:.*")
        || source.endsWith(".git");
  }

  public String toJson() {
    ObjectNode o = Messages.JSON.createObjectNode();
    o.put("repository", repository);
    o.put("source", source);
    if (ref != null) {
      o.put("ref", ref);
    }
    o.put("jobId", jobId);
    o.put("submittedAt", submittedAt.toString());
    return o.toString();
  }

  /** @throws IllegalArgumentException when the message is not a fleet job (a poison message) */
  public static FleetJob fromJson(String json) {
    return Messages.fromJson(json, "a fleet job", "submittedAt", o -> new FleetJob(text(o, "repository"),
        text(o, "source"), text(o, "ref"), text(o, "jobId"), Messages.instant(o, "submittedAt")));
  }

  private static String text(JsonNode o, String field) {
    return o.hasNonNull(field) ? o.get(field).asText() : null;
  }
}
