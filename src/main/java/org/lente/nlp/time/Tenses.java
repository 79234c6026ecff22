package org.lente.nlp.time;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lente.nlp.Sentences;
import org.lente.nlp.time.TimeTagger.Tense;

/**
 * The tense cues of one text, found in one pass over it: where its sentences end and where its future and past
 * verbs are. {@link #at(int)} then answers by binary search, so tagging a sentence of n dates costs n log n, not
 * n times the sentence. Immutable and thread-safe.
 */
final class Tenses {
  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
  /**
   * Characters that end a sentence for tense purposes; no cue below contains one, so no cue spans two sentences. A
   * period of an abbreviation ends nothing ({@link #abbreviationPeriod}).
   */
  private static final String ENDS = ".!?\n;";
  /** Characters that end a clause besides a sentence's ends: a comma, a colon, a bracket, a dash ("--" by its first). */
  private static final String CLAUSE_ENDS = ENDS + ",:()\u2013\u2014";
  /** English verbs of saying: they give the time of the report, not of what is reported. */
  private static final String SAYING_EN = "said|says|told|announced|reported|stated|added|noted|claimed|explained|confirmed"
      + "|disclosed";
  /**
   * English verbs that link a subject to a present state ("is closed", "remains shut", "stay open"), and the adverbs
   * that may stand between them and the state ("is still closed", "are now open", "is temporarily closed").
   */
  private static final String LINKING_EN = "is|are|am|remains?|stays?";
  private static final String STILL_EN = "still|again|also|now|already|\\p{L}{1,12}ly";
  /** English words in -ed that are no past cue: verbs of saying and the future cues "scheduled", "expected". */
  private static final String NOT_PAST_EN = SAYING_EN + "|scheduled|expected";
  /**
   * Strong future cues: auxiliaries and present phrases of intent. Not "would" (as often a past conditional, "feared he
   * would be seen", as the future of reported speech), "expects to" ("expects to report third-quarter results" is about a
   * quarter over) nor "planned to" (a past intention). Italian: the future, the regular endings and the stems that drop
   * their vowel before them (-drà, -trà, -vrà, -prà, -rrà: "andrà", "potrà", "avrà", "saprà", "si terrà", "verranno";
   * the consonant before the r keeps out "però" and "tiranno"; not their -emo, as "estremo", "supremo"), "prossimo",
   * and the present modals può, possono, deve, devono ("Il Senato può votare giovedì", as the English {@link #AUXILIARY} reads "may"; a participle
   * nearer the date still tells a past, "può essere partito domenica"), not "si deve" ("is due to").
   */
  private static final Map<Lang, Pattern> FUTURE = Map.of(
      Lang.IT, Pattern.compile("\\b(\\p{L}+(erà|irà|arà|eranno|iranno|aranno|eremo|iremo|aremo|erò|irò|arò)"
          + "|\\p{L}*[dtvpr]r(?:à|ò|anno)|sarà|saranno|prossim[oaie]"
          + "|può|possono|(?<!\\bsi\\s)(?:deve|devono))\\b", F),
      Lang.EN, Pattern.compile("\\b(will|shall|'ll|going to|next|upcoming|scheduled|expected to"
          + "|(?:plans?|intends?|set|supposed) to)\\b", F));
  /**
   * Words of intent, schedule or expectation anywhere in a sentence, the future of reported speech included ("planned a
   * march on Saturday", "would leave Thursday", "expects to report"), beside the {@link #FUTURE} auxiliaries: weaker
   * cues, as they also speak of plans that are over, so {@link Direction} learns how much they weigh.
   */
  private static final Map<Lang, Pattern> INTENT = Map.of(
      Lang.IT, Pattern.compile("\\b(\\p{L}+(erebbe|irebbe|arebbe|erebbero|irebbero|arebbero)|sarebbe|sarebbero"
          + "|prevede|prevedono|previst[oaie]|programmat[oaie]|in programma|intende|intendono)\\b", F),
      Lang.EN, Pattern.compile("\\b(would|'d|plans?|planned|planning|intends?|intended"
          + "|expects?|expected|expecting|scheduled|hopes? to|hoped to|aims? to|set to|forecast|projected)\\b", F));
  /**
   * The stems of the Italian participles that fix a date ahead, before their ending -o, -a, -i, -e: "fissata per il 3
   * marzo", "previsto per lunedì", "programmata per", "calendarizzato per".
   */
  static final String FIXED_IT = "fissat|previst|programmat|calendarizzat";
  /** The forms of "essere" and "avere" after which an Italian word in -ato, -ito, -uto is a participle. */
  private static final String BEFORE_PARTICIPLE_IT = "è|sono|sei|siamo|siete|essere|esser|essendo|ho|hai|ha|abbiamo|avete"
      + "|hanno|avere|aver|avendo|aveva|avevano|era|erano|fu|furono|stat[oaie]";
  /**
   * Strong past cues: auxiliaries and, in Italian, participles after a form of "essere" or "avere", one word allowed
   * between ("è arrivato", "sono stati arrestati", "può essere partito"): a word in -ato, -ito, -uto elsewhere is as
   * often a noun ("il mercato", "il Senato", "l'estate", "i sindacati"), which tells no tense. Not a participle that fixes
   * a date ({@link #FIXED_IT}: "La votazione è fissata per il 3 marzo" is a present state, as "è chiusa" is), nor "stato"
   * before one and "per" ("è stata fissata per il 3 marzo"); "era fissata" keeps its past auxiliary. Nor "sabato", a
   * weekday ending as a participle does ({@link Words#WD_IT}).
   */
  private static final Map<Lang, Pattern> PAST = Map.of(
      Lang.IT, Pattern.compile("\\b(ha|hanno|aveva|avevano|era|erano|fu|furono"
          + "|(?<=\\b(?:" + BEFORE_PARTICIPLE_IT + ")"
          + "\\s{1,3}(?:\\p{L}{1,12}\\s{1,3})?)(?!(?:" + FIXED_IT + ")[oaie]\\b|(?:" + Words.WD_IT + ")\\b)"
          + "(?!stat[oaie]\\s+(?:" + FIXED_IT + ")[oaie]\\s+per\\b)\\p{L}{2,}(ato|ata|ati|ate|ito|ita|iti|uto|uta))\\b", F),
      Lang.EN, Pattern.compile("\\b(was|were|had|did)\\b", F));
  /**
   * Weak past cues, heard only in a sentence without any strong cue: English words in -ed are a simple past as often
   * as a participle or an adjective ("preferred shares", "as originally planned", "an unspecified date"); not one after
   * a present of "be", "remain" or "stay" ({@link #LINKING_EN}), an adverb allowed between, which is a present passive
   * or state ("Markets are closed Monday", "The bridge is still closed", "The border remains closed").
   */
  private static final Map<Lang, Pattern> WEAK_PAST = Map.of(
      Lang.IT, Pattern.compile("(?!)"), // none: an Italian participle follows its auxiliary, a strong cue
      // NOTE: not a reporting verb: "said Dec. 15 is the deadline" dates the report, not the deadline
      Lang.EN, Pattern.compile("(?<!\\b(?:" + LINKING_EN + ")\\s{1,3}|\\b(?:" + LINKING_EN + ")\\s{1,3}(?:" + STILL_EN + ")\\s{1,3})"
          + "\\b(?!(?:" + NOT_PAST_EN + ")\\b)(\\p{L}{2,}ed)\\b", F));

