package org.lente.nlp.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lente.nlp.Sentence;
import org.lente.nlp.Token;
import org.lente.nlp.time.Lang;

/**
 * Finds the entities of a whole text: labels its sentences together ({@link EntityTagger#labelAll}),
 * turns runs of
 * labels into {@link Entity} mentions, types a country named on its own as a place whatever the
 * sentence makes it do ("l'Italia ha firmato" as "in Italia": KIND's annotators, and so the Italian
 * model, call an acting country an organisation; a reader of running text wants one entity
 * "Italia"), keeps a name found on a headline line capitalised throughout only when the body names
 * it too ({@link Headlines}), then links each mention to its fullest name in the text
 * ("Putin" → "Vladimir Putin") and to the role the text gives it ("il ministro della Difesa Andrei
 * Belousov" → "ministro della Difesa"). Thread-safe.
 */
public final class Entities {

  /** Nouns that name a role or function; the role phrase is built around one of them. */
  private static final Set<String> ROLE_HEADS = Set.copyOf(List.of(
      // Italian
      "presidente", "presidentessa", "vicepresidente", "ministro", "ministra", "viceministro", "sottosegretario",
      "sottosegretaria", "segretario", "segretaria", "capo", "leader", "portavoce", "direttore", "direttrice",
      "premier", "sindaco", "sindaca", "governatore", "governatrice", "ambasciatore", "ambasciatrice", "generale",
      "comandante", "cancelliere", "senatore", "senatrice", "deputato", "deputata", "consigliere", "consigliera",
      "assessore", "assessora", "procuratore", "procuratrice", "giudice", "amministratore", "amministratrice",
      "fondatore", "fondatrice", "analista", "esperto", "esperta", "corrispondente", "inviato", "inviata",
      "giornalista", "allenatore", "papa", "re", "regina", "principe", "principessa", "commissario", "commissaria",
      "dirigente", "funzionario", "funzionaria", "candidato", "candidata", "presentatore", "presentatrice",
      "scrittore", "scrittrice", "avvocato", "avvocata", "ricercatore", "ricercatrice", "professore",
      "professoressa", "capitano", "ammiraglio", "colonnello", "cardinale", "vescovo", "arcivescovo", "rettore",
      "ad", "ceo", "coordinatore", "coordinatrice", "responsabile", "numero", "reporter", "cantante", "attore",
      "attrice", "regista", "economista", "storico", "storica", "politologo", "politologa", "medico", "virologo",
      // English
      "president", "minister", "secretary", "chief", "spokesman", "spokeswoman", "spokesperson", "director",
      "chairman", "chairwoman", "chair", "senator", "governor", "mayor", "ambassador", "general", "commander",
      "chancellor", "king", "queen", "prince", "pope", "judge", "attorney", "lawyer", "analyst", "correspondent",
      "reporter", "founder", "officer", "official", "candidate", "nominee", "representative", "rep.", "sen.",
      "gov.", "gen.", "speaker", "adviser", "advisor", "manager", "executive", "professor", "economist",
      "strategist", "prosecutor", "editor", "coach", "captain", "head", "deputy", "envoy", "lt.", "col.",
      "sheriff", "premier", "leader", "pollster", "historian", "researcher", "expert", "author", "host"));
  /** Words that may stand before a role head and belong to the role: "vice primo ministro". */
  private static final Set<String> ROLE_PREFIXES = Set.copyOf(List.of(
      "vice", "primo", "prima", "ex", "alto", "alta", "alti", "nuovo", "nuova", "sotto", "former", "deputy", "vice-",
      "acting", "assistant", "senior", "chief", "foreign", "prime", "state", "then", "top", "co-founder"));
  private static final Set<String> ARTICLES = Set.of(
      "il", "lo", "la", "l'", "i", "gli", "le", "un", "uno", "una", "un'", "the", "a", "an");
  /** Prepositions inside a role: "ministro della Difesa", "Secretary of State", "senator from Texas". */
  private static final Set<String> OF = Set.of(
      "di", "del", "dello", "della", "dell'", "dei", "degli", "delle", "of", "for", "per", "from");
  /** Role nouns written short, with the noun they stand for: "Sen. Ted Cruz" is the senator. */
  private static final Map<String, String> ROLE_ABBREVIATIONS = Map.of("sen.", "senator", "rep.", "representative",
      "gov.", "governor", "gen.", "general");

