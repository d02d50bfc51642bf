package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Lookups in a snippet's mapping find keys by name and skip keys that are not scalars. */
class SnippetMappingsTest {
  private final MappingNode mapping = (MappingNode) new Compose(LoadSettings.builder().setAllowNonScalarKeys(true)
      .build()).composeString("? [a, b]\n: complex\nkind: Pod\nmetadata:\n  name: web\n").orElseThrow();

  @Test
  void aKeyAndItsValueAreFoundByName() {
    assertThat(((ScalarNode) SnippetMappings.value(mapping, "kind")).getValue()).isEqualTo("Pod");
    assertThat(SnippetMappings.key(mapping, "metadata").getStartMark().orElseThrow().getLine()).isEqualTo(3);
    assertThat(SnippetMappings.value(mapping, "spec")).isNull();
    assertThat(SnippetMappings.key(mapping, "spec")).isNull();
  }

  @Test
  void aComplexKeyIsSkipped() {
    assertThat(SnippetMappings.keys(mapping)).containsOnlyKeys("kind", "metadata");
  }
}
