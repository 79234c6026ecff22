package org.lente.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What marks an element as page furniture rather than article: its tag, and the words in its
 * {@code class}, {@code id} and {@code role}. Class names are split into words at spaces, hyphens,
 * underscores and camel case, so {@code article-share__button} has the words article, share, button.
 */
final class Boilerplate {

  /**
   * Elements never part of an article's text. Ruby annotations ({@code rt}, {@code rp}: the readings
   * printed small above Japanese or Chinese characters, and their fallback brackets) are left out too:
   * the text is the characters they annotate.
   */
  static final Set<String> DROPPED_TAGS = Set.of(
      "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button",
      "input", "select", "textarea", "option", "link", "meta", "audio", "video", "source", "track", "map",
      "dialog", "menu", "head", "rt", "rp");

  /** Page furniture by tag, removed unless it holds most of the text. */
  static final Set<String> FURNITURE_TAGS = Set.of("nav", "aside", "footer");

  private static final Set<String> STRONG = Set.of(
      "comment", "comments", "commento", "commenti", "disqus", "related", "recirc", "recirculation",
      "recommended", "recommendation", "recommendations", "share", "shares", "sharing", "sharebar", "social",
      "newsletter", "subscribe", "subscription", "outbrain", "taboola", "sponsor", "sponsored", "promo",
      "promotion", "ad", "ads", "adv", "advert", "advertisement", "advertising", "adsense", "dfp", "gpt",
      "banner", "cookie", "cookies", "consent", "gdpr", "breadcrumb", "breadcrumbs", "pagination", "pager",
      "nav", "navbar", "navigation", "menu", "sidebar", "widget", "widgets", "trending", "popular",
      "mostread", "most", "tags", "tag", "taglist", "keywords", "topics", "byline", "signup", "modal",
      "popup", "overlay", "login", "paywall", "donate", "donation", "follow", "rss", "skip", "toolbar",
      "tweet", "twitter", "instagram", "tiktok", "facebook", "whatsapp", "print", "jump", "teaser",
      "teasers", "more", "readmore", "next", "prev", "previous", "footer", "masthead", "header",
      "dateline", "timestamp", "meta", "author", "authors", "contributor", "caption", "credit", "credits",
      "copyright", "hidden", "sronly", "visually", "offscreen", "disclaimer", "correction", "notice",
      "alert", "toc", "video", "player", "gallery", "carousel", "slideshow", "infobox", "inline",
      "card", "cards", "list", "partner", "partners", "affiliate", "shop", "shopping", "store",
      "newsletters", "cta", "app", "download", "feedback", "survey", "poll", "quiz", "rating");

  /** Words that mark furniture for sure; the rest of STRONG only weigh against an element. */
  private static final Set<String> CERTAIN = Set.of(
      "comment", "comments", "commenti", "disqus", "related", "recirc", "recirculation", "recommended",
      "recommendations", "share", "sharing", "sharebar", "newsletter", "subscribe", "outbrain",
      "taboola", "sponsored", "promo", "ad", "ads", "advert", "advertisement", "advertising", "adsense",
      "dfp", "cookie", "consent", "gdpr", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "pagination", "navbar", "navigation",
      "sidebar", "trending", "mostread", "signup", "modal", "popup", "paywall", "toolbar",
      "byline", "sronly", "offscreen", "tags", "taglist", "dateline", "timestamp");

  /** Furniture however much prose it holds: comment threads and recirculation. */
  private static final Set<String> SURE = Set.of(
      "comment", "comments", "commenti", "disqus", "related", "recirc", "recirculation", "recommended",
      "recommendations", "outbrain", "taboola", "newsletter", "teaser", "teasers");

  private static final Set<String> POSITIVE = Set.of(
      "article", "articolo", "artikel", "articlebody", "content", "contenuto", "entry", "post", "story",
      "body", "text", "testo", "main", "blog", "hentry", "prose", "richtext", "rte", "paragraph");


  private Boilerplate() {}

  /**
   * The lower-cased words of the element's class, id and role attributes. Class names that state a
   * feature rather than what the element is are left out: BEM modifiers ({@code section--has-ads}
   * keeps only {@code section}) and state classes ({@code has-sidebar}, {@code js-share},
   * {@code modal-enabled}). Split without regex, as this runs for every element.
   */
  static List<String> words(Element e) {
    if (e.attributesSize() == 0) {
      return List.of();
    }
    List<String> out = classWords(e.className());
    String id = e.id();
    split(id.toLowerCase(Locale.ROOT), id, out);
    String role = e.attr("role");
    split(role.toLowerCase(Locale.ROOT), role, out);
    return out;
  }

  private static List<String> classWords(String classes) {
    List<String> out = new ArrayList<>(4);
    for (String name : classNames(classes)) {
      nameWords(name, out);
    }
    return out;
  }

