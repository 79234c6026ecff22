package org.lente.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

/**
 * Finds the article in an HTML page.
 *
 * <p>The method, in three steps. (1) Every block element's own text is valued: long text with few
 * links counts for it, link lists and short fragments count against it, and text inside elements
 * that are furniture by their class names (share bars, related links, comments) counts against it
 * too. (2) The element whose subtree has the highest value, nudged by class names such as
 * {@code article-body}, is the article's root; when the page's JSON-LD carries the article body,
 * the element whose words best match it is taken instead. (3) The root is written out as blocks,
 * leaving out furniture inside it.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class HtmlExtractor {

  private static final java.util.Set<String> SUBTITLE_TAGS = java.util.Set.of("p", "h2", "div", "span");
  static final Evaluator H1 = QueryParser.parse("h1");
  private static final Evaluator H2 = QueryParser.parse("h2");

  private final Limits limits;
  private final BlockModel model;

  /** @param model decides which blocks inside the article's root are article text */
  public HtmlExtractor(Limits limits, BlockModel model) {
    this.limits = java.util.Objects.requireNonNull(limits, "limits");
    this.model = java.util.Objects.requireNonNull(model, "model");
  }

  public HtmlExtractor(Limits limits) {
    this(limits, BlockModel.bundled());
  }

  public HtmlExtractor() {
    this(Limits.DEFAULTS);
  }

  /** A tag, for reading a page whose markup the parser could not take: bounded, so linear. */
  private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<[^<>]{0,4096}>");

  /**
   * Parses {@code html} with the depth limit. jsoup has bugs of its own on some hostile markup (its
   * depth pruning inside templates throws "Bug: no template insertion mode on stack!"): then the page
   * is read without its markup, each run of text between tags a paragraph, with a warning.
   */
  private Document parse(String html, String baseUri, List<String> warnings) {
    try {
      return Jsoup.parse(html, baseUri, Parser.htmlParser().setMaxDepth(limits.maxDepth()));
    } catch (RuntimeException e) {
      warnings.add("the HTML parser failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
          + "); the page was read without its markup");
      Document doc = Document.createShell(baseUri);
      for (String line : TAG.matcher(html).replaceAll("\n").split("\n")) {
        String text = Parser.unescapeEntities(line, false).strip();
        if (!text.isEmpty()) {
          doc.body().appendElement("p").text(text);
        }
      }
      return doc;
    }
  }

  /**
   * Extracts the article from decoded HTML.
   *
   * @param pageUrl the page's URL if known, used to resolve relative links and as a date source; may be null
   * @param warnings collects what was wrong with the page; appended to, and copied into the article
   */
  public Article extract(String source, String html, String pageUrl, List<String> warnings) {
    Reading r = read(html, pageUrl, warnings);
    Document doc = r.doc();
    MetadataReader.Meta meta = r.meta();
    Element body = doc.body();
    Stats stats = r.stats();
    Element root = r.root();
    String title = r.title();
    BlockWriter writer = r.writer();
    List<Block> blocks = new ArrayList<>(model.keep(r.candidates()));
    if (blocks.stream().noneMatch(b -> b.type().countsAsBody()) && body.text().length() > 0) {
      warnings.add("no article text found");
    }

    String text = Article.bodyText(blocks);
    Element lead = standfirst(root, r.headline(), stats);
    String subtitle;
    if (lead != null) {
      subtitle = MetadataReader.clean(lead.text());
      // a standfirst printed above the body is where the article starts
      if (subtitle != null && !normalized(text).contains(normalized(subtitle)) && precedes(lead, root)) {
        blocks.add(0, new Block(Block.Type.PARAGRAPH, subtitle));
        text = subtitle + (text.isEmpty() ? "" : "\n\n" + text);
      }
    } else {
      subtitle = descriptionAsSubtitle(meta.description(), text);
    }
    String language = meta.language();
    if (language == null) {
      language = Languages.detect(TextExtractor.withTitle(title, text.isEmpty() ? body.text() : text));
    }
    String published = meta.published();
    String dateSource = meta.dateSource();
    if (published == null) {
      published = Dates.fromText(dateline(root));
      dateSource = published == null ? null : "text";
    }
    List<String> authors = meta.authors();
    if (authors.isEmpty()) {
      authors = Bylines.names(writer.bylines());
    }
    String bio = Article.bioText(blocks);
    return new Article(source, meta.url(), title, subtitle, authors, meta.site(), meta.section(),
        meta.tags(), published, meta.modified(), dateSource, language, blocks, bio, warnings, meta.declaredUrl());
  }

  /**
   * The blocks found inside the article's root, before {@link BlockModel} decides on them: what the
   * model is trained on.
   *
   * @param pageUrl the page's URL if known; may be null
   */
  public List<BlockModel.Candidate> candidates(String html, String pageUrl) {
    return read(html, pageUrl, new ArrayList<>()).candidates();
  }

  /** A page read as far as its candidate blocks. */
  private record Reading(Document doc, MetadataReader.Meta meta, Stats stats, Element root, Element headline,
      String title, BlockWriter writer, List<BlockModel.Candidate> candidates) {}

  private Reading read(String html, String pageUrl, List<String> warnings) {
    html = capTags(RawText.strip(html), warnings);
    Document doc = parse(html, pageUrl == null ? "" : pageUrl, warnings);
    MetadataReader.Meta meta = MetadataReader.read(doc, pageUrl, warnings);
    Element body = doc.body();
    Stats stats = Stats.compute(body, Math.max(256, html.length() / 64));
    Element root = ContentRoot.choose(body, stats, meta.jsonLdBody());
    Element headline = headline(stats.h1s, meta);
    String title = title(meta.title(), headlineText(root, headline, meta), meta.site());
    List<Element> parts = ContentRoot.parts(root, stats);
    BlockWriter writer = new BlockWriter(stats, parts, title);
    List<Element> lead = ContentRoot.betweenHeadlineAndRoot(headline, parts.get(0), stats);
    List<BlockFeatures.Source> leadBlocks = lead.isEmpty() ? List.of()
        : BlockWriter.outside(stats, lead, title, parts).write();
    List<BlockFeatures.Source> sources = new ArrayList<>(leadBlocks);
    sources.addAll(writer.write());
    List<Element> tops = new ArrayList<>(lead); // class words are read from a block's element up to these
    tops.addAll(parts);
    return new Reading(doc, meta, stats, root, headline, title, writer,
        BlockFeatures.of(sources, leadBlocks.size(), stats, tops));
  }

  /** The page cut after {@code maxTags} tags (a {@code <} followed by a letter), with a warning. */
  private String capTags(String html, List<String> warnings) {
    if (html.length() <= 2L * limits.maxTags()) {
      return html; // a tag takes at least two characters
    }
    int tags = 0;
    int n = html.length() - 1;
    for (int i = html.indexOf('<'); i >= 0 && i < n; i = html.indexOf('<', i + 1)) {
      if (Character.isLetter(html.charAt(i + 1)) && ++tags > limits.maxTags()) {
        warnings.add("page has more than " + limits.maxTags() + " tags; cut at character " + i
            + " (raise it with --max-tags)");
        return html.substring(0, i);
      }
    }
    return html;
  }

  /**
   * The page's headline: its first h1 that is not the site's name (a blog's or a publisher's name
   * in the page's masthead, {@link #namesSite}); when every h1 is the site's name, the first h2 that
   * states the page's title (a blog theme's post title: it holds the title, or the title holds it and
   * it is at least half as long); null when there is none.
   *
   * @param h1s the page's h1 elements in document order
   */
  static Element headline(List<Element> h1s, MetadataReader.Meta meta) {
    boolean site = false;
    for (Element h1 : h1s) {
      if (!namesSite(h1.text(), meta.site(), meta.title())) {
        return h1;
      }
      site = true;
    }
    if (site && meta.title() != null && !h1s.isEmpty()) { // a blog's theme: the post's title is an h2
      String title = normalized(meta.title());
      for (Element h2 : h1s.get(0).ownerDocument().select(H2)) {
        String t = normalized(h2.text());
        if (!t.isEmpty() && (title.contains(t) && t.length() * 2 >= title.length() || t.contains(title))) {
          return h2;
        }
      }
    }
    return null;
  }

  /**
   * True when an h1's text is the site's name rather than the article's headline: it is the site's
   * name, a part of it, or the name with a few words more ("BLOG: Site"), and the page's own title is
   * something else. Such an h1 is the masthead's logo; the article's headline is elsewhere.
   */
  static boolean namesSite(String h1, String site, String pageTitle) {
    if (site == null || pageTitle == null) {
      return false;
    }
    String h = normalized(h1);
    String s = normalized(site);
    if (h.isEmpty() || s.isEmpty() || h.equals(normalized(pageTitle))) {
      return false;
    }
    return h.equals(s) || (" " + s + " ").contains(" " + h + " ")
        || h.length() <= 2 * s.length() && (" " + h + " ").contains(" " + s + " ");
  }

  /** The text of the root's first h1 that is not the site's name, else of the page's headline. */
  private static String headlineText(Element root, Element headline, MetadataReader.Meta meta) {
    Element h1 = headline(root.select(H1), meta);
    if (h1 == null) {
      h1 = headline;
    }
    return h1 == null ? null : MetadataReader.clean(h1.text());
  }

  /** The page's headline: the h1 when it agrees with the metadata, else the metadata title without its site suffix. */
  static String title(String metaTitle, String h1, String site) {
    if (h1 != null && !h1.isEmpty() && h1.length() < 300) {
      if (metaTitle == null || normalized(metaTitle).contains(normalized(h1))
          || normalized(h1).contains(normalized(metaTitle))) {
        return h1;
      }
    }
    if (metaTitle == null) {
      return h1;
    }
    String t = metaTitle;
    for (String sep : List.of(" | ", " - ", " – ", " — ", " :: ", " · ", " » ")) {
      int i = t.lastIndexOf(sep);
      if (i > 0) {
        String tail = t.substring(i + sep.length());
        if (site != null && normalized(site).contains(normalized(tail)) || tail.length() < 30 && i > tail.length()) {
          t = t.substring(0, i).strip();
          break;
        }
      }
    }
    return t;
  }

  /** The standfirst: an element marked as one by its class words, or the paragraph right after the h1. */
  private static Element standfirst(Element root, Element h1, Stats stats) {
    for (Element e : stats.leadCandidates) {
      if (insideFurniture(e, stats)) {
        continue;
      }
      int length = e.text().length();
      if (length >= 20 && length <= 600) {
        return e;
      }
    }
    if (h1 != null) {
      Element next = h1.nextElementSibling();
      if (next != null && (next.nameIs("h2") || next.nameIs("p")) && next.text().length() >= 20
          && next.text().length() <= 400 && !root.equals(next.parent())) {
        return next;
      }
    }
    return null;
  }

  /** The page's description, when it is not just the opening of the body. */
  private static String descriptionAsSubtitle(String description, String text) {
    if (description == null || description.length() < 20) {
      return null;
    }
    String start = normalized(text.substring(0, Math.min(text.length(), 800)));
    String d = normalized(description.endsWith("...") || description.endsWith("…")
        ? description.replaceAll("(\\.\\.\\.|…)$", "") : description);
    return !d.isEmpty() && !start.contains(d.substring(0, Math.min(d.length(), 80))) ? description : null;
  }

  private static boolean insideFurniture(Element e, Stats stats) {
    for (Element x = e; x != null; x = x.parent()) {
      if (stats.of(x).furniture || Boilerplate.FURNITURE_TAGS.contains(x.normalName())) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code a} comes before {@code b} in document order and is not inside it. */
  private static boolean precedes(Element a, Element b) {
    java.util.Set<Element> bAndAncestors = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element x = b; x != null; x = x.parent()) {
      bAndAncestors.add(x);
    }
    for (Element x = a; x != null; x = x.parent()) {
      if (x == b) {
        return false; // a is inside b
      }
      for (Element sib = x.nextElementSibling(); sib != null; sib = sib.nextElementSibling()) {
        if (bAndAncestors.contains(sib)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Text that may carry a dateline: the root's first few hundred characters and its siblings before it. */
  private static String dateline(Element root) {
    StringBuilder sb = new StringBuilder();
    Element prev = root.previousElementSibling();
    for (int i = 0; i < 3 && prev != null; i++, prev = prev.previousElementSibling()) {
      sb.append(prev.text(), 0, Math.min(prev.text().length(), 300)).append(' ');
    }
    String t = root.text();
    sb.append(t, 0, Math.min(t.length(), 400));
    return sb.toString();
  }

  /**
   * Lower case, letters and numbers only: every run of other characters is one space, none at the
   * ends. The same as {@code replaceAll("[^\\p{L}\\p{N}]+", " ").strip()}, without a regex.
   */
  static String normalized(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    char[] out = new char[lower.length()]; // never longer: a space stands for at least one character
    int length = 0;
    boolean gap = false;
    for (int i = 0, n = lower.length(); i < n; ) {
      int c = lower.codePointAt(i);
      int width = Character.charCount(c);
      if (c < 0x80 ? c >= 'a' && c <= 'z' || c >= '0' && c <= '9' : letterOrNumber(c)) {
        if (gap && length > 0) {
          out[length++] = ' ';
        }
        gap = false;
        lower.getChars(i, i + width, out, length);
        length += width;
      } else {
        gap = true;
      }
      i += width;
    }
    return new String(out, 0, length);
  }

  /** {@code \p{L}} or {@code \p{N}}. */
  private static boolean letterOrNumber(int c) {
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  /** Per-element text statistics, computed in one pass; lengths count non-whitespace characters. */
  static final class Stats {
    static final class Of {
      int ownText;
      int ownLink;
      int text;
      int link;
      double value;
      /** The sum of the positive chunk values below: prose. */
      double prose;
      int weight;
      boolean furniture;
      boolean owner; // a block element: owns the text directly inside it
      Boilerplate.Verdict verdict = Boilerplate.Verdict.NONE;
    }

    private final Map<Element, Of> map;
    /** Elements whose class words mark a standfirst, after the first h1 (or anywhere when there is none). */
    final List<Element> leadCandidates = new ArrayList<>();
    Element firstH1;
    /** The page's h1 elements in document order, hidden ones left out. */
    final List<Element> h1s = new ArrayList<>();

    private Stats(int expectedElements) {
      map = new IdentityHashMap<>(expectedElements);
    }

    /** False for elements that are never text (scripts, styles, hidden elements): they are not in the statistics. */
    boolean has(Element e) {
      return map.containsKey(e);
    }

    Of of(Element e) {
      Of s = map.get(e);
      return s == null ? new Of() : s;
    }

    static Stats compute(Element body, int expectedElements) {
      Stats stats = new Stats(expectedElements);
      List<Element> beforeH1 = new ArrayList<>();
      NodeTraversor.filter(new NodeFilter() {
        final ArrayList<Of> path = new ArrayList<>(); // the Of of each open element, by depth
        final ArrayList<Of> owners = new ArrayList<>(); // the open block elements
        final Boilerplate.Judge judge = new Boilerplate.Judge();
        int inLink;

        @Override
        public FilterResult head(Node node, int depth) {
          if (node instanceof Element e) {
            if (Boilerplate.DROPPED_TAGS.contains(e.normalName()) || Boilerplate.hidden(e)) {
              return FilterResult.SKIP_ENTIRELY; // never text: left out of the statistics, and so of the article
            }
            Of s = new Of();
            Boilerplate.Verdict v = judge.judge(e);
            s.verdict = v;
            s.weight = v.weight();
            s.furniture = v.furniture() && !e.nameIs("body");
            if (e.nameIs("h1")) {
              stats.h1s.add(e);
              if (stats.firstH1 == null) {
                stats.firstH1 = e;
              }
            }
            if (v.lead() && SUBTITLE_TAGS.contains(e.normalName()) && e.childrenSize() <= 3) {
              (stats.firstH1 == null ? beforeH1 : stats.leadCandidates).add(e);
            }
            stats.map.put(e, s);
            while (path.size() > depth) {
              path.remove(path.size() - 1);
            }
            path.add(s);
            if (Blocks.isBlock(e) || owners.isEmpty()) {
              s.owner = true;
              owners.add(s);
            }
            if (e.nameIs("a")) {
              inLink++;
            }
          } else if (node instanceof TextNode t && !owners.isEmpty()) {
            int n = nonWhitespace(t.getWholeText());
            if (n > 0) {
              Of owner = owners.get(owners.size() - 1);
              owner.ownText += n;
              if (inLink > 0) {
                owner.ownLink += n;
              }
            }
          }
          return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
          if (!(node instanceof Element e)) {
            return FilterResult.CONTINUE;
          }
          Of s = path.get(depth);
          if (s.owner) {
            owners.remove(owners.size() - 1);
          }
          if (e.nameIs("a")) {
            inLink--;
          }
          s.text += s.ownText;
          s.link += s.ownLink;
          double own = chunkValue(e, s.ownText, s.ownLink);
          s.value += own;
          s.prose += Math.max(0, own);
          // class words lie on big containers ("content-with-sidebar"): much prose overrules them
          if (s.furniture && s.prose >= 600 && !Boilerplate.surelyFurniture(e)) {
            s.furniture = false;
          }
          if (s.furniture) {
            s.value = -0.5 * s.text;
          }
          Of p = depth > 0 ? path.get(depth - 1) : null;
          if (p != null) {
            p.text += s.text;
            p.link += s.link;
            p.value += s.value;
            p.prose += s.furniture ? 0 : s.prose;
          }
          return FilterResult.CONTINUE;
        }
      }, body);
      if (stats.firstH1 == null) {
        stats.leadCandidates.addAll(0, beforeH1);
      }
      return stats;
    }

    /** The value of an element's own text: long prose counts for, link lists and fragments against. */
    private static double chunkValue(Element e, int len, int links) {
      if (len == 0) {
        return 0;
      }
      double density = (double) links / len;
      if (density > 0.5) {
        // a long paragraph full of links is still prose; a list of links is not
        return e.nameIs("p") && len >= 100 ? len - links : -len;
      }
      if (len >= 60) {
        return len - links;
      }
      if (e.nameIs("td") || e.nameIs("th")) {
        return 0.5 * (len - links); // a data table's cells are short and are content
      }
      if (e.nameIs("h2") || e.nameIs("h3") || e.nameIs("h4") || e.nameIs("li")) {
        return 0;
      }
      return -0.5 * len;
    }

    static int nonWhitespace(String s) {
      int n = 0;
      for (int i = 0, len = s.length(); i < len; i++) {
        char c = s.charAt(i);
        if (c > ' ' && c != '\u00a0' && !Whitespace.is(c)) {
          n++;
        }
      }
      return n;
    }
  }
}
