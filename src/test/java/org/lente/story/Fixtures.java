package org.lente.story;

import org.lente.nlp.Analysis;

/** Short articles written for these tests: one piece of news in Italian and English, and unrelated ones. */
public final class Fixtures {

  private Fixtures() {
  }

  static final String[] IT_NAMES = {"Airbus=Airbus/ORG", "Qatar Airways=Qatar Airways/ORG", "Parigi=Paris/LOC",
      "Boeing=Boeing/ORG", "Akbar Al Baker=Akbar Al Baker/PER", "Al Baker=Akbar Al Baker/PER"};
  static final String[] EN_NAMES = {"Airbus=Airbus/ORG", "Qatar Airways=Qatar Airways/ORG", "Paris=Paris/LOC",
      "Boeing=Boeing/ORG", "Akbar Al Baker=Akbar Al Baker/PER", "Al Baker=Akbar Al Baker/PER"};

  static final String EN_BODY = "European aircraft maker Airbus has won an order from Qatar Airways for 60 of its "
      + "A350 jets, worth 15.5 billion dollars. The deal was signed at the Paris air show on Monday. Qatar Airways "
      + "will also buy 20 Boeing 777 planes for 4.6 billion dollars. \"This is a great day for our airline\", Akbar "
      + "Al Baker said. Airbus delivered 1,250 aircraft in 2004, more than Boeing for the first time.";

  static final String IT_BODY = "Il costruttore europeo Airbus ha ottenuto da Qatar Airways un ordine per 60 dei suoi "
      + "aerei A350, per un valore di 15,5 miliardi di dollari, ha detto a Reuters un portavoce. L'accordo è stato "
      + "firmato lunedì al salone aeronautico di Parigi. Qatar Airways acquisterà anche 20 aerei 777 di Boeing per "
      + "4,6 miliardi di dollari. \"È un grande giorno per la nostra compagnia\", ha detto Akbar Al Baker. Airbus ha "
      + "consegnato 1.250 aerei nel 2004, più di Boeing per la prima. volta nella storia.";

  static final String OTHER_IT_BODY = "Il governo di Roma ha approvato un piano da 3 miliardi di euro per le ferrovie "
      + "del Sud. Il ministro Matteo Salvini ha detto che i cantieri apriranno nel 2026 a Napoli e a Bari.";

  public static Analysis english(String published) {
    return Texts.analysis("news.example.com/airbus-qatar", "Example News", "en", published,
        "Airbus wins Qatar Airways order", EN_BODY, EN_NAMES);
  }

  public static Analysis italian(String published) {
    return Texts.analysis("notizie.example.it/airbus-qatar", "Notizie", "it", published,
        "Airbus vince l'ordine di Qatar Airways", IT_BODY, IT_NAMES);
  }

  static final String FOLLOW_UP_IT_BODY = "Il giorno dopo l'ordine di Qatar Airways, Akbar Al Baker ha detto che "
      + "la compagnia valuta altri aerei Airbus per le rotte verso l'Asia. A Parigi gli analisti hanno ricordato i "
      + "ritardi nelle consegne degli ultimi anni e il prezzo del carburante, salito del 12 per cento da gennaio.";

  /** Another article on the Airbus order, a day later, in Italian: the same news, not a translation. */
  public static Analysis followUpItalian() {
    return Texts.analysis("giornale.example.it/airbus-asia", "Giornale", "it", "2024-05-02T09:00:00Z",
        "Qatar Airways guarda ancora ad Airbus", FOLLOW_UP_IT_BODY, IT_NAMES);
  }

  public static Analysis otherItalian() {
    return Texts.analysis("notizie.example.it/ferrovie", "Notizie", "it", null, "Piano per le ferrovie",
        OTHER_IT_BODY, "Roma=Rome/LOC", "Matteo Salvini=Matteo Salvini/PER", "Napoli=Naples/LOC", "Bari=Bari/LOC");
  }
}
