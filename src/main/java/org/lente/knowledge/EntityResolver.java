package org.lente.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.store.NameSighting;

/**
 * Resolves entity names across articles and languages to one entity of the knowledge base each:
 * "Putin", "Vladimir Putin" and the English "Vladimir Putin" are one person; "Corea del Nord" and
 * "North Korea" one country; "Stati Uniti", "United States", "USA" and "U.S." one.
 *
 * <p>The resolver's state is the set of names it has seen, each with how often it was written in
 * each way, with each type, in each language ({@link NameSighting}); the entities are a function of that
 * set alone, so <b>the same names give the same entities whatever order they arrived in</b>. A name
 * is compared in normalised form (case, accents, dots and punctuation, a leading article, an
 * organisation's legal form: "Kim Jong-un" = "Kim Jong Un", "NATO" = "Nato", "Apple Inc." =
 * "Apple"). Persons (PER) are one namespace; organisations, places and other names (ORG, LOC,
 * MISC) another, since taggers and languages disagree between them for the same name. Each name
 * belongs to the entity of its <em>root</em>:
 *
 * <ol>
 *   <li>Organisations and places: a name in the {@link Equivalents} table belongs to its line ("Casa
 *       Bianca" and "White House"); the line is the root.
 *   <li>Persons: a name's <em>fuller names</em> are the other person names seen that have all its
 *       words and more, and, when it has two or more words, the same last word ("Vladimir Putin" for
 *       "Putin"; "George W. Bush" for "George Bush"). Organisations: the fuller names of a name
 *       written in capitals ("EADS") are the names of three or more words whose initials spell it
 *       ("European Aeronautic Defence and Space Company"). A person's words are compared with the
 *       spellings of transliteration folded ({@link Names#transliterationFold}): "Sergej Lavrov" and
 *       "Sergei Lavrov" are two spellings of one name, and "Navalnyj" has the fuller name "Alexei Navalny".
 *   <li>When the fuller names all have one root, that is the name's root too; with none, or with
 *       two or more roots ("Kim" with Kim Jong Un and Kim Il Sung; "Rossi" with Mario and Luca
 *       Rossi), the name is its own root: an entity of its own, whichever fuller name came first. A
 *       person's name with other spellings seen has, instead of itself, the spelling first in key order.
 * </ol>
 *
 * <p>An entity's name is its table line's preferred name, else the way its root was written most
 * often (a person's over all the spellings of its name; on a tie, the first in string order); its type is the type its names were seen with most
 * often (on a tie, the first in {@link Entity.Type} order); its key is made from its namespace or
 * table type and its root's normalised name ("per:vladimir-putin", "loc:north-korea"). So a name
 * arriving later may move earlier names to another entity: "Vladimir Putin" after "Putin" merges
 * them, "Kim Il Sung" after "Kim" and "Kim Jong Un" separates "Kim" from Kim Jong Un; {@link
 * #observe} reports such moves so that the store can follow them in the same transaction.
 *
 * <p>Thread-safe: calls are serialised on the resolver, so concurrent callers get the outcome of
 * some order of their calls, which is the outcome of any order.
 */
public final class EntityResolver {

  /**
   * What {@link #observe} did for one analysis.
   *
   * @param analysis the analysis with each entity's canonical name and type replaced by its resolved
   *     entity's, and each quote's speaker by the name its entity resolved to
   * @param sightings for each entity of the analysis, in order, the sighting it added (seen 1), or
   *     null for an entity name without a letter or digit, which is left as it is
   * @param moved the names seen before this analysis whose entity name changed, with the new name:
   *     what the store must re-point ("P|putin" to "Vladimir Putin")
   */
  public record Observation(Analysis analysis, List<NameSighting> sightings, Map<String, String> moved) {
    public Observation {
      Objects.requireNonNull(analysis, "analysis");
      sightings = java.util.Collections.unmodifiableList(new ArrayList<>(sightings));
      moved = Map.copyOf(moved);
    }
  }

