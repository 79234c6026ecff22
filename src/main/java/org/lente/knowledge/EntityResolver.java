package org.lente.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;

/**
 * Resolves entity names across articles and languages to one entity of the knowledge base each:
 * "Putin", "Vladimir Putin" and the English "Vladimir Putin" are one person; "Corea del Nord" and
 * "North Korea" one country; "Stati Uniti", "United States", "USA" and "U.S." one.
 *
 * <p>Persons (PER) are one namespace; organisations, places and other names (ORG, LOC, MISC) are
 * another, since taggers and languages disagree between them for the same name (a country is an
 * organisation in one article and a place in the next); the entity keeps the type seen most often.
 * Within a namespace a name is resolved by the first of these rules that applies:
 *
 * <ol>
 *   <li>A name already seen, compared in normalised form (case, accents, dots and punctuation,
 *       a leading article, an organisation's legal form: "Kim Jong-un" = "Kim Jong Un", "NATO" =
 *       "Nato", "Apple Inc." = "Apple"), goes where it went before. So a name keeps its entity even
 *       when a later name makes it ambiguous: the store's keys never move.
 *   <li>Organisations and places: a name in the {@link Equivalents} table goes to the entity of its
 *       line ("Casa Bianca" and "White House").
 *   <li>Organisations and places: an acronym written in capitals ("EADS") goes to the one entity
 *       with a name of three or more words whose initials spell it ("European Aeronautic Defence and
 *       Space Company"), and such a name goes to an entity known by that acronym; with two
 *       candidates, neither.
 *   <li>Persons: a one-word name goes to the one person whose fullest name has that word ("Putin",
 *       "Steve"); with two candidates ("Kim" with Kim Jong Un and Kim Il Sung) it is an entity of
 *       its own. A longer name goes to the one person whose fullest name has all its words and the
 *       same last word ("George Bush" to "George W. Bush"); or, when there is no such person, to a
 *       person with a shorter name contained in it and the same last word, if that is the only
 *       person with that last word ("Vladimir Putin" to an entity so far only called "Putin").
 *   <li>Otherwise a new entity.
 * </ol>
 *
 * <p>Results depend only on the table and the order of the calls: the same calls in the same order
 * give the same keys in every run, and {@link #entities()} then {@link #restore} continues exactly
 * as the resolver that was exported would have. Thread-safe: calls are serialised on the resolver,
 * so concurrent callers get the outcome of some order of their calls.
 */
public final class EntityResolver {

  private final Equivalents equivalents;
  /** Every entity by key, in the order they were created. */
  private final Map<String, Node> byKey = new LinkedHashMap<>();
  /** Normalised names seen, prefixed by namespace ("P|" or "O|"). */
  private final Map<String, Node> byName = new HashMap<>();
  /** Persons by each word of their fullest name. */
  private final Map<String, List<Node>> personsByWord = new HashMap<>();
  /** Organisations and places by the acronyms their names of three or more words could be. */
  private final Map<String, List<Node>> byInitials = new HashMap<>();

  /** A resolver with the built-in table ({@link Equivalents#builtIn()}) and nothing seen yet. */
  public EntityResolver() {
    this(Equivalents.builtIn());
  }

  /** A resolver with this table and nothing seen yet. */
  public EntityResolver(Equivalents equivalents) {
    this.equivalents = Objects.requireNonNull(equivalents, "equivalents");
  }

  /**
   * A resolver that continues from a state exported by {@link #entities()} (in that order).
   *
   * @throws IllegalArgumentException when two entities share a key or a normalised alias
   */
  public static EntityResolver restore(Collection<ResolvedEntity> state, Equivalents equivalents) {
    EntityResolver r = new EntityResolver(equivalents);
    for (ResolvedEntity e : state) {
      if (r.byKey.containsKey(e.key())) {
        throw new IllegalArgumentException("duplicate entity key " + e.key());
      }
      Node n = new Node(e.key(), e.name(), e.type(), equivalents.lookup(normalize(e.name(), e.type())) != null);
      n.counts.putAll(e.typeCounts());
      r.byKey.put(n.key, n);
      if (n.person) {
        n.fullWords = words(normalize(e.name(), e.type()));
        r.indexPerson(n);
      }
      for (String alias : e.aliases()) {
        String key = nameKey(normalize(alias, e.type()), n.person);
        Node other = r.byName.putIfAbsent(key, n);
        if (other != null && other != n) {
          throw new IllegalArgumentException(
              "alias '" + alias + "' of " + e.key() + " is also an alias of " + other.key);
        }
        n.aliases.add(alias);
        r.indexInitials(n, alias);
      }
    }
    return r;
  }