  /**
   * Future auxiliaries that put what follows them in their clause ahead of the time of writing: will, shall, 'll,
   * won't, "is going / due / scheduled / set / expected to" in the present, and the present modals may, can, should,
   * must ("The Senate may vote Thursday", "The plant can reopen in March"). Not "will" the noun ("the will of the
   * people", "the will to fight", "made their will clear"), nor the weaker {@link #FUTURE} cues ("next", "plans to",
   * "expected to"); not a modal denied or in the perfect ("cannot say Monday", "may have started Sunday", "must have
   * known in March"), nor "may" the month after a preposition or a determiner ("in May", "early May"); not the past
   * modals could and might, which report speech as "would" does ("said they could see smoke Monday").
   * English only: an Italian future is a verb form whose clause this class does not parse.
   */
  private static final Map<Lang, Pattern> AUXILIARY = Map.of(
      Lang.IT, Pattern.compile("(?!)"),
      Lang.EN, Pattern.compile("\\b(?:will(?<!\\b(?:the|a|his|her|their|its|our|my|your|whose|free)\\swill)"
          + "(?!\\s*(?:(?:of|to|and|or)\\b|[,.;:]))|shall|won't|'ll"
          + "|(?:is|are|am|'s|'re)\\s+(?:going|due|scheduled|set|expected)\\s+to"
          // the look-behind after the modal, so that it runs only where one stands
          + "|(?:may|can|should|must)(?<!\\b(?:the|a|in|of|since|until|by|from|through|early|late|mid|next|last|this|that"
          + "|each|every)[\\s-](?:may|can|should|must))(?!n't|\\s+(?:not|never|have|well|\\d)\\b))\\b", F));
  /**
   * Words that make a time after a future auxiliary belong to another verb of its clause: a past auxiliary, a verb of
   * saying, a simple past in -ed ("will replace the plant that closed Monday", "will appeal, its lawyer said Friday")
   * but not a participle after be, been, have or get ("will be completed in March").
   */
  private static final Map<Lang, Pattern> OTHER_VERB = Map.of(
      Lang.IT, Pattern.compile("(?!)"),
      Lang.EN, Pattern.compile("\\b(?:was|were|had|did|" + SAYING_EN + ")\\b"
          + "|(?<!\\b(?:be|been|being|have|has|get|gets|got)\\s)\\b(?!(?:" + NOT_PAST_EN + ")\\b)\\p{L}{2,}ed\\b", F));

