package org.docgate;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The objects a value keeps alive, for retention tests: docgate's own objects field by field (superclasses too),
 * collections and maps through their API, arrays element by element; each distinct object visited once. Enums,
 * primitives and what {@code leaveOut} names (shared rules, not per document) are not walked.
 */
public final class ObjectGraph {
  private final Map<Object, Boolean> seen = new IdentityHashMap<>();
  private final Predicate<Object> leaveOut;
  private final Consumer<Object> visit;

  private ObjectGraph(Predicate<Object> leaveOut, Consumer<Object> visit) {
    this.leaveOut = leaveOut;
    this.visit = visit;
  }

  public static void walk(Object root, Predicate<Object> leaveOut, Consumer<Object> visit) {
    new ObjectGraph(leaveOut, visit).walk(root);
  }

  private void walk(Object o) {
    if (o == null || o instanceof Enum<?> || leaveOut.test(o) || seen.put(o, true) != null) {
      return;
    }
    visit.accept(o);
    switch (o) {
      case String s -> { }
      case Map<?, ?> m -> m.forEach((k, v) -> {
        walk(k);
        walk(v);
      });
      case Collection<?> c -> c.forEach(this::walk);
      case Object[] a -> {
        for (Object e : a) {
          walk(e);
        }
      }
      default -> {
        if (o.getClass().getName().startsWith("org.docgate.")) {
          fields(o);
        }
      }
    }
  }

  private void fields(Object o) {
    for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
          try {
            f.setAccessible(true);
            walk(f.get(o));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
  }
}