  /**
   * The entity a name stands for, recording the name and type on it (a new entity when no rule
   * applies).
   *
   * @param canonicalName the fullest name an article gives the entity ({@link Entity#canonical()})
   * @param language the article's ISO 639-1 language, or null when unknown; names are compared
   *     the same way in every language, so it only documents where a name came from
   * @throws IllegalArgumentException when the name has no letter or digit
   */
  public synchronized ResolvedEntity resolve(String canonicalName, Entity.Type type, String language) {
    Objects.requireNonNull(canonicalName, "canonicalName");
    Objects.requireNonNull(type, "type");
    String name = canonicalName.strip();
    String normalized = normalize(name, type);
    if (normalized.isEmpty()) {
      throw new IllegalArgumentException("no letter or digit in entity name '" + canonicalName + "'"
          + (language == null ? "" : " (" + language + ")"));
    }
    boolean person = type == Entity.Type.PER;
    Node node = byName.get(nameKey(normalized, person));
    if (node == null) {
      node = person ? matchPerson(normalized) : matchOther(name, normalized);
    }
    if (node == null) {
      node = create(name, normalized, type, false);
    }
    see(node, name, normalized, type);
    return node.snapshot();
  }

  /**
   * {@code a} with each entity's canonical name and type replaced by its resolved entity's, and each
   * quote's speaker by the name its entity resolved to. Entity names without a letter or digit stay
   * as they are.
   */
  public Analysis resolveAll(Analysis a) {
    Map<String, String> names = new HashMap<>();
    List<Entity> entities = new ArrayList<>(a.entities().size());
    for (Entity e : a.entities()) {
      try {
        ResolvedEntity r = resolve(e.canonical(), e.type(), a.language());
        names.putIfAbsent(e.canonical(), r.name());
        entities.add(new Entity(e.text(), r.type(), e.start(), e.end(), r.name(), e.role()));
      } catch (IllegalArgumentException noLetters) {
        entities.add(e);
      }
    }
    List<Quote> quotes = new ArrayList<>(a.quotes().size());
    for (Quote q : a.quotes()) {
      String c = q.speakerCanonical() == null ? null : names.getOrDefault(q.speakerCanonical(), q.speakerCanonical());
      quotes.add(new Quote(q.text(), q.kind(), q.speaker(), q.speakerStart(), c, q.cue(), q.start(), q.end()));
    }
    return new Analysis(a.article(), a.language(), a.anchor(), a.sentences(), entities, quotes, a.times(),
        a.warnings());
  }

  /** The entity with this key, as it is now. */
  public synchronized Optional<ResolvedEntity> entity(String key) {
    Node n = byKey.get(key);
    return n == null ? Optional.empty() : Optional.of(n.snapshot());
  }

  /** Every entity, in the order they were created: the state to save and {@link #restore}. */
  public synchronized List<ResolvedEntity> entities() {
    List<ResolvedEntity> out = new ArrayList<>(byKey.size());
    for (Node n : byKey.values()) {
      out.add(n.snapshot());
    }
    return out;
  }

  /** How many entities there are. */
  public synchronized int size() {
    return byKey.size();
  }

  private Node matchPerson(String normalized) {
    List<String> words = words(normalized);
    String last = words.get(words.size() - 1);
    Set<Node> fuller = new LinkedHashSet<>();
    for (Node p : personsByWord.getOrDefault(last, List.of())) {
      if (p.fullWords.size() > words.size() && p.fullWords.containsAll(words)
          && (words.size() == 1 || p.lastWord().equals(last))) {
        fuller.add(p);
      }
    }
    if (!fuller.isEmpty()) {
      return fuller.size() == 1 ? fuller.iterator().next() : null;
    }
    if (words.size() == 1) {
      return null;
    }
    Node shorter = null;
    for (Node p : personsByWord.getOrDefault(last, List.of())) {
      if (p.lastWord().equals(last)) {
        if (shorter != null) {
          return null; // two persons with this surname: a fuller name does not pick one
        }
        shorter = p;
      }
    }
    return shorter != null && words.containsAll(shorter.fullWords) ? shorter : null;
  }

