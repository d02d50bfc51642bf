package org.docgate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON text of every JSON report (json, sarif, codequality, readiness, pr): indented, ending with a newline,
 * written by one shared mapper (Jackson's mappers are thread-safe once configured).
 */
public final class JsonText {
  private static final ObjectMapper INDENTED = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonText() {}

  /** {@code value} (maps, lists, strings, numbers, booleans, nulls) as indented JSON and a newline. */
  public static String indented(Object value) {
    try {
      return INDENTED.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      // only a value Jackson cannot serialize gets here: a programming error, not bad input
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
