package org.lente.nlp.ner;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.lente.nlp.Token;
import org.lente.nlp.time.Lang;

/**
 * Rules ({@link Correction}) that correct a statistical tagger's labels, one token label per word ({@code O}, {@code PER},
 * {@code ORG}, {@code LOC}, {@code MISC}; adjacent words with the same label are one entity). Each
 * rule fixes a mistake the models make on news text:
 * <ul>
 *   <li>no punctuation but quotation marks at an entity's edge (inside, as in "Dolce &amp; Gabbana",
 *       it stays);
 *   <li>no article or preposition at an entity's edge: "alla Russia" is "Russia", a sentence-initial (first on the line or after
 *       ". ") "Nella" is not a person; capitalised particles inside names stay ("Dell'Utri", "Di Lauro");
 *   <li>no lower-case word opens a name: "nordcoreana KCNA" is "KCNA";
 *   <li>in a sports sentence (a score such as "2-0", or words like "gol", "campionato"), a town
 *       that follows a masculine article ("il Reading", "del Bolton") or precedes a score is the
 *       club, an organisation; "a Nottingham" stays a place;
 *   <li>a place's state or country set off by commas ("Washington, DC, on Monday", "Springfield,
 *       Illinois.") is a place, whatever type the model gave it: the model reads "DC" or "Illinois" after
 *       a comma with little context and types an abbreviation ORG. Only a qualifier typed ORG or MISC: a
 *       person there is an apposition ("il sindaco di Lecco, Anna Neri, ha detto"). Only when the qualifier (at most
 *       {@link #MAX_QUALIFIER} words) ends the sentence or is closed by punctuation, and the place does not
 *       follow a comma or conjunction itself nor is the qualifier followed by another name after a comma, so a
 *       list ("Roma, Fiat, Eni") is not read as an address.
 * </ul>
 * Stateless and thread-safe.
 */
final class Corrections {

  private static final Set<String> FUNCTION_WORDS = Set.copyOf(java.util.Arrays.asList(("il lo la i gli le l' un uno una un' di a da in con su per"
      + " tra fra del dello della dei degli delle dell' al allo alla ai agli alle all' dal dallo dalla dai dagli"
      + " dalle dall' nel nello nella nei negli nelle nell' sul sullo sulla sui sugli sulle sull' col coi e ed o né"
      + " che the a an of in on at to for from by with and or").split(" ")));
  private static final Set<String> SENTENCE_OPENERS = Set.copyOf(java.util.Arrays.asList(("nella alla nel al sul sulla dalla dal nei negli il"
      + " i gli le per in a con da tra fra e secondo the in on at for from by with and but").split(" ")));
  private static final Pattern ADJECTIVE_ENDING = Pattern.compile(
      "\\p{Ll}{2,}(ana|ano|ane|ani|ese|esi|ense|ensi|ica|ico|ici|iche|ale|ali|ista|isti|ian|ish|al|ic|ive)");
  private static final Set<String> ADJECTIVES = Set.of("ex", "neo", "russo", "russa", "russi", "russe", "turco",
      "turca", "greco", "greca", "tedesco", "tedesca", "ceco", "ceca", "basco", "basca", "former", "late", "new");
  private static final Pattern SCORE = Pattern.compile("\\d{1,2}-\\d{1,2}");
  private static final Set<String> SPORT_WORDS = Set.copyOf(java.util.Arrays.asList(("gol partita partite campionato classifica pareggia"
      + " pareggio pareggiato vittoria sconfitta giornata squadra squadre championship premier liga serie cup"
      + " coppa punti allenatore tifosi stadio rete reti segna segnato vince vincono batte battuto retrocessione"
      + " promozione derby").split(" ")));
  private static final Set<String> MASCULINE_ARTICLES = Set.of(
      "il", "lo", "del", "dello", "al", "allo", "dal", "dallo", "sul", "sullo", "nel", "nello", "col");
  private static final Set<String> LOCATIVE = Set.of("a", "ad", "in");

  private Corrections() {}

  /** Corrects {@code labels} in place with every rule; {@code words} are the sentence's tokens. */
  static void apply(Lang lang, String[] words, String[] labels) {
    apply(lang, words, labels, EnumSet.allOf(Correction.class));
  }