  private Node matchOther(String name, String normalized) {
    Equivalents.Entry entry = equivalents.lookup(normalized);
    if (entry != null) {
      for (String n : entry.names()) {
        Node known = byName.get(nameKey(Names.normalize(n, true), false));
        if (known != null) {
          return known;
        }
      }
      return create(entry.preferred(), Names.normalize(entry.preferred(), true), entry.type(), true);
    }
    if (Names.isAcronym(name)) {
      List<Node> spelled = byInitials.getOrDefault(normalized, List.of());
      return spelled.size() == 1 ? spelled.get(0) : null;
    }
    for (String acronym : Names.initials(name)) {
      Node known = byName.get(nameKey(acronym, false));
      if (known != null && !known.fromTable && Names.isAcronym(known.name)) {
        return known;
      }
    }
    return null;
  }

  private Node create(String name, String normalized, Entity.Type type, boolean fromTable) {
    String base = type.name().toLowerCase(Locale.ROOT) + ":" + Names.slug(normalized);
    String key = base;
    for (int i = 2; byKey.containsKey(key); i++) {
      key = base + "-" + i;
    }
    Node n = new Node(key, name, type, fromTable);
    if (n.person) {
      n.fullWords = words(normalized);
      indexPerson(n);
    }
    byKey.put(key, n);
    return n;
  }

  /** Records a name and type on an entity: alias, type count, preferred name, indexes. */
  private void see(Node n, String name, String normalized, Entity.Type type) {
    byName.putIfAbsent(nameKey(normalized, n.person), n);
    if (n.aliases.add(name)) {
      indexInitials(n, name);
    }
    int count = n.counts.merge(type, 1, Integer::sum);
    if (count > n.counts.getOrDefault(n.type, 0)) {
      n.type = type;
    }
    if (n.person) {
      List<String> words = words(normalized);
      if (words.size() > n.fullWords.size() && words.containsAll(n.fullWords)) {
        n.fullWords = words;
        n.name = name;
        indexPerson(n);
      }
    } else if (!n.fromTable && Names.isAcronym(n.name) && !Names.isAcronym(name)) {
      n.name = name;
    }
  }

  private void indexPerson(Node p) {
    for (String w : new HashSet<>(p.fullWords)) {
      List<Node> list = personsByWord.computeIfAbsent(w, x -> new ArrayList<>());
      if (!list.contains(p)) {
        list.add(p);
      }
    }
  }

  private void indexInitials(Node n, String alias) {
    if (n.person) {
      return;
    }
    for (String acronym : Names.initials(alias)) {
      List<Node> list = byInitials.computeIfAbsent(acronym, x -> new ArrayList<>());
      if (!list.contains(n)) {
        list.add(n);
      }
    }
  }

  private static String normalize(String name, Entity.Type type) {
    return Names.normalize(name, type != Entity.Type.PER);
  }

  private static String nameKey(String normalized, boolean person) {
    return (person ? "P|" : "O|") + normalized;
  }

  private static List<String> words(String normalized) {
    return List.of(normalized.split(" "));
  }

  /** The mutable state of one entity, guarded by the resolver's lock. */
  private static final class Node {
    final String key;
    final boolean person;
    final boolean fromTable;
    final Set<String> aliases = new LinkedHashSet<>();
    final EnumMap<Entity.Type, Integer> counts = new EnumMap<>(Entity.Type.class);
    String name;
    Entity.Type type;
    /** A person's fullest name, normalised, as words; unused for other entities. */
    List<String> fullWords = List.of();

    Node(String key, String name, Entity.Type type, boolean fromTable) {
      this.key = key;
      this.name = name;
      this.type = type;
      this.person = type == Entity.Type.PER;
      this.fromTable = fromTable;
    }

    String lastWord() {
      return fullWords.get(fullWords.size() - 1);
    }

    ResolvedEntity snapshot() {
      return new ResolvedEntity(key, name, type, List.copyOf(aliases), counts);
    }
  }
}
