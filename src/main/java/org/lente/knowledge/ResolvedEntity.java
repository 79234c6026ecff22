package org.lente.knowledge;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lente.nlp.ner.Entity;

/**
 * One entity of the knowledge base, as {@link EntityResolver} knows it at one moment: also the
 * record the store saves and gives back to {@link EntityResolver#restore}.
 *
 * @param key the stable identifier, never reused for another entity ("per:vladimir-putin",
 *     "loc:north-korea"); made from the type and name the entity was first seen with (for an
 *     entity of the {@link Equivalents} table, its line's type and preferred name), so it does not
 *     change when a fuller name or another type comes later
 * @param name the preferred name: the table's name for a country or organisation it lists, the
 *     fullest name seen for a person, otherwise the first name seen that is not an acronym
 * @param type the type seen most often (on a tie, the one it had)
 * @param aliases every distinct name it was resolved from, as written, first seen first
 * @param typeCounts how often it was resolved with each type (unmodifiable, in type order); may be
 *     empty for an entity imported from a store that did not keep them
 */
public record ResolvedEntity(
    String key, String name, Entity.Type type, List<String> aliases, Map<Entity.Type, Integer> typeCounts) {

  public ResolvedEntity {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (key.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("blank key or name: key='" + key + "', name='" + name + "'");
    }
    aliases = List.copyOf(aliases);
    EnumMap<Entity.Type, Integer> counts = new EnumMap<>(Entity.Type.class);
    counts.putAll(typeCounts);
    for (Map.Entry<Entity.Type, Integer> e : counts.entrySet()) {
      if (e.getValue() < 0 || e.getValue() > counts.getOrDefault(type, 0)) {
        throw new IllegalArgumentException("entity " + key + " has type " + type + " but counts " + counts);
      }
    }
    typeCounts = Collections.unmodifiableMap(counts);
  }
}
