package org.lente.nlp.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Italian phrases in Duckling's convention, one category of Duckling's Italian rules ({@code Duckling/Time/IT/Rules.hs})
 * per test, each phrase written for these tests with the value we read from the rule's definition, at Duckling's
 * reference (Tuesday 12 February 2013, 04:30). A value is {@code start} or {@code start|end}; a bare date is midnight.
 * The table of categories and counts is in docs/time.md (round 13).
 */
class ItalianDucklingRulesTest {
  /** {@code phrase} read as Duckling reads it has {@code value} and {@code grain} ({@link DucklingReference#reads}). */
  private static void reads(String phrase, String value, String grain) {
    DucklingReference.reads(Lang.IT, phrase, value, grain);
  }

  /** Italy's holidays and feasts on fixed dates, and Mother's Day. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      festa della repubblica; 2013-06-02; Day
      l'epifania; 2014-01-06; Day
      befana; 2014-01-06; Day
      san valentino; 2013-02-14; Day
      festa degli innamorati; 2013-02-14; Day
      anniversario della liberazione; 2013-04-25; Day
      capodanno; 2014-01-01; Day
      il primo dell'anno; 2014-01-01; Day
      s. stefano; 2013-12-26; Day
      festa del papà; 2013-03-19; Day
      festa di san giuseppe; 2013-03-19; Day
      la vigilia di natale; 2013-12-24; Day
      san silvestro; 2013-12-31; Day
      la vigilia di capodanno; 2013-12-31; Day
      ferragosto; 2013-08-15; Day
      il giorno dei morti; 2013-11-02; Day
      commemorazione dei defunti; 2013-11-02; Day
      l'immacolata concezione; 2013-12-08; Day
      il giorno di natale; 2013-12-25; Day
      tutti i santi; 2013-11-01; Day
      halloween; 2013-10-31; Day
      festa della mamma; 2013-05-12; Day
      festa dei lavoratori; 2013-05-01; Day
      festa del lavoro; 2013-05-01; Day
      """)
  void italianHolidaysOnFixedDates(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** World and international days, on fixed dates and on weekdays of a month, with or without "mondiale". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      giornata mondiale dell'acqua; 2013-03-22; Day
      giornata internazionale della donna; 2013-03-08; Day
      giornata della terra; 2013-04-22; Day
      giornata mondiale della poesia; 2013-03-21; Day
      giornata internazionale dell'amicizia; 2013-07-30; Day
      boxing day; 2013-12-26; Day
      giornata mondiale del rene; 2013-03-14; Day
      giornata mondiale per i malati di lebbra; 2014-01-26; Day
      giornata mondiale del mare; 2013-09-26; Day
      black friday; 2013-11-29; Day
      giornata dei diritti civili; 2014-01-20; Day
      giornata internazionale delle cooperative; 2013-07-06; Day
      giornata mondiale della vista; 2013-10-10; Day
      giornata mondiale della religione; 2014-01-19; Day
      giornata mondiale degli uccelli migratori; 2013-05-11; Day
      giornata mondiale dell'habitat; 2013-10-07; Day
      giornata mondiale in memoria delle vittime della strada; 2013-11-17; Day
      giornata internazionale della lingua madre; 2013-02-21; Day
      giornata mondiale contro il cancro; 2014-02-04; Day
      giornata internazionale della montagna; 2013-12-11; Day
      giornata mondiale della gioventù; 2013-08-12; Day
      giornata internazionale nelson mandela; 2013-07-18; Day
      giornata mondiale del libro e del diritto d'autore; 2013-04-23; Day
      giorno di san giorgio; 2013-04-23; Day
      san francesco d'assisi; 2013-10-04; Day
      giornata delle nazioni unite; 2013-10-24; Day
      giornata mondiale dei vegani; 2013-11-01; Day
      giornata mondiale del gabinetto; 2013-11-19; Day
      giornata mondiale della radio; 2013-02-13; Day
      giornata internazionale della felicità; 2013-03-20; Day
      giornata internazionale anticorruzione; 2013-12-09; Day
      giornata internazionale per l'eliminazione della violenza contro le donne; 2013-11-25; Day
      giornata internazionale dello yoga; 2013-06-21; Day
      giornata mondiale degli insegnanti; 2013-10-05; Day
      giornata mondiale dell'alfabeto braille; 2014-01-04; Day
      giornata internazionale dei monumenti e dei siti; 2013-04-18; Day
      giornata mondiale della libertà di stampa; 2013-05-03; Day
      giornata mondiale del rifugiato; 2013-06-20; Day
      capodanno ortodosso; 2014-01-14; Day
      giornata internazionale del migrante; 2013-12-18; Day
      giornata mondiale della biodiversità; 2013-05-22; Day
      giornata mondiale della salute mentale; 2013-10-10; Day
      giornata internazionale della pace; 2013-09-21; Day
      giornata internazionale a sostegno delle vittime della tortura; 2013-06-26; Day
      giornata internazionale per la preservazione dello strato di ozono; 2013-09-16; Day
      giornata internazionale contro le mine; 2013-04-04; Day
      giornata internazionale per prevenire lo sfruttamento dell'ambiente in guerra; 2013-11-06; Day
      """)
  void worldDays(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** The ides of a month. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      le idi di ottobre; 2013-10-15; Day
      idi di febbraio; 2013-02-13; Day
      """)
  void romanDays(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Today, tomorrow, yesterday and the days beside them; now. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      oggi; 2013-02-12; Day
      in giornata; 2013-02-12; Day
      domani; 2013-02-13; Day
      ieri; 2013-02-11; Day
      dopodomani; 2013-02-14; Day
      il giorno dopo domani; 2013-02-14; Day
      l'altro ieri; 2013-02-10; Day
      altroieri; 2013-02-10; Day
      adesso; 2013-02-12T04:30:00; Second
      proprio adesso; 2013-02-12T04:30:00; Second
      immediatamente; 2013-02-12T04:30:00; Second
      in questo momento; 2013-02-12T04:30:00; Second
      """)
  void relativeDaysAndNow(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Weekdays, months, days of a month (with an ordinal indicator too), years, numeric dates. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      lunedì; 2013-02-18; Day
      mer.; 2013-02-13; Day
      domenica; 2013-02-17; Day
      marzo; 2013-03-01; Month
      genn.; 2014-01-01; Month
      in luglio; 2013-07-01; Month
      del mese di giugno; 2013-06-01; Month
      15 marzo; 2013-03-15; Day
      il 3 aprile; 2013-04-03; Day
      1° giugno; 2013-06-01; Day
      primo ottobre; 2013-10-01; Day
      il 20; 2013-02-20; Day
      il 5; 2013-03-05; Day
      giovedì 14; 2013-02-14; Day
      sabato 30; 2013-03-30; Day
      2015; 2015-01-01; Year
      il 2015; 2015-01-01; Year
      2013-03-12; 2013-03-12; Day
      15/4; 2013-04-15; Day
      5/2; 2014-02-05; Day
      31/10/1974; 1974-10-31; Day
      3-4-2015; 2015-04-03; Day
      """)
  void weekdaysMonthsDaysAndYears(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** This, next and last periods, the last or next n of them, the end of the month or year, the period of or after a time. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      la scorsa settimana; 2013-02-04; Week
      l'ultimo mese; 2013-01-01; Month
      il passato anno; 2012-01-01; Year
      la settimana scorsa; 2013-02-04; Week
      il mese passato; 2013-01-01; Month
      la settimana prossima; 2013-02-18; Week
      l'anno prossimo; 2014-01-01; Year
      mese prossimo; 2013-03-01; Month
      il prossimo trimestre; 2013-04-01; Quarter
      la prossima ora; 2013-02-12T05:00:00; Hour
      il prossimo giorno; 2013-02-13; Day
      questa settimana; 2013-02-11; Week
      quest'anno; 2013-01-01; Year
      in questo trimestre; 2013-01-01; Quarter
      gli ultimi 3 giorni; 2013-02-09|2013-02-12; Day
      le scorse due settimane; 2013-01-28|2013-02-11; Week
      i due ultimi anni; 2011-01-01|2013-01-01; Year
      le 3 settimane passate; 2013-01-21|2013-02-11; Week
      i 2 mesi scorsi; 2012-12-01|2013-02-01; Month
      i prossimi 5 giorni; 2013-02-13|2013-02-18; Day
      le 2 prossime settimane; 2013-02-18|2013-03-04; Week
      i prossimi mesi; 2013-03-01|2013-06-01; Month
      le prossime settimane; 2013-02-18|2013-03-11; Week
      fine del mese; 2013-03-01; Month
      fine dell'anno; 2014-01-01; Year
      la settimana del 14 marzo; 2013-03-18; Week
      il mese dopo natale; 2014-01-01; Month
      la settimana dopo pasqua; 2013-04-01; Week
      il giorno dopo natale; 2013-12-26; Day
      l'ultimo giorno di febbraio; 2013-02-28; Day
      l'ultima settimana di marzo; 2013-03-25; Week
      """)
  void periodsToldFromNow(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** "prossimo", "scorso", "questo" on a weekday, month, holiday or season. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      lunedì scorso; 2013-02-11; Day
      venerdì passato; 2013-02-08; Day
      marzo scorso; 2012-03-01; Month
      lo scorso giovedì; 2013-02-07; Day
      la scorsa pasqua; 2012-04-08; Day
      il prossimo mercoledì; 2013-02-20; Day
      il prossimo agosto; 2014-08-01; Month
      il natale prossimo; 2014-12-25; Day
      venerdì prossimo; 2013-02-22; Day
      questo giovedì; 2013-02-14; Day
      questo natale; 2013-12-25; Day
      quest'estate; 2013-06-21|2013-09-24; Day
      """)
  void modifiersOfATime(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** The n-th day, week, weekday or quarter of a frame, the last of them, the n-th weekday after a time. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      il terzo giorno di marzo; 2013-03-03; Day
      la seconda settimana di aprile; 2013-04-08; Week
      la prima settimana di maggio; 2013-05-06; Week
      la prima settimana del mese prossimo; 2013-03-04; Week
      secondo giorno di giugno; 2013-06-02; Day
      il primo mese del 2014; 2014-01-01; Month
      la prima settimana luglio 2013; 2013-07-01; Week
      il secondo trimestre; 2013-04-01; Quarter
      terzo trimestre; 2013-07-01; Quarter
      quarto trimestre 2014; 2014-10-01; Quarter
      il terzo trimestre del 2014; 2014-07-01; Quarter
      primo lunedì di marzo; 2013-03-04; Day
      il terzo martedì di ottobre; 2013-10-15; Day
      il secondo venerdì del mese prossimo; 2013-03-08; Day
      il primo sabato in aprile; 2013-04-06; Day
      il secondo martedì dopo pasqua; 2013-04-09; Day
      primo lunedì dopo ferragosto; 2013-08-19; Day
      l'ultimo venerdì di marzo; 2013-03-29; Day
      ultima domenica di ottobre; 2013-10-27; Day
      l'ultimo lunedì del 2013; 2013-12-30; Day
      """)
  void ordinalsOfAFrame(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** "tra", "fra", "dopo", "entro" a count of units, a count of units ago, "entro il mese". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      tra 3 giorni; 2013-02-15T04:00:00; Hour
      fra 2 settimane; 2013-02-26; Day
      fra un'ora; 2013-02-12T05:30:00; Minute
      in 5 minuti; 2013-02-12T04:35:00; Second
      dopo 2 anni; 2015-02-01; Month
      entro 2 settimane; 2013-02-12T04:30:00|2013-02-26T00:00:00; Second
      3 giorni fa; 2013-02-09T04:00:00; Hour
      un anno fa; 2012-02-01; Month
      due settimane fa; 2013-01-29; Day
      entro il mese; 2013-02-12T04:30:00|2013-03-01T00:00:00; Second
      durante la settimana; 2013-02-12T04:30:00|2013-02-18T00:00:00; Second
      per tutto l'anno; 2013-02-12T04:30:00|2014-01-01T00:00:00; Second
      in settimana; 2013-02-12T04:30:00|2013-02-18T00:00:00; Second
      """)
  void offsetsFromNow(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Hours, minutes, quarters, halves and three quarters, after and before the hour, in a part of the day; the 24-hour clock. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      all'una; 2013-02-12T13:00:00; Hour
      alle 15:30; 2013-02-12T15:30:00; Minute
      alle 3:18; 2013-02-13T03:18:00; Minute
      alle 9h15; 2013-02-12T09:15:00; Minute
      alle 18; 2013-02-12T18:00:00; Hour
      alle 3; 2013-02-13T03:00:00; Hour
      alle 1530; 2013-02-12T15:30:00; Minute
      mezzogiorno; 2013-02-12T12:00:00; Hour
      mezzanotte; 2013-02-13T00:00:00; Hour
      ore 9:45; 2013-02-12T09:45:00; Minute
      alle 15 precise; 2013-02-12T15:00:00; Hour
      alle 15 circa; 2013-02-12T15:00:00; Hour
      verso le 16; 2013-02-12T16:00:00; Hour
      circa alle 17; 2013-02-12T17:00:00; Hour
      per le 9; 2013-02-12T09:00:00; Hour
      le 15 e 20; 2013-02-12T15:20:00; Minute
      le 3 e 20; 2013-02-13T03:20:00; Minute
      le 10 20; 2013-02-12T10:20:00; Minute
      le 10 e 20 minuti; 2013-02-12T10:20:00; Minute
      le 10 20 minuti; 2013-02-12T10:20:00; Minute
      le 10 meno 20; 2013-02-12T09:40:00; Minute
      le 10 meno 20 minuti; 2013-02-12T09:40:00; Minute
      20 minuti a mezzogiorno; 2013-02-12T11:40:00; Minute
      20 a mezzogiorno; 2013-02-12T11:40:00; Minute
      le 9 e un quarto; 2013-02-12T09:15:00; Minute
      le 9 un quarto; 2013-02-12T09:15:00; Minute
      un quarto a mezzogiorno; 2013-02-12T11:45:00; Minute
      le 10 meno un quarto; 2013-02-12T09:45:00; Minute
      le 9 e mezzo; 2013-02-12T09:30:00; Minute
      le 9 mezzo; 2013-02-12T09:30:00; Minute
      mezzo a mezzogiorno; 2013-02-12T11:30:00; Minute
      le 10 meno mezzo; 2013-02-12T09:30:00; Minute
      le 9 e tre quarti; 2013-02-12T09:45:00; Minute
      le 9 tre quarti; 2013-02-12T09:45:00; Minute
      tre quarti a mezzogiorno; 2013-02-12T11:15:00; Minute
      le 10 meno tre quarti; 2013-02-12T09:15:00; Minute
      le 3 e 20 del pomeriggio; 2013-02-12T15:20:00; Minute
      le 3 20 del pomeriggio; 2013-02-12T15:20:00; Minute
      le 3 e 20 minuti del pomeriggio; 2013-02-12T15:20:00; Minute
      le 3 20 minuti di sera; 2013-02-12T15:20:00; Minute
      le 3 e un quarto del pomeriggio; 2013-02-12T15:15:00; Minute
      le 3 un quarto del pomeriggio; 2013-02-12T15:15:00; Minute
      le 4 e mezzo di sera; 2013-02-12T16:30:00; Minute
      le 4 mezzo di sera; 2013-02-12T16:30:00; Minute
      le 5 e tre quarti del pomeriggio; 2013-02-12T17:45:00; Minute
      le 5 tre quarti del pomeriggio; 2013-02-12T17:45:00; Minute
      le 3:20 del pomeriggio; 2013-02-12T15:20:00; Minute
      le 8 di stasera; 2013-02-12T20:00:00; Hour
      alle 6 del pomeriggio; 2013-02-12T18:00:00; Hour
      le 8 del mattino; 2013-02-12T08:00:00; Hour
      """)
  void clockTimes(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Parts of a day, alone and on a day. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      stanotte; 2013-02-13T00:00:00|2013-02-13T04:00:00; Hour
      in nottata; 2013-02-13T00:00:00|2013-02-13T04:00:00; Hour
      domattina; 2013-02-13T04:00:00|2013-02-13T12:00:00; Hour
      stamattina; 2013-02-12T04:00:00|2013-02-12T12:00:00; Hour
      stasera; 2013-02-12T18:00:00|2013-02-13T00:00:00; Hour
      questa sera; 2013-02-12T18:00:00|2013-02-13T00:00:00; Hour
      in serata; 2013-02-12T18:00:00|2013-02-13T00:00:00; Hour
      nel pomeriggio; 2013-02-12T12:00:00|2013-02-12T19:00:00; Hour
      questa mattina; 2013-02-12T04:00:00|2013-02-12T12:00:00; Hour
      al mattino; 2013-02-12T04:00:00|2013-02-12T12:00:00; Hour
      domani sera; 2013-02-13T18:00:00|2013-02-14T00:00:00; Hour
      lunedì mattina; 2013-02-18T04:00:00|2013-02-18T12:00:00; Hour
      oggi pomeriggio; 2013-02-12T12:00:00|2013-02-12T19:00:00; Hour
      domenica a pranzo; 2013-02-17T12:00:00|2013-02-17T14:00:00; Hour
      domani nel pomeriggio; 2013-02-13T12:00:00|2013-02-13T19:00:00; Hour
      giovedì in serata; 2013-02-14T18:00:00|2013-02-15T00:00:00; Hour
      giovedì di sera; 2013-02-14T18:00:00|2013-02-15T00:00:00; Hour
      nella mattinata di giovedì; 2013-02-14T04:00:00|2013-02-14T12:00:00; Hour
      la sera di domani; 2013-02-13T18:00:00|2013-02-14T00:00:00; Hour
      sabato notte; 2013-02-17T00:00:00|2013-02-17T04:00:00; Hour
      nella notte di sabato; 2013-02-17T00:00:00|2013-02-17T04:00:00; Hour
      verso sera; 2013-02-12T18:00:00|2013-02-13T00:00:00; Hour
      """)
  void partsOfTheDay(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Seasons, to the day after the last (Duckling's interval from a day to a day is closed). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      in primavera; 2013-03-20|2013-06-22; Day
      estate; 2013-06-21|2013-09-24; Day
      l'autunno; 2013-09-23|2013-12-22; Day
      inverno; 2012-12-21|2013-03-21; Day
      l'estate scorsa; 2012-06-21|2012-09-24; Day
      """)
  void seasons(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** The weekend, and the weekend of a day. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      il weekend; 2013-02-15T18:00:00|2013-02-18T00:00:00; Hour
      questo fine settimana; 2013-02-15T18:00:00|2013-02-18T00:00:00; Hour
      il week-end del 25 aprile; 2013-04-26T18:00:00|2013-04-29T00:00:00; Hour
      """)
  void weekends(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Spans between two days or two clock times. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      15-18 marzo; 2013-03-15|2013-03-19; Day
      dal 3 al 5; 2013-03-03|2013-03-06; Day
      tra il 13 e il 15; 2013-02-13|2013-02-16; Day
      dal 10 marzo al 2 aprile; 2013-03-10|2013-04-03; Day
      da lunedì a venerdì; 2013-02-18|2013-02-23; Day
      13 marzo - 15 aprile; 2013-03-13|2013-04-16; Day
      13 marzo fino al 15 aprile; 2013-03-13|2013-04-16; Day
      9:30 - 11:00 giovedì; 2013-02-14T09:30:00|2013-02-14T11:01:00; Minute
      tra le 9 e le 11; 2013-02-12T09:00:00|2013-02-12T12:00:00; Hour
      dalle 9 alle 11; 2013-02-12T09:00:00|2013-02-12T12:00:00; Hour
      dalle 14:30 alle 16; 2013-02-12T14:30:00|2013-02-12T16:01:00; Minute
      dalle 10 fino alle 12; 2013-02-12T10:00:00|2013-02-12T13:00:00; Hour
      """)
  void closedIntervals(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** Spans from now ("fino a"), and the bound of "dopo", "entro", "prima di". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      fino alle 18:00; 2013-02-12T04:30:00|2013-02-12T18:00:00; Second
      fino a marzo; 2013-02-12T04:30:00|2013-03-01T00:00:00; Second
      fino a lunedì; 2013-02-12T04:30:00|2013-02-18T00:00:00; Second
      dopo le 17; 2013-02-12T17:00:00; Hour
      dopo le 14:30; 2013-02-12T14:30:00; Minute
      dopo lunedì; 2013-02-18; Day
      dal 15; 2013-02-15; Day
      entro le 18; 2013-02-12T18:00:00; Hour
      prima delle 10; 2013-02-12T10:00:00; Hour
      entro venerdì; 2013-02-15; Day
      prima di giovedì; 2013-02-14; Day
      entro marzo; 2013-03-01; Month
      entro il 20; 2013-02-20; Day
      domani entro le 18; 2013-02-13T18:00:00; Hour
      venerdì prima delle 11; 2013-02-15T11:00:00; Hour
      """)
  void openIntervals(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** A day with a clock time, a month or holiday with a year. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      marzo 2014; 2014-03-01; Month
      domani alle 15; 2013-02-13T15:00:00; Hour
      lunedì alle 9 e mezzo; 2013-02-18T09:30:00; Minute
      il 15 marzo alle 10; 2013-03-15T10:00:00; Hour
      oggi alle 18:30; 2013-02-12T18:30:00; Minute
      martedì 19 alle 20; 2013-02-19T20:00:00; Hour
      mercoledì 20 marzo 2013; 2013-03-20; Day
      agosto del 2014; 2014-08-01; Month
      natale del 2015; 2015-12-25; Day
      il 5 di maggio; 2013-05-05; Day
      """)
  void composedTimes(String phrase, String value, String grain) { reads(phrase, value, grain); }

  /** A clock time in a zone, moved to the reference's. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      alle 15 GMT; 2013-02-12T13:00:00; Minute
      alle 10:30 EST; 2013-02-12T13:30:00; Minute
      """)
  void timeZones(String phrase, String value, String grain) { reads(phrase, value, grain); }
}
