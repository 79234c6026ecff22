package org.lente.story;

import org.lente.nlp.Analysis;

/**
 * One piece of news written for the reader's tests: an Italian original, an English version of it, and
 * a lightly edited Italian copy (a new headline, one number changed, a credit line added).
 */
public final class Newswire {

  private Newswire() {
  }

  private static final String[] IT_NAMES = {"Stellantis=Stellantis/ORG", "Torino=Turin/LOC", "Mirafiori=Mirafiori/LOC",
      "Carlos Tavares=Carlos Tavares/PER", "Tavares=Carlos Tavares/PER", "Fiom=Fiom/ORG"};
  private static final String[] EN_NAMES = {"Stellantis=Stellantis/ORG", "Turin=Turin/LOC", "Mirafiori=Mirafiori/LOC",
      "Carlos Tavares=Carlos Tavares/PER", "Tavares=Carlos Tavares/PER", "Fiom=Fiom/ORG"};

  public static final String IT_BODY = "Stellantis investirà 850 milioni di euro nello stabilimento di Mirafiori a Torino, "
      + "dove dal 2026 produrrà 120.000 auto elettriche all'anno. L'annuncio è arrivato martedì durante una visita "
      + "dell'amministratore delegato Carlos Tavares. \"Mirafiori resta il cuore del gruppo in Italia\", ha detto "
      + "Tavares ai lavoratori. Il sindacato Fiom ha chiesto garanzie per i 3.200 dipendenti dello stabilimento. "
      + "Nel 2023 Mirafiori aveva prodotto 85.000 vetture.";

  static final String EN_BODY = "Stellantis will invest 850 million euros in the Mirafiori plant in Turin, where "
      + "from 2026 it will build 120,000 electric cars a year. The announcement came on Tuesday during a visit by "
      + "chief executive Carlos Tavares. \"Mirafiori remains the heart of the group in Italy\", Tavares told the "
      + "workers. The Fiom union asked for guarantees for the plant's 3,200 employees. In 2023 Mirafiori had built "
      + "85,000 cars.";

  /** The Italian original. */
  public static Analysis italian(String title) {
    return Texts.analysis("quotidiano.example.it/stellantis-mirafiori", "Quotidiano Esempio", "it",
        "2024-04-09T08:00:00Z", title, IT_BODY, IT_NAMES);
  }

  /** The English version, published four hours later. */
  public static Analysis english(String title) {
    return Texts.analysis("wire.example.com/stellantis-mirafiori", "Example Wire", "en", "2024-04-09T12:00:00Z",
        title, EN_BODY, EN_NAMES);
  }

  /** The Italian copy, published two hours after the original: one number changed and a credit line. */
  public static Analysis copy(String title) {
    String body = IT_BODY.replace("850 milioni", "900 milioni") + " (ANSA)";
    return Texts.analysis("altro.example.it/mirafiori", "Altro Giornale", "it", "2024-04-09T10:00:00Z", title, body,
        IT_NAMES);
  }
}