  private final Equivalents equivalents;
  /** Every name seen, by {@link #nameKey}. */
  private final Map<String, Name> names = new HashMap<>();
  /** Persons by each word of their name. */
  private final Map<String, List<Name>> personsByWord = new HashMap<>();
  /** Persons by their words joined: the spellings of one name ({@link Names#transliterationFold}), in key order. */
  private final Map<String, TreeSet<Name>> spellings = new HashMap<>();
  /** Organisations and places by the acronyms their names of three or more words could be. */
  private final Map<String, List<Name>> byInitials = new HashMap<>();
  /** The names of each root (a root name's key or a table line's {@link #tableKey}). */
  private final Map<String, Set<Name>> members = new HashMap<>();

  /** A resolver with the built-in table ({@link Equivalents#builtIn()}) and nothing seen yet. */
  public EntityResolver() {
    this(Equivalents.builtIn());
  }

  /** A resolver with this table and nothing seen yet. */
  public EntityResolver(Equivalents equivalents) {
    this.equivalents = Objects.requireNonNull(equivalents, "equivalents");
  }

  /** A resolver that has seen {@code sightings} (in any order: the outcome is the same). */
  public static EntityResolver of(Collection<NameSighting> sightings, Equivalents equivalents) {
    EntityResolver r = new EntityResolver(equivalents);
    for (NameSighting s : sightings) {
      r.add(s, s.seen(), null);
    }
    return r;
  }

  /** The namespace and normalised form a name is compared in: "P|vladimir putin", "O|north korea"; null without a letter or digit. */
  public static String nameKey(String name, Entity.Type type) {
    boolean person = type == Entity.Type.PER;
    String normalized = Names.normalize(name, !person);
    return normalized.isEmpty() ? null : (person ? "P|" : "O|") + normalized;
  }

  /**
   * The entity a name stands for, after recording it once.
   *
   * @param canonicalName the fullest name an article gives the entity ({@link Entity#canonical()})
   * @param language the article's ISO 639-1 language, or null when unknown
   * @throws IllegalArgumentException when the name has no letter or digit
   */
  public synchronized ResolvedEntity resolve(String canonicalName, Entity.Type type, String language) {
    NameSighting s = sighting(canonicalName, type, language);
    add(s, 1, null);
    return snapshot(names.get(s.name()).root);
  }

  private static NameSighting sighting(String canonicalName, Entity.Type type, String language) {
    Objects.requireNonNull(canonicalName, "canonicalName");
    Objects.requireNonNull(type, "type");
    String key = nameKey(canonicalName, type);
    if (key == null) {
      throw new IllegalArgumentException("no letter or digit in entity name '" + canonicalName + "'"
          + (language == null ? "" : " (" + language + ")"));
    }
    return sighting(key, canonicalName, type, language);
  }

  /** The sighting of a name whose {@link #nameKey} is {@code key} (not null). */
  private static NameSighting sighting(String key, String canonicalName, Entity.Type type, String language) {
    return new NameSighting(key, canonicalName.strip(), type, language == null ? "" : language, 1);
  }

  /**
   * Records every entity name of {@code a} and resolves them (see {@link Observation}). Undone by
   * {@link #forget} with the observation's sightings.
   */
  public synchronized Observation observe(Analysis a) {
    Map<String, String> before = new HashMap<>();
    List<NameSighting> sightings = new ArrayList<>(a.entities().size());
    for (Entity e : a.entities()) {
      String key = nameKey(e.canonical(), e.type());
      NameSighting s = key == null ? null : sighting(key, e.canonical(), e.type(), a.language());
      sightings.add(s);
      if (s != null) {
        add(s, 1, before);
      }
    }
    Map<String, String> moved = new TreeMap<>();
    before.forEach((key, name) -> {
      Name n = names.get(key);
      if (name != null && n != null && !n.entity.equals(name)) {
        moved.put(key, n.entity);
      }
    });
    Map<String, String> resolved = new HashMap<>();
    List<Entity> entities = new ArrayList<>(a.entities().size());
    for (int i = 0; i < a.entities().size(); i++) {
      Entity e = a.entities().get(i);
      NameSighting s = sightings.get(i);
      if (s == null) {
        entities.add(e);
        continue;
      }
      Name n = names.get(s.name());
      resolved.putIfAbsent(e.canonical(), n.entity);
      entities.add(new Entity(e.text(), typeOf(n.root), e.start(), e.end(), n.entity, e.role()));
    }
    List<Quote> quotes = new ArrayList<>(a.quotes().size());
    for (Quote q : a.quotes()) {
      String c = q.speakerCanonical() == null ? null : resolved.getOrDefault(q.speakerCanonical(), q.speakerCanonical());
      quotes.add(new Quote(q.text(), q.kind(), q.speaker(), q.speakerStart(), c, q.cue(), q.start(), q.end()));
    }
    Analysis out = new Analysis(a.article(), a.language(), a.anchor(), a.sentences(), entities, quotes, a.times(),
        a.warnings());
    return new Observation(out, sightings, moved);
  }

