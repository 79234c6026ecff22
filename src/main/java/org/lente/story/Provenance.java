package org.lente.story;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;

/**
 * Decides which of two linked articles is the original from what the texts show, never from a
 * preferred language: publication times when both give one, credit lines ("ha detto a Reuters",
 * "(ANSA)") naming an outlet of the other article's language or the other article's site, sentence
 * breaks in the wrong place ("dei suoi paesi. alleati."), function words of the other article's
 * language left in the text, words of the other article's language that original news in this
 * article's language does not use ({@link Lexicon}), numbers written in the other language's convention ("4.6 miliardi").
 * Each clue adds to a balance; a balance too small to decide gives {@link Direction#UNKNOWN}.
 * Stateless.
 */
public final class Provenance {

  /** The outcome: the related article's role and the clues that decided it. */
  public record Verdict(Direction direction, double balance, List<Evidence> evidence) {
    public Verdict {
      Objects.requireNonNull(direction, "direction");
      evidence = List.copyOf(evidence);
    }
  }

  /** The smallest balance that decides. */
  static final double DECIDES = 1.0;

  /** Outlets whose credit lines are recognised, with the language they publish in. */
  private static final Map<String, String> OUTLETS = new LinkedHashMap<>();

  static {
    for (String en : List.of("Reuters", "Associated Press", "AP", "Bloomberg", "CNN", "BBC", "New York Times",
        "Washington Post", "Guardian", "Wall Street Journal", "Financial Times", "Wikinews", "NPR", "Politico",
        "Axios", "Al Jazeera English", "Al Jazeera", "NK News", "Yonhap")) {
      OUTLETS.put(en, "en");
    }
    for (String it : List.of("ANSA", "AGI", "Adnkronos", "LaPresse", "Askanews", "Corriere della Sera", "la Repubblica",
        "Il Sole 24 Ore", "RaiNews", "Il Post")) {
      OUTLETS.put(it, "it");
    }
    OUTLETS.put("AFP", "fr");
    OUTLETS.put("Agence France-Presse", "fr");
    OUTLETS.put("Le Monde", "fr");
    OUTLETS.put("EFE", "es");
    OUTLETS.put("Europa Press", "es");
    OUTLETS.put("El País", "es");
    OUTLETS.put("ANP", "nl");
    OUTLETS.put("dpa", "de");
    OUTLETS.put("TASS", "ru");
    OUTLETS.put("RIA Novosti", "ru");
    OUTLETS.put("Xinhua", "zh");
    OUTLETS.put("KCNA", "ko");
  }

  private static final String CREDIT_CUES = "(?:told|to|said to|according to|reported by|via|ha detto a|ha dichiarato a|"
      + "ha riferito a|ha spiegato a|secondo|riporta|riferisce|fonte:?|dijo a|según|declaró a|aldus|zei tegen|volgens)";

