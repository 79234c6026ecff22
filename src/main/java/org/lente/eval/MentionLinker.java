package org.lente.eval;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lente.eval.CorefEval.Mention;
import org.lente.nlp.ner.Entity;

/**
 * Links the mentions of one document that are not names (pronouns, noun phrases) to an entity, for
 * {@link CorefEval}'s "all" setting. Each mention is given, in document order, by the first rule
 * that applies:
 *
 * <ol>
 *   <li>A one-word pronoun: a relative one ("which", "who") joins the mention that ends at most
 *       three tokens before it; a generic one ("everyone", "some", "you") stays alone; a plural one
 *       of a person ("their") joins the nearest plural noun phrase of persons before it ("iPhone 4
 *       owners"), never a single person's name; any other joins the nearest name of its type
 *       (before, else after).
 *   <li>A noun phrase holding a name of its type joins that name's entity ("Apple CEO Steve Jobs",
 *       "Steve Jobs, founder of Apple"): a name of the document inside its span, else the name a
 *       tagger would mark in it ({@link CorefEval#nameIn}) when it is written as exactly one entity
 *       of the document, or else when its words hold, or are held by, the name of exactly one. Not when the phrase counts ("50 787s", "five Boeing 737s") or, but
 *       for persons, joins several things ("iPhone and Apple TV"): it stands for a set.
 *   <li>A person's role ("Apple CEO", "the company's founder") joins the nearest person's name.
 *   <li>A short definite phrase ("the company", "the new phone": at most four words, no "of", no
 *       possessive, no comma, a singular last word) joins the nearest name of its type.
 *   <li>Any other phrase joins an earlier phrase of the document with the same words after a
 *       leading article or possessive ("air carriers" … "air carriers"), else is an entity of its
 *       own.
 * </ol>
 *
 * <p>Nominal mentions reach other documents through the names they join, whose entities the
 * resolver shares across the corpus. Joining identical phrases across documents as well was
 * measured and left out: it moved CoNLL F1 by 0.001. Not thread-safe: one document, one caller.
 */
final class MentionLinker {

  private static final Set<String> RELATIVE = Set.of("which", "that", "who", "whom", "whose");
  private static final Set<String> GENERIC = Set.of("everyone", "many", "others", "some", "all", "you", "your",
      "both", "most", "anyone", "someone", "none", "each");
  private static final Set<String> PLURAL = Set.of("they", "them", "their", "theirs", "themselves");
  private static final Set<String> ROLES = Set.of(
      "ceo", "president", "chairman", "chairwoman", "chief", "executive", "officer", "director", "minister",
      "secretary", "spokesman", "spokeswoman", "founder", "co-founder", "senator", "governor", "analyst",
      "manager", "coo", "cfo", "c.e.o.", "head", "boss");
  private static final Set<String> QUANTITIES = Set.of("one", "two", "three", "four", "five", "six", "seven",
      "eight", "nine", "ten", "eleven", "twelve", "some", "many", "more", "several", "few", "all", "most", "both",
      "dozens", "hundreds");
  private static final Set<String> LEADING = Set.of("the", "a", "an", "this", "that", "these", "those", "its",
      "their", "his", "her", "our");

  private final List<Mention> mentions;
  private final List<Mention> names;
  private final Map<String, String> nameEntities;
  /** The entity given to each mention so far. */
  private final Map<String, String> linked = new HashMap<>();
  /** "TYPE|normalised name" (as written and canonical) → the entities of the document's names so written. */
  private final Map<String, Set<String>> byName = new HashMap<>();
  /** "TYPE|normalised words" of the phrases left to themselves → their entity. */
  private final Map<String, String> phrases = new HashMap<>();

  /**
   * @param mentions the document's mentions in the order of their first token
   * @param names its named mentions, in the same order
   * @param canonical each name's canonical form ({@code names.get(i)} → {@code canonical.get(i)})
   * @param nameEntities the entity of each named mention, by mention id
   */
  MentionLinker(List<Mention> mentions, List<Mention> names, List<Entity> canonical, Map<String, String> nameEntities) {
    if (canonical.size() != names.size()) {
      throw new IllegalArgumentException("names and canonical names differ in number: " + names.size() + " and "
          + canonical.size());
    }
    this.mentions = mentions;
    this.names = names;
    this.nameEntities = nameEntities;
    for (int i = 0; i < names.size(); i++) {
      Mention n = names.get(i);
      for (String form : List.of(n.text(), canonical.get(i).canonical())) {
        byName.computeIfAbsent(n.type() + "|" + normalize(form), x -> new LinkedHashSet<>())
            .add(nameEntities.get(n.id()));
      }
    }
  }

  /** The entity of {@code m}; call it for the document's mentions in order, as a rule looks back. */
  String entityOf(Mention m) {
    String e = m.named() ? nameEntities.get(m.id()) : link(m);
    linked.put(m.id(), e);
    return e;
  }

