package org.lente.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the structure of a plain-text article: paragraphs are separated by blank lines (by line
 * breaks in a text that has no blank line at all); the first
 * short line is the headline; a name-only (or "By …") paragraph near the top is the byline; a
 * repeat of the headline is dropped; short unpunctuated lines between paragraphs are subheadings;
 * unpunctuated paragraphs of a few lines and paragraphs of double-spaced sentences are photo captions; what
 * follows a closing repeat of the byline, or a closing paragraph that starts with the author's name,
 * is the author's bio.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextExtractor {

  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\u00a0]*\\n\\s*");
  private static final Pattern BYLINE_PREFIX = Pattern.compile(
      "(?i)^(by|di|da|a cura di|von|par|por|written by|testo di)\\s+\\S.*");
  private static final Pattern TERMINAL = Pattern.compile("[.!?:;…\"”»’'\\)\\]]$");
  private static final Pattern DOUBLE_SPACED_SENTENCES = Pattern.compile("[.!?]  +\\p{Lu}");
  private static final Pattern CREDIT = Pattern.compile(
      "(?i)(^(foto|photo|credit|credits|image|immagine)\\s*[:(]|\\((ap|afp|reuters|ansa|getty images|epa)[^)]*\\)$|"
          + "(getty images|ap photo|reuters|ansa|lapresse|epa)\\s*$|©)");
  private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([-*•·–]|\\d{1,2}[.)])\\s+\\S.*");

  /** Extracts the article in {@code text}, which is already decoded. */
  public Article extract(String source, String text, String url, List<String> warnings) {
    List<String> paragraphs = new ArrayList<>();
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
    // blank as oneLine sees it: String.isBlank keeps a paragraph of U+00A0, which oneLine empties
    for (String p : PARAGRAPH_BREAK.split(normalized)) {
      if (!oneLine(p).isEmpty()) {
        paragraphs.add(p.strip());
      }
    }
    if (paragraphs.size() == 1 && normalized.indexOf('\n') >= 0) {
      // no blank lines at all: one paragraph per line, the layout of many text dumps
      paragraphs.clear();
      for (String line : normalized.split("\n")) {
        if (!oneLine(line).isEmpty()) {
          paragraphs.add(line.strip());
        }
      }
    }
    String title = null;
    String published = null;
    List<String> bylines = new ArrayList<>();
    int i = 0;
    if (!paragraphs.isEmpty() && isHeadline(paragraphs.get(0))) {
      title = oneLine(paragraphs.get(0));
      i = 1;
    }
    // the head of the article: byline, date, a repeated headline, in any order
    for (int seen = 0; i < paragraphs.size() && seen < 4; seen++) {
      String p = oneLine(paragraphs.get(i));
      if (title != null && HtmlExtractor.normalized(p).equals(HtmlExtractor.normalized(title))) {
        i++;
      } else if (isByline(p)) {
        bylines.add(p);
        i++;
      } else if (p.length() < 60 && Dates.fromText(p) != null && published == null) {
        published = Dates.fromText(p);
        i++;
      } else {
        break;
      }
    }
    List<String> authors = Bylines.names(bylines);
    List<String> body = paragraphs.subList(i, paragraphs.size());
    int bioStart = bioStart(body, authors);
    List<Block> blocks = new ArrayList<>();
    for (int k = 0; k < body.size(); k++) {
      String p = body.get(k);
      if (k >= bioStart) {
        if (!(k == bioStart && isAuthorLine(p, authors))) {
          blocks.add(new Block(Block.Type.BIO, oneLine(p)));
        }
        continue;
      }
      blocks.add(classify(body, k));
    }
    String bio = Article.bioText(blocks);
    String bodyText = Article.bodyText(blocks);
    if (bodyText.isEmpty()) {
      warnings.add("no article text found");
    }
    return new Article(source, url, title, null, authors, null, null, List.of(), published, null,
        published == null ? null : "text", Languages.detect(withTitle(title, bodyText.isEmpty() ? text : bodyText)), blocks,
        bio, warnings);
  }

  /** The text whose language is identified: the headline counts, which matters when the body is one sentence. */
  static String withTitle(String title, String text) {
    return title == null || text.startsWith(title) ? text : title + "\n\n" + text;
  }

  private static Block classify(List<String> body, int k) {
    String raw = body.get(k);
    if (isList(raw)) {
      StringBuilder sb = new StringBuilder();
      for (String line : raw.split("\n")) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(line.strip().replaceFirst("^([-*•·–]|\\d{1,2}[.)])\\s+", ""));
      }
      return new Block(Block.Type.LIST, sb.toString());
    }
    String p = oneLine(raw);
    if (isCaption(raw, p)) {
      return new Block(Block.Type.CAPTION, p);
    }
    boolean between = k > 0 && k + 1 < body.size();
    if (between && isHeading(p) && !isHeading(oneLine(body.get(k + 1)))) {
      return new Block(Block.Type.HEADING, p);
    }
    if (p.length() > 1 && p.charAt(0) == '>') {
      return new Block(Block.Type.QUOTE, p.substring(1).strip());
    }
    return new Block(Block.Type.PARAGRAPH, p);
  }

  /** Where the closing bio starts in the body, or {@code body.size()} when there is none. */
  private static int bioStart(List<String> body, List<String> authors) {
    if (authors.isEmpty() || body.size() < 2) {
      return body.size();
    }
    // a repeat of the byline near the end, followed by text about the author
    for (int k = Math.max(1, body.size() - 4); k < body.size() - 1; k++) {
      if (isAuthorLine(body.get(k), authors) && mentionsAuthor(body.get(k + 1), authors)) {
        return k;
      }
    }
    String last = oneLine(body.get(body.size() - 1));
    for (String a : authors) {
      if (last.startsWith(a + ",") || last.startsWith(a + " è ") || last.startsWith(a + " is ")
          || last.startsWith(a + " (")) {
        return body.size() - 1;
      }
    }
    return body.size();
  }

  private static boolean isAuthorLine(String p, List<String> authors) {
    List<String> names = Bylines.names(oneLine(p));
    return !names.isEmpty() && authors.containsAll(names);
  }

  private static boolean mentionsAuthor(String p, List<String> authors) {
    String head = p.substring(0, Math.min(p.length(), 120));
    for (String a : authors) {
      if (head.contains(a) || head.contains(a.split(" ")[0])) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHeadline(String p) {
    return !p.contains("\n") && p.length() <= 250 && !p.endsWith(".");
  }

  private static boolean isByline(String p) {
    if (p.length() > 120) {
      return false;
    }
    if (BYLINE_PREFIX.matcher(p).matches()) {
      return !Bylines.names(p).isEmpty();
    }
    String[] words = p.split("\\s+");
    return words.length >= 2 && words.length <= 4 && Bylines.looksLikeName(p);
  }

  /** A subheading: one short line, no closing punctuation, capitalised. */
  private static boolean isHeading(String p) {
    if (p.length() > 90 || p.length() < 3) {
      return false;
    }
    int words = p.split("\\s+").length;
    return words <= 12 && !TERMINAL.matcher(p).find() && Character.isUpperCase(p.codePointAt(0));
  }

  /** A photo caption: double-spaced sentences, a photo credit, or long text with no closing punctuation. */
  private static boolean isCaption(String raw, String p) {
    if (DOUBLE_SPACED_SENTENCES.matcher(raw).results().count() >= 2) {
      return true;
    }
    if (p.length() < 300 && CREDIT.matcher(p).find()) {
      return true;
    }
    int words = p.split("\\s+").length;
    return words > 12 && p.length() < 400 && !TERMINAL.matcher(p).find();
  }

  private static boolean isList(String raw) {
    String[] lines = raw.split("\n");
    if (lines.length < 2) {
      return false;
    }
    for (String l : lines) {
      if (!LIST_ITEM.matcher(l).matches()) {
        return false;
      }
    }
    return true;
  }

  /** A paragraph's lines joined with spaces, whitespace collapsed. */
  private static String oneLine(String p) {
    return p.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
  }
}
