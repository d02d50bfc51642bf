package org.docgate.validate.versions;

/**
 * A product version stated in text: "Kubernetes 1.28", "K8s v1.30", "vSphere 8.0 U3", "containerd 1.7.8+".
 *
 * @param start offset of the alias in the text it was found in
 * @param end offset just after the version expression
 * @param versionStart offset of the version expression (after the alias and any space)
 * @param text the found text, alias through version
 * @param versionText the version expression as written, for the suggestion
 */
public record Mention(Product product, VersionSpec spec, int start, int end, int versionStart, String text,
    String versionText) {

  /**
   * Whether the version is named by its codename ("Debian Buster", "Ubuntu jammy"), not written as a number: a name
   * is no count or chapter number, so it is as certain as a full version.
   */
  public boolean byName() {
    return !versionText.isEmpty() && Character.isLetter(versionText.charAt(0))
        && !(versionText.length() > 1 && (versionText.charAt(0) == 'v' || versionText.charAt(0) == 'V')
            && Character.isDigit(versionText.charAt(1)));
  }

  /** The found text with its version replaced: "Kubernetes 1.28" becomes "Kubernetes 1.31". */
  public String replacedWith(Version version) {
    String prefix = text.substring(0, versionStart - start);
    boolean v = versionText.startsWith("v") || versionText.startsWith("V");
    return prefix + (v ? versionText.charAt(0) : "") + version;
  }
}