  /** Corrects {@code labels} in place with the {@code rules} given, in the order of {@link Correction}. */
  static void apply(Lang lang, String[] words, String[] labels, Set<Correction> rules) {
    String[] lower = lowerCase(java.util.Arrays.asList(words));
    if (rules.contains(Correction.TRIM_EDGES)) {
      trimEdges(words, lower, labels);
    }
    if (lang == Lang.IT && rules.contains(Correction.SPORTS_CLUBS)) {
      sportsClubs(lower, labels);
    }
    if (rules.contains(Correction.QUALIFIED_PLACES)) {
      qualifiedPlaces(words, lower, labels);
    }
    if (rules.contains(Correction.SURNAME_PARTICLES)) {
      surnameParticles(words, labels);
    }
  }

  /** The words as the rules and the re-typers compare them, one each: {@link Token#lowerCase(String)}. */
  static String[] lowerCase(List<String> words) {
    String[] lower = new String[words.size()];
    for (int i = 0; i < lower.length; i++) {
      lower[i] = Token.lowerCase(words.get(i));
    }
    return lower;
  }

  /**
   * Lower-case particles that open a surname in the languages news most often names people from ("de Gea",
   * "van Persie", "von der Leyen", "dos Santos"). Not "di", "da", "del", "la", "le": Italian prepositions and
   * articles.
   */
  private static final Set<String> SURNAME_PARTICLES = Set.of("de", "van", "von", "der", "den", "dos", "du");

  /** Capitalised articles that open a title or an outlet's name ("de Il Sole", "von The Times"). */
  private static final Set<String> TITLE_ARTICLES = Set.of("Il", "Lo", "La", "I", "Gli", "Le", "L'", "The", "Los",
      "El", "Les");

  /**
   * A run of lower-case surname particles, not after a capitalised word ("Tour de France", "Banco de
   * España" are names of their own), then a name typed PER or ORG: the particles join the name, a person
   * ("de Gea" typed ORG is the goalkeeper). A place after them ("de México") is left alone.
   */
  private static void surnameParticles(String[] words, String[] labels) {
    int n = words.length;
    for (int i = 0; i < n; i++) {
      if (!SURNAME_PARTICLES.contains(words[i]) || !labels[i].equals("O")
          || i > 0 && (!labels[i - 1].equals("O") || Character.isUpperCase(words[i - 1].codePointAt(0)))) {
        continue;
      }
      int j = i;
      while (j < n && SURNAME_PARTICLES.contains(words[j]) && labels[j].equals("O")) {
        j++;
      }
      if (j < n && (labels[j].equals("PER") || labels[j].equals("ORG")) && !TITLE_ARTICLES.contains(words[j])
          && Character.isUpperCase(words[j].codePointAt(0))) {
        int k = j;
        String type = labels[j];
        while (k < n && labels[k].equals(type)) {
          k++;
        }
        java.util.Arrays.fill(labels, i, k, "PER");
        i = k - 1;
      } else {
        i = j - 1;
      }
    }
  }

  /** The longest qualifier of a place, in words ("New South Wales"). */
  static final int MAX_QUALIFIER = 3;

  /** The types a model gives a place's qualifier by mistake; a person after "place ," is an apposition. */
  private static final Set<String> QUALIFIER_TYPES = Set.of("ORG", "MISC");

  private static void qualifiedPlaces(String[] words, String[] lower, String[] labels) {
    int n = labels.length;
    forEachRun(labels, (i, j) -> {
      if (!labels[i].equals("LOC") || i > 0 && Coordination.JOINERS.contains(lower[i - 1]) || j + 1 >= n
          || !words[j].equals(",") || !QUALIFIER_TYPES.contains(labels[j + 1])) {
        return;
      }
      int k = j + 1;
      while (k < n && labels[k].equals(labels[j + 1])) {
        k++;
      }
      boolean closed = k == n || isPunctuation(words[k]) && !words[k].equals("-");
      boolean listGoesOn = k + 1 < n && words[k].equals(",") && !labels[k + 1].equals("O");
      if (k - j - 1 <= MAX_QUALIFIER && closed && !listGoesOn) {
        java.util.Arrays.fill(labels, j + 1, k, "LOC");
      }
    });
  }

