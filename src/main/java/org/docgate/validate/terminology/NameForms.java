package org.docgate.validate.terminology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The spellings a governed name is matched in: the name itself in any case ({@code Kubectl}, {@code ETCD}) and a
 * product name of two words with its space changed ({@code Argo-CD} and {@code ArgoCD} for {@code Argo CD}). A
 * hyphenated component name keeps its hyphen: {@code kubeproxy} is the Go package, and "Cloud Controller Manager" or
 * "kube proxy" is the component described in words (the Kubernetes glossary titles its entry so), not misspelt. A
 * one-word lower-case name is matched in its plural too ({@link #plural}). Pure.
 */
final class NameForms {
  private NameForms() {}

  /** The name (required form) and its separator variants, each matched in any case. */
  static List<Term> terms(String name) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(name);
    if (name.indexOf(' ') >= 0) {
      forms.add(name.replace(' ', '-'));
      forms.add(name.replace(" ", ""));
    }
    List<Term> out = new ArrayList<>();
    for (String f : forms) {
      out.add(new Term(f, true, Term.Role.CASED, name, 0));
    }
    String plural = plural(name);
    if (plural != null) {
      out.add(new Term(plural, true, Term.Role.CASED, plural, 0));
    }
    return out;
  }

  /**
   * {@code cgroups}, {@code kubelets}: the plural of a lower-case component name keeps its case ("Cgroups v2" in
   * Chinese text is the same slip as "Cgroup"). Only a one-word lower-case name takes a plain {@code s}; a capitalised
   * name's plural ("Dockers") would make a second name for near misses and is rare in documentation.
   */
  static String plural(String name) {
    if (!name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == '-') || name.length() < 3
        || "sxzhy".indexOf(name.charAt(name.length() - 1)) >= 0 || name.charAt(name.length() - 1) == '-') {
      return null;
    }
    return name + "s";
  }
}