  private final EntityTagger tagger;

  public Entities(EntityTagger tagger) {
    this.tagger = tagger;
  }

  /** The entity mentions of {@code text}, in text order, with canonical names and roles. */
  public List<Entity> find(String text, Lang lang, List<Token> tokens, List<Sentence> sentences) {
    List<Entity> mentions = new ArrayList<>();
    List<Boolean> onCapitalisedLine = new ArrayList<>();
    Map<Integer, String> roles = new HashMap<>();
    boolean[] capitalised = Headlines.capitalisedLines(text, tokens);
    List<String[]> labelled = tagger.labelAll(lang, sentences.stream()
        .map(s -> tokens.subList(s.first(), s.last()).stream().map(Token::text).toList()).toList());
    for (int si = 0; si < sentences.size(); si++) {
      Sentence s = sentences.get(si);
      List<Token> words = tokens.subList(s.first(), s.last());
      String[] labels = labelled.get(si);
      int i = 0;
      while (i < labels.length) {
        if (labels[i].equals("O")) {
          i++;
          continue;
        }
        int j = i;
        while (j < labels.length && labels[j].equals(labels[i])) {
          j++;
        }
        Token first = words.get(i);
        Token last = words.get(j - 1);
        String mention = text.substring(first.start(), last.end());
        Entity.Type type = Places.isCountry(mention) ? Entity.Type.LOC : Entity.Type.valueOf(labels[i]);
        if (mention.chars().noneMatch(Character::isUpperCase) || mention.length() > Entity.MAX_CHARS) {
          i = j; // "il governo", "la polizia": a common noun, not a name; nor is a run of 200 characters
          continue;
        }
        if (type == Entity.Type.PER) {
          String role = role(text, words, i, j);
          if (role != null) {
            roles.put(mentions.size(), role);
          }
        }
        mentions.add(new Entity(mention, type, first.start(), last.end(), mention, null));
        onCapitalisedLine.add(capitalised[s.first() + i]);
        i = j;
      }
    }
    List<Entity> kept = Headlines.hasBody(capitalised) ? Headlines.confirmedByBody(mentions, onCapitalisedLine) : mentions;
    if (kept.size() < mentions.size()) {
      roles = keptRoles(mentions, kept, roles);
    }
    return link(vote(kept), roles);
  }

  /** The roles of {@code all}'s mentions re-indexed to {@code kept}, a subsequence of {@code all}. */
  private static Map<Integer, String> keptRoles(List<Entity> all, List<Entity> kept, Map<Integer, String> roles) {
    Map<Integer, String> out = new HashMap<>();
    int k = 0;
    for (int a = 0; a < all.size() && k < kept.size(); a++) {
      if (all.get(a) == kept.get(k)) {
        String role = roles.get(a);
        if (role != null) {
          out.put(k, role);
        }
        k++;
      }
    }
    return out;
  }

  /**
   * One type per name in a document: a name the model typed differently in different sentences
   * ("Russia" as a place here, an organisation there) takes the type it was given most, the first
   * one on a tie.
   */
  static List<Entity> vote(List<Entity> mentions) {
    Map<String, Map<Entity.Type, Integer>> votes = new HashMap<>();
    for (Entity m : mentions) {
      votes.computeIfAbsent(m.text(), x -> new LinkedHashMap<>()).merge(m.type(), 1, Integer::sum);
    }
    List<Entity> out = new ArrayList<>(mentions.size());
    for (Entity m : mentions) {
      Map<Entity.Type, Integer> v = votes.get(m.text());
      Entity.Type best = m.type();
      if (v.size() > 1) {
        int most = 0;
        for (Map.Entry<Entity.Type, Integer> e : v.entrySet()) {
          if (e.getValue() > most) {
            most = e.getValue();
            best = e.getKey();
          }
        }
      }
      out.add(best == m.type() ? m : new Entity(m.text(), best, m.start(), m.end(), m.canonical(), m.role()));
    }
    return out;
  }

