package org.docgate.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one way a ratio is shown as a percentage in every report (text, HTML, dashboard, readiness, PR comment):
 * two decimals, rounded half-up. Before, the HTML page floored (98.84%) while the text report rounded (98.85%) for
 * the same run; a pass or fail is read from the gate's verdict, never from the rounded number.
 */
public final class Percent {
  private Percent() {}

  /** {@code 0.98845} → {@code "98.85%"}. The decimal string of the double is rounded, not its binary value. */
  public static String of(double ratio) {
    return number(ratio) + "%";
  }

  /** The number without the sign, e.g. {@code "98.85"}: for CSS widths and axis labels. */
  public static String number(double ratio) {
    return BigDecimal.valueOf(ratio).movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
