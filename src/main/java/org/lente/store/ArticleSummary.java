package org.lente.store;

import java.util.List;
import org.lente.extract.Article;
import org.lente.extract.Block;

/**
 * An article as a listing shows it.
 *
 * @param title nullable, like {@code url}, {@code published} (ISO-8601 as the page gives it),
 *     {@code language} and {@code source}
 * @param snippet {@link #snippet(Article)} of the article, made when it was stored
 */
public record ArticleSummary(long id, String title, String url, String published, String language, SourceRef source,
    List<AuthorRef> authors, String snippet) {

  /** The longest snippet, in characters. */
  public static final int SNIPPET_CHARS = 300;

  public ArticleSummary {
    if (id <= 0) {
      throw new IllegalArgumentException("bad article id: " + id);
    }
    authors = List.copyOf(authors);
    if (snippet != null && snippet.length() > SNIPPET_CHARS) {
      throw new IllegalArgumentException("snippet longer than " + SNIPPET_CHARS + ": " + snippet.length());
    }
  }

  /** Runs of whitespace: compiled once, not at each article as {@code String.replaceAll} compiles it. */
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  /** Among how many of the first blocks a snippet looks for a paragraph. */
  static final int SNIPPET_BLOCKS = 3;

  /**
   * What a listing shows of {@code article} under its title: the subtitle (standfirst), else the first
   * paragraph among the first {@value #SNIPPET_BLOCKS} blocks, else the first block; whitespace
   * collapsed, cut at a word with "…" to at most {@link #SNIPPET_CHARS} characters; null when the
   * article has none of these.
   */
  public static String snippet(Article article) {
    String text = article.subtitle();
    if (text == null || text.isBlank()) {
      List<Block> first = article.blocks().subList(0, Math.min(SNIPPET_BLOCKS, article.blocks().size()));
      text = first.stream().filter(b -> b.type() == Block.Type.PARAGRAPH).map(Block::text).findFirst()
          .orElse(first.isEmpty() ? null : first.get(0).text());
    }
    if (text == null || text.isBlank()) {
      return null;
    }
    text = collapsed(text, SNIPPET_CHARS + 1);
    if (text.length() <= SNIPPET_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf(' ', SNIPPET_CHARS - 1);
    if (cut < SNIPPET_CHARS / 2) {
      cut = Character.isHighSurrogate(text.charAt(SNIPPET_CHARS - 2)) ? SNIPPET_CHARS - 2 : SNIPPET_CHARS - 1;
    }
    return text.substring(0, cut).stripTrailing() + "…";
  }

  /**
   * {@code text} with its whitespace runs collapsed to one space and stripped, or the first {@code enough} characters of
   * that at least (a snippet reads no further): those of its first {@code 4 * enough} characters collapsed, when they
   * give as many. The collapse of a text's start is the start of the text's collapse, stripped as well but at its end:
   * a one-paragraph article of thousands of characters is not collapsed whole for its first 300.
   */
  static String collapsed(String text, int enough) {
    if (text.length() > 4 * enough) {
      String head = SPACES.matcher(text.substring(0, 4 * enough)).replaceAll(" ").strip();
      if (head.length() >= enough) {
        return head;
      }
    }
    return SPACES.matcher(text).replaceAll(" ").strip();
  }
}