  /**
   * Canonical names for mentions found by other means (an evaluation's gold mentions), by the rule
   * {@link #find} applies to its own, without roles; offsets are not read.
   */
  public static List<Entity> canonicalNames(List<Entity> mentions) {
    return link(mentions, Map.of());
  }

  /**
   * Canonical names and roles: a mention's canonical name is the mention of the same type with the
   * most words that include all of its words ("Putin" in "Vladimir Putin"); among equals, the one
   * named most often, then first. A role found at any mention goes to every mention of that name.
   */
  static List<Entity> link(List<Entity> mentions, Map<Integer, String> roles) {
    // distinct names, with how often and how early each is mentioned
    Map<String, Name> names = new LinkedHashMap<>();
    for (int k = 0; k < mentions.size(); k++) {
      Entity m = mentions.get(k);
      int order = k;
      names.computeIfAbsent(key(m), x -> new Name(m.type(), m.text(), words(m.text()), order)).count++;
    }
    Map<String, List<Name>> byWord = new HashMap<>();
    for (Name n : names.values()) {
      for (String w : new java.util.HashSet<>(n.words)) {
        byWord.computeIfAbsent(w, x -> new ArrayList<>()).add(n);
      }
    }
    Map<String, String> canonical = new HashMap<>();
    for (Map.Entry<String, Name> e : names.entrySet()) {
      Name n = e.getValue();
      Name best = n;
      List<Name> candidates = n.words.isEmpty() ? List.of() : byWord.getOrDefault(n.words.get(0), List.of());
      for (Name other : candidates) {
        if (other.type == n.type && other.words.size() >= n.words.size() && other.words.containsAll(n.words)
            && fullerFormOf(other, n) && other.compareTo(best) > 0) {
          best = other;
        }
      }
      canonical.put(e.getKey(), best.text);
    }
    Map<String, String> roleByName = new HashMap<>();
    roles.forEach((k, role) -> roleByName.putIfAbsent(canonical.get(key(mentions.get(k))), role));
    List<Entity> out = new ArrayList<>(mentions.size());
    for (Entity m : mentions) {
      String c = canonical.get(key(m));
      out.add(m.withCanonical(c, roleByName.get(c)));
    }
    return out;
  }

  /**
   * Whether {@code longer}, a name of {@code shorter}'s type holding all its words, is a fuller form
   * of the same referent. A person's always is ("Putin" in "Vladimir Putin", "Kim" in "Kim Jong
   * Un"). A place's, an organisation's or another name's is one when it begins with the shorter name
   * and goes on with a capitalised word or a number ("Stati Uniti d'America", "Apple Inc.", "iPhone
   * 4"), or ends with it after words that it does not govern ("United States Air Force", "Airbus
   * A380"). It is another referent when it governs the shorter name ("Consiglio di Sicurezza delle
   * Nazioni Unite", "Yeonpyeong della Corea del Sud", "Bank of America"), or goes on with lower-case
   * words only, which name a part of it or something else ("Russia orientale", "EADS-led").
   */
  static boolean fullerFormOf(Name longer, Name shorter) {
    if (longer.type == Entity.Type.PER || longer.words.equals(shorter.words)) {
      return true;
    }
    int n = shorter.words.size();
    int m = longer.words.size();
    if (longer.words.subList(0, n).equals(shorter.words)) {
      return writtenWords(longer.text).subList(n, m).stream()
          .anyMatch(w -> !w.equals(w.toLowerCase(Locale.ROOT)) || w.chars().anyMatch(Character::isDigit));
    }
    return longer.words.subList(m - n, m).equals(shorter.words)
        && longer.words.subList(0, m - n).stream().noneMatch(OF::contains);
  }

  /** A distinct name of the text: more words, then more mentions, then earlier, is fuller. */
  private static final class Name implements Comparable<Name> {
    final Entity.Type type;
    final String text;
    final List<String> words;
    final int first;
    int count;

    Name(Entity.Type type, String text, List<String> words, int first) {
      this.type = type;
      this.text = text;
      this.words = words;
      this.first = first;
    }

    @Override
    public int compareTo(Name o) {
      if (words.size() != o.words.size()) {
        return Integer.compare(words.size(), o.words.size());
      }
      if (count != o.count) {
        return Integer.compare(count, o.count);
      }
      return Integer.compare(o.first, first);
    }
  }

