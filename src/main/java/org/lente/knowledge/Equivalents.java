package org.lente.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lente.nlp.ner.Entity;

/**
 * A table of names that denote one place or organisation across languages and spellings ("North
 * Korea", "Corea del Nord", "DPRK"). Immutable and thread-safe once read.
 *
 * <p>The text format, one entity a line: {@code TYPE<TAB>preferred|name|name...}, where TYPE is
 * LOC or ORG; {@code #} starts a comment line. Names are compared in {@link Names#normalize}'s
 * form; a normalised name on two lines is an error, since it could not say which entity it means.
 */
public final class Equivalents {

  /** One line of the table: the type and name an entity created from it starts with. */
  public record Entry(Entity.Type type, String preferred, List<String> names) {
    public Entry {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(preferred, "preferred");
      names = List.copyOf(names);
    }
  }

  private static final String BUILT_IN = "equivalents.txt";

  private final Map<String, Entry> byName;

  private Equivalents(Map<String, Entry> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** The table written for Lente: countries, capitals, regions, international bodies (en, it). */
  public static Equivalents builtIn() {
    try (InputStream in = Equivalents.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUILT_IN + " next to " + Equivalents.class);
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUILT_IN, e);
    }
  }

  /** No equivalences: every name stands for itself. */
  public static Equivalents none() {
    return new Equivalents(Map.of());
  }

  /**
   * Reads a table in the format above.
   *
   * @throws IllegalArgumentException naming the line, for a malformed line or a name on two lines
   */
  public static Equivalents parse(Reader reader) throws IOException {
    Map<String, Entry> byName = new HashMap<>();
    BufferedReader in = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t", -1);
      if (parts.length != 2 || !(parts[0].equals("LOC") || parts[0].equals("ORG"))) {
        throw new IllegalArgumentException("line " + number + ": want LOC|ORG<TAB>names, got: " + line);
      }
      List<String> names = List.of(parts[1].split("\\|"));
      Entry entry = new Entry(
          Entity.Type.valueOf(parts[0]), names.get(0).strip(), names.stream().map(String::strip).toList());
      for (String name : entry.names()) {
        String key = Names.normalize(name, true);
        if (key.isEmpty()) {
          throw new IllegalArgumentException("line " + number + ": empty name in: " + line);
        }
        Entry before = byName.putIfAbsent(key, entry);
        if (before != null && before != entry) {
          throw new IllegalArgumentException("line " + number + ": '" + name + "' is already a name of "
              + before.preferred());
        }
      }
    }
    return new Equivalents(byName);
  }

  /** The entry that has this normalised name, or null. */
  Entry lookup(String normalized) {
    return byName.get(normalized);
  }

  /** How many distinct normalised names the table holds. */
  public int size() {
    return byName.size();
  }
}