  /** Undoes {@link #observe}: removes these sightings (nulls skipped), so that the state is as before. */
  public synchronized void forget(List<NameSighting> sightings) {
    for (int i = sightings.size() - 1; i >= 0; i--) {
      NameSighting s = sightings.get(i);
      if (s != null && names.containsKey(s.name())) {
        add(s, -s.seen(), null);
      }
    }
  }

  /** {@code a} with its names resolved ({@link Observation#analysis()} of {@link #observe}). */
  public Analysis resolveAll(Analysis a) {
    return observe(a).analysis();
  }

  /** The entity with this key, as it is now. */
  public synchronized Optional<ResolvedEntity> entity(String key) {
    for (String root : members.keySet()) {
      if (keyOf(root).equals(key)) {
        return Optional.of(snapshot(root));
      }
    }
    return Optional.empty();
  }

  /** The entity a name of this type belongs to now, without recording it; empty when it was never seen. */
  public synchronized Optional<ResolvedEntity> find(String name, Entity.Type type) {
    String key = nameKey(name, type);
    Name n = key == null ? null : names.get(key);
    return n == null ? Optional.empty() : Optional.of(snapshot(n.root));
  }

  /** The name of the entity a name (as an article writes it) belongs to, when the name was seen. */
  public synchronized Optional<String> entityName(String name) {
    for (Entity.Type type : List.of(Entity.Type.PER, Entity.Type.ORG)) {
      String key = nameKey(name, type);
      Name n = key == null ? null : names.get(key);
      if (n != null) {
        return Optional.of(n.entity);
      }
    }
    return Optional.empty();
  }

  /** Every name seen with the name of its entity now, by {@link #nameKey}. */
  public synchronized Map<String, String> entityNames() {
    Map<String, String> out = new TreeMap<>();
    names.forEach((k, n) -> out.put(k, n.entity));
    return out;
  }

  /** Every sighting recorded, by name, written form, type and language: the state to store. */
  public synchronized List<NameSighting> sightings() {
    List<NameSighting> out = new ArrayList<>();
    for (Name n : names.values()) {
      n.sightings.forEach((k, seen) -> out.add(new NameSighting(n.key, k.written(), k.type(), k.language(), seen)));
    }
    out.sort(Comparator.comparing(NameSighting::name).thenComparing(NameSighting::written)
        .thenComparing(NameSighting::type).thenComparing(NameSighting::language));
    return out;
  }

  /** Every entity, by key. */
  public synchronized List<ResolvedEntity> entities() {
    List<ResolvedEntity> out = new ArrayList<>(members.size());
    for (String root : members.keySet()) {
      out.add(snapshot(root));
    }
    out.sort(Comparator.comparing(ResolvedEntity::key));
    return out;
  }

  /** How many entities there are. */
  public synchronized int size() {
    return members.size();
  }

  // ---- the state: names, their roots and entity names ----

  /** The sighting's written form, type and language. */
  private record Way(String written, Entity.Type type, String language) { }

  /** One normalised name in one namespace, guarded by the resolver's lock. */
  private static final class Name {
    final String key;
    final boolean person;
    final List<String> words;
    /** Its words joined: two spellings of one name share it, their key in the resolver's spellings. */
    final String spelling;
    final Equivalents.Entry entry;
    /** The acronyms an organisation's or place's name could be written as ({@link Names#initials}). */
    final Set<String> initials;
    final Map<Way, Integer> sightings = new HashMap<>();
    /** The key of its root: a name's key or a table line's. */
    String root;
    /** The name of its entity, as last computed. */
    String entity;