  private static String key(Entity e) {
    return e.type() + "\t" + e.text();
  }

  /** Words of a name, lower-cased, with hyphens as spaces: "Kim Jong-un" → [kim, jong, un]. */
  static List<String> words(String name) {
    return writtenWords(name.toLowerCase(Locale.ROOT));
  }

  /** Words of a name as written, with hyphens as spaces: "Kim Jong-un" → [Kim, Jong, un]. */
  private static List<String> writtenWords(String name) {
    List<String> out = new ArrayList<>();
    for (String w : name.replace('’', '\'').split("[\\s\\-‐]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * The role phrase the sentence gives a person: before the name, up to eight words back to an
   * article or a clause break, built on a role noun with its modifiers ("il [segretario di Stato
   * americano] Antony Blinken", "[Russian President] Vladimir Putin", "il [vice primo ministro]
   * Denis Mantrurov"); or an apposition after it ("Jens Stoltenberg, [segretario generale della
   * NATO],", "Lena Moss, the company's [chief executive],"). Null when there is none.
   */
  static String role(String text, List<Token> words, int first, int end) {
    if (first >= 2 && words.get(first - 1).text().equals(",")) {
      String before = role(text, words, first - 1, end); // "il presidente dell'Autorità, Luciano Marchetti"
      if (before != null) {
        return before;
      }
    }
    int head = -1;
    for (int k = first - 1; k >= Math.max(0, first - 8); k--) {
      String w = words.get(k).lower();
      if (ROLE_HEADS.contains(w)) {
        head = k;
        continue;
      }
      if (!isModifier(words.get(k))) {
        break;
      }
    }
    if (head >= 0) {
      int from = head;
      while (from > 0 && from > first - 10 && (ROLE_PREFIXES.contains(words.get(from - 1).lower())
          || isModifier(words.get(from - 1)) && !OF.contains(words.get(from - 1).lower()))) {
        from--;
      }
      return text.substring(words.get(from).start(), words.get(first - 1).end());
    }
    if (end + 1 < words.size() && words.get(end).text().equals(",")) {
      int k = end + 1;
      while (k < words.size() && ARTICLES.contains(words.get(k).lower())) {
        k++;
      }
      if (k + 2 < words.size() && words.get(k + 1).lower().equals("'s")) {
        k += 2; // "Lena Moss, the company's chief executive,": the role is the company's
      }
      int h = k;
      while (h < words.size() && h < k + 3 && ROLE_PREFIXES.contains(words.get(h).lower())) {
        h++;
      }
      if (h < words.size() && ROLE_HEADS.contains(words.get(h).lower())) {
        int e = h + 1;
        while (e < words.size() && e < h + 8 && isModifier(words.get(e))) {
          e++;
        }
        if (e == words.size() || words.get(e).punctuation()) {
          return text.substring(words.get(k).start(), words.get(e - 1).end());
        }
      }
    }
    return null;
  }

  /**
   * The role nouns of {@code phrase}, a role as {@link Entity#role()} gives it or a noun phrase that names someone
   * by a role, before its first preposition: lower-cased, abbreviations written out ("ministro degli Esteri russo"
   * and "il ministro" → [ministro], "Foreign Minister" → [minister], "the company's chief executive" → [chief,
   * executive], "segretario generale della NATO" → [segretario, generale], "Sen." → [senator]). Empty when it has
   * none ("the workers", "il governo"). The head is one of them (the first in Italian, the last in English, "Attorney
   * General" aside): a phrase whose role nouns are all among a role's names that role.
   */
  public static Set<String> roleNouns(String phrase) {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (String word : phrase.toLowerCase(Locale.ROOT).replace('’', '\'').split("[\\s,;:]+|(?<=')")) {
      String w = ROLE_ABBREVIATIONS.getOrDefault(word, word);
      if (OF.contains(w)) {
        break;
      }
      if (ROLE_HEADS.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /** A word that may stand inside a role phrase: a capitalised word, "di/of", an adjective. */
  private static boolean isModifier(Token t) {
    String w = t.lower();
    return !t.punctuation() && (t.capitalized() && !ARTICLES.contains(w) || OF.contains(w)
        || Corrections.isAdjective(w) || ROLE_PREFIXES.contains(w));
  }
}