  /** Function words of each language, for spotting words left untranslated. */
  private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
      "en", Set.of("the", "of", "and", "with", "which", "that", "was", "were", "has", "have", "been", "from", "this",
          "these", "would", "will", "said", "their", "its", "after", "about", "but", "not", "is", "are", "by", "for",
          "they", "we", "our", "he", "she", "to"),
      "it", Set.of("il", "della", "delle", "degli", "dei", "dello", "nella", "nelle", "negli", "sulla", "sulle", "che",
          "per", "sono", "essere", "stato", "stata", "hanno", "questo", "questa", "anche", "dopo", "non", "più", "gli",
          "alla", "alle", "con", "una", "uno", "ha", "è"),
      "es", Set.of("el", "los", "las", "del", "que", "por", "para", "con", "una", "uno", "es", "son", "fue", "ha", "han",
          "sido", "este", "esta", "pero", "también", "según", "más", "como", "sus"),
      "nl", Set.of("de", "het", "een", "van", "en", "dat", "die", "niet", "zijn", "werd", "wordt", "heeft", "hebben",
          "met", "voor", "naar", "ook", "maar", "deze", "bij", "door", "om", "op", "er"));

  /** A full stop followed by a lower-case word that is not an abbreviation's: a break a translation misplaced. */
  private static final Pattern BAD_BREAK = Pattern.compile("\\p{Ll}{3,}\\. (\\p{Ll}{3,})");
  /** A lower-case word, its letters possibly followed by combining marks (text in NFD). */
  private static final Pattern LOWER_RUN = Pattern.compile("(?<![\\p{L}\\p{M}\\d])\\p{Ll}[\\p{Ll}\\p{M}]{2,}(?![\\p{L}\\p{M}\\d])");
  /** A web or mail address: with a scheme, "www.", an "@", or a dotted host with a path. */
  private static final Pattern ADDRESS = Pattern.compile("\\S*(?:://|www\\.|@)\\S*|[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)+/\\S*");
  private static final Pattern LOWER_WORD = Pattern.compile("(?<![\\p{L}\\d'’])\\p{Ll}+(?![\\p{L}\\d])");
  private static final Pattern POINT_DECIMAL = Pattern.compile("(?<![\\p{L}\\d.,])\\d{1,3}\\.\\d{1,2}(?![\\d.,])"
      + "(?=\\s*(?:%|per ?cent|\\p{Ll}))");
  private static final Pattern COMMA_DECIMAL = Pattern.compile("(?<![\\p{L}\\d.,])\\d{1,3},\\d{1,2}(?![\\d.,])"
      + "(?=\\s*(?:%|per ?cent|\\p{Ll}))");

  private Provenance() {
  }

  /** Whether {@code there} is the original of {@code here} or a copy of it, with the clues for it. */
  public static Verdict decide(Analysis here, Signature hereSig, Analysis there, Signature thereSig) {
    return decide(new Profile(here, hereSig), new Profile(there, thereSig));
  }

  /** As {@link #decide(Analysis, Signature, Analysis, Signature)}, from profiles that keep what they computed. */
  static Verdict decide(Profile here, Profile there) {
    List<Evidence> evidence = new ArrayList<>();
    double balance = 0; // > 0: "there" is the original
    Signature hereSig = here.signature();
    Signature thereSig = there.signature();
    balance += published(hereSig.published(), thereSig.published(), evidence);
    balance += credits(here, hereSig.language(), there.analysis(), thereSig.language(), evidence, false);
    balance -= credits(there, thereSig.language(), here.analysis(), hereSig.language(), evidence, true);
    balance += breaks(here.badBreaks(), there.badBreaks(), evidence);
    if (hereSig.language() != null && thereSig.language() != null && !hereSig.language().equals(thereSig.language())) {
      Optional<Lexicon> hereWords = Lexicon.of(hereSig.language());
      Optional<Lexicon> thereWords = Lexicon.of(thereSig.language());
      balance += foreignWords(here.foreign(thereSig.language()), there.foreign(hereSig.language()),
          hereSig.language(), thereSig.language(), evidence);
      if (hereWords.isPresent() && thereWords.isPresent()) {
        balance += keptWords(kept(here.lowerWords(), there.lowerWords(), hereWords.get(), thereWords.get()),
            kept(there.lowerWords(), here.lowerWords(), thereWords.get(), hereWords.get()), hereSig.language(),
            thereSig.language(), evidence);
      }
      balance += numberFormat(here.otherConvention(thereSig.language()), there.otherConvention(hereSig.language()),
          evidence);
    }
    return verdict(balance, evidence);
  }

  /**
   * Whether {@code there}, a near-duplicate of {@code here} in the same language, is its original or
   * its copy: the clues of {@link #decide}, and containment (the copy usually trims or adds).
   */
  public static Verdict decide(Analysis here, Signature hereSig, Analysis there, Signature thereSig, Overlap overlap) {
    return decide(new Profile(here, hereSig), new Profile(there, thereSig), overlap);
  }

  static Verdict decide(Profile here, Profile there, Overlap overlap) {
    Verdict v = decide(here, there);
    List<Evidence> evidence = new ArrayList<>(v.evidence());
    return verdict(v.balance() + overlap.containmentBalance(evidence), evidence);
  }

  private static Verdict verdict(double balance, List<Evidence> evidence) {
    Direction d = balance >= DECIDES ? Direction.ORIGINAL : balance <= -DECIDES ? Direction.COPY : Direction.UNKNOWN;
    return new Verdict(d, balance, evidence);
  }

  private static double published(String here, String there, List<Evidence> out) {
    Instant a = instant(here);
    Instant b = instant(there);
    if (a == null || b == null) { // say so: the direction then rests on the texts alone
      String which = a == null && b == null ? "neither article gives a publication date"
          : a == null ? "this article gives no publication date" : "the related article gives no publication date";
      out.add(new Evidence("published", here, there, which + ": the original is told by the texts alone"));
      return 0;
    }
    if (a.equals(b)) {
      return 0;
    }
    boolean thereFirst = b.isBefore(a);
    out.add(new Evidence("published", here, there, thereFirst ? "the related article was published first"
        : "this article was published first"));
    return thereFirst ? 3 : -3;
  }

  /** A publication date-time, or a date at midnight UTC; null when unreadable. */
  static Instant instant(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    Instant plain = plainInstant(iso);
    if (plain != null) {
      return plain;
    }
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(iso);
      } catch (DateTimeParseException e2) {
        try {
          return LocalDate.parse(iso.length() >= 10 ? iso.substring(0, 10) : iso).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          return null;
        }
      }
    }
  }

  /**
   * The instant of {@code iso} when it is written {@code uuuu-MM-ddTHH:mm:ss} then {@code Z} or {@code ±HH:MM} (the
   * shape of most publication times), read field by field without a formatter (a formatter's parse is most of what
   * {@link #instant} cost the writer at each article); null for any other shape or a field out of its range, which
   * {@link #instant} then reads with {@link OffsetDateTime#parse} as before. Where it gives an instant, it is the one
   * {@link OffsetDateTime#parse} gives.
   */
  static Instant plainInstant(String iso) {
    int n = iso.length();
    if ((n != 20 && n != 25) || iso.charAt(4) != '-' || iso.charAt(7) != '-' || iso.charAt(10) != 'T'
        || iso.charAt(13) != ':' || iso.charAt(16) != ':') {
      return null;
    }
    int year = digits(iso, 0, 4);
    int month = digits(iso, 5, 2);
    int day = digits(iso, 8, 2);
    int hour = digits(iso, 11, 2);
    int minute = digits(iso, 14, 2);
    int second = digits(iso, 17, 2);
    int offset;
    if (n == 20) {
      if (iso.charAt(19) != 'Z') {
        return null;
      }
      offset = 0;
    } else {
      char sign = iso.charAt(19);
      int oh = digits(iso, 20, 2);
      int om = digits(iso, 23, 2);
      if ((sign != '+' && sign != '-') || iso.charAt(22) != ':' || oh < 0 || om < 0 || oh > 18 || om > 59
          || (oh == 18 && om > 0)) {
        return null;
      }
      offset = (sign == '+' ? 1 : -1) * (oh * 3600 + om * 60);
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
      return null;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3600 + minute * 60 + second - offset);
  }

  /** The number the {@code count} ASCII digits of {@code s} from {@code from} write; -1 when one is not a digit. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * Credit lines in {@code text} that point at the other article: its site, or an outlet of its
   * language when the languages differ. Returns the weight for "the other is the original".
   */
  private static double credits(Profile text, String language, Analysis other, String otherLanguage,
      List<Evidence> out, boolean fromThere) {
    double w = 0;
    String site = other.article().site();
    for (Map.Entry<String, String> c : text.creditLines().entrySet()) {
      String outlet = c.getKey();
      String credited = c.getValue();
      boolean otherSite = site != null && site.toLowerCase(Locale.ROOT).contains(outlet.toLowerCase(Locale.ROOT));
      boolean otherLanguageOutlet = otherLanguage != null && !otherLanguage.equals(language)
          && OUTLETS.get(outlet).equals(otherLanguage);
      if (otherSite || otherLanguageOutlet) {
        String note = (fromThere ? "the related article credits " : "this article credits ") + outlet
            + (otherSite ? ", the other article's outlet" : ", an outlet writing in " + OUTLETS.get(outlet));
        out.add(fromThere ? new Evidence("credit", null, credited, note) : new Evidence("credit", credited, null, note));
        w += otherSite ? 3 : 2;
      }
    }
    return Math.min(w, 4);
  }

  /** The outlets whose credit lines are recognised, in a fixed order. */
  static Set<String> outlets() {
    return Collections.unmodifiableSet(OUTLETS.keySet());
  }

  /** The credit line of each known outlet that {@code text} ({@code lowerText} in lower case) credits, by outlet, in {@link #OUTLETS} order. */
  static Map<String, String> creditLines(String text, String lowerText) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String outlet : OUTLETS.keySet()) {
      String line = creditLine(text, lowerText, outlet);
      if (line != null) {
        out.put(outlet, line);
      }
    }
    return out;
  }

  /** The credit-line pattern of each outlet, compiled once. */
  private static final Map<String, Pattern> CREDIT_LINES = new LinkedHashMap<>();

  static {
    for (String outlet : OUTLETS.keySet()) {
      String name = Pattern.quote(outlet);
      CREDIT_LINES.put(outlet, Pattern.compile("(?:\\(" + name + "\\)|" + CREDIT_CUES + "\\s+(?:l'|la |il |the |l’)?"
          + name + "(?![\\p{L}])|(?<![\\p{L}])" + name + " (?:reported|reports|riporta|riferisce|informa))",
          outlet.length() <= 4 ? 0 : Pattern.CASE_INSENSITIVE));
    }
  }

  /** How far before an outlet's name a credit line may start ("ha dichiarato all'agenzia …"), and end after it. */
  private static final int CREDIT_BEFORE = 60;
  private static final int CREDIT_AFTER = 24;

  /**
   * The credit line naming {@code outlet} (one of {@link #OUTLETS}) in {@code text} ({@code lowerText}
   * in lower case), or null. The pattern runs only in a window around each place the name occurs,
   * so a long text that names the outlet costs a few short matches, not a scan of the whole text.
   */
  static String creditLine(String text, String lowerText, String outlet) {
    boolean exactCase = outlet.length() <= 4;
    String haystack = exactCase || lowerText.length() != text.length() ? text : lowerText;
    String needle = haystack == text && !exactCase ? null : exactCase ? outlet : outlet.toLowerCase(Locale.ROOT);
    Matcher m = CREDIT_LINES.get(outlet).matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    if (needle == null) { // lower-casing changed the length: offsets would not match, search the whole text
      return lowerText.contains(outlet.toLowerCase(Locale.ROOT)) && m.find() ? around(text, m) : null;
    }
    for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
      m.region(Math.max(0, at - CREDIT_BEFORE), Math.min(text.length(), at + needle.length() + CREDIT_AFTER));
      if (m.find()) {
        return around(text, m);
      }
    }
    return null; // most texts name no outlet: the regular expression is not run
  }

  private static String around(String text, Matcher m) {
    return text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 10)).strip();
  }

  private static double breaks(List<String> a, List<String> b, List<Evidence> out) {
    if (a.size() == b.size()) {
      return 0;
    }
    boolean hereMore = a.size() > b.size();
    List<String> shown = hereMore ? a : b;
    out.add(new Evidence("sentence-break", hereMore ? shown.get(0) : null, hereMore ? null : shown.get(0),
        (hereMore ? "this article" : "the related article") + " has " + shown.size()
            + " sentence break(s) before a lower-case word, as machine translation leaves them"));
    return Math.min(3, Math.abs(a.size() - b.size())) * (hereMore ? 1 : -1);
  }

  static List<String> badBreaks(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = BAD_BREAK.matcher(text);
    while (m.find() && out.size() < 10) {
      out.add(text.substring(Math.max(0, m.start() - 20), Math.min(text.length(), m.end())));
    }
    return out;
  }

  private static double foreignWords(List<String> a, List<String> b, String hereLang, String thereLang,
      List<Evidence> out) {
    int diff = a.size() - b.size();
    if (Math.abs(diff) < 2) {
      return 0;
    }
    boolean hereMore = diff > 0;
    List<String> shown = hereMore ? a : b;
    String words = String.join(", ", shown.subList(0, Math.min(6, shown.size())));
    out.add(new Evidence("foreign-words", hereMore ? words : null, hereMore ? null : words,
        (hereMore ? "this article keeps " : "the related article keeps ") + shown.size() + " function words of "
            + (hereMore ? thereLang : hereLang) + ", the other article's language"));
    return hereMore ? 1.5 : -1.5;
  }

  /**
   * How much one kept word weighs, and the most that kept words add up to: less than {@link #DECIDES},
   * so that kept words alone never decide. The word lists are small (85,597 tokens a language) and
   * miss loanwords a language has made its own ("spread", "rating" and "app" in Italian financial and
   * technology news), so an original on such a subject keeps as many words of the other language as
   * a translation does; kept words only add to another clue.
   */
  static final double KEPT_WORD = 0.3;
  static final double KEPT_WORDS_MOST = 0.9;

  /**
   * Words of another language kept in a translation: a translator leaves source terms untranslated
   * ("browser", "download" in an Italian text translated from English), an original borrows fewer.
   * {@code a} holds the words this article kept from the related one's language, {@code b} the
   * reverse; each word of difference weighs {@link #KEPT_WORD}, towards "the related article is the
   * original" when this one kept more.
   */
  private static double keptWords(List<String> a, List<String> b, String hereLang, String thereLang,
      List<Evidence> out) {
    int diff = a.size() - b.size();
    if (diff == 0) {
      return 0;
    }
    boolean hereMore = diff > 0;
    List<String> shown = hereMore ? a : b;
    String words = String.join(", ", shown.subList(0, Math.min(8, shown.size())));
    out.add(new Evidence("kept-words", hereMore ? words : null, hereMore ? null : words,
        (hereMore ? "this article" : "the related article") + " keeps " + shown.size() + " word(s) of "
            + (hereMore ? thereLang : hereLang) + " that the other article also has and that original "
            + (hereMore ? hereLang : thereLang) + " news does not use"));
    return Math.min(KEPT_WORDS_MOST, Math.abs(diff) * KEPT_WORD) * (hereMore ? 1 : -1);
  }

  /**
   * The words written in lower case in both {@code mine} and {@code theirs} that original news of
   * their language uses and of mine does not: words my text kept from theirs. Sorted.
   */
  static List<String> kept(Set<String> mine, Set<String> theirs, Lexicon myLanguage, Lexicon theirLanguage) {
    Set<String> small = mine.size() <= theirs.size() ? mine : theirs;
    Set<String> large = small == mine ? theirs : mine;
    Set<String> functionWords = FUNCTION_WORDS.getOrDefault(theirLanguage.language(), Set.of()); // foreign-words' own
    List<String> out = new ArrayList<>();
    for (String w : small) {
      if (large.contains(w) && !myLanguage.contains(w) && theirLanguage.contains(w) && !functionWords.contains(w)) {
        out.add(w);
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * The distinct words of an article written in lower case, of three letters or more ("dell'hardware"
   * gives "hardware"), in NFC, outside its names, its direct quotes (a quote may be in another
   * language) and its web and mail addresses ("example.org/news/world").
   */
  static Set<String> lowerWords(Analysis analysis) {
    String text = analysis.article().text();
    BitSet skip = new BitSet(text.length());
    for (Entity e : analysis.entities()) {
      skip.set(Math.min(e.start(), text.length()), Math.min(e.end(), text.length()));
    }
    for (Quote q : analysis.quotes()) {
      if (q.kind() == Quote.Kind.DIRECT) {
        skip.set(Math.min(q.start(), text.length()), Math.min(q.end(), text.length()));
      }
    }
    Matcher a = ADDRESS.matcher(text);
    while (a.find()) {
      skip.set(a.start(), a.end());
    }
    Set<String> out = new HashSet<>();
    Matcher m = LOWER_RUN.matcher(text);
    while (m.find()) {
      if (!skip.get(m.start())) {
        out.add(Normalizer.normalize(m.group(), Normalizer.Form.NFC));
      }
    }
    return out;
  }

  /** Lower-case words of {@code text} that are function words of {@code other} but not of {@code language}. */
  static List<String> foreign(String text, String language, String other) {
    Set<String> theirs = FUNCTION_WORDS.get(other);
    Set<String> ours = FUNCTION_WORDS.getOrDefault(language, Set.of());
    if (theirs == null) {
      return List.of();
    }
    Set<String> only = new HashSet<>(theirs);
    only.removeAll(ours);
    List<String> out = new ArrayList<>();
    Matcher m = LOWER_WORD.matcher(text);
    while (m.find()) {
      if (only.contains(m.group())) {
        out.add(m.group());
      }
    }
    return out;
  }

  private static double numberFormat(List<String> a, List<String> b, List<Evidence> out) {
    if (a.size() == b.size()) {
      return 0;
    }
    boolean hereMore = a.size() > b.size();
    List<String> shown = hereMore ? a : b;
    String numbers = String.join(", ", shown.subList(0, Math.min(4, shown.size())));
    out.add(new Evidence("number-format", hereMore ? numbers : null, hereMore ? null : numbers,
        (hereMore ? "this article" : "the related article") + " writes decimals as the other article's language does"));
    return Math.min(2, Math.abs(a.size() - b.size())) * (hereMore ? 1 : -1);
  }

  /** Decimals in {@code text} written in {@code other}'s convention where {@code language}'s differs. */
  static List<String> otherConvention(String text, String language, String other) {
    boolean ours = Numbers.decimalComma(language);
    if (ours == Numbers.decimalComma(other)) {
      return List.of();
    }
    Matcher m = (ours ? POINT_DECIMAL : COMMA_DECIMAL).matcher(text);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
