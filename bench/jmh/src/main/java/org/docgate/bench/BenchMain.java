package org.docgate.bench;

/** The benchmarks jar's entry point: JMH's own, unless the shared corpus is absent (then a clear skip, exit 0). */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    String absent = BenchCorpus.absentMessage();
    boolean listing = java.util.Arrays.stream(args).anyMatch(a -> a.equals("-l") || a.equals("-h") || a.equals("-lp"));
    if (absent != null && !listing) {
      System.out.println(absent);
      return;
    }
    org.openjdk.jmh.Main.main(args);
  }
}