  /**
   * English present forms of the verbs of saying: "says Monday was the worst day" dates the report, not a schedule.
   */
  private static final String SAYING_PRESENT_EN = "says|tells|announces|reports|states|adds|notes|claims|explains"
      + "|confirms|discloses|say|tell|announce|report|state|add|note|claim|explain|confirm|disclose";
  /**
   * English past forms without -ed, the verbs of news among them: a plural subject before one ("Shares fell Monday")
   * tells a past, not a schedule; and after a present verb one is another verb ("GM shares fell Monday"). Forms that
   * are their own base ("cut", "hit", "set") are here too: they cannot be told apart.
   */
  private static final String IRREGULAR_PAST_EN = "was|were|had|did|said|told|fell|rose|began|met|took|sold|made|went"
      + "|came|gave|got|saw|won|lost|paid|bought|brought|built|held|kept|left|led|sent|set|spent|stood|struck|thought"
      + "|found|felt|fought|hit|ran|sank|shut|slid|split|spread|swung|threw|became|broke|chose|drew|drove|flew|grew|knew"
      + "|laid|meant|overtook|put|quit|read|rode|sat|shook|shot|sought|spoke|stuck|taught|tore|withdrew|cut|cost|let"
      + "|bid|beat|bore|dealt|fed|fled|heard|lit|rebuilt|undertook|upheld|wound|forecast";
  /**
   * A clause whose verb is a present tense that schedules what follows ("Trading resumes on", "The plant reopens", "The
   * talks begin", "The company reports second-quarter results"), matched on the original text from the clause's start
   * up to a time expression: a subject (a determiner and one to three words, possessives among them, one to three capitalised words, or a
   * gerund), its verb in the present (in -s after a singular subject; a base form, no -ed nor past form, after a
   * plural one ending in -s; or "is", "are", "remains", "stay" before a state or an arrangement, an adverb allowed
   * between: "Markets are closed", "The leaders are meeting", "The bridge is still closed", "The border remains
   * shut"), then up to four words that are no other verb or parts of a clock time ("between 9 and 11 a.m."), and an
   * optional "on". Not "has", "does" (the {@link #AUXILIARY} rule reads "is due to") nor a verb of saying.
   */
  private static final Pattern SCHEDULE_EN;
  static {
    // a word that is no past verb; a capitalised one in -ed is a name ("The Fed meets")
    String noVerb = "(?!(?:" + IRREGULAR_PAST_EN + ")\\b)(?!\\p{Ll}[\\p{L}-]*ed\\b)";
    String word = noVerb + "[\\p{L}&.-]+(?:['\u2019]s)?"; // a modifier, a possessive among them ("the company's")
    String singular = "(?:(?i:the|a|an|its|this|that|his|her|their)\\s+(?:" + word + "\\s+){0,2}" + noVerb + "[\\p{L}&.-]*\\p{L}"
        + "|" + noVerb + "\\p{Lu}[\\p{L}&.-]*(?:\\s+" + noVerb + "\\p{Lu}[\\p{L}&.-]*){0,2})(?<!s)";
    String plural = "(?:(?i:the|its|their|some|many|most)\\s+)?(?:" + word + "\\s+){0,2}" + noVerb + "[\\p{L}&.-]*\\p{L}{2}\\p{Ll}s";
    // a present state or arrangement after "is" or "are": "Markets are closed", "The museum is open", "The leaders are
    // meeting"; a participle in -ed, a form in -ing, or open, closed, shut
    String state = "\\s+(?:open|closed|shut|\\p{Ll}{3,}(?:ed|ing))";
    // a clock time between the verb and the day, "runs between 9 and 11 a.m. Tuesday", "are open 7-9 p.m. Thursday"
    String hour = "\\d{1,2}(?:[:.]\\d{2})?";
    String clock = hour + "(?:\\s*[-\u2013]\\s*" + hour + ")?(?:\\s*[ap]\\.m\\.|\\s*[ap]m\\b)?";
    SCHEDULE_EN = Pattern.compile("^\\s*[\"\u201c]?"
        + "(?:" + singular + "\\s+(?!(?:does|" + SAYING_PRESENT_EN + ")\\b)\\p{Ll}{2,}[a-rtv-z]s"
        + "|" + plural + "\\s+(?!(?:are|have|do|will|would|could|should|might|may|must|can|also|still|just|not|never"
        + "|only|then|now|" + SAYING_PRESENT_EN + "|" + IRREGULAR_PAST_EN + ")\\b)\\p{Ll}{2,}(?<!ed|s|ly|ing)"
        + "|(?:" + singular + "\\s+(?:is|remains|stays)|" + plural + "\\s+(?:are|remain|stay))(?:\\s+(?:" + STILL_EN + "))?"
        + state + ")"
        + "(?:\\s+(?:" + noVerb + "\\p{L}[\\p{L}'-]*|" + clock + ")){0,4}?\\s+(?:on\\s+)?$");
  }
  /** Italian verbs of saying in the present ("dice", "annuncia"): they report, and schedule nothing. */
  private static final String SAYING_IT = "dice|dicono|afferma|affermano|annuncia|annunciano|spiega|spiegano|sostiene"
      + "|sostengono|conferma|confermano|riferisce|riferiscono|comunica|comunicano|scrive|scrivono|racconta|raccontano";
  /** Italian verbs of saying in a past: the participle after "ha", the simple past, the imperfect. */
  private static final String SAYING_PAST_IT = "detto|affermato|annunciato|spiegato|sostenuto|confermato|riferito"
      + "|comunicato|scritto|raccontato|dichiarato|precisato|sottolineato|ribadito|assicurato|aggiunto|disse|dissero"
      + "|diceva|dicevano";
  /**
   * Where a reported clause opens: a verb of saying, past or present, and "that" (one word allowed between: "told
   * reporters that", "said Monday that") or, in English, its subject right away ("Officials said the bridge is
   * closed"); Italian "ha detto che", "annuncia che". The clause after it has its own tense ({@link #ownCue}): the verb
   * of saying tells when the report was made, not when what it reports takes place.
   */
  private static final Map<Lang, Pattern> REPORTED = Map.of(
      Lang.IT, Pattern.compile("\\b(?:" + SAYING_IT + "|" + SAYING_PAST_IT + ")(?:\\s+\\p{L}+)?\\s+che\\b", F),
      Lang.EN, Pattern.compile("\\b(?:" + SAYING_EN + "|" + SAYING_PRESENT_EN + ")(?:(?:\\s+\\p{L}+)?\\s+that)?\\b", F));
  /**
   * A report told after what it reports: a comma, up to four words (its subject), a verb of saying and the rest of the
   * sentence without another comma ("…, ha detto il ministro", "…, il sindaco ha spiegato", "…, officials had said").
   * Its tense is the report's, not that of the clause before it ({@link #sentence}): "La votazione è fissata per
   * lunedì, ha detto il ministro" fixes Monday ahead as the sentence without its last clause does.
   */
  private static final Map<Lang, Pattern> TRAILING_REPORT = Map.of(
      Lang.IT, trailingReport("(?:(?:ha|hanno|aveva|avevano)\\s+)?(?:" + SAYING_PAST_IT + "|" + SAYING_IT + ")"),
      Lang.EN, trailingReport("(?:" + SAYING_EN + "|" + SAYING_PRESENT_EN + ")"));