    Name(String key, Equivalents.Entry entry) {
      this.key = key;
      this.person = key.startsWith("P|");
      List<String> split = List.of(key.substring(2).split(" "));
      this.words = person ? split.stream().map(Names::transliterationFold).toList() : split;
      this.spelling = String.join(" ", words);
      this.entry = entry;
      this.initials = person ? Set.of() : Names.initials(key.substring(2));
    }

    String last() {
      return words.get(words.size() - 1);
    }

    boolean writtenAsAcronym() {
      return sightings.keySet().stream().anyMatch(w -> Names.isAcronym(w.written()));
    }
  }

  /**
   * Adds {@code count} (negative: removes) mentions of a sighting, then recomputes the roots of the
   * names it may change and the entity names of the roots touched; {@code before} (when not null)
   * gets each changed name's entity name before the first change.
   */
  private void add(NameSighting s, int count, Map<String, String> before) {
    Name n = names.get(s.name());
    if (n == null) {
      if (count <= 0) {
        return;
      }
      n = new Name(s.name(), s.name().startsWith("P|") ? null : equivalents.lookup(s.name().substring(2)));
      names.put(n.key, n);
      for (String w : indexWords(n)) {
        personsByWord.computeIfAbsent(w, x -> new ArrayList<>()).add(n);
      }
      if (n.person) {
        spellings.computeIfAbsent(n.spelling, x -> new TreeSet<>(BY_KEY)).add(n);
      }
      for (String acronym : n.initials) {
        byInitials.computeIfAbsent(acronym, x -> new ArrayList<>()).add(n);
      }
    }
    Way way = new Way(s.written(), s.type(), s.language());
    int now = n.sightings.getOrDefault(way, 0) + count;
    if (now > 0) {
      n.sightings.put(way, now);
    } else {
      n.sightings.remove(way);
    }
    List<Name> affected = affectedBy(n);
    Set<String> touched = new LinkedHashSet<>();
    if (n.root != null) {
      touched.add(n.root);
    }
    if (n.sightings.isEmpty()) {
      names.remove(n.key);
      for (String w : indexWords(n)) {
        personsByWord.get(w).remove(n);
      }
      if (n.person) {
        spellings.get(n.spelling).remove(n);
        if (spellings.get(n.spelling).isEmpty()) {
          spellings.remove(n.spelling);
        }
      }
      for (String acronym : n.initials) {
        byInitials.get(acronym).remove(n);
      }
      if (before != null) {
        before.putIfAbsent(n.key, n.entity);
      }
      leave(n);
      affected.remove(n);
    }
    for (Name a : affected) {
      String root = rootOf(a);
      if (!root.equals(a.root)) {
        if (a.root != null) {
          touched.add(a.root);
          leave(a);
        }
        a.root = root;
        members.computeIfAbsent(root, x -> new LinkedHashSet<>()).add(a);
        touched.add(root);
      }
    }
    for (String root : touched) {
      Set<Name> group = members.get(root);
      if (group == null) {
        continue;
      }
      String name = nameOf(root);
      for (Name m : group) {
        if (!name.equals(m.entity)) {
          if (before != null) {
            before.putIfAbsent(m.key, m.entity);
          }
          m.entity = name;
        }
      }
    }
  }

  /** The words a person is indexed by; none for other names. */
  private static Set<String> indexWords(Name n) {
    return n.person ? new LinkedHashSet<>(n.words) : Set.of();
  }

  private void leave(Name n) {
    Set<Name> group = members.get(n.root);
    if (group != null) {
      group.remove(n);
      if (group.isEmpty()) {
        members.remove(n.root);
      }
    }
  }

  private static final Comparator<Name> BY_KEY = Comparator.comparing(n -> n.key);

  /** The spellings of person {@code n}'s name seen, itself included, in key order. */
  private Set<Name> spellingsOf(Name n) {
    Set<Name> seen = spellings.get(n.spelling);
    return seen != null ? seen : Set.of(n);
  }

