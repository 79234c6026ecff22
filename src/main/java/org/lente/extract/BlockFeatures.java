package org.lente.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The features of {@link BlockModel#FEATURES} for the blocks an article's root was written out as.
 * Every feature is general: lengths, punctuation, links and class words of the element a block came
 * from, its kind, its place among the blocks, its neighbours' lengths and the depth of its container
 * against the article's; none names a site, page or phrase. Values are scaled to about [0, 1].
 */
final class BlockFeatures {

  /** A block and the element it was written from. */
  record Source(Block block, Element element) {}

  /** Blocks shorter than this with no closing punctuation are fragments: labels, teasers, buttons. */
  static final int SHORT = 80;
  private static final Set<Character> SENTENCE_END = Set.of('.', '!', '?', '"', '”', '»', '’', ')', ':', '…');

  private BlockFeatures() {}

  /**
   * The candidates, in order: the {@link #judged} blocks with their features, the others (captions,
   * bios, preformatted text) without.
   *
   * @param before how many of the sources, at their start, come from between the headline and the
   *     root ({@link ContentRoot#betweenHeadlineAndRoot}) rather than from the root
   * @param parts the article's root and the siblings that continue it: class words are read from a
   *     block's element up to these
   */
  static List<BlockModel.Candidate> of(List<Source> sources, int before, HtmlExtractor.Stats stats,
      List<Element> parts) {
    List<Integer> body = new ArrayList<>();
    long totalChars = 0;
    for (int i = 0; i < sources.size(); i++) {
      if (judged(sources.get(i))) {
        body.add(i);
        totalChars += sources.get(i).block().text().length();
      }
    }
    int[] depths = new int[body.size()]; // each body block's container's depth, found once
    Map<Integer, Long> byDepth = new HashMap<>(); // the body's characters at each depth of container
    for (int k = 0; k < body.size(); k++) {
      Source s = sources.get(body.get(k));
      depths[k] = depth(container(s.element(), stats, parts));
      byDepth.merge(depths[k], (long) s.block().text().length(), Long::sum);
    }
    double[][] features = new double[sources.size()][];
    for (int k = 0; k < body.size(); k++) {
      Source s = sources.get(body.get(k));
      String prev = k > 0 ? sources.get(body.get(k - 1)).block().text() : "";
      String next = k + 1 < body.size() ? sources.get(body.get(k + 1)).block().text() : "";
      double position = body.size() > 1 ? (double) k / (body.size() - 1) : 0;
      features[body.get(k)] = features(s, stats, parts, position, k == body.size() - 1 && body.size() > 1,
          (double) s.block().text().length() / Math.max(1, totalChars), prev, next, body.get(k) < before,
          (double) byDepth.get(depths[k]) / Math.max(1, totalChars));
    }
    List<BlockModel.Candidate> out = new ArrayList<>(sources.size());
    for (int i = 0; i < sources.size(); i++) {
      out.add(new BlockModel.Candidate(sources.get(i).block(), features[i]));
    }
    return out;
  }

  private static double[] features(Source s, HtmlExtractor.Stats stats, List<Element> parts, double position,
      boolean last, double share, String prev, String next, boolean beforeRoot, double depthShare) {
    String text = s.block().text();
    Block.Type type = s.block().type();
    int words = 0;
    int capitalised = 0;
    int punctuation = 0;
    int digits = 0;
    int letters = 0;
    boolean inWord = false;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      boolean wordChar = Character.isLetterOrDigit(c);
      if (wordChar && !inWord) {
        words++;
        if (Character.isUpperCase(c)) {
          capitalised++;
        }
      }
      inWord = wordChar;
      if (Character.isDigit(c)) {
        digits++;
      } else if (Character.isLetter(c)) {
        letters++;
      } else if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?') {
        punctuation++;
      }
    }
    boolean ends = endsSentence(text);
    HtmlExtractor.Stats.Of of = stats.of(s.element());
    double linkShare = of.text > 0 ? Math.min(1, (double) of.link / of.text) : 0;
    int lines = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      lines++;
    }
    return new double[] {
      1,
      Math.log1p(text.length()) / 8,
      ends ? 1 : 0,
      Math.min(1, (double) punctuation / Math.max(1, words)),
      linkShare,
      classWeight(s.element(), stats, parts),
      type == Block.Type.HEADING ? 1 : 0,
      type == Block.Type.LIST ? 1 : 0,
      type == Block.Type.QUOTE ? 1 : 0,
      position,
      last ? 1 : 0,
      share,
      (Math.log1p(prev.length()) + Math.log1p(next.length())) / 16,
      (double) capitalised / Math.max(1, words),
      (double) digits / Math.max(1, digits + letters),
      Math.log(lines) / 4,
      s.element() != null && s.element().nameIs("p") ? 1 : 0,
      text.length() < SHORT && !ends ? 1 : 0,
      beforeRoot ? 1 : 0,
      depthShare,
    };
  }

  /**
   * True for the blocks the model decides on: body blocks, except preformatted text (code, verse,
   * tables drawn in characters), which is written by hand and never generated page furniture.
   */
  static boolean judged(Source s) {
    return s.block().type().countsAsBody() && (s.element() == null || !s.element().nameIs("pre"));
  }

  /** Tags whose element is one block inside a container: a paragraph, a heading, a list, a quote. */
  private static final Set<String> CONTAINED = Set.of(
      "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "li", "blockquote", "pre", "table", "figure", "figcaption");

  /**
   * The element that holds a block among its siblings: the parent of a paragraph, heading, list or
   * quote, the element itself when the block is text written directly inside it (a div of text). A
   * wrapper around nothing else with text (an embedded post's box) stands for what it wraps: the
   * container is looked for from the outermost such wrapper, never above one of {@code parts} (the
   * root, its continuing siblings, the elements before it). Null for a block without an element.
   */
  static Element container(Element e, HtmlExtractor.Stats stats, List<Element> parts) {
    if (e == null) {
      return null;
    }
    boolean contained = CONTAINED.contains(e.normalName());
    Element x = e;
    while (x.parent() != null && !parts.contains(x) && aloneWithText(x, stats)) {
      x = x.parent();
    }
    return contained && x.parent() != null && !parts.contains(x) ? x.parent() : x;
  }

  /**
   * True when none of the element's siblings holds text. Walks the siblings from the first and stops
   * at the first other one with text, so a container of many paragraphs costs a step or two.
   */
  private static boolean aloneWithText(Element e, HtmlExtractor.Stats stats) {
    for (Element sib = e.parent().firstElementChild(); sib != null; sib = sib.nextElementSibling()) {
      if (sib != e && stats.of(sib).text > 0) {
        return false;
      }
    }
    return true;
  }

  /** The number of the element's ancestors; -1 for none. */
  static int depth(Element e) {
    int d = -1;
    for (Element x = e; x != null; x = x.parent()) {
      d++;
    }
    return d;
  }

  /** True when the text's last character closes a sentence (a closing quote or bracket counts). */
  static boolean endsSentence(String text) {
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end > 0 && SENTENCE_END.contains(text.charAt(end - 1));
  }

  /**
   * The class-word weights ({@link Boilerplate.Verdict#weight}) of the block's element and its
   * containers up to the article's root, summed and scaled into [-1, 1].
   */
  private static double classWeight(Element e, HtmlExtractor.Stats stats, List<Element> parts) {
    int sum = 0;
    for (Element x = e; x != null && !parts.contains(x); x = x.parent()) {
      sum += stats.of(x).weight;
    }
    return Math.max(-6, Math.min(6, sum)) / 6.0;
  }
}