  private String link(Mention m) {
    List<String> words = List.of(m.text().split(" "));
    String first = words.get(0).toLowerCase(Locale.ROOT);
    if (words.size() == 1 && CorefEval.isPronoun(first)) {
      return pronoun(m, first);
    }
    String inside = nameInside(m, words);
    if (inside != null) {
      return inside;
    }
    boolean role = m.type() == Entity.Type.PER && words.stream().anyMatch(w -> ROLES.contains(w.toLowerCase(Locale.ROOT)));
    boolean shortDefinite = CorefEval.isDefinite(first) && words.size() <= 4 && !words.contains("of")
        && !words.contains("'s") && !words.contains(",") && !plural(words.get(words.size() - 1));
    if (role || shortDefinite) {
      Mention n = nearestName(m);
      if (n != null) {
        return nameEntities.get(n.id());
      }
    }
    int from = 0;
    while (from < words.size() && LEADING.contains(words.get(from).toLowerCase(Locale.ROOT))) {
      from++;
    }
    String key = m.type() + "|" + normalize(String.join(" ", words.subList(from, words.size())));
    return from == words.size() ? alone(m) : phrases.computeIfAbsent(key, k -> alone(m));
  }

  private String pronoun(Mention m, String word) {
    if (RELATIVE.contains(word)) {
      Mention before = null;
      for (Mention o : mentions) {
        if (o.last() < m.first() && o.type() == m.type() && linked.containsKey(o.id())
            && (before == null || o.last() > before.last() || o.last() == before.last() && o.first() < before.first())) {
          before = o;
        }
      }
      return before != null && m.first() - before.last() <= 3 ? linked.get(before.id()) : alone(m);
    }
    if (GENERIC.contains(word)) {
      return alone(m);
    }
    if (m.type() == Entity.Type.PER && PLURAL.contains(word)) {
      Mention before = null;
      for (Mention o : mentions) {
        String text = o.text().toLowerCase(Locale.ROOT);
        if (o.last() < m.first() && o.type() == m.type() && !o.named() && linked.containsKey(o.id())
            && (plural(text.substring(text.lastIndexOf(' ') + 1)) || PLURAL.contains(text))
            && (before == null || o.last() > before.last())) {
          before = o;
        }
      }
      return before == null ? alone(m) : linked.get(before.id());
    }
    Mention n = nearestName(m);
    return n == null ? alone(m) : nameEntities.get(n.id());
  }

  /** The entity of the one name of the document written inside the phrase, or null. */
  private String nameInside(Mention m, List<String> words) {
    if (isQuantity(words.get(0))
        || m.type() != Entity.Type.PER && (words.contains("and") || words.contains("&"))) {
      return null;
    }
    for (Mention n : names) {
      if (n.type() == m.type() && n.first() >= m.first() && n.last() <= m.last()) {
        return nameEntities.get(n.id());
      }
    }
    String written = normalize(String.join(" ", CorefEval.nameIn(words)));
    if (written.isEmpty()) {
      return null;
    }
    Set<String> exact = byName.get(m.type() + "|" + written);
    if (exact != null) {
      return exact.size() == 1 ? exact.iterator().next() : null;
    }
    List<String> name = List.of(written.split(" "));
    Set<String> found = new LinkedHashSet<>();
    for (Map.Entry<String, Set<String>> e : byName.entrySet()) {
      int bar = e.getKey().indexOf('|');
      List<String> known = List.of(e.getKey().substring(bar + 1).split(" "));
      if (e.getKey().substring(0, bar).equals(m.type().name())
          && (name.containsAll(known) || known.containsAll(name))) {
        found.addAll(e.getValue());
      }
    }
    return found.size() == 1 ? found.iterator().next() : null;
  }

  /** The nearest name of the same type: inside the mention, else before, else after; null when none. */
  private Mention nearestName(Mention m) {
    Mention before = null;
    Mention after = null;
    for (Mention n : names) {
      if (n.type() != m.type()) {
        continue;
      }
      if (n.first() >= m.first() && n.last() <= m.last()) {
        return n;
      }
      if (n.first() < m.first() && (before == null || n.first() > before.first())) {
        before = n;
      } else if (n.first() > m.first() && (after == null || n.first() < after.first())) {
        after = n;
      }
    }
    return before != null ? before : after;
  }

  private static String alone(Mention m) {
    return "alone:" + m.id();
  }

  /** Lower case, letters and digits only, single spaces. */
  private static String normalize(String s) {
    return String.join(" ", s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ").strip().split("\\s+"));
  }

  /** An English plural noun by its ending ("carriers", "787s"; not "business", "bus", "analysis"). */
  static boolean plural(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is");
  }

  /** A number or a word of quantity: the phrase it begins counts things. */
  private static boolean isQuantity(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return QUANTITIES.contains(w) || w.matches("\\d[\\d,.]*");
  }
}
