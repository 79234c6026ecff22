package org.lente.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.lente.nlp.time.Lang;
import org.lente.nlp.time.TimeTagger;
import org.lente.nlp.time.Timex;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Time expressions in news: MEANTIME's English Wikinews articles (NewsReader CAT XML), each tagged
 * with its creation time as the anchor. MEANTIME annotates only each article's title and first
 * sentences, so only the sentences up to the last one holding an annotation are tagged; each
 * article is read once, from {@code intra-doc_annotation}. A gold TIMEX3 is found when a tagged expression overlaps
 * its tokens; it is right when the value is also equal. Precision counts the tagger's expressions,
 * recall the gold ones (TempEval-3's relaxed-span value F1).
 */
public final class MeantimeTimexEval {

  /** Counts over all documents; the failures are {@code doc: text expected got} lines. */
  public record Result(int documents, int gold, int found, int matched, int rightValue, List<String> failures) {
    public Result {
      failures = List.copyOf(failures);
    }

    public double precision() {
      return found == 0 ? 0 : (double) rightValue / found;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) rightValue / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Tokens written against the word before them when the text is rebuilt. */
  private static final java.util.Set<String> NO_SPACE_BEFORE = java.util.Set.of(
      ",", ".", ";", ":", "!", "?", ")", "'s", "%", "n't", "'", "\"");

  private final TimeTagger tagger;

  public MeantimeTimexEval(TimeTagger tagger) {
    this.tagger = tagger;
  }

  /** Scores every {@code .xml} document below {@code dir}/intra-doc_annotation. */
  public Result run(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir.resolve("intra-doc_annotation"))) {
      files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    DocumentBuilder xml = secureBuilder();
    int gold = 0;
    int found = 0;
    int matched = 0;
    int right = 0;
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      Document doc;
      try {
        doc = xml.parse(file.toFile());
      } catch (SAXException e) {
        throw new IOException("unreadable MEANTIME file " + file + ": " + e.getMessage(), e);
      }
      // the text: tokens joined by spaces, a line break between sentences; offsets by token id
      StringBuilder text = new StringBuilder();
      Map<String, int[]> spans = new HashMap<>();
      NodeList tokens = doc.getElementsByTagName("token");
      int lastAnnotated = lastAnnotatedSentence(doc, tokens);
      String sentence = null;
      for (int i = 0; i < tokens.getLength(); i++) {
        Element t = (Element) tokens.item(i);
        if (Integer.parseInt(t.getAttribute("sentence")) > lastAnnotated) {
          break;
        }
        String word = t.getTextContent();
        if (sentence != null && !sentence.equals(t.getAttribute("sentence"))) {
          text.append('\n');
        } else if (text.length() > 0 && !NO_SPACE_BEFORE.contains(word) && !endsWithOpening(text)) {
          text.append(' ');
        }
        sentence = t.getAttribute("sentence");
        int start = text.length();
        text.append(word);
        spans.put(t.getAttribute("t_id"), new int[] {start, text.length()});
      }
      LocalDate anchor = null;
      List<int[]> goldSpans = new ArrayList<>();
      List<String> goldValues = new ArrayList<>();
      NodeList timexes = doc.getElementsByTagName("TIMEX3");
      for (int i = 0; i < timexes.getLength(); i++) {
        Element x = (Element) timexes.item(i);
        if (x.getAttribute("functionInDocument").equals("CREATION_TIME") && x.getAttribute("value").length() >= 10) {
          anchor = LocalDate.parse(x.getAttribute("value").substring(0, 10));
        }
        NodeList anchors = x.getElementsByTagName("token_anchor");
        if (anchors.getLength() == 0) {
          continue;
        }
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (int k = 0; k < anchors.getLength(); k++) {
          int[] span = spans.get(((Element) anchors.item(k)).getAttribute("t_id"));
          if (span != null) {
            start = Math.min(start, span[0]);
            end = Math.max(end, span[1]);
          }
        }
        if (end > start) {
          goldSpans.add(new int[] {start, end});
          goldValues.add(x.getAttribute("value"));
        }
      }
      if (anchor == null) {
        for (int i = 0; i < timexes.getLength() && anchor == null; i++) {
          String v = ((Element) timexes.item(i)).getAttribute("value");
          if (v.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            anchor = LocalDate.parse(v.substring(0, 10));
          }
        }
      }
      List<Timex> system = tagger.find(text.toString(), Lang.EN, anchor);
      gold += goldSpans.size();
      found += system.size();
      String name = file.getFileName().toString();
      for (Timex t : system) {
        if (goldSpans.stream().noneMatch(span -> t.start() < span[1] && span[0] < t.end())) {
          failures.add(name + ": [" + t.text().replace('\n', ' ') + "] " + t.value() + " spurious");
        }
      }
      for (int g = 0; g < goldSpans.size(); g++) {
        int[] span = goldSpans.get(g);
        Timex hit = system.stream().filter(t -> t.start() < span[1] && span[0] < t.end()).findFirst().orElse(null);
        String goldText = text.substring(span[0], span[1]).replace('\n', ' ');
        if (hit == null) {
          failures.add(name + ": [" + goldText + "] " + goldValues.get(g) + " missed");
          continue;
        }
        matched++;
        if (hit.value().equals(goldValues.get(g))) {
          right++;
        } else {
          failures.add(name + ": [" + goldText + "] " + goldValues.get(g) + " got " + hit.value());
        }
      }
    }
    return new Result(files.size(), gold, found, matched, right, failures);
  }

  /** The number of the last sentence with a token that any annotation points at. */
  private static int lastAnnotatedSentence(Document doc, NodeList tokens) {
    Map<String, Integer> sentenceOf = new HashMap<>();
    for (int i = 0; i < tokens.getLength(); i++) {
      Element t = (Element) tokens.item(i);
      sentenceOf.put(t.getAttribute("t_id"), Integer.parseInt(t.getAttribute("sentence")));
    }
    int last = 0;
    NodeList anchors = doc.getElementsByTagName("token_anchor");
    for (int i = 0; i < anchors.getLength(); i++) {
      last = Math.max(last, sentenceOf.getOrDefault(((Element) anchors.item(i)).getAttribute("t_id"), 0));
    }
    return last;
  }

  private static boolean endsWithOpening(StringBuilder text) {
    char c = text.charAt(text.length() - 1);
    return c == '(' || c == '$';
  }

  /** An XML parser that reads no DTD and no external entity. */
  static DocumentBuilder secureBuilder() throws IOException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IOException("no secure XML parser: " + e.getMessage(), e);
    }
  }
}
