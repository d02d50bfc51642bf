package org.docgate.validate.versions;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.config.ConfigException;
import org.docgate.config.RuleFiles;
import org.docgate.config.YamlNodes;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * {@code rules/versions/endoflife-date.yaml}: release cycles and their end-of-life dates per product, generated from
 * endoflife.date by {@link EndOfLifeImport}. Read strictly (file:line errors). Immutable.
 *
 * @param source where the data came from ({@code endoflife.date a70eca3})
 * @param products by endoflife.date id ({@code kubernetes}, {@code docker-engine})
 */
public record EndOfLifeData(String source, Map<String, DataProduct> products) {
  public static final String FILE = "versions/endoflife-date.yaml";
  private static final Set<String> TOP = Set.of("source", "products");
  private static final Set<String> PRODUCT = Set.of("title", "aliases", "cycles");
  static final Set<String> CYCLE = Set.of("cycle", "released", "support", "eol", "latest", "codename");
  /** A cycle docgate can compare: dotted numbers ({@code 1.31}, {@code 27}, {@code 22.04}), nothing else. */
  private static final Pattern NUMERIC_CYCLE = Pattern.compile("v?(\\d{1,4}(?:\\.\\d{1,4}){0,3})");

  public static final EndOfLifeData NONE = new EndOfLifeData("none", Map.of());

  public EndOfLifeData {
    products = Map.copyOf(products);
  }

  /**
   * One product of the data.
   *
   * @param cycles the release cycles docgate can compare (numeric ones), in the data's order (newest first)
   */
  public record DataProduct(String id, String title, List<String> aliases, List<Cycle> cycles) {
    public DataProduct {
      aliases = List.copyOf(aliases);
      cycles = List.copyOf(cycles);
    }
  }

  /**
   * One release cycle.
   *
   * @param eol end of life: a date; {@link #EOL_UNDATED} when ended on a date the data does not give; null when not
   *     announced
   * @param codename the cycle's name ("Bookworm", "Jammy Jellyfish", "2022" for Visual Studio 17.x), or null
   */
  public record Cycle(Version version, String written, LocalDate eol, String latest, String codename) {
    public Cycle(Version version, String written, LocalDate eol, String latest) {
      this(version, written, eol, latest, null);
    }

    /** Stands for {@code eol: true}: ended, date unknown. */
    public static final LocalDate EOL_UNDATED = LocalDate.MIN;

    /**
     * This cycle as an end-of-life line of its own. A cycle with no end announced gets a date that never comes, so
     * that a mention of it is known to be on a living cycle (and not judged by an older one's date).
     */
    public Product.EolLine eolLine() {
      return new Product.EolLine(version, eol == null ? LocalDate.MAX : eol, true);
    }
  }

  /** The data beside the manifest in the rules folder (the user's copy first), or {@link #NONE} when there is none. */
  public static EndOfLifeData load(RuleFiles rules) {
    return rules.read(FILE).map(f -> parse(f.source(), f.text())).orElse(NONE);
  }

  public static EndOfLifeData parse(String source, String yaml) {
    EndOfLifeData generated = EndOfLifeLines.read(source, yaml); // the imported layout, without a YAML node tree
    return generated != null ? generated : parseYaml(source, yaml);
  }

  /** The file read as YAML, strictly (file:line errors), whatever its layout. */
  static EndOfLifeData parseYaml(String source, String yaml) {
    YamlNodes y = YamlNodes.in(source);
    Map<String, Node> top = y.top(yaml, "the version data", TOP);
    Map<String, DataProduct> products = new LinkedHashMap<>();
    for (NodeTuple t : products(source, top)) {
      String id = y.scalar(t.getKeyNode(), "a product id");
      String what = "products." + id;
      Map<String, Node> f = y.mapping(t.getValueNode(), what, PRODUCT);
      if (!f.containsKey("title") || !f.containsKey("cycles")) {
        throw y.error(t.getKeyNode(), what + ": needs 'title' and 'cycles'");
      }
      List<Cycle> cycles = new ArrayList<>();
      Node cyclesNode = f.get("cycles");
      if (!(cyclesNode instanceof SequenceNode seq)) {
        throw y.error(cyclesNode, what + ".cycles must be a list");
      }
      for (Node item : seq.getValue()) {
        cycle(y, item, what).ifPresent(cycles::add);
      }
      products.put(id, new DataProduct(id, y.scalar(f.get("title"), what + ".title"),
          y.strings(f.get("aliases"), what + ".aliases"), cycles));
    }
    String src = top.containsKey("source") ? y.scalar(top.get("source"), "source") : source;
    return new EndOfLifeData(src, products);
  }

  /** The entries of the required {@code products} mapping of a file's top mapping (this file's and the names'). */
  static List<NodeTuple> products(String source, Map<String, Node> top) {
    if (!(top.get("products") instanceof MappingNode map)) {
      throw new ConfigException(source + ": no 'products' mapping");
    }
    return map.getValue();
  }

  /** A cycle, or empty when it is not numeric ({@code bullseye}, {@code 11-24h2-e}): docgate cannot compare those. */
  private static Optional<Cycle> cycle(YamlNodes y, Node node, String what) {
    Map<String, Node> c = y.mapping(node, what + " cycle", CYCLE);
    if (!c.containsKey("cycle")) {
      throw y.error(node, what + ": each cycle needs 'cycle'");
    }
    String written = y.scalar(c.get("cycle"), what + ".cycle").strip();
    if (!NUMERIC_CYCLE.matcher(written).matches()) {
      return Optional.empty(); // before its other fields are read: a cycle docgate skips is not judged
    }
    String eol = c.containsKey("eol") ? y.scalar(c.get("eol"), what + ".eol") : null;
    String latest = c.containsKey("latest") ? y.scalar(c.get("latest"), what + ".latest") : null;
    String codename = c.containsKey("codename") ? y.scalar(c.get("codename"), what + ".codename") : null;
    try {
      return cycle(written, eol, latest, codename);
    } catch (DateTimeParseException e) {
      throw y.error(c.get("eol"), what + " " + written + ".eol: '" + eol.strip() + "' is not a date, true or false");
    }
  }

  /**
   * A cycle from its fields' texts ({@code eol} and {@code latest} null when absent), or empty when it is not
   * numeric; a numeric cycle's {@code eol} that is not a date, true or false throws.
   */
  static Optional<Cycle> cycle(String written, String eolText, String latest) {
    return cycle(written, eolText, latest, null);
  }

  /** As {@link #cycle(String, String, String)}, with the cycle's codename (null: none). */
  static Optional<Cycle> cycle(String written, String eolText, String latest, String codename) {
    Matcher m = NUMERIC_CYCLE.matcher(written);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<Integer> numbers = new ArrayList<>();
    for (String part : m.group(1).split("\\.")) {
      numbers.add(Integer.parseInt(part));
    }
    LocalDate eol = null;
    if (eolText != null) {
      String text = eolText.strip();
      if (text.equals("true")) {
        eol = Cycle.EOL_UNDATED;
      } else if (!text.equals("false")) {
        eol = LocalDate.parse(text);
      }
    }
    String name = codename == null || codename.isBlank() ? null : codename.strip();
    return Optional.of(new Cycle(new Version(numbers, -1, "", m.group(1)), written, eol, latest, name));
  }
}