  /** A {@link #TRAILING_REPORT} whose verb of saying is {@code saying}, a regular expression. */
  private static Pattern trailingReport(String saying) {
    return Pattern.compile(",\\s*(?:[\\p{L}.'-]+\\s+){0,4}?" + saying + "\\b[^,.!?;\n]*(?=[.!?;\n]|$)", F);
  }

  /**
   * The Italian {@link #SCHEDULE_EN}: a subject (an article and one to three words, or one to three capitalised words),
   * its verb in the present ("riapre", "chiude", "si riunisce", "votano"; "è" or "sono" before a word, "è chiuso"), up
   * to four words and the time expression: "Il museo riapre lunedì", "La Borsa è chiusa venerdì". The verb is read by
   * its ending (-a, -e, -ano, -ono) in a sentence without a tense cue, where no auxiliary or participle stands; not an
   * imperfect (-ava, -eva, -iva; but "arriva", "rileva" are a present, {@link #PRESENT_AS_IMPERFECT_IT}), a function
   * word ending so ("della", "anche", "come"), a word after an article or a preposition ("della commissione") nor a verb
   * of saying; and not a time after "di", which belongs to a noun ("il crollo di lunedì").
   */
  private static final Pattern SCHEDULE_IT;
  /**
   * The stems of the Italian verbs in -avare, -evare, -ivare, whose present ("arriva", "arrivano", "rileva", "aggrava")
   * ends as an imperfect of -are, -ere, -ire ("chiudeva", "partiva") does: before -a or -ano they are a present.
   */
  private static final String PRESENT_AS_IMPERFECT_IT = "arriv|deriv|attiv|riattiv|disattiv|coltiv|motiv|priv|ravviv"
      + "|incentiv|lev|rilev|sollev|prelev|allev|elev|lav|scav|grav|aggrav";
  static {
    String function = "la|le|una|della|delle|alla|alle|dalla|dalle|nella|nelle|sulla|sulle|che|come|anche|ancora|sempre"
        + "|prima|mentre|questa|queste|quella|quelle|sua|sue|nostra|nostre|loro|cosa|dove|quale|quando|ne|se|e|o|ma";
    String subject = "(?:(?i:" + Words.ARTICLES_IT + ")\\s+(?:\\p{L}+\\s+){0,2}\\p{L}+|(?i:l')\\s*(?:\\p{L}+\\s+){0,2}\\p{L}+"
        + "|\\p{Lu}\\p{L}*(?:\\s+\\p{Lu}\\p{L}*){0,2})";
    String verb = "(?:(?:è|sono)\\s+\\p{L}+|(?:si\\s+)?(?!(?:" + function + "|" + SAYING_IT + ")\\b)"
        + "(?!(?!(?:" + PRESENT_AS_IMPERFECT_IT + ")(?:a|ano)\\b)\\p{L}*(?:ava|eva|iva|avano|evano|ivano)\\b)"
        + "\\p{Ll}{3,}(?:a|e|ano|ono))";
    // a verb never follows an article or a preposition: "della commissione" is no verb
    String notAfterArticle = "(?<!(?<![\\p{L}'])(?i:" + Words.OF_IT + "|a|da|in|su|con|per|tra|fra|" + Words.ARTICULATED_IT
        + "|" + Words.ARTICLES_IT + ")\\s{1,3})";
    SCHEDULE_IT = Pattern.compile("^\\s*[\"\u201c\u00ab]?" + subject + "\\s+" + notAfterArticle + verb + "(?:\\s+\\p{L}[\\p{L}'-]*){0,4}?\\s+"
        + "(?<!(?<![\\p{L}'])(?i:" + Words.OF_IT + ")\\s{1,3})$",
        Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  }
  /** How far before a time expression the clause that schedules it may start: a subject, its verb and four words. */
  private static final int SCHEDULE_REACH = 100;

  private final int length;
  /** Offsets of the sentence-ending characters, ascending. */
  private final int[] ends;
  /** Offsets of the clause-ending characters (sentence ends among them), ascending. */
  private final int[] clauseEnds;
  private final Cues future;
  private final Cues past;
  private final Cues weakPast;
  private final Cues intent;
  private final Cues auxiliary;
  private final Cues otherVerb;
  /** Where reported clauses open ({@link #REPORTED}). */
  private final Cues reported;
  /** Reports told after what they report ({@link #TRAILING_REPORT}), each up to its sentence's end. */
  private final Cues trailing;
  /** The clause that schedules a time in the present: {@link #SCHEDULE_EN} or {@link #SCHEDULE_IT}. */
  private final Pattern schedule;

  private Tenses(int length, int[] ends, int[] clauseEnds, Cues future, Cues past, Cues weakPast, Cues intent,
      Cues auxiliary, Cues otherVerb, Cues reported, Cues trailing, Pattern schedule) {
    this.schedule = schedule;
    this.trailing = trailing;
    this.reported = reported;
    this.length = length;
    this.ends = ends;
    this.clauseEnds = clauseEnds;
    this.future = future;
    this.past = past;
    this.weakPast = weakPast;
    this.intent = intent;
    this.auxiliary = auxiliary;
    this.otherVerb = otherVerb;
  }

  /**
   * The cues of {@code s}, the normalised text the rules match. The verbs that cut a future auxiliary from a time are
   * looked for only in a text that has an auxiliary (a pass fewer over most texts).
   */
  static Tenses of(String s, Lang lang) {
    Cues auxiliary = Cues.of(AUXILIARY.get(lang).matcher(s));
    Cues otherVerb = auxiliary.starts().length == 0 ? auxiliary : Cues.of(OTHER_VERB.get(lang).matcher(s));
    return new Tenses(s.length(), offsets(s, ENDS, false), offsets(s, CLAUSE_ENDS, true), Cues.of(FUTURE.get(lang).matcher(s)),
        Cues.of(PAST.get(lang).matcher(s)), Cues.of(WEAK_PAST.get(lang).matcher(s)), Cues.of(INTENT.get(lang).matcher(s)),
        auxiliary, otherVerb, Cues.of(REPORTED.get(lang).matcher(s)), Cues.of(TRAILING_REPORT.get(lang).matcher(s)),
        lang == Lang.IT ? SCHEDULE_IT : SCHEDULE_EN);
  }

  /** The offsets of the characters of {@code s} in {@code chars}, ascending; with {@code dashes} the first '-' of "--". */
  private static int[] offsets(String s, String chars, boolean dashes) {
    int[] out = new int[16];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean dash = dashes && c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-' && (i == 0 || s.charAt(i - 1) != '-');
      if (chars.indexOf(c) >= 0 && !(c == '.' && abbreviationPeriod(s, i)) || dash) {
        if (n == out.length) out = Arrays.copyOf(out, 2 * n);
        out[n++] = i;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The longest word before an abbreviation's period that {@link #abbreviationPeriod} looks at. */
  private static final int LONGEST_ABBREVIATION = 12;

  /**
   * Whether the period at {@code i} of the normalised (lower-case) {@code s} is an abbreviation's, which ends neither
   * a sentence nor a clause: a dot inside a word ("a.m", "u.s"), the closing dot of one letter or of letters joined by
   * dots ("j.", "a.m.", "u.s."), or the dot of a known abbreviation ({@link Sentences#isAbbreviation}: "oct.",
   * "corp."). So "will leave at 4 a.m. EDT Thursday" is one sentence, whose "will" reaches "Thursday". An abbreviation
   * that does end a sentence ("arrived at 4 a.m. The next day") joins two sentences, whose nearest strong cue then
   * decides: a milder error than a sentence cut in two. NOTE: a decimal point still ends a sentence here; joining the
   * two halves of "rose 3.5%" let a future cue of a later clause reach a weekday before it (docs/time.md, round 14).
   */
  static boolean abbreviationPeriod(String s, int i) {
    char before = i > 0 ? s.charAt(i - 1) : ' ', after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
    if (Character.isLetter(before) && Character.isLetter(after)) {
      return true;
    }
    int k = i; // the start of the word before the dot, its inner dots included; no abbreviation is that long
    while (k > 0 && (Character.isLetter(s.charAt(k - 1)) || s.charAt(k - 1) == '.')) {
      if (i - --k > LONGEST_ABBREVIATION) return false;
    }
    boolean letters = i > k; // single letters joined by dots: "j", "a.m", "u.s"
    for (int j = k; j < i && letters; j++) {
      letters = (j - k) % 2 == 0 ? Character.isLetter(s.charAt(j)) : s.charAt(j) == '.';
    }
    return letters || i - k > 1 && Sentences.isAbbreviation(s.substring(k, i));
  }

  /** The tense cue that decides a sentence's direction, strongest first; see {@link #cue(int)}. */
  enum Cue { FUTURE, PAST, WEAK_PAST, NONE }

  /**
   * The tense of the sentence around {@code pos}: that of the strong cue nearest to it ("ha affermato lunedì che
   * sostituirà" is past), else of a weak one ("Police seized a car bomb Sunday" is past), or NONE when the sentence
   * has no cue. "The shares, preferred by funds, will be redeemed on Oct. 31" is future: "will" outweighs "preferred".
   */
  Tense at(int pos) {
    return switch (cue(pos)) {
      case FUTURE -> Tense.FUTURE;
      case PAST, WEAK_PAST -> Tense.PAST;
      case NONE -> Tense.NONE;
    };
  }

  /** The cue {@link #at(int)} reads: the nearest strong cue of the sentence around {@code pos}, else a weak one. */
  Cue cue(int pos) {
    int[] sentence = sentence(pos);
    return cue(pos, sentence[0], sentence[1]);
  }

  /** The nearest strong cue to {@code pos} inside [from, to), else a weak one there. */
  private Cue cue(int pos, int from, int to) {
    int f = future.distance(pos, from, to);
    int p = past.distance(pos, from, to);
    if (f == Integer.MAX_VALUE && p == Integer.MAX_VALUE) {
      return weakPast.distance(pos, from, to) == Integer.MAX_VALUE ? Cue.NONE : Cue.WEAK_PAST;
    }
    return f < p ? Cue.FUTURE : Cue.PAST;
  }

  /**
   * Whether the sentence around {@code pos} holds a past cue, strong or weak, wherever it stands: "The vote, scheduled
   * for Monday, was postponed" speaks of the past, though its future cue "scheduled" is the one nearest to Monday.
   */
  boolean speaksOfThePast(int pos) {
    int[] sentence = sentence(pos);
    return past.distance(pos, sentence[0], sentence[1]) != Integer.MAX_VALUE
        || weakPast.distance(pos, sentence[0], sentence[1]) != Integer.MAX_VALUE;
  }

  /** Whether the sentence around {@code pos} holds a word of intent, schedule or expectation, wherever it stands. */
  boolean intent(int pos) {
    int[] sentence = sentence(pos);
    return intent.distance(pos, sentence[0], sentence[1]) != Integer.MAX_VALUE;
  }

  /**
   * Whether a future auxiliary ({@link #AUXILIARY}) stands before {@code pos} in its clause with no other verb
   * between them ({@link #OTHER_VERB}): "The plant will open in March" puts March ahead; "The company said Friday it
   * will cut jobs", "will replace the plant that closed Monday" and "Officials, who will meet in May, agreed" do not.
   */
  boolean futureAuxiliaryBefore(int pos) {
    int[] clause = around(clauseEnds, pos);
    int aux = auxiliary.lastEndAtOrBefore(pos);
    return aux >= clause[0] && !otherVerb.within(aux, pos);
  }

  /**
   * Whether the clause around {@code pos} of {@code original} (the text these cues were found in, before normalising)
   * schedules what stands at {@code pos} in the present tense ({@link #SCHEDULE_EN}, {@link #SCHEDULE_IT}), and the
   * tense cue that then decides, or null when no present schedules it: "Trading resumes on Monday", "The plant reopens
   * Tuesday", "Il museo riapre lunedì" give the sentence's {@link #cue(int)}; a reported present, after a verb of saying
   * and its "that" ({@link #REPORTED}: "Officials said the bridge is closed Monday", "Il ministro ha detto che la legge
   * entra in vigore lunedì", whose "ha" tells the report's past, not the law's), gives the reported clause's own cue.
   * Null for "GM shares fell Monday", "He says Monday".
   */
  Cue scheduleCue(String original, int pos) {
    int from = around(clauseEnds, pos)[0];
    if (pos - from <= SCHEDULE_REACH && schedule.matcher(original).region(from, pos).find()) {
      return cue(pos);
    }
    int report = reported.lastEndAtOrBefore(pos);
    if (report > from && pos - report <= SCHEDULE_REACH && schedule.matcher(original).region(report, pos).find()) {
      return cue(pos, report, sentence(pos)[1]);
    }
    return null;
  }

  /**
   * The start and end offsets of the sentence around {@code pos} for its tense: after the previous sentence end, up to
   * the next, or up to a report told after {@code pos} ({@link #TRAILING_REPORT}), whose verb tells when the report was
   * made. A time inside such a report has the whole sentence.
   */
  private int[] sentence(int pos) {
    int[] sentence = around(ends, pos);
    int report = trailing.firstStartAtOrAfter(pos);
    if (report >= 0 && report < sentence[1]) {
      sentence[1] = report;
    }
    return sentence;
  }

  /** The span around {@code pos} between two of the ascending {@code bounds}: after the previous, up to the next. */
  private int[] around(int[] bounds, int pos) {
    int i = Arrays.binarySearch(bounds, pos);
    int after = i >= 0 ? i : -i - 1; // first bound at or after pos
    return new int[] {after == 0 ? 0 : bounds[after - 1] + 1, after == bounds.length ? length : bounds[after]};
  }

  /** The matches of one cue pattern as parallel arrays of starts and ends, both ascending (matches do not overlap). */
  private record Cues(int[] starts, int[] ends) {
    static Cues of(Matcher m) {
      int[] s = new int[16], e = new int[16];
      int n = 0;
      while (m.find()) {
        if (n == s.length) {
          s = Arrays.copyOf(s, 2 * n);
          e = Arrays.copyOf(e, 2 * n);
        }
        s[n] = m.start();
        e[n++] = m.end();
      }
      return new Cues(Arrays.copyOf(s, n), Arrays.copyOf(e, n));
    }

    /** The end of the last match ending at or before {@code at}, or -1 when none does. */
    int lastEndAtOrBefore(int at) {
      int i = Arrays.binarySearch(ends, at + 1);
      int k = i >= 0 ? i : -i - 1; // matches [0, k) end at or before at
      return k == 0 ? -1 : ends[k - 1];
    }

    /** The start of the first match starting at or after {@code at}, or -1 when none does. */
    int firstStartAtOrAfter(int at) {
      int i = Arrays.binarySearch(starts, at);
      int k = i >= 0 ? i : -i - 1;
      return k < starts.length ? starts[k] : -1;
    }

    /** Whether a match lies wholly inside [from, to). */
    boolean within(int from, int to) {
      int i = Arrays.binarySearch(starts, from);
      int k = i >= 0 ? i : -i - 1; // first match starting at or after from
      return k < starts.length && ends[k] <= to;
    }

    /** Characters between {@code at} and the closest match inside [from, to), or MAX_VALUE when none. */
    int distance(int at, int from, int to) {
      int i = Arrays.binarySearch(ends, at + 1);
      int k = i >= 0 ? i : -i - 1; // matches [0, k) end at or before at; ends are distinct, as matches are not empty
      int best = Integer.MAX_VALUE;
      if (k > 0 && starts[k - 1] >= from) {
        best = at - ends[k - 1];
      }
      if (k < ends.length && ends[k] <= to) {
        best = Math.min(best, Math.max(0, starts[k] - at));
      }
      return best;
    }
  }
}