  /**
   * The names whose root may change when {@code n}'s sightings change: {@code n}, its other spellings (which one is
   * first in key order may change), and the names they are a fuller name of, fewest words last (their roots depend
   * on the fuller names' roots).
   */
  private List<Name> affectedBy(Name n) {
    List<Name> out = new ArrayList<>();
    out.add(n);
    if (n.person) {
      for (Name v : spellingsOf(n)) {
        if (v != n) {
          out.add(v);
        }
      }
      Set<Name> shorter = new LinkedHashSet<>();
      for (String w : indexWords(n)) {
        for (Name p : personsByWord.getOrDefault(w, List.of())) {
          if (p != n && fuller(n, p)) {
            shorter.add(p);
          }
        }
      }
      List<Name> sorted = new ArrayList<>(shorter);
      sorted.sort(Comparator.comparingInt((Name p) -> -p.words.size()).thenComparing(p -> p.key));
      out.addAll(sorted);
    } else {
      for (String acronym : n.initials) {
        Name a = names.get("O|" + acronym);
        if (a != null && a != n && !out.contains(a)) {
          out.add(a);
        }
      }
    }
    return out;
  }

  /** Whether person {@code p} is a fuller name of person {@code s} (see the class comment). */
  private static boolean fuller(Name p, Name s) {
    return p.words.size() > s.words.size() && p.words.containsAll(s.words)
        && (s.words.size() == 1 || p.last().equals(s.last()));
  }

  /** The root of {@code n} by the rules of the class comment, from the current roots of its fuller names. */
  private String rootOf(Name n) {
    if (n.entry != null) {
      return tableKey(n.entry);
    }
    Set<String> roots = new TreeSet<>();
    if (n.person) {
      for (Name p : personsByWord.getOrDefault(n.last(), List.of())) {
        if (fuller(p, n) && p.root != null) {
          roots.add(p.root);
        }
      }
    } else if (n.writtenAsAcronym()) {
      for (Name o : byInitials.getOrDefault(n.key.substring(2), List.of())) {
        if (o != n && o.root != null) {
          roots.add(o.root);
        }
      }
    }
    if (roots.size() == 1) {
      return roots.iterator().next();
    }
    return n.person ? spellingsOf(n).iterator().next().key : n.key;
  }

  private static String tableKey(Equivalents.Entry entry) {
    return "T|" + Names.normalize(entry.preferred(), true);
  }

  /** The entity name of a root: the table's preferred name, else the way the root was written most often. */
  private String nameOf(String root) {
    if (root.startsWith("T|")) {
      Name any = members.get(root).iterator().next();
      return any.entry.preferred();
    }
    Map<String, Integer> written = new TreeMap<>();
    Name r = names.get(root);
    for (Name spelling : r.person ? spellingsOf(r) : Set.of(r)) {
      spelling.sightings.forEach((w, seen) -> written.merge(w.written(), seen, Integer::sum));
    }
    String best = null;
    for (Map.Entry<String, Integer> e : written.entrySet()) {
      if (best == null || e.getValue() > written.get(best)) {
        best = e.getKey();
      }
    }
    return best;
  }

  private EnumMap<Entity.Type, Integer> counts(String root) {
    EnumMap<Entity.Type, Integer> counts = new EnumMap<>(Entity.Type.class);
    for (Name m : members.get(root)) {
      m.sightings.forEach((w, seen) -> counts.merge(w.type(), seen, Integer::sum));
    }
    return counts;
  }

  private Entity.Type typeOf(String root) {
    EnumMap<Entity.Type, Integer> counts = counts(root);
    Entity.Type best = null;
    for (Map.Entry<Entity.Type, Integer> e : counts.entrySet()) {
      if (best == null || e.getValue() > counts.get(best)) {
        best = e.getKey();
      }
    }
    return best;
  }

  private String keyOf(String root) {
    String prefix;
    if (root.startsWith("T|")) {
      prefix = members.get(root).iterator().next().entry.type().name().toLowerCase(Locale.ROOT);
    } else {
      prefix = root.startsWith("P|") ? "per" : "name";
    }
    return prefix + ":" + Names.slug(root.substring(2));
  }

  private ResolvedEntity snapshot(String root) {
    Set<String> aliases = new TreeSet<>();
    for (Name m : members.get(root)) {
      m.sightings.keySet().forEach(w -> aliases.add(w.written()));
    }
    return new ResolvedEntity(keyOf(root), nameOf(root), typeOf(root), List.copyOf(aliases), counts(root));
  }
}
