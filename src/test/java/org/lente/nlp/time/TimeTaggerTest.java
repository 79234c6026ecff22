package org.lente.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimeTaggerTest {
  private static final LocalDate WED = LocalDate.of(2024, 6, 19);
  private final TimeTagger tagger = new TimeTagger();

  private Timex first(String text, Lang lang, LocalDate anchor) {
    List<Timex> found = tagger.find(text, lang, anchor);
    if (found.isEmpty()) throw new AssertionError("nothing found in: " + text);
    return found.get(0);
  }

  private String value(String text, Lang lang) { return first(text, lang, WED).value(); }

  /** The value of the first expression of {@code text} read with no anchor. */
  private String unanchored(String text, Lang lang) { return first(text, lang, null).value(); }

  @Test void capitalisedWeekdayIsTheAnchorDay() { assertEquals("2024-06-19", value("Mercoledì il governo ha approvato il decreto.", Lang.IT)); }
  @Test void pastWeekdayIsEarlierThisWeek() { assertEquals("2024-06-18", value("Il ministro ha parlato martedì.", Lang.IT)); }
  @Test void mondayInReportedSpeech() { assertEquals("2024-06-17", value("Il sindaco ha affermato lunedì che i lavori sono finiti.", Lang.IT)); }
  @Test void theNearestVerbDecidesTheTense() {
    assertEquals("2024-06-17", value("Il ministero ha affermato lunedì che il decreto sostituirà le norme.", Lang.IT));
  }
  @Test void aYearStandingAloneIsADate() { assertEquals("2008", value("Sales doubled compared with 2008, the company said.", Lang.EN)); }
  @Test void anAmountIsNotAYear() { assertEquals(List.of(), tagger.find("The company paid $2008 and 2008% more.", Lang.EN, WED)); }
  @Test void aSpanStandingAloneIsADuration() {
    Timex t = first("The contract lasts two years.", Lang.EN, WED);
    assertEquals(Timex.Type.DURATION, t.type());
    assertEquals("P2Y", t.value());
  }
  @Test void aHyphenatedSpanIsADuration() { assertEquals("P27Y", value("It signed a 27-year contract.", Lang.EN)); }
  @Test void anUncountedSpanHasAnUnknownLength() { assertEquals("PXY", value("It took several years.", Lang.EN)); }
  @Test void theFirstBeforeANounIsAnOrdinal() { assertEquals(List.of(), tagger.find("The first aircraft flew well.", Lang.EN, WED)); }
  @Test void futureTenseWeekdayIsAhead() { assertEquals("2024-06-20", value("I due leader si incontreranno giovedì a Roma.", Lang.IT)); }
  @Test void englishPastWeekday() { assertEquals("2024-06-17", value("The minister said on Monday that talks failed.", Lang.EN)); }
  @Test void pastMonthStaysInTheYear() { assertEquals("2024-03", value("A marzo, un veto russo ha posto fine alla missione.", Lang.IT)); }
  @Test void futureMonthIsAhead() { assertEquals("2024-09", value("Si dice che a settembre si voterà.", Lang.IT)); }
  @Test void englishPastMonth() { assertEquals("2024-03", value("In March, the council voted against it.", Lang.EN)); }
  @Test void dayAndMonth() { assertEquals("2024-06-09", value("Si è votato il 9 giugno.", Lang.IT)); }
  @Test void monthAndYear() { assertEquals("2023-09", value("L'accordo è nato nel settembre 2023.", Lang.IT)); }
  @Test void lastYearItalian() { assertEquals("2023", value("L'anno scorso le vendite sono calate.", Lang.IT)); }
  @Test void lastYearTypographicApostrophe() { assertEquals("2023", value("Come l\u2019anno scorso, piove.", Lang.IT)); }
  @Test void lastYearEnglish() { assertEquals("2023", value("Sales fell last year.", Lang.EN)); }
  @Test void yearList() {
    List<Timex> t = tagger.find("Ha vinto nel 1961, 2000 e 2001.", Lang.IT, WED);
    assertEquals(List.of("1961", "2000", "2001"), t.stream().map(Timex::value).toList());
    assertEquals(List.of(Timex.Type.DATE, Timex.Type.DATE, Timex.Type.DATE), t.stream().map(Timex::type).toList());
  }
  @Test void durationInYears() {
    Timex t = first("Il prezzo è triplicato in 24 anni.", Lang.IT, WED);
    assertEquals(Timex.Type.DURATION, t.type());
    assertEquals("P24Y", t.value());
  }
  @Test void weekdayEveningIsThatDay() { assertEquals("2024-06-19", value("Mercoledì sera è arrivata la notizia.", Lang.IT).substring(0, 10)); }
  @Test void today() { assertEquals("2024-06-19", value("Oggi il tribunale decide.", Lang.IT)); }
  @Test void yesterday() { assertEquals("2024-06-18", value("Ieri è piovuto.", Lang.IT)); }
  @Test void tomorrow() { assertEquals("2024-06-20", value("Domani si vota.", Lang.IT)); }
  @Test void englishToday() { assertEquals("2024-06-19", value("Markets opened today.", Lang.EN)); }
  @Test void englishYesterday() { assertEquals("2024-06-18", value("It rained yesterday.", Lang.EN)); }
  @Test void englishTomorrow() { assertEquals("2024-06-20", value("They vote tomorrow.", Lang.EN)); }
  @Test void lastWeekItalian() { assertEquals("2024-W24", value("La settimana scorsa il parlamento ha votato.", Lang.IT)); }
  @Test void lastWeekEnglish() { assertEquals("2024-W24", value("Parliament voted last week.", Lang.EN)); }
  @Test void numericItalianDate() { assertEquals("2024-06-19", value("Firmato il 19/06/2024 a Milano.", Lang.IT)); }
  @Test void isoDate() { assertEquals("2024-06-19", value("Published 2024-06-19.", Lang.EN)); }
  @Test void italianClockTime() {
    Timex t = first("La riunione è iniziata alle 15:30.", Lang.IT, WED);
    assertEquals(Timex.Type.TIME, t.type());
    assertEquals("2024-06-19T15:30", t.value());
  }
  @Test void englishClockTime() { assertEquals("2024-06-19T15:30", value("The vote began at 3:30 pm.", Lang.EN)); }
  @Test void everyMondayItalian() {
    Timex t = first("Il mercato si tiene ogni lunedì.", Lang.IT, WED);
    assertEquals(Timex.Type.SET, t.type());
    assertEquals("XXXX-WXX-1", t.value());
  }
  @Test void everyMondayEnglish() { assertEquals("XXXX-WXX-1", value("The market opens every Monday.", Lang.EN)); }
  @Test void yesterdayWithoutAnchorIsAnchorRelative() { assertEquals("ANCHOR-P1D", first("Ieri è piovuto.", Lang.IT, null).value()); }
  @Test void weekdayWithoutAnchorIsThatWeekdayOfAnUnknownWeek() {
    assertEquals("XXXX-WXX-2", unanchored("Martedì il consiglio ha votato.", Lang.IT));
  }
  @Test void weekdayEveningWithoutAnchorFollowsTheWeekday() {
    assertEquals("XXXX-WXX-3TEV", unanchored("Mercoledì sera il consiglio ha votato.", Lang.IT));
  }
  @Test void weekdayEveningAheadWithoutAnchorFollowsTheWeekday() {
    assertEquals("XXXX-WXX-3TEV", unanchored("Mercoledì sera il consiglio voterà.", Lang.IT));
  }
  @Test void englishWeekdayNightWithoutAnchorFollowsTheWeekday() {
    assertEquals("XXXX-WXX-5TNI", unanchored("The council met on Friday night.", Lang.EN));
  }
  @Test void clockOnAWeekdayWithoutAnchorFollowsTheWeekday() {
    assertEquals("XXXX-WXX-4T15:30", unanchored("Giovedì alle 15:30 il consiglio si è riunito.", Lang.IT));
  }
  @Test void yesterdayEveningWithoutAnchorIsTheDayBeforeTheAnchor() {
    assertEquals("ANCHOR-P1DTEV", unanchored("Ieri sera il consiglio ha votato.", Lang.IT));
  }
  @Test void tonightWithoutAnchorIsTheAnchorsEvening() { assertEquals("ANCHORTEV", unanchored("Stasera il consiglio vota.", Lang.IT)); }
  @Test void clockWithoutAnchorHasNoDate() { assertEquals("XXXX-XX-XXT15:30", first("alle 15:30", Lang.IT, null).value()); }
  @Test void offsetsCoverTheText() {
    String text = "Roma, martedì scorso.";
    Timex t = first(text, Lang.IT, WED);
    assertEquals(t.text(), text.substring(t.start(), t.end()));
  }
  @Test void timexRejectsBadSpan() {
    assertThrows(IllegalArgumentException.class, () -> new Timex("ieri", Timex.Type.DATE, "2024-06-18", 5, 2));
  }
  @Test void dayRangeInDucklingConvention() {
    assertEquals("2013-07-13T00:00:00|2013-07-16T00:00:00",
        tagger.duckling("dal 13 al 15 luglio", Lang.IT, org.lente.eval.TimexEval.REFERENCE).orElseThrow().value());
  }
  @Test void aRangeOfCountsIsNoClockTimeInDucklingConvention() {
    assertEquals(java.util.Optional.empty(), tagger.duckling("the next 12 to 18 months", Lang.EN, org.lente.eval.TimexEval.REFERENCE));
  }
  @Test void countsBetweenAndBeforeAUnitAreNoClockRangeInDucklingConvention() {
    assertEquals(java.util.Optional.empty(), tagger.duckling("between 9 and 10 days", Lang.EN, org.lente.eval.TimexEval.REFERENCE));
  }
  @Test void italianCountsBeforeAUnitAreNoClockTimeInDucklingConvention() {
    assertEquals(java.util.Optional.empty(), tagger.duckling("tra 9 e 10 giorni", Lang.IT, org.lente.eval.TimexEval.REFERENCE));
  }
  @Test void bareWeekdayIsNextInDucklingConvention() {
    assertEquals("2013-02-19T00:00:00", tagger.duckling("martedì", Lang.IT, org.lente.eval.TimexEval.REFERENCE).orElseThrow().value());
  }

  // ---- hostile content: never an exception, never quadratic (issue 13, cases 6 and 9) ----

  private List<String> values(String text, Lang lang, LocalDate anchor) {
    return tagger.find(text, lang, anchor).stream().map(Timex::value).toList();
  }

  /** 49 KB of "il N mese," in one sentence: the tense of each date looked at the whole sentence, 27 s and more. */
  @Test void aLongSentenceOfDatesIsTaggedInLinearTime() {
    String[] months = {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
        "ottobre", "novembre", "dicembre"};
    StringBuilder text = new StringBuilder("Le udienze si sono tenute");
    for (int i = 0; text.length() < 49_000; i++) {
      text.append(" il ").append(i % 28 + 1).append(' ').append(months[i % 12]).append(',');
    }
    text.append(" e la sentenza arriverà lunedì.");
    // under 1 s alone and 2 s on a loaded machine with the fix; 27 s alone and over 60 s loaded before it
    List<Timex> found = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> tagger.find(text.toString(), Lang.IT, WED));
    assertEquals("2024-06-24", found.get(found.size() - 1).value());
  }
  @Test void aLongGapBetweenTwoDatesIsCrossedInLinearTime() {
    String text = "Il 3 marzo" + " ".repeat(50_000) + "poi il 4 marzo.";
    assertEquals(List.of("2024-03-03", "2024-03-04"), assertTimeoutPreemptively(Duration.ofSeconds(10), () -> values(text, Lang.IT, WED)));
  }
  @Test void aDayTheMonthLacksKeepsTheMonthAndMarksTheDay() {
    List<Timex> t = tagger.find("Il delitto è avvenuto il 31 novembre 2017 a Napoli.", Lang.IT, WED);
    assertEquals(List.of(new Timex("il 31 novembre 2017", Timex.Type.DATE, "2017-11-XX", 22, 41)), t);
  }
  @Test void aThirtiethOfFebruaryWithoutYearGetsTheYearOfTheMonth() {
    assertEquals(List.of("2025-02-XX"), values("Si voterà il 30 febbraio.", Lang.IT, WED));
  }
  @Test void anImpossibleNumericDateIsMarkedNotMovedToTheMonthEnd() {
    assertEquals(List.of("2023-04-XX"), values("Firmato il 31/04/2023 a Milano.", Lang.IT, WED));
  }
  @Test void aTwentyNinthOfFebruaryInACommonYearIsMarked() {
    assertEquals(List.of("2023-02-XX"), values("The deal closed on February 29, 2023.", Lang.EN, WED));
  }
  @Test void aDayRangeEndingPastTheMonthIsMarked() {
    assertEquals(List.of("2023-02-XX"), values("Chiuso dal 28 al 29 febbraio.", Lang.IT, LocalDate.of(2023, 6, 19)));
  }
  @Test void anIsoDateWithMonthThirteenIsNoDay() { assertEquals(List.of("2023"), values("Il codice 2023-13-01.", Lang.EN, WED)); }
  @Test void aClockTimeWithSecondSixtyIsNoTime() {
    assertEquals(List.of(), values("Il segnale alle 23:59:60 non è arrivato.", Lang.IT, WED));
  }
  @Test void anImpossibleDayWithoutAnchorIsMarkedWithoutYear() {
    assertEquals(List.of("XXXX-04-XX"), values("Firmato il 31 aprile.", Lang.IT, null));
  }
  @Test void aDayAloneSkipsMonthsThatLackIt() {
    assertEquals(List.of("2024-01-31"), values("Il contratto è stato firmato il 31.", Lang.IT, LocalDate.of(2024, 3, 15)));
  }
  @Test void aCountBeyondTheCalendarIsNoTimeSpan() {
    assertEquals(List.of(), values("Tra 99999999999 anni il sole si spegnerà.", Lang.IT, WED));
  }
  @Test void anEnglishCountBeyondTheCalendarIsNoTimeSpan() {
    assertEquals(List.of(), values("That was 1000000000000 years ago.", Lang.EN, WED));
  }
  @Test void offsetsStayTheTextsWhenLowerCasingWouldLengthenIt() {
    assertEquals(List.of(new Timex("2020", Timex.Type.DATE, "2020", 10, 14)), tagger.find("İstanbul, 2020", Lang.EN, WED));
  }
}
