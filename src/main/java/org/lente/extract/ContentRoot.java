package org.lente.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** Chooses the element that holds the article. */
final class ContentRoot {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private ContentRoot() {}

  /**
   * The article's root: the element matching the JSON-LD article body best when there is one and
   * the match is good, else the highest-valued element.
   */
  static Element choose(Element body, HtmlExtractor.Stats stats, String jsonLdBody) {
    Element scored = highestValued(body, stats);
    if (jsonLdBody == null || jsonLdBody.length() < 300) {
      return scored;
    }
    Element hinted = bestMatch(body, jsonLdBody, stats);
    if (hinted == null || hinted == scored) {
      return scored;
    }
    // A JSON-LD body is often only the article's opening: trust it over the scores only when the
    // element it points to is not a small part of the scored root.
    boolean inside = hinted.parents().contains(scored);
    if (inside && stats.of(hinted).text * 10 < stats.of(scored).text * 7) {
      return scored;
    }
    return hinted;
  }

  /** The element with the strongest article class words (entry-content, post, article), or body. */
  private static Element marked(Element body, HtmlExtractor.Stats stats) {
    Element best = body;
    int bestWeight = 1;
    for (Element e : body.getAllElements()) {
      HtmlExtractor.Stats.Of s = stats.of(e);
      int weight = s.weight + (e.nameIs("article") || e.nameIs("main") ? 2 : 0);
      if (!s.furniture && s.text > 0 && Blocks.isBlock(e) && weight > bestWeight) {
        best = e;
        bestWeight = weight;
      }
    }
    return best;
  }

