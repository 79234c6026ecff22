package org.lente.nlp.quote;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Verbs of saying (and of stating, promising, denying, describing) in Italian and English, by
 * inflected form, each with its lemma: "detto" → "dire", "negato" → "negare", "told" → "tell".
 */
final class Cues {

  private static final Map<String, String> FORMS = new HashMap<>();

  /** Italian auxiliaries and modals that stand between a subject and a participle cue. */
  static final Set<String> AUXILIARIES = Set.of(
      "ha", "hanno", "aveva", "avevano", "avrebbe", "avrebbero", "abbia", "abbiano", "è", "sono", "era", "erano",
      "has", "have", "had", "is", "was", "were", "are", "will", "would", "did", "does", "do", "also", "later",
      "anche", "poi", "già", "non", "not", "then", "previously", "again", "inoltre", "infatti", "pure");

  static {
    // Italian regular verbs: participle and past historic (present forms below: many are also nouns).
    for (String v : ("affermare dichiarare spiegare sottolineare annunciare negare precisare osservare commentare"
        + " ringraziare assicurare denunciare confermare replicare ricordare raccontare esortare minacciare accusare"
        + " avvisare twittare rivelare ammonire lamentare attaccare criticare elogiare annotare specificare"
        + " rimarcare evidenziare indicare insistere dichiarare ripetere notare giurare ordinare smentire garantire"
        + " avvertire ribadire riferire definire suggerire chiarire esclamare gridare urlare tuonare scherzare postare"
        + " incalzare").split(" ")) {
      italian(v);
    }
    irregular("dire", "detto", "dice", "dicono", "disse", "dissero");
    irregular("aggiungere", "aggiunto", "aggiunge", "aggiungono", "aggiunse");
    irregular("promettere", "promesso", "promette", "promettono", "promise");
    irregular("scrivere", "scritto", "scrive", "scrivono", "scrisse");
    irregular("ammettere", "ammesso", "ammette", "ammise");
    irregular("rispondere", "risposto", "risponde", "rispose");
    irregular("concludere", "concluso", "conclude", "concluse");
    irregular("chiedere", "chiesto", "chiede", "chiedono", "chiese");
    irregular("descrivere", "descritto", "descrive", "descrisse");
    irregular("sostenere", "sostenuto", "sostiene", "sostengono", "sostenne");
    irregular("esprimere", "espresso", "esprime");
    irregular("insistere", "insistito", "insiste");
    irregular("ritenere", "ritenuto", "ritiene", "ritengono");
    irregular("sottolineare", "sottolineato");
    irregular("affermare", "afferma", "affermano", "affermando");
    irregular("dire", "dicendo");
    irregular("spiegare", "spiegando");
    irregular("sottolineare", "sottolineando");
    irregular("aggiungere", "aggiungendo");
    irregular("spiegare", "spiega", "spiegano");
    irregular("dichiarare", "dichiara");
    irregular("sottolineare", "sottolinea", "sottolineano");
    irregular("ribadire", "ribadisce", "ribadiscono");
    irregular("precisare", "precisa");
    irregular("assicurare", "assicura", "assicurano");
    irregular("osservare", "osserva");
    irregular("commentare", "commenta");
    irregular("negare", "nega", "negano");
    irregular("riferire", "riferisce", "riferiscono");
    irregular("annunciare", "annuncia", "annunciano");
    // English
    irregular("say", "said", "says", "say", "saying");
    irregular("call", "called", "calls", "calling");
    irregular("describe", "described", "describes", "describing");
    irregular("speak", "spoke", "speaks");
    irregular("sing", "sang", "sings");
    irregular("tell", "telling");
    irregular("tell", "told", "tells", "telling");
    irregular("write", "wrote", "writes", "written");
    irregular("deny", "denied", "denies", "deny");
    irregular("reply", "replied", "replies");
    for (String v : ("add state note claim argue explain warn insist announce report tweet ask respond continue"
        + " acknowledge admit confirm suggest predict declare recall promise thank describe urge contend maintain"
        + " complain emphasize stress observe remark estimate assert reiterate allege tell testify vow boast quip joke shout"
        + " exclaim proclaim concede counter retort plead wonder agree recount muse post demand caution lament scoff tout"
        + " chant yell").split(" ")) {
      english(v);
    }
  }

  private Cues() {}

  /** The lemma of {@code lowerForm} when it is a cue, else null. */
  static String lemma(String lowerForm) {
    return FORMS.get(lowerForm);
  }

  private static void italian(String lemma) {
    String stem = lemma.substring(0, lemma.length() - 3);
    if (lemma.endsWith("are")) {
      put(lemma, stem + "ato", stem + "arono", stem + "ò");
    } else if (lemma.endsWith("ire")) {
      put(lemma, stem + "ito", stem + "irono", stem + "ì");
    } else {
      put(lemma, stem + "uto");
    }
  }

  private static void english(String lemma) {
    String base = lemma.endsWith("e") ? lemma.substring(0, lemma.length() - 1) : lemma;
    String past = lemma.endsWith("y") && !lemma.endsWith("ay") ? lemma.substring(0, lemma.length() - 1) + "ied"
        : base + "ed";
    String third = lemma.endsWith("s") || lemma.endsWith("sh") ? lemma + "es" : lemma + "s";
    put(lemma, past, third); // not the base form: "state", "note", "report" are nouns too
  }

  private static void irregular(String lemma, String... forms) {
    put(lemma, forms);
  }

  private static void put(String lemma, String... forms) {
    for (String f : forms) {
      FORMS.putIfAbsent(f, lemma);
    }
  }
}
