package org.lente.store;

import java.util.Objects;
import org.lente.nlp.ner.Entity;

/**
 * One way the entity resolver saw a name, and how often: its state is a collection of these, kept by
 * the store in the transaction of the articles they come from.
 *
 * @param name the name's namespace and normalised form: "P|vladimir putin" for a person, "O|north
 *     korea" for the other types
 * @param written the name as an article's entity gave it ("Vladimir Putin")
 * @param language ISO 639-1, or "" when unknown
 * @param seen how many mentions, at least 1
 */
public record NameSighting(String name, String written, Entity.Type type, String language, int seen) {

  public NameSighting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(language, "language");
    if (seen < 1 || !(name.startsWith("P|") || name.startsWith("O|")) || name.length() < 3 || written.isBlank()) {
      throw new IllegalArgumentException("bad sighting: name='" + name + "', written='" + written + "', seen=" + seen);
    }
  }
}