  /**
   * The root and those of its siblings that read like more of the article (substantial prose with
   * few links), in document order: articles split over several containers come out whole.
   */
  static List<Element> parts(Element root, HtmlExtractor.Stats stats) {
    Element parent = root.parent();
    if (parent == null || root.nameIs("body")) {
      return List.of(root);
    }
    double rootValue = Math.max(0, stats.of(root).value);
    List<Element> out = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == root) {
        out.add(sibling);
        continue;
      }
      HtmlExtractor.Stats.Of s = stats.of(sibling);
      if (s.furniture || Boilerplate.FURNITURE_TAGS.contains(sibling.normalName()) || s.text == 0) {
        continue;
      }
      boolean substantial = s.value >= Math.max(60, 0.2 * rootValue) && s.link * 3 < s.text;
      boolean paragraph = sibling.nameIs("p") && s.text >= 80 && s.link * 4 < s.text;
      if (substantial || paragraph) {
        out.add(sibling);
      }
    }
    return out;
  }

  /**
   * The elements that lie between the page's headline and the article's root in document order
   * (maximal subtrees, in document order), leaving out furniture and elements without text: where a
   * standfirst, a fact box or an ingredient list sits when the root is only the article's main text.
   * Empty when there is no headline or it does not come before the root.
   */
  static List<Element> betweenHeadlineAndRoot(Element headline, Element root, HtmlExtractor.Stats stats) {
    if (headline == null || root.nameIs("body")) {
      return List.of();
    }
    List<Element> rootChain = new ArrayList<>(); // root and its ancestors, the root first
    for (Element x = root; x != null; x = x.parent()) {
      rootChain.add(x);
    }
    Element branch = headline; // climbs to the child of the common ancestor on the headline's side
    List<Element> out = new ArrayList<>();
    while (branch.parent() != null && !rootChain.contains(branch.parent())) {
      for (Element sib = branch.nextElementSibling(); sib != null; sib = sib.nextElementSibling()) {
        out.add(sib);
      }
      branch = branch.parent();
    }
    int level = branch.parent() == null ? -1 : rootChain.indexOf(branch.parent());
    if (level <= 0 || rootChain.contains(branch)) {
      return List.of(); // the headline is inside the root, or the root inside the headline
    }
    Element rootBranch = rootChain.get(level - 1);
    if (branch.elementSiblingIndex() > rootBranch.elementSiblingIndex()) {
      return List.of(); // the headline comes after the root
    }
    for (Element sib = branch.nextElementSibling(); sib != rootBranch; sib = sib.nextElementSibling()) {
      out.add(sib);
    }
    for (int i = level - 1; i > 0; i--) { // down the root's side: what precedes each link of the chain
      Element below = rootChain.get(i - 1);
      for (Element sib = rootChain.get(i).firstElementChild(); sib != below; sib = sib.nextElementSibling()) {
        out.add(sib);
      }
    }
    out.removeIf(e -> {
      HtmlExtractor.Stats.Of s = stats.of(e);
      return !stats.has(e) || s.furniture || Boilerplate.FURNITURE_TAGS.contains(e.normalName()) || s.text == 0;
    });
    return out;
  }

  /** The highest-valued block element, never one inside furniture (a comment thread's longest comment). */
  private static Element highestValued(Element body, HtmlExtractor.Stats stats) {
    Element[] best = {body};
    double[] bestScore = {Double.NEGATIVE_INFINITY};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element e)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        HtmlExtractor.Stats.Of s = stats.of(e);
        if (s.furniture) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (Blocks.isBlock(e) && !Blocks.isHeading(e)) {
          double factor = 1 + 0.08 * Math.max(-3, Math.min(3, s.weight));
          if (e.nameIs("article")) {
            factor += 0.1;
          }
          if (Attrs.get(e, "itemprop").equalsIgnoreCase("articleBody")) {
            factor += 0.25;
          }
          double score = s.value * factor;
          if (score > bestScore[0]) {
            bestScore[0] = score;
            best[0] = e;
          }
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        return FilterResult.CONTINUE;
      }
    }, body);
    // nothing worth its name: a short post, valued below zero for its short paragraphs; take the
    // element the markup calls the article, else the whole page rather than a fragment
    return bestScore[0] > 0 ? best[0] : marked(body, stats);
  }

  /**
   * The element whose words best cover the given article body (F1 over word counts), when that F1
   * is at least 0.7; else null. One pass over the tree.
   */
  private static Element bestMatch(Element body, String articleBody, HtmlExtractor.Stats stats) {
    Map<String, Integer> wanted = new HashMap<>();
    int wantedTotal = 0;
    Matcher m = WORD.matcher(articleBody);
    while (m.find()) {
      wanted.merge(m.group().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
      wantedTotal++;
    }
    if (wantedTotal < 50) {
      return null;
    }
    Map<Element, int[]> counts = new IdentityHashMap<>(); // {words, matched}
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Element e && !stats.has(e)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (node instanceof TextNode t && t.parent() instanceof Element p) {
          Matcher w = WORD.matcher(t.getWholeText());
          int words = 0;
          int matched = 0;
          while (w.find()) {
            words++;
            if (wanted.containsKey(w.group().toLowerCase(java.util.Locale.ROOT))) {
              matched++;
            }
          }
          int[] c = counts.computeIfAbsent(p, k -> new int[2]);
          c[0] += words;
          c[1] += matched;
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e && e.parent() != null) {
          int[] c = counts.get(e);
          if (c != null) {
            int[] p = counts.computeIfAbsent(e.parent(), k -> new int[2]);
            p[0] += c[0];
            p[1] += c[1];
          }
        }
        return FilterResult.CONTINUE;
      }
    }, body);
    Element best = null;
    double bestF1 = 0.7;
    for (Map.Entry<Element, int[]> e : counts.entrySet()) {
      int words = e.getValue()[0];
      int matched = e.getValue()[1];
      if (words == 0 || matched == 0) {
        continue;
      }
      double precision = (double) matched / words;
      double recall = Math.min(1.0, (double) matched / wantedTotal);
      double f1 = 2 * precision * recall / (precision + recall);
      if (f1 > bestF1 || f1 == bestF1 && best != null && e.getKey().parents().contains(best)) {
        bestF1 = f1;
        best = e.getKey();
      }
    }
    return best;
  }
}