  /** The class names in a class attribute. */
  private static List<String> classNames(String classes) {
    List<String> out = new ArrayList<>(4);
    int i = 0;
    int n = classes.length();
    while (i < n) {
      while (i < n && Whitespace.is(classes.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Whitespace.is(classes.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      out.add(classes.substring(start, i));
    }
    return out;
  }

  /** Appends the words of one class name: none for a state class, none for a BEM modifier. */
  private static void nameWords(String name, List<String> out) {
    String t = name.toLowerCase(Locale.ROOT);
    int modifier = t.indexOf("--");
    if (modifier >= 0) {
      t = t.substring(0, modifier);
    }
    if (isStateClass(t) || isCamelState(name)) {
      return;
    }
    split(t, name, out);
  }

  private static final String[] CAMEL_STATE_PREFIXES = {"is", "has", "no", "non", "not", "with", "show", "hide"};

  /** camelCase state classes: isPaywall, hasSidebar, noComments. */
  private static boolean isCamelState(String token) {
    for (String prefix : CAMEL_STATE_PREFIXES) {
      if (token.length() > prefix.length() && token.startsWith(prefix)
          && Character.isUpperCase(token.charAt(prefix.length()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isStateClass(String t) {
    if (t.isEmpty()) {
      return false;
    }
    boolean prefix = switch (t.charAt(0)) { // by first letter: this runs for every class name
      case 'h' -> t.startsWith("has-") || t.startsWith("has_") || t.startsWith("hide-");
      case 'w' -> t.startsWith("with-") || t.startsWith("without-");
      case 'n' -> t.startsWith("no-") || t.startsWith("non-") || t.startsWith("not-");
      case 'i' -> t.startsWith("is-");
      case 'j' -> t.startsWith("js-");
      case 's' -> t.startsWith("show-");
      default -> false;
    };
    return prefix
        || t.indexOf('-') >= 0
            && (t.endsWith("-enabled") || t.endsWith("-disabled") || t.endsWith("-active") || t.endsWith("-open"))
        || t.contains("sidebar")
            && (t.contains("sidebar-") && !t.startsWith("sidebar") || t.contains("_sidebar") || t.contains("-sidebar"));
  }

  /** "teaser3" is a teaser: numbered variants of a class are the class. */
  private static String stripDigits(String w) {
    int end = w.length();
    while (end > 1 && Character.isDigit(w.charAt(end - 1))) {
      end--;
    }
    return end == w.length() ? w : w.substring(0, end);
  }

  /** Splits {@code lower} into words at non-letters, and at camel-case humps of the original spelling. */
  private static void split(String lower, String original, List<String> out) {
    int start = -1;
    boolean sameCase = lower.length() == original.length();
    for (int i = 0, n = lower.length(); i <= n; i++) {
      char c = i < n ? lower.charAt(i) : ' ';
      boolean letter = c < 0x80 ? c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
          : Character.isLetterOrDigit(c);
      boolean camel = letter && sameCase && start >= 0 && i > 0 && isUpperCase(original.charAt(i))
          && Character.isLowerCase(original.charAt(i - 1));
      if (!letter || camel) {
        if (start >= 0) {
          out.add(stripDigits(lower.substring(start, i)));
        }
        start = camel ? i : -1;
      } else if (start < 0) {
        start = i;
      }
    }
  }

  private static boolean isUpperCase(char c) {
    return c < 0x80 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
  }

  /** Class words that mark a standfirst. */
  private static final Set<String> LEAD_WORDS = Set.of(
      "standfirst", "subtitle", "subheadline", "subhead", "dek", "deck", "summary", "sottotitolo", "occhiello",
      "catenaccio", "strapline", "excerpt", "lede", "intro", "abstract", "kicker", "description");
  /** Class words of a site's own tagline, which is no standfirst. */
  private static final Set<String> SITE_WORDS = Set.of(
      "site", "blog", "branding", "brand", "logo", "header", "masthead", "tagline", "slogan", "widget", "author");

  /**
   * What an element's class words say of it.
   *
   * @param weight +1 per content word, -1 per furniture word, -3 per certain-furniture word
   * @param furniture furniture by its words: a certain-furniture word (share, related, comments …)
   *     with at most one content word beside it, or a weight of -3 or less
   * @param lead its words mark a standfirst
   * @param bio its words mark an author bio box
   * @param caption its words mark a photo caption or credit
   * @param byline its words mark a byline
   */
  record Verdict(int weight, boolean furniture, boolean lead, boolean bio, boolean caption, boolean byline) {
    static final Verdict NONE = new Verdict(0, false, false, false, false, false);
  }

  private static final Set<String> BIO_WORDS = Set.of(
      "bio", "biography", "authorbio", "authorbox", "authorinfo", "authordescription", "contributorbio");
  private static final Set<String> AUTHOR_DETAIL_WORDS = Set.of("box", "info", "description", "details", "about");
  private static final Set<String> CAPTION_WORDS = Set.of("caption", "figcaption", "credit", "credits");
  private static final Set<String> BYLINE_WORDS = Set.of(
      "byline", "author", "authors", "autore", "firma", "writer", "contributor", "contributors");

  private static final int CERTAIN_WORD = 1;
  private static final int STRONG_WORD = 1 << 1;
  private static final int POSITIVE_WORD = 1 << 2;
  private static final int LEAD_WORD = 1 << 3;
  private static final int SITE_WORD = 1 << 4;
  private static final int BIO_WORD = 1 << 5;
  private static final int AUTHOR_WORD = 1 << 6;
  private static final int DETAIL_WORD = 1 << 7;
  private static final int CAPTION_WORD = 1 << 8;
  private static final int BYLINE_WORD = 1 << 9;
  /** The sets above by word, as bits: judging an element costs one lookup per word, not one per set. */
  private static final Map<String, Integer> WORD_BITS = wordBits();

  private static Map<String, Integer> wordBits() {
    Map<String, Integer> bits = new HashMap<>();
    List<Set<String>> sets = List.of(CERTAIN, STRONG, POSITIVE, LEAD_WORDS, SITE_WORDS, BIO_WORDS, Set.of("author"),
        AUTHOR_DETAIL_WORDS, CAPTION_WORDS, BYLINE_WORDS);
    for (int i = 0; i < sets.size(); i++) {
      for (String word : sets.get(i)) {
        bits.merge(word, 1 << i, (a, b) -> a | b);
      }
    }
    return Map.copyOf(bits);
  }

  /**
   * Judges the elements of one page by their words, remembering the verdicts of class attributes
   * and the tallies of class names, which recur on a page. Not thread-safe: one per page.
   */
  static final class Judge {
    private final Map<String, Verdict> byClasses = new HashMap<>();
    private final Map<String, Tally> byName = new HashMap<>();

    Verdict judge(Element e) {
      if (e.attributesSize() == 0) {
        return Verdict.NONE;
      }
      String classes = Attrs.get(e, "class").trim();
      String id = Attrs.get(e, "id");
      String role = Attrs.get(e, "role");
      boolean cacheable = id.isEmpty() && role.isEmpty();
      if (cacheable) {
        Verdict v = byClasses.get(classes);
        if (v != null) {
          return v;
        }
      }
      Tally t = Tally.NONE;
      for (String name : classNames(classes)) {
        Tally nameTally = byName.get(name);
        if (nameTally == null) {
          List<String> words = new ArrayList<>(4);
          nameWords(name, words);
          nameTally = Tally.of(words);
          byName.put(name, nameTally);
        }
        t = t.plus(nameTally);
      }
      for (String attribute : new String[] {id, role}) {
        if (!attribute.isEmpty()) {
          List<String> words = new ArrayList<>(4);
          split(attribute.toLowerCase(Locale.ROOT), attribute, words);
          t = t.plus(Tally.of(words));
        }
      }
      int seen = t.seen();
      boolean furniture = (seen & CERTAIN_WORD) != 0 && t.positive() <= 1 || t.weight() <= -3;
      boolean lead = (seen & LEAD_WORD) != 0 && (seen & SITE_WORD) == 0;
      boolean bio = (seen & BIO_WORD) != 0 || (seen & AUTHOR_WORD) != 0 && (seen & DETAIL_WORD) != 0;
      Verdict v = new Verdict(t.weight(), furniture, lead, bio, (seen & CAPTION_WORD) != 0, (seen & BYLINE_WORD) != 0);
      if (cacheable) {
        byClasses.put(classes, v);
      }
      return v;
    }
  }

  /**
   * What some words say, in sums that add up over an element's words: its {@link Verdict#weight},
   * its content words that are not furniture words too, and the union of the words' bits.
   */
  private record Tally(int weight, int positive, int seen) {
    static final Tally NONE = new Tally(0, 0, 0);

    static Tally of(List<String> words) {
      int weight = 0;
      int positive = 0;
      int seen = 0;
      for (String w : words) {
        int bits = WORD_BITS.getOrDefault(w, 0);
        seen |= bits;
        if ((bits & CERTAIN_WORD) != 0) {
          weight -= 3;
        } else if ((bits & STRONG_WORD) != 0) {
          weight -= 1;
        } else if ((bits & POSITIVE_WORD) != 0) {
          positive++;
          weight += 1;
        }
      }
      return weight == 0 && positive == 0 && seen == 0 ? NONE : new Tally(weight, positive, seen);
    }

    Tally plus(Tally o) {
      return o == NONE ? this : this == NONE ? o : new Tally(weight + o.weight, positive + o.positive, seen | o.seen);
    }
  }

  /** True when a class word marks the element as comments or recirculation, whatever its size. */
  static boolean surelyFurniture(Element e) {
    for (String word : words(e)) {
      if (SURE.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** True when an element is hidden by its markup: hidden, aria-hidden, or an inline display:none. */
  static boolean hidden(Element e) {
    if (e.attributesSize() == 0) {
      return false;
    }
    if (Attrs.has(e, "hidden") || "true".equals(Attrs.get(e, "aria-hidden")) && !e.nameIs("span")) {
      return true;
    }
    String style = Attrs.get(e, "style");
    if (!style.isEmpty()) {
      String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
      return s.contains("display:none") || s.contains("visibility:hidden");
    }
    return false;
  }
}
