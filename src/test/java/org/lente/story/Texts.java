package org.lente.story;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;
import org.lente.nlp.Sentences;
import org.lente.nlp.Token;
import org.lente.nlp.Tokenizer;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.QuoteFinder;
import org.lente.nlp.time.Lang;

/** Analyses built from short texts written for the tests, with their entities named by hand (no models). */
public final class Texts {

  private Texts() {
  }

  /**
   * An analysis of {@code body} in {@code language}; each {@code names} entry is "text=canonical/TYPE" and
   * every occurrence of text becomes an entity (none for a language without entities, as Lente does).
   */
  public static Analysis analysis(String source, String site, String language, String published, String title, String body,
      String... names) {
    Article article = new Article(source, "https://" + source, title, null, List.of(), site, null, List.of(), published,
        null, null, language, List.of(new Block(Block.Type.PARAGRAPH, body)), null, List.of());
    String text = article.text();
    Lang lang = "en".equals(language) ? Lang.EN : Lang.IT;
    List<Token> tokens = Tokenizer.tokenize(text, lang);
    List<Sentence> sentences = Sentences.split(text, tokens);
    List<Entity> entities = new ArrayList<>();
    for (String n : names) {
      String[] p = n.split("[=/]");
      Matcher m = Pattern.compile(Pattern.quote(p[0])).matcher(text);
      while (m.find()) {
        entities.add(new Entity(p[0], Entity.Type.valueOf(p[2]), m.start(), m.end(), p[1], null));
      }
    }
    entities.sort(java.util.Comparator.comparingInt(Entity::start));
    boolean analysed = "it".equals(language) || "en".equals(language);
    return new Analysis(article, analysed ? language : null, null, sentences, entities,
        new QuoteFinder().find(text, tokens, sentences, entities), List.of(), List.of());
  }
}
