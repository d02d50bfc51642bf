package org.docgate.validate.terminology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton over case- and width-folded keys: one pass over a text finds every occurrence of every
 * key, however many rules there are. Immutable once built, so one instance serves all threads.
 */
final class TermAutomaton {
  /** A key found in a text: [start, end) and the index of the key as added. */
  record Hit(int start, int end, int key) {}

  private static final class Node {
    final Map<Character, Node> next = new HashMap<>();
    Node fail;
    int[] keys = new int[0];
    int depth;
  }

  private final Node root = new Node();
  private final int[] lengths;

  /** {@code keys} must already be folded with {@link TextForms#foldLower}. */
  TermAutomaton(List<String> keys) {
    lengths = new int[keys.size()];
    for (int k = 0; k < keys.size(); k++) {
      String key = keys.get(k);
      lengths[k] = key.length();
      Node n = root;
      for (int i = 0; i < key.length(); i++) {
        int depth = n.depth + 1;
        n = n.next.computeIfAbsent(key.charAt(i), c -> new Node());
        n.depth = depth;
      }
      n.keys = append(n.keys, k);
    }
    ArrayDeque<Node> queue = new ArrayDeque<>();
    root.fail = root;
    for (Node child : root.next.values()) {
      child.fail = root;
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      for (Map.Entry<Character, Node> e : n.next.entrySet()) {
        Node child = e.getValue();
        Node f = n.fail;
        while (f != root && !f.next.containsKey(e.getKey())) {
          f = f.fail;
        }
        Node target = f.next.get(e.getKey());
        child.fail = target != null && target != child ? target : root;
        // Outputs of the longest proper suffix that is a key are outputs here too.
        if (child.fail.keys.length > 0) {
          child.keys = concat(child.keys, child.fail.keys);
        }
        queue.add(child);
      }
    }
  }

  /** Every occurrence of every key in {@code folded} (overlapping ones included), in order of their end. */
  List<Hit> find(String folded) {
    List<Hit> hits = new ArrayList<>();
    Node n = root;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      while (n != root && !n.next.containsKey(c)) {
        n = n.fail;
      }
      n = n.next.getOrDefault(c, root);
      for (int k : n.keys) {
        hits.add(new Hit(i + 1 - lengths[k], i + 1, k));
      }
    }
    return hits;
  }

  private static int[] append(int[] a, int v) {
    int[] out = Arrays.copyOf(a, a.length + 1);
    out[a.length] = v;
    return out;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
