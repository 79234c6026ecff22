package org.lente.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Writes an article root out as {@link Block}s in document order, leaving out the furniture inside
 * it: navigation, share bars, related links, link lists, bylines (kept aside for the author
 * fallback) and author bios (kept as {@link Block.Type#BIO}).
 */
final class BlockWriter {

  private static final Pattern JUNK_LINE = Pattern.compile(
      "(?i)^(advertisement|advertisements?|advert|adverts|ad|ads|pubblicità|annuncio|anzeige|publicité|sponsored( content)?|"
          + "continue reading( below)?|scroll to continue( with content)?|read more|leggi anche|leggi di più|"
          + "share( this( article| story| post)?)?|condividi|tweet|email|print|stampa|click here.*|"
          + "sign up.*|subscribe.*|iscriviti.*|follow us.*|seguici.*|related( articles| stories)?|"
          + "recommended( for you)?|more from .*|image( \\d+ of \\d+)?|photo|foto|video|getty images|"
          + "\\(?(ap|afp|reuters|ansa)\\)?|comments?|\\d+ comments?|loading.*|skip to .*|back to top|caption|"
          + "close|open|image \\d+ of /? ?\\d+|\\d+ of \\d+|(photo|foto|image|credit)s?:.*|"
          + "this (slideshow|video|content|page) requires javascript.*|.*enable javascript.*|don'?t miss|"
          + "also on \\S+|watch|watch:.*|listen|listen to this article|view comments|show comments)[.:!]?$");
  private static final Pattern URL_ONLY = Pattern.compile("^https?://\\S+$");
  /** Photo captions and credits written as plain paragraphs: "(Image: GETTY)", "© Jane Doe", "Photo: AP". */
  private static final Pattern CREDIT_START = Pattern.compile(
      "(?i)©|\\(?(photo|foto|image|credit|bild|abbildung \\d+|fig\\.? \\d+)s?\\s*:");
  private static final Pattern CREDIT_END = Pattern.compile(
      "(?i)\\((image|photo|picture|pic|foto|credit|video|source)s?\\s*:[^)]*\\)\\s*$");
  /** A closing agency credit: "… (Getty Images)", "… Reuters/". */
  static final Phrases AGENCY_CREDIT = new Phrases(
      "getty images|ap photo|afp via getty images|reuters/|shutterstock|lapresse|ansa foto", "\\)?\\s*$");
  /** A metadata line: "05/10/2018 - Posted by: Jane Doe - Category: Health". */
  static final Phrases META_LINE = new Phrases(
      "(posted|published|publicado|pubblicato|publié|veröffentlicht|written|scritto)\\s+(by|por|da|di|par|von)|"
          + "(eintrag|beitrag|text|artikel) wurde .*veröffentlicht|this (entry|post) was posted", "\\b");
  /** Calls to action that close many articles: newsletters, tips, follow us. */
  static final Phrases PROMO = new Phrases(
      "subscribe to|sign up for|sign up to|newsletters?|iscriviti|abbonati|have a tip|"
          + "may be reached at|can be reached at|follow us on|seguici su|download (our|the) app|"
          + "all rights reserved|tutti i diritti riservati|share it with|like this (story|article)|"
          + "share this (story|article)|sign up now|read the full (story|article)|"
          + "follow (us|the \\S+) on|s[ií]guenos en|folgen sie uns|seguici|"
          + "werbung|anzeige|keine kommentare|no comments yet|if you (enjoyed|liked) (reading )?this|"
          + "support (our|independent) journalism|was this (article|page) helpful", "\\b");
  /** Headings that announce links to other articles rather than a section of this one. */
  private static final Pattern RECIRCULATION_HEADING = Pattern.compile(
      "(?i)^(more (in|from|on|about|stories|news|articles|coverage|videos?)\\b.*|related.*|read (more|next|also).*|"
          + "see also.*|you (may|might) (also )?like.*|recommended.*|popular.*|most (read|popular|viewed).*|"
          + "trending.*|latest( news)?|top stories|leggi anche.*|potrebbe interessarti.*|ti potrebbe interessare.*|"
          + "articoli correlati.*|altri articoli.*|le notizie più lette.*|weitere artikel.*|lire aussi.*|"
          + "don'?t miss.*|also on .*|tell us what you think.*|leave a (comment|reply).*|join the (conversation|discussion).*|"
          + "comments?|\\d+ comments?|what do you think\\??|share this.*|follow us.*|lascia un commento.*|"
          + "mehr zum thema.*|mehr zu[mr]? .*|weitere (artikel|beiträge|themen|nachrichten|informationen).*|"
          + "das könnte sie (auch )?interessieren.*|lesen sie auch.*|auch interessant.*|verwandte (beiträge|artikel).*|"
          + "ähnliche (beiträge|artikel).*|teile(n)? diese[nm]? (beitrag|artikel).*|"
          + "(à )?lire (aussi|également).*|sur le même sujet.*|voir aussi.*|dans la même rubrique.*|"
          + "te puede interesar.*|lee también.*|noticias relacionadas.*|más noticias.*|también te puede interesar.*|"
          + "czytaj (także|też|również).*|zobacz (także|też|również).*|polecamy.*|przeczytaj (także|też).*|"
          + "zum weiterlesen.*|schon gelesen.*|top themen.*|"
          + "quellen(angaben)?:?|sources?:|źródło:?|fuente:?|notas relacionadas|relacionad[oa]s|"
          + "(das|die|der) (könnte|könnten) (sie|dich) (auch )?interessieren.*)$");
  private static final Pattern MARKUP = Pattern.compile("^<[a-zA-Z!/][^>]*>.*");
  private static final Evaluator FIGCAPTION = QueryParser.parse("figcaption");
  private static final Evaluator ROW = QueryParser.parse("tr");
  /** Below this depth the writer stops descending and takes the element's text as one paragraph. */
  private static final int MAX_DEPTH = 400;

  private final HtmlExtractor.Stats stats;
  private final List<Element> parts;
  private final String title;
  private final int rootText;
  private final List<BlockFeatures.Source> blocks = new ArrayList<>();
  /** The element the text being written comes from. */
  private Element source;
  private final List<String> bylines = new ArrayList<>();
  private final StringBuilder inline = new StringBuilder();
  private boolean titleSeen;
  private boolean skipNextList;
  private final Block.Type captionType;
  /** True when the parts lie outside the article's root: each is judged like an element inside it. */
  private final boolean outside;

  /** @param parts the article's root element and the siblings that continue it, in document order */
  BlockWriter(HtmlExtractor.Stats stats, List<Element> parts, String title) {
    this(stats, parts, title, parts, false);
  }

  /**
   * A writer for elements outside the article's root (those between the headline and the root): each
   * is judged as furniture, caption or bio like any element inside the root, sizes are measured
   * against the root's.
   *
   * @param parts the elements to write, in document order
   * @param article the article's root and the siblings that continue it
   */
  static BlockWriter outside(HtmlExtractor.Stats stats, List<Element> parts, String title, List<Element> article) {
    return new BlockWriter(stats, parts, title, article, true);
  }

  private BlockWriter(HtmlExtractor.Stats stats, List<Element> parts, String title, List<Element> article,
      boolean outside) {
    this.stats = stats;
    this.parts = List.copyOf(parts);
    this.outside = outside;
    this.title = title == null ? null : HtmlExtractor.normalized(title);
    this.rootText = Math.max(1, article.stream().mapToInt(p -> stats.of(p).text).sum());
    int captions = 0;
    for (Element part : parts) {
      for (Element c : part.getElementsByTag("figcaption")) {
        captions += stats.of(c).text;
      }
    }
    // a gallery: the captions are the article
    this.captionType = captions * 2 > rootText ? Block.Type.PARAGRAPH : Block.Type.CAPTION;
  }

  /** The blocks, each with the element it was written from. */
  List<BlockFeatures.Source> write() {
    for (Element part : parts) {
      source = part;
      if (parts.size() == 1 && !outside) {
        container(part, 0);
      } else {
        element(part, 0);
      }
      flush();
    }
    return dedupe(blocks);
  }

  /** Byline texts met inside the root and left out of the body. */
  List<String> bylines() {
    return bylines;
  }

  private void container(Element e, int depth) {
    for (Node child : e.childNodes()) {
      if (child instanceof TextNode t) {
        appendText(inline, t.getWholeText());
      } else if (child instanceof Element c) {
        if (!stats.has(c)) {
          continue;
        }
        if (c.nameIs("br")) {
          inline.append('\n');
        } else if (Blocks.isBlock(c) || hasBlockInside(c)) {
          flush();
          element(c, depth + 1);
          flush();
        } else if (!skip(c)) {
          inline.append(textOf(c));
        }
      }
    }
  }

  private boolean hasBlockInside(Element e) {
    for (Element c : e.children()) {
      if (Blocks.isBlock(c)) {
        return true;
      }
    }
    return false;
  }

  private void element(Element e, int depth) {
    Element outer = source;
    source = e;
    try {
      elementAsBlocks(e, depth);
    } finally {
      source = outer;
    }
  }

  private void elementAsBlocks(Element e, int depth) {
    if (skip(e) || isRecirculationBox(e)) {
      return;
    }
    Boilerplate.Verdict verdict = stats.of(e).verdict;
    if (verdict.bio() && stats.of(e).text < rootText / 2) {
      add(Block.Type.BIO, textOf(e));
      return;
    }
    if (depth > MAX_DEPTH) {
      add(Block.Type.PARAGRAPH, textOf(e));
      return;
    }
    String tag = e.normalName();
    if (Blocks.isHeading(e)) {
      String text = textOf(e);
      if (!titleSeen && title != null && HtmlExtractor.normalized(text).equals(title)) {
        titleSeen = true;
        return;
      }
      if (tag.equals("h1") && blocks.isEmpty()) {
        return; // a page headline that differs from the metadata title: still the headline
      }
      if (RECIRCULATION_HEADING.matcher(collapse(text)).matches()) {
        skipNextList = true;
        return;
      }
      add(Block.Type.HEADING, text);
      return;
    }
    if (skipNextList && (tag.equals("ul") || tag.equals("ol") || stats.of(e).link * 3 > stats.of(e).text)) {
      skipNextList = false;
      return;
    }
    skipNextList = false;
    if (verdict.caption() && stats.of(e).text < rootText / 3) {
      add(Block.Type.CAPTION, textOf(e));
      return;
    }
    switch (tag) {
      case "p" -> {
        if (hasBlockInside(e)) {
          container(e, depth);
          flush();
        } else {
          add(Block.Type.PARAGRAPH, textOf(e));
        }
      }
      case "blockquote" -> add(Block.Type.QUOTE, textOf(e));
      case "ul", "ol", "dl" -> list(e);
      case "pre" -> add(Block.Type.PARAGRAPH, e.wholeText().strip());
      case "figcaption", "caption" -> add(captionType, textOf(e));
      case "figure" -> figure(e);
      case "table" -> table(e, depth);
      case "header" -> header(e, depth);
      default -> {
        container(e, depth);
        flush();
      }
    }
  }

  private void header(Element e, int depth) {
    if (e.selectFirst(HtmlExtractor.H1) != null || stats.of(e).text < 300) {
      return;
    }
    container(e, depth);
    flush();
  }

  private void figure(Element e) {
    for (Element c : e.select(FIGCAPTION)) {
      add(captionType, textOf(c));
    }
  }

  private void list(Element e) {
    StringBuilder sb = new StringBuilder();
    for (Element item : e.children()) {
      if (skip(item)) {
        continue;
      }
      String t = textOf(item).strip();
      if (!t.isEmpty()) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(t);
      }
    }
    add(Block.Type.LIST, sb.toString());
  }

  /** A layout table (one holding paragraphs) is walked as a container; a data table becomes rows of cells. */
  private void table(Element e, int depth) {
    if (e.selectFirst("p, div, table table, h1, h2, h3") != null) {
      container(e, depth);
      flush();
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (Element row : e.select(ROW)) {
      StringBuilder cells = new StringBuilder();
      for (Element cell : row.children()) {
        String t = textOf(cell).strip();
        if (!t.isEmpty()) {
          if (cells.length() > 0) {
            cells.append(" | ");
          }
          cells.append(t);
        }
      }
      if (cells.length() > 0) {
        sb.append(cells).append('\n');
      }
    }
    add(Block.Type.PARAGRAPH, sb.toString());
  }

  /**
   * A small box inside the article that opens with a heading such as "Related" or "Mehr zum Thema",
   * or that holds more fragments and links than prose (its value is negative).
   */
  private boolean isRecirculationBox(Element e) {
    if (Blocks.isHeading(e) || e.nameIs("p") || e.nameIs("li") || e.nameIs("td") || e.nameIs("tr")
        || e.nameIs("tbody") || e.nameIs("table")) {
      return false;
    }
    HtmlExtractor.Stats.Of s = stats.of(e);
    if (s.text * 5 > rootText) {
      return false;
    }
    if (s.value < 0 && s.text > 0 && s.link > 0) {
      return true;
    }
    Element first = e.firstElementChild();
    for (int i = 0; i < 3 && first != null && !Blocks.isHeading(first); i++) {
      first = first.firstElementChild();
    }
    return first != null && RECIRCULATION_HEADING.matcher(collapse(first.text())).matches();
  }

  /** True for furniture inside the root: by tag, by class words, or as a dense list of links. */
  private boolean skip(Element e) {
    if (parts.size() == 1 && e == parts.get(0) && !outside) {
      return false;
    }
    HtmlExtractor.Stats.Of s = stats.of(e);
    String tag = e.normalName();
    boolean major = s.text * 2 > rootText;
    if (Boilerplate.FURNITURE_TAGS.contains(tag) && !major) {
      return true;
    }
    if (s.furniture && !major) {
      if (s.verdict.byline() && s.text < 200) {
        bylines.add(textOf(e));
      }
      if (s.verdict.bio() && s.text >= 40) {
        add(Block.Type.BIO, textOf(e));
      }
      return true;
    }
    boolean prose = e.nameIs("p") && s.text >= 100;
    if (s.text > 0 && s.link * 2 > s.text && !major && !prose && !e.nameIs("a") && Blocks.isBlock(e)) {
      return true;
    }
    return false;
  }

  private void flush() {
    if (inline.length() > 0) {
      add(Block.Type.PARAGRAPH, inline.toString());
      inline.setLength(0);
    }
  }

  /**
   * Adds a block unless it is never text or reads like furniture: a bare URL, markup, a shortcode, a
   * call to action, a "Related" label, a metadata or date line. A metadata line is kept aside as a
   * byline, and a "Related" label leaves out the list after it.
   */
  private void add(Block.Type type, String raw) {
    String text = collapse(raw);
    if (text.isEmpty()) {
      return;
    }
    if (type == Block.Type.HEADING && text.length() < 80
        && (JUNK_LINE.matcher(text).matches() || PROMO.find(text))) {
      return;
    }
    if (type == Block.Type.PARAGRAPH || type == Block.Type.LIST) {
      String flat = text.replace('\n', ' ');
      int nl = text.indexOf('\n');
      String firstLine = nl < 0 ? text : text.substring(0, nl);
      if (flat.length() < 300 && isCredit(flat)) {
        blocks.add(new BlockFeatures.Source(new Block(Block.Type.CAPTION, text), source));
        return;
      }
      if (flat.length() < 200 && META_LINE.find(flat)) {
        bylines.add(flat);
        return;
      }
      if (flat.length() < 60 && RECIRCULATION_HEADING.matcher(flat).matches()) {
        skipNextList = true;
        return;
      }
      if (flat.length() < 80 && JUNK_LINE.matcher(flat).matches()
          || URL_ONLY.matcher(flat).matches()
          || nl > 0 && firstLine.length() < 60 && RECIRCULATION_HEADING.matcher(firstLine).matches()
          || flat.startsWith("[") && flat.endsWith("]") && flat.contains("=")
          || flat.length() < 250 && PROMO.find(flat)
          || MARKUP.matcher(flat).matches()
          || flat.length() < 120 && Dates.isDateLine(flat)) {
        return;
      }
    }
    blocks.add(new BlockFeatures.Source(new Block(type, text), source));
  }

  /** A photo caption or credit: "© Jane Doe", "Photo: AP", "… (Image: GETTY)", "… Getty Images". */
  private static boolean isCredit(String s) {
    return CREDIT_START.matcher(s).lookingAt() || s.indexOf('(') >= 0 && CREDIT_END.matcher(s).find()
        || AGENCY_CREDIT.find(s);
  }

  /** Text with line breaks kept as {@code \n} (from br and block starts); elements that are never text left out. */
  private String textOf(Element e) {
    StringBuilder sb = new StringBuilder();
    org.jsoup.select.NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          appendText(sb, t.getWholeText());
        } else if (node instanceof Element c && depth > 0) {
          if (!stats.has(c)) {
            return FilterResult.SKIP_ENTIRELY;
          }
          if (c.nameIs("br")) {
            sb.append('\n');
          } else if (Blocks.isBlock(c) && sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
            sb.append('\n');
          }
        }
        return FilterResult.CONTINUE;
      }
    }, e);
    return sb.toString();
  }

  /** Appends markup text: its line breaks are only source formatting, so they become spaces. */
  private static void appendText(StringBuilder sb, String text) {
    if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      sb.append(text);
    } else {
      sb.append(text.replace('\n', ' ').replace('\r', ' '));
    }
  }

  /**
   * Collapses runs of whitespace (and zero-width spaces and soft hyphens) within lines to one
   * space, trims every line, drops empty lines. A hand-written loop: this runs on every block.
   */
  static String collapse(String raw) {
    char[] out = new char[raw.length()]; // never longer than raw; a char array is quicker than a StringBuilder
    int length = 0;
    boolean space = false; // a space is pending
    boolean lineHasText = false;
    for (int i = 0, n = raw.length(); i < n; i++) {
      char c = raw.charAt(i);
      if (c == '\n') {
        if (lineHasText) {
          out[length++] = '\n';
        }
        lineHasText = false;
        space = false;
      } else if (c == '\u200b' || c == '\u00ad' || c == '\ufeff') {
        continue;
      } else if (c == '\u00a0' || Whitespace.is(c)) {
        space = lineHasText;
      } else {
        if (space) {
          out[length++] = ' ';
          space = false;
        }
        out[length++] = c;
        lineHasText = true;
      }
    }
    while (length > 0 && out[length - 1] == '\n') {
      length--;
    }
    return new String(out, 0, length);
  }

  /** Drops repeated consecutive blocks, and headings at the end that no text follows. */
  private static List<BlockFeatures.Source> dedupe(List<BlockFeatures.Source> in) {
    List<BlockFeatures.Source> out = new ArrayList<>(in.size());
    for (BlockFeatures.Source b : in) {
      if (!out.isEmpty() && out.get(out.size() - 1).block().equals(b.block())) {
        continue;
      }
      out.add(b);
    }
    int end = out.size();
    while (end > 0 && (typeAt(out, end - 1) == Block.Type.HEADING || !typeAt(out, end - 1).countsAsBody())) {
      end--;
    }
    List<BlockFeatures.Source> kept = new ArrayList<>(out.subList(0, end));
    for (BlockFeatures.Source b : out.subList(end, out.size())) {
      if (b.block().type() != Block.Type.HEADING) {
        kept.add(b);
      }
    }
    return kept;
  }

  private static Block.Type typeAt(List<BlockFeatures.Source> blocks, int i) {
    return blocks.get(i).block().type();
  }
}
