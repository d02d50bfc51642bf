package org.docgate.validate.versions;

import java.util.List;
import java.util.Optional;

/**
 * Kubernetes apiVersions removed from the API server, by group/version and kind. Built-in data, pure.
 *
 * <p>Source for every row: the Kubernetes "Deprecated API Migration Guide",
 * https://kubernetes.io/docs/reference/using-api/deprecation-guide/ (sections v1.16, v1.22, v1.25, v1.26, v1.27,
 * v1.29, v1.32), and the release blog posts it links (e.g. https://kubernetes.io/blog/2019/07/18/api-deprecations-in-1-16/,
 * https://kubernetes.io/blog/2021/07/14/upcoming-changes-in-kubernetes-1-22/).
 */
public final class RemovedApis {
  private RemovedApis() {}

  /**
   * One removal.
   *
   * @param kind the kind the guide lists as no longer served at that apiVersion
   * @param replacement the apiVersion to use instead
   */
  public record Removal(String apiVersion, String kind, Version removedIn, String replacement) {}

  private static List<Removal> r(String apiVersion, String kinds, String removedIn, String replacement) {
    Version v = Version.parse(removedIn, VersionScheme.DOTTED);
    return java.util.Arrays.stream(kinds.split(",")).map(String::strip)
        .map(kind -> new Removal(apiVersion, kind, v, replacement)).toList();
  }

  /**
   * Every kind the guide names, row by row: a kind it does not name was never served at that apiVersion (a new API
   * proposed in an old group/version, such as a {@code scheduling.k8s.io/v1beta1 PodGroup}), so it is not "removed".
   */
  static final List<Removal> TABLE = java.util.stream.Stream.of(
      // v1.16: workloads, NetworkPolicy and PodSecurityPolicy leave extensions/v1beta1 and apps/v1beta1|2.
      r("extensions/v1beta1", "DaemonSet, Deployment, ReplicaSet", "1.16", "apps/v1"),
      r("extensions/v1beta1", "NetworkPolicy", "1.16", "networking.k8s.io/v1"),
      r("extensions/v1beta1", "PodSecurityPolicy", "1.16", "policy/v1beta1 (itself removed in 1.25)"),
      r("extensions/v1beta1", "Ingress", "1.22", "networking.k8s.io/v1"),
      r("apps/v1beta1", "Deployment, StatefulSet, ControllerRevision", "1.16", "apps/v1"),
      r("apps/v1beta2", "DaemonSet, Deployment, ReplicaSet, StatefulSet, ControllerRevision", "1.16", "apps/v1"),
      // v1.22: the big beta clean-up.
      r("networking.k8s.io/v1beta1", "Ingress, IngressClass", "1.22", "networking.k8s.io/v1"),
      r("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration, ValidatingWebhookConfiguration",
          "1.22", "admissionregistration.k8s.io/v1"),
      r("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "1.22", "apiextensions.k8s.io/v1"),
      r("apiregistration.k8s.io/v1beta1", "APIService", "1.22", "apiregistration.k8s.io/v1"),
      r("authentication.k8s.io/v1beta1", "TokenReview", "1.22", "authentication.k8s.io/v1"),
      r("authorization.k8s.io/v1beta1", "SubjectAccessReview, LocalSubjectAccessReview, SelfSubjectAccessReview",
          "1.22", "authorization.k8s.io/v1"),
      r("certificates.k8s.io/v1beta1", "CertificateSigningRequest", "1.22", "certificates.k8s.io/v1"),
      r("coordination.k8s.io/v1beta1", "Lease", "1.22", "coordination.k8s.io/v1"),
      r("rbac.authorization.k8s.io/v1beta1", "ClusterRole, ClusterRoleBinding, Role, RoleBinding", "1.22",
          "rbac.authorization.k8s.io/v1"),
      r("scheduling.k8s.io/v1beta1", "PriorityClass", "1.22", "scheduling.k8s.io/v1"),
      r("storage.k8s.io/v1beta1", "CSIDriver, CSINode, StorageClass, VolumeAttachment", "1.22", "storage.k8s.io/v1"),
      // v1.25
      r("batch/v1beta1", "CronJob", "1.25", "batch/v1"),
      r("discovery.k8s.io/v1beta1", "EndpointSlice", "1.25", "discovery.k8s.io/v1"),
      r("events.k8s.io/v1beta1", "Event", "1.25", "events.k8s.io/v1"),
      r("autoscaling/v2beta1", "HorizontalPodAutoscaler", "1.25", "autoscaling/v2"),
      r("policy/v1beta1", "PodSecurityPolicy", "1.25", "Pod Security Admission (no replacement kind)"),
      r("policy/v1beta1", "PodDisruptionBudget", "1.25", "policy/v1"),
      r("node.k8s.io/v1beta1", "RuntimeClass", "1.25", "node.k8s.io/v1"),
      // v1.26
      r("flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema, PriorityLevelConfiguration", "1.26",
          "flowcontrol.apiserver.k8s.io/v1"),
      r("autoscaling/v2beta2", "HorizontalPodAutoscaler", "1.26", "autoscaling/v2"),
      // v1.27: CSIStorageCapacity left storage.k8s.io/v1beta1 later than the other storage kinds (v1.22).
      r("storage.k8s.io/v1beta1", "CSIStorageCapacity", "1.27", "storage.k8s.io/v1"),
      // v1.29
      r("flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema, PriorityLevelConfiguration", "1.29",
          "flowcontrol.apiserver.k8s.io/v1"),
      // v1.32
      r("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema, PriorityLevelConfiguration", "1.32",
          "flowcontrol.apiserver.k8s.io/v1"))
      .flatMap(List::stream).toList();

  /**
   * The removal that applies to an apiVersion and kind. Without a kind, the latest removal of that apiVersion
   * (so an unknown kind is never said to be removed earlier than it was); a kind the guide does not name at that
   * apiVersion, none.
   */
  public static Optional<Removal> lookup(String apiVersion, String kind) {
    Removal latest = null;
    for (Removal r : TABLE) {
      if (!r.apiVersion().equals(apiVersion)) {
        continue;
      }
      if (kind != null && r.kind().equals(kind)) {
        return Optional.of(r);
      }
      if (kind == null && (latest == null || r.removedIn().compareTo(latest.removedIn()) > 0)) {
        latest = r;
      }
    }
    return Optional.ofNullable(latest);
  }
}
