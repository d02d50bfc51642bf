package org.docgate.corpus;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for a value computed on another thread, its failure thrown as the computation threw it. */
public final class Futures {
  private Futures() {}

  /**
   * The future's value; a runtime exception or error of the computation is rethrown as it is (a checked one wrapped
   * in an IllegalStateException), an interrupt restores the flag and names {@code what} was awaited.
   */
  public static <T> T await(Future<T> future, Object what) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + what, e);
    }
  }
}
