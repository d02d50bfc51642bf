package org.docgate.validate.terminology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The spellings a governed name is matched in: the name itself in any case ({@code Kubectl}, {@code ETCD}) and a
 * product name of two words with its space changed ({@code Argo-CD} and {@code ArgoCD} for {@code Argo CD}). A
 * hyphenated component name keeps its hyphen: {@code kubeproxy} is the Go package, and "Cloud Controller Manager" or
 * "kube proxy" is the component described in words (the Kubernetes glossary titles its entry so), not misspelt. Pure.
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
    return out;
  }
}
