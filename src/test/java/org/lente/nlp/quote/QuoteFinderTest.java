package org.lente.nlp.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lente.nlp.Sentences;
import org.lente.nlp.Token;
import org.lente.nlp.Tokenizer;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.time.Lang;

class QuoteFinderTest {

  /** Quotes of {@code text}, with every occurrence of each {@code TYPE:Name} as an entity. */
  private static List<Quote> quotes(String text, Lang lang, String... names) {
    List<Entity> entities = new ArrayList<>();
    for (String n : names) {
      Entity.Type type = Entity.Type.valueOf(n.substring(0, 3));
      String name = n.substring(4);
      for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
        entities.add(new Entity(name, type, i, i + name.length(), name, null));
      }
    }
    entities.sort(Comparator.comparingInt(Entity::start));
    List<Entity> linked = entities;
    List<Token> tokens = Tokenizer.tokenize(text, lang);
    return new QuoteFinder().find(text, tokens, Sentences.split(text, tokens), linked);
  }

  private static Quote only(List<Quote> quotes, Quote.Kind kind) {
    List<Quote> of = quotes.stream().filter(q -> q.kind() == kind).toList();
    assertEquals(1, of.size(), () -> "quotes: " + quotes);
    return of.get(0);
  }

  @Test
  void everyQuotationMarkStyle() {
    for (String[] marks : new String[][] {{"“", "”"}, {"«", "»"}, {"\"", "\""}, {"„", "“"}, {"‘", "’"}}) {
      String text = "Il sindaco Paolo Verdi ha detto: " + marks[0] + "Il ponte riapre domani" + marks[1] + ".";
      Quote q = only(quotes(text, Lang.IT, "PER:Paolo Verdi"), Quote.Kind.DIRECT);
      assertEquals("Il ponte riapre domani", q.text(), marks[0]);
      assertEquals("Paolo Verdi", q.speaker(), marks[0]);
      assertEquals("dire", q.cue());
    }
  }

  @Test
  void anApostropheInsideSingleQuotesDoesNotCloseThem() {
    Quote q = only(quotes("Lo chiamano ‘l’uomo dell’anno’ in paese.", Lang.IT), Quote.Kind.DIRECT);
    assertEquals("l’uomo dell’anno", q.text());
  }

  @Test
  void theAttributionAfterTheQuoteNamesTheSpeaker() {
    Quote q = only(quotes("“Le scuole riapriranno a settembre”, ha detto Giulia Neri ai giornalisti.", Lang.IT,
        "PER:Giulia Neri"), Quote.Kind.DIRECT);
    assertEquals("Giulia Neri", q.speaker());
  }

  @Test
  void aQuoteSplitByItsAttributionGivesBothPartsTheSpeaker() {
    List<Quote> qs = quotes("“We will rebuild,” said Anna Lowe, “and we will do it this year.”", Lang.EN,
        "PER:Anna Lowe");
    assertEquals(List.of("We will rebuild,", "and we will do it this year."), qs.stream().map(Quote::text).toList());
    assertEquals(List.of("Anna Lowe", "Anna Lowe"), qs.stream().map(Quote::speaker).toList());
  }

  @Test
  void aPronounSpeakerResolvesToThePersonNamedBefore() {
    List<Quote> qs = quotes("Mayor Tom Reed spoke at the harbour. “The water is rising,” he said.", Lang.EN,
        "PER:Tom Reed");
    Quote q = only(qs, Quote.Kind.DIRECT);
    assertEquals("he", q.speaker());
    assertEquals("Tom Reed", q.speakerCanonical());
  }

  @Test
  void aQuoteWithoutCueContinuesThePreviousSpeaker() {
    List<Quote> qs = quotes("Marta Riva ha detto che la giunta ha deciso. “È stata una scelta difficile”, ha aggiunto.",
        Lang.IT, "PER:Marta Riva");
    Quote direct = only(qs, Quote.Kind.DIRECT);
    assertEquals("Marta Riva", direct.speakerCanonical());
    assertEquals("aggiungere", direct.cue());
  }

  @Test
  void theSubjectIsTheHeadOfXDiY() {
    Quote q = only(quotes("Luca Bassi di Radio Valle ha detto che i lavori sono finiti.", Lang.IT,
        "PER:Luca Bassi", "ORG:Radio Valle"), Quote.Kind.INDIRECT);
    assertEquals("Luca Bassi", q.speaker());
    assertEquals("i lavori sono finiti", q.text());
  }

  @Test
  void reportedSpeechWithThat() {
    Quote q = only(quotes("Officials said on Monday that the bridge would reopen in May.", Lang.EN), Quote.Kind.INDIRECT);
    assertEquals("the bridge would reopen in May", q.text());
    assertEquals("Officials", q.speaker());
    assertEquals("say", q.cue());
  }

  @Test
  void aDenialIsAnIndirectQuoteWithTheCueNegare() {
    Quote q = only(quotes("La Francia e la Spagna hanno negato gli accordi ma hanno promesso controlli.", Lang.IT,
        "LOC:Francia", "LOC:Spagna"), Quote.Kind.INDIRECT);
    assertEquals("negare", q.cue());
    assertEquals("gli accordi", q.text());
    assertEquals("Francia e la Spagna", q.speaker());
  }

  @Test
  void secondoXIntroducesReportedSpeech() {
    Quote q = only(quotes("Secondo Carla Monti, il bilancio è in ordine.", Lang.IT, "PER:Carla Monti"),
        Quote.Kind.INDIRECT);
    assertEquals("il bilancio è in ordine", q.text());
    assertEquals("Carla Monti", q.speaker());
    assertEquals("secondo", q.cue());
  }

  @Test
  void secondoXAfterAColon() {
    Quote q = only(quotes("Le navi dovranno adeguarsi: secondo Assoporti, solo un terzo è pronto.", Lang.IT,
        "ORG:Assoporti"), Quote.Kind.INDIRECT);
    assertEquals("solo un terzo è pronto", q.text());
    assertEquals("Assoporti", q.speaker());
  }

  @Test
  void aRoleFollowedByTheNameInAppositionIsThePerson() {
    Quote q = only(quotes("“Si parte”, ha detto il presidente del porto, Luca Sarti, alla cerimonia.", Lang.IT,
        "PER:Luca Sarti"), Quote.Kind.DIRECT);
    assertEquals("Luca Sarti", q.speaker());
  }

  @Test
  void anAttributionAtTheEndOfTheSentence() {
    Quote q = only(quotes("Il porto resterà chiuso fino a lunedì, ha affermato Pietro Sala della capitaneria.",
        Lang.IT, "PER:Pietro Sala"), Quote.Kind.INDIRECT);
    assertEquals("Il porto resterà chiuso fino a lunedì", q.text());
    assertEquals("Pietro Sala", q.speaker());
  }

  @Test
  void aDashAfterTheQuoteNamesTheSpeaker() {
    Quote q = only(quotes("“We deserve better.” ― Rosa Diaz", Lang.EN, "PER:Rosa Diaz"), Quote.Kind.DIRECT);
    assertEquals("Rosa Diaz", q.speaker());
  }

  @Test
  void anUnclosedQuoteAtAParagraphStartRunsToItsEnd() {
    Quote q = only(quotes("“The first part of a long statement.\n\nNext paragraph.", Lang.EN), Quote.Kind.DIRECT);
    assertEquals("The first part of a long statement.", q.text());
  }

  @Test
  void aQuoteWithNoSpeakerAnywhereHasNone() {
    Quote q = only(quotes("Il cartello diceva soltanto “chiuso”.", Lang.IT), Quote.Kind.DIRECT);
    assertNull(q.speaker());
    assertEquals(-1, q.speakerStart());
  }
}
