package org.docgate.validate.snippets;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.util.Optional;

/** TOML 1.0 snippets with Jackson's TOML parser, in process (duplicate keys and tables are errors). */
final class TomlChecker implements TextChecker {
  @Override
  public String kind() {
    return "toml";
  }

  @Override
  public Placeholders.Style placeholders() {
    return Placeholders.Style.NUMBER;
  }

  private final TomlMapper mapper = new TomlMapper();

  @Override
  public Optional<Problem> check(String text) {
    try {
      mapper.readTree(text);
      return Optional.empty();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String message = ParserMessages.toml(e.getOriginalMessage());
      return Optional.of(Problem.syntax(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
          "TOML: " + message));
    } catch (IOException | RuntimeException e) {
      return Optional.of(Problem.syntax(1, 1, "TOML: " + e.getMessage()));
    }
  }
}
