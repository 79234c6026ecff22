package org.lente.nlp.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * Quotes of {@code text}, with every occurrence of each {@code TYPE:Name} as an entity; {@code TYPE:Name|role}
   * gives each the role the entity finder reads beside one of them.
   */
  private static List<Quote> quotes(String text, Lang lang, String... names) {
    List<Entity> entities = new ArrayList<>();
    for (String n : names) {
      Entity.Type type = Entity.Type.valueOf(n.substring(0, 3));
      String[] nameAndRole = n.substring(4).split("\\|");
      String name = nameAndRole[0];
      String role = nameAndRole.length > 1 ? nameAndRole[1] : null;
      for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
        entities.add(new Entity(name, type, i, i + name.length(), name, role));
      }
    }
    entities.sort(Comparator.comparingInt(Entity::start));
    List<Entity> linked = entities;
    List<Token> tokens = Tokenizer.tokenize(text, lang);
    return new QuoteFinder().find(text, tokens, Sentences.split(text, tokens), linked);
  }

  /** Every quotation of {@code text} with its evidence, before the model's decision. */
  private static List<QuoteFinder.Candidate> candidates(String text, Lang lang, String... names) {
    List<Entity> entities = new ArrayList<>();
    for (String n : names) {
      Entity.Type type = Entity.Type.valueOf(n.substring(0, 3));
      String name = n.substring(4);
      for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
        entities.add(new Entity(name, type, i, i + name.length(), name, null));
      }
    }
    entities.sort(Comparator.comparingInt(Entity::start));
    List<Token> tokens = Tokenizer.tokenize(text, lang);
    return new QuoteFinder().candidates(text, tokens, Sentences.split(text, tokens), entities);
  }

  private static List<Quote> direct(List<Quote> quotes) {
    return quotes.stream().filter(q -> q.kind() == Quote.Kind.DIRECT).toList();
  }

  /** The text of the one reported-speech (indirect) quote of {@code text}. */
  private static String reported(String text, Lang lang) {
    return only(quotes(text, lang), Quote.Kind.INDIRECT).text();
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
    String text = "Lo chiamano ‘l’uomo dell’anno’ in paese.";
    int[] span = QuoteFinder.directSpans(text).get(0);
    assertEquals("l’uomo dell’anno", text.substring(span[0], span[1]));
  }

  @Test
  void aNicknameInQuotesIsNotAQuote() {
    assertEquals(List.of(), direct(quotes("Lo chiamano ‘l’uomo dell’anno’ in paese.", Lang.IT)));
  }

  @Test
  void anItalianScareQuoteWithoutAttributionIsNotAQuote() {
    String text = "Il governo ha presentato la riforma come la risposta al «nemico del popolo» che da anni divide il"
        + " paese.";
    assertEquals(1, candidates(text, Lang.IT).size());
    assertEquals(List.of(), direct(quotes(text, Lang.IT)));
  }

  @Test
  void anItalianQuoteWithCueAndSpeakerIsAQuote() {
    Quote q = only(quotes("«Non ci fermeremo», ha detto il sindaco.", Lang.IT), Quote.Kind.DIRECT);
    assertEquals("Non ci fermeremo", q.text());
    assertEquals("il sindaco", q.speaker());
    assertEquals("dire", q.cue());
  }

  @Test
  void aColonIntroductionByANamedSourceIsAQuote() {
    Quote q = only(quotes("Lo ha spiegato ieri Anna Ferri: «Il cantiere chiuderà entro l'estate».", Lang.IT,
        "PER:Anna Ferri"), Quote.Kind.DIRECT);
    assertEquals("Anna Ferri", q.speaker());
  }

  @Test
  void theTitleOfAShowIsNotAQuote() {
    assertEquals(List.of(), direct(quotes("Last year she appeared twice on “Saturday Night Live” with her sister.",
        Lang.EN)));
  }

  @Test
  void twoApostrophesOpenAndCloseAQuote() {
    Quote q = only(quotes("''We are not done yet,'' Anna Lowe said on Monday.", Lang.EN, "PER:Anna Lowe"),
        Quote.Kind.DIRECT);
    assertEquals("We are not done yet,", q.text());
    assertEquals("Anna Lowe", q.speaker());
  }

  @Test
  void aNameThatModifiesARoleIsNotTheSpeakerWhenAPersonFollows() {
    Quote q = only(quotes("“The vote is next week,” said Harbor Board chairman Leo Park.", Lang.EN,
        "ORG:Harbor Board", "PER:Leo Park"), Quote.Kind.DIRECT);
    assertEquals("Leo Park", q.speaker());
  }

  @Test
  void reportedSpeechAroundAScareQuoteIsFoundWhole() {
    List<Quote> found = quotes("Il cosiddetto «superbonus» ha pesato sui conti pubblici, ha spiegato il ministro.",
        Lang.IT);
    Quote q = only(found, Quote.Kind.INDIRECT);
    assertEquals("Il cosiddetto «superbonus» ha pesato sui conti pubblici", q.text());
    assertEquals("il ministro", q.speaker());
    assertTrue(found.stream().noneMatch(p -> p.kind() == Quote.Kind.PARTIAL), "a term mid-clause is no partial quote");
  }

  @Test
  void reportedSpeechNeverEndsOnAQuotationMark() {
    Quote q = only(quotes("Secondo il presidente Gabriele Fava, «il sistema regge».", Lang.IT,
        "PER:Gabriele Fava"), Quote.Kind.INDIRECT);
    assertEquals("il sistema regge", q.text());
    assertEquals("Gabriele Fava", q.speaker());
  }

  @Test
  void aPlaceThatModifiesTheNounBeforeTheCueIsNotTheSpeaker() {
    String text = "The reform will pass this year, the Vermont senator said on Monday.";
    Quote q = only(quotes(text, Lang.EN, "LOC:Vermont"), Quote.Kind.INDIRECT);
    assertEquals("the Vermont senator", q.speaker());
  }

  @Test
  void aPlaceFollowedByAnAdverbIsStillTheSpeaker() {
    Quote q = only(quotes("The port will reopen soon, Genoa repeatedly said.", Lang.EN, "LOC:Genoa"),
        Quote.Kind.INDIRECT);
    assertEquals("Genoa", q.speaker());
  }

  @Test
  void aLabelOpeningALineIsNeverTheSpeaker() {
    String text = "Siria: «Siamo pronti a trattare con tutti»\n\nIl ministro ha parlato a lungo.";
    for (QuoteFinder.Candidate c : candidates(text, Lang.IT, "LOC:Siria")) {
      assertNull(c.quote().speaker(), () -> c.quote().toString());
    }
  }

  @Test
  void aPlaceAsLabelOpeningASentenceIsNeverTheSpeaker() {
    String text = "Il vertice si è chiuso senza accordo. Libia: «Il cessate il fuoco regge ancora».";
    for (QuoteFinder.Candidate c : candidates(text, Lang.IT, "LOC:Libia")) {
      assertNull(c.quote().speaker(), () -> c.quote().toString());
    }
  }

  @Test
  void aBareWordAsLabelOpeningASentenceIsNeverTheSpeaker() {
    String text = "La manovra arriva in aula domani. Sanità: «Nessun taglio agli ospedali».";
    for (QuoteFinder.Candidate c : candidates(text, Lang.IT)) {
      assertNull(c.quote().speaker(), () -> c.quote().toString());
    }
  }

  @Test
  void aLabelledQuoteDoesNotContinueThePreviousSpeaker() {
    String text = "Il sindaco Pietro Valli ha detto: «Apriremo il ponte a maggio». Trasporti: «Nessun rincaro dei biglietti».";
    for (QuoteFinder.Candidate c : candidates(text, Lang.IT, "PER:Pietro Valli")) {
      if (c.quote().text().startsWith("Nessun")) {
        assertNull(c.quote().speaker(), () -> c.quote().toString());
      }
    }
  }

  @Test
  void aNamedSourceOpeningASentenceWithAColonIsStillTheSpeaker() {
    String text = "La manovra arriva in aula domani. Il ministro Carlo Neri: «Nessun taglio agli ospedali».";
    Quote q = only(quotes(text, Lang.IT, "PER:Carlo Neri"), Quote.Kind.DIRECT);
    assertEquals("Carlo Neri", q.speakerCanonical());
  }

  @Test
  void aSpeakerIsNeverTakenFromAHeadline() {
    String text = "Washington Post Hit Piece Exploits Trump\n“This is a disgrace and we will fight it in court.”";
    for (QuoteFinder.Candidate c : candidates(text, Lang.EN, "ORG:Washington Post", "PER:Trump")) {
      assertNull(c.quote().speaker(), () -> c.quote().toString());
    }
  }

  @Test
  void aHeadlineIsALineWithoutSentenceEndOrInTitleCase() {
    assertTrue(QuoteFinder.isHeadline("Crooked Hillary Clinton Strikes Again"));
    assertTrue(QuoteFinder.isHeadline("Siria, il governo apre ai negoziati"));
    assertTrue(QuoteFinder.isHeadline("Trump Wins The Nomination In Indiana."));
    assertFalse(QuoteFinder.isHeadline("The senator spoke for an hour in the hall."));
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
  void aPronounResolvesToTheNewSubjectRatherThanTheRecentSpeaker() {
    List<Quote> qs = quotes("The jury called the novel “astonishing” in its report. Anna Freeland, who wrote the book "
        + "at night, thanked her family. “I never expected any of this,” she said.", Lang.EN, "PER:Anna Freeland");
    Quote q = only(qs, Quote.Kind.DIRECT);
    assertEquals("Anna Freeland", q.speakerCanonical());
  }

  @Test
  void theListenerOfTellBeforeAColonIsNotTheSpeaker() {
    List<Quote> qs = quotes("Karen Blythe later told the BBC: “Our members have had enough.”", Lang.EN,
        "PER:Karen Blythe", "ORG:BBC");
    assertEquals("Karen Blythe", only(qs, Quote.Kind.DIRECT).speakerCanonical());
  }

  @Test
  void theListenerOfAnItalianCueBeforeAColonIsNotTheSpeaker() {
    List<Quote> qs = quotes("Il ministro Carlo Neri ha detto ai sindaci della Rai: «Nessun rinvio del piano».", Lang.IT,
        "PER:Carlo Neri", "ORG:Rai");
    assertEquals("Carlo Neri", only(qs, Quote.Kind.DIRECT).speakerCanonical());
  }

  @Test
  void aSpeakerAfterTheCueEndsBeforeAPhraseOfPlaceOrManner() {
    List<Quote> qs = quotes("«Non ci sono alternative», hanno scritto i lavoratori su uno striscione.", Lang.IT);
    assertEquals("i lavoratori", only(qs, Quote.Kind.DIRECT).speaker());
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
  void aCueWithoutSubjectIsSaidByThePersonTheSentenceBeforeNamesFirst() {
    List<Quote> qs = quotes("Il segretario Luca Benedetti si è detto cauto davanti a Sara Monti. "
        + "«Servono medici, non solo muri», ha spiegato.", Lang.IT, "PER:Luca Benedetti", "PER:Sara Monti");
    Quote direct = only(qs, Quote.Kind.DIRECT);
    assertEquals("Luca Benedetti", direct.speakerCanonical());
  }

  @Test
  void aNameInAppositionBeforeTheCueIsNotReportedSpeech() {
    List<Quote> qs = quotes("Il presidente del club, Franco Lodi, ha commentato a margine della riunione.", Lang.IT,
        "PER:Franco Lodi");
    assertTrue(qs.stream().noneMatch(q -> q.text().contains("Franco Lodi")), () -> "quotes: " + qs);
  }

  @Test
  void anEnglishNameInAppositionBeforeTheCueIsNotReportedSpeech() {
    List<Quote> qs = quotes("The general secretary, Karen Blythe, said the offer was too low.", Lang.EN,
        "PER:Karen Blythe");
    assertTrue(qs.stream().noneMatch(q -> q.text().contains("Karen Blythe")), () -> "quotes: " + qs);
  }

  @Test
  void aCueWithoutSubjectIsSaidByTheNewSubjectRatherThanTheRecentSpeaker() {
    List<Quote> qs = quotes("La ministra Elena Marchetti ha dichiarato: «Il concorso partirà a gennaio». "
        + "Il segretario Roberto Fanti ha parlato subito dopo. «Servono assunzioni vere», ha detto.", Lang.IT,
        "PER:Elena Marchetti", "PER:Roberto Fanti");
    Quote last = direct(qs).get(direct(qs).size() - 1);
    assertEquals("Roberto Fanti", last.speakerCanonical());
  }

  @Test
  void aPersonNamedAfterTheVerbDoesNotTakeOverFromTheRecentSpeaker() {
    List<Quote> qs = quotes("Marta Riva ha detto: «La giunta ha deciso». Poi ha incontrato Gino Sala. "
        + "«È stata una scelta difficile», ha aggiunto.", Lang.IT, "PER:Marta Riva", "PER:Gino Sala");
    Quote last = direct(qs).get(direct(qs).size() - 1);
    assertEquals("Marta Riva", last.speakerCanonical());
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
  void aQuotationWithNoSpeakerAnywhereHasNone() {
    List<QuoteFinder.Candidate> cs = candidates("Il cartello diceva soltanto “chiuso”.", Lang.IT);
    assertEquals(1, cs.size());
    assertNull(cs.get(0).quote().speaker());
    assertEquals(-1, cs.get(0).quote().speakerStart());
    assertEquals(Evidence.How.NONE, cs.get(0).evidence().how());
  }

  @Test
  void aRoleSpeakerIsTheNearestPersonNamedBeforeWithThatRole() {
    String text = "Il ministro della Difesa Carlo Neri ha accolto ieri a Roma il ministro degli Esteri russo Sergej "
        + "Lavrov. «Il dialogo continua», ha dichiarato il ministro ai giornalisti.";
    Quote q = only(quotes(text, Lang.IT, "PER:Carlo Neri|ministro della Difesa",
        "PER:Sergej Lavrov|ministro degli Esteri russo"), Quote.Kind.DIRECT);
    assertEquals("il ministro", q.speaker());
    assertEquals("Sergej Lavrov", q.speakerCanonical());
  }

  @Test
  void anEnglishRoleSpeakerIsTheNearestPersonWithThatRoleNoun() {
    String text = "Senator Ada Ruiz met Mayor Tom Hale and the company's chief executive, Lena Moss, on Monday. "
        + "“We will build it here,” the chief executive told reporters.";
    Quote q = only(quotes(text, Lang.EN, "PER:Ada Ruiz|Senator", "PER:Tom Hale|Mayor", "PER:Lena Moss|chief executive"),
        Quote.Kind.DIRECT);
    assertEquals("the chief executive", q.speaker());
    assertEquals("Lena Moss", q.speakerCanonical());
  }

  @Test
  void reportedSpeechIsNotCutInsideTheQuotationThatEndsIt() {
    assertEquals("i lavori in piazza «non hanno causato alcun danno»",
        reported("Secondo il sindaco, i lavori in piazza «non hanno causato alcun danno».", Lang.IT));
  }

  @Test
  void quotedWordsEndingReportedSpeechAreAPartialQuoteOfItsSpeaker() {
    Quote q = only(quotes("Secondo il sindaco, i lavori in piazza «non hanno causato alcun danno».", Lang.IT),
        Quote.Kind.PARTIAL);
    assertEquals("non hanno causato alcun danno", q.text());
    assertEquals("il sindaco", q.speaker());
  }

  @Test
  void aTitleEndingReportedSpeechIsNoPartialQuote() {
    List<Quote> found = quotes("The mayor said on Friday that she would appear on Sunday's \"Morning Harbour Hour.\"",
        Lang.EN);
    assertTrue(found.stream().noneMatch(q -> q.kind() == Quote.Kind.PARTIAL), () -> "quotes: " + found);
  }

  @Test
  void englishReportedSpeechKeepsTheQuotationThatEndsIt() {
    assertEquals("the repairs have caused \"no damage at all.\"",
        reported("According to the mayor, the repairs have caused \"no damage at all.\"", Lang.EN));
  }

  @Test
  void anInchMarkDoesNotCloseTheQuotationThatEndsReportedSpeech() {
    assertEquals("the 12\" pipes \"will not hold under this pressure.\"",
        reported("According to the engineer, the 12\" pipes \"will not hold under this pressure.\"", Lang.EN));
  }

  @Test
  void reportedSpeechRunsToTheDoubledApostrophesThatCloseItsQuotation() {
    assertEquals("the repairs have caused ''no damage at all.''",
        reported("According to the mayor, the repairs have caused ''no damage at all.''", Lang.EN));
  }
}