  private static void trimEdges(String[] words, String[] lower, String[] labels) {
    forEachRun(labels, (i, j) -> {
      int a = i;
      int b = j;
      while (a < b && (isLowerFunction(words[a]) || opensSentence(words, a) && SENTENCE_OPENERS.contains(lower[a])
          || isPunctuation(words[a]) || isLowerOpener(words, a, b))) {
        labels[a++] = "O";
      }
      while (b > a && (isLowerFunction(words[b - 1]) || isPunctuation(words[b - 1]) || words[b - 1].equals("'s")
          || words[b - 1].equals("’s"))) {
        labels[--b] = "O";
      }
    });
  }

  /** The marks that close a sentence: a word after one opens the next, whether or not the line was split there. */
  private static final Set<String> SENTENCE_CLOSERS = Set.of(".", "!", "?");

  /**
   * Whether word {@code i} opens a sentence: the first word, or the first after a closing mark. A line may hold more
   * than one sentence ("... al problema . Al Senato il decreto ..."), and a capitalised article or preposition there
   * is as little part of a name as at the line's start.
   */
  private static boolean opensSentence(String[] words, int i) {
    return i == 0 || SENTENCE_CLOSERS.contains(words[i - 1]);
  }

  /** Calls {@code run} with [start, end) of every run of equal labels other than O, left to right. */
  static void forEachRun(String[] labels, java.util.function.BiConsumer<Integer, Integer> run) {
    int n = labels.length;
    int i = 0;
    while (i < n) {
      if (labels[i].equals("O")) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && labels[j].equals(labels[i])) {
        j++;
      }
      run.accept(i, j);
      i = j;
    }
  }

  /**
   * A lower-case adjective before a capitalised word: "nordcoreana KCNA", "russo Putin". Nouns
   * that head place names stay ("via Roma", "stazione Tiburtina"); without a part-of-speech tagger,
   * adjectives are known by their endings ("-ana", "-ese", "-ico" ...) or listed.
   */
  private static boolean isLowerOpener(String[] words, int a, int b) {
    String w = words[a];
    return Character.isLowerCase(w.codePointAt(0)) && a + 1 < b && Character.isUpperCase(words[a + 1].codePointAt(0))
        && isAdjective(w);
  }

  /** True for a lower-case word that looks like an adjective: "nordcoreana", "americano", "russo". */
  static boolean isAdjective(String lower) {
    return ADJECTIVE_ENDING.matcher(lower).matches() || ADJECTIVES.contains(lower);
  }

  private static boolean isLowerFunction(String w) {
    return Character.isLowerCase(w.codePointAt(0)) && isFunctionWord(w);
  }

  /** True for an article, a preposition or a conjunction (Italian or English), given in lower case. */
  static boolean isFunctionWord(String lower) {
    return FUNCTION_WORDS.contains(lower.replace('\u2019', '\''));
  }

  /** Punctuation other than quotation marks, which belong to quoted names ("\" Gomorra \""). */
  static boolean isPunctuation(String w) {
    return w.chars().noneMatch(c -> Character.isLetterOrDigit(c) || "\"'“”«»‘’„".indexOf(c) >= 0);
  }

  /** Whether a sentence (its words in lower case) is about sport: a score such as "2-0", or a word such as "gol". */
  static boolean isSportsSentence(String[] lower) {
    for (String w : lower) {
      if (SPORT_WORDS.contains(w) || SCORE.matcher(w).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a word is a score ("2-0", "1-1"). */
  static boolean isScore(String word) {
    return SCORE.matcher(word).matches();
  }

  private static void sportsClubs(String[] lower, String[] labels) {
    if (!isSportsSentence(lower)) {
      return;
    }
    int n = labels.length;
    forEachRun(labels, (i, j) -> {
      if (labels[i].equals("LOC") && !(i > 0 && LOCATIVE.contains(lower[i - 1]))) {
        boolean article = i > 0 && MASCULINE_ARTICLES.contains(lower[i - 1]);
        boolean score = false;
        for (int k = j; k < Math.min(n, j + 3); k++) {
          score |= SCORE.matcher(lower[k]).matches();
        }
        boolean pair = j + 1 < n && lower[j].equals("-") && !labels[j + 1].equals("O");
        if (article || score || pair) {
          java.util.Arrays.fill(labels, i, j, "ORG");
        }
      }
    });
  }
}
