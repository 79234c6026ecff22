package org.lente.web;

import java.io.IOException;
import org.lente.knowledge.KnowledgeBase;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;

/** Short articles written for the web tests, in English and Italian, and hostile ones. */
final class Newsroom {

  static final String EVIL = "<script>alert('x')</script><img src=x onerror=alert(1)>";
  static final String SVG = "<svg onload=alert(2)><foreignObject><iframe src=javascript:alert(3)></iframe></foreignObject></svg>";
  static final String STYLE = "</style><style>body{display:none}</style>";

  private Newsroom() {}

  static Analysis pyongyang() {
    return Analyses.text(
            "Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with Kim Jong Un.",
            "\"We will sign a new partnership,\" Putin said, according to the Kremlin.",
            "The United Nations said on Thursday it was following the visit closely.")
        .url("https://news.example.com/2024/06/19/putin-pyongyang").title("Putin arrives in Pyongyang")
        .site("Example News").author("Jane Doe").published("2024-06-19").language("en")
        .entity("Vladimir Putin", Entity.Type.PER, "Vladimir Putin", "Russian President")
        .entity("Pyongyang", Entity.Type.LOC, "Pyongyang")
        .entity("Kim Jong Un", Entity.Type.PER, "Kim Jong Un")
        .entity("Putin said", Entity.Type.PER, "Vladimir Putin", null, "Putin".length())
        .entity("Kremlin", Entity.Type.ORG, "Kremlin")
        .entity("United Nations", Entity.Type.ORG, "United Nations")
        .quote("We will sign a new partnership,", "Putin said", "Vladimir Putin", "say", "Putin".length())
        .quote(Quote.Kind.INDIRECT, "it was following the visit closely", "The United Nations", "United Nations", "say")
        .time("Wednesday", "2024-06-19").time("Thursday", "2024-06-20")
        .build();
  }

  static Analysis hanoi() {
    return Analyses.text(
            "Il presidente russo Vladimir Putin ha lasciato la Corea del Nord giovedì ed è arrivato ad Hanoi.",
            "«Il Vietnam è un partner affidabile», ha detto Putin ai giornalisti.",
            "Secondo il ministero degli Esteri, la visita durerà fino a venerdì 21 giugno.")
        .url("https://notizie.example.it/2024/06/20/putin-hanoi").title("Putin lascia la Corea del Nord per il Vietnam")
        .site("Notizie Esempio").author("Mario Rossi").published("2024-06-20").language("it")
        .bio("Mario Rossi scrive di politica estera dal 2010.")
        .entity("Vladimir Putin", Entity.Type.PER, "Vladimir Putin", "presidente russo")
        .entity("Corea del Nord", Entity.Type.LOC, "Corea del Nord")
        .entity("Hanoi", Entity.Type.LOC, "Hanoi")
        .entity("Vietnam", Entity.Type.LOC, "Vietnam")
        .entity("Putin ai", Entity.Type.PER, "Vladimir Putin", null, "Putin".length())
        .entity("ministero degli Esteri", Entity.Type.ORG, "ministero degli Esteri")
        .quote("Il Vietnam è un partner affidabile", "Putin ai", "Vladimir Putin", "dire", "Putin".length())
        .time("giovedì", "2024-06-20").time("venerdì 21 giugno", "2024-06-21")
        .build();
  }

  static Analysis seoul() {
    return Analyses.text(
            "South Korea's foreign ministry said on Friday that the agreement between Kim Jong Un and Putin was a threat.",
            "Officials in Seoul met on June 21 to discuss the response.")
        .url("https://daily.example.net/seoul-reacts").title("Seoul reacts to the Pyongyang pact")
        .site("Daily Example").author("Min-jun Park").published("2024-06-21").language("en")
        .entity("South Korea", Entity.Type.LOC, "South Korea")
        .entity("Kim Jong Un", Entity.Type.PER, "Kim Jong Un")
        .entity("Putin", Entity.Type.PER, "Vladimir Putin")
        .entity("Seoul", Entity.Type.LOC, "Seoul")
        .time("Friday", "2024-06-21").time("June 21", "2024-06-21")
        .build();
  }

  /** The three articles above, stored. */
  static void fill(KnowledgeBase kb) throws IOException {
    kb.add("https://news.example.com/2024/06/19/putin-pyongyang", pyongyang());
    kb.add("https://notizie.example.it/2024/06/20/putin-hanoi", hanoi());
    kb.add("https://daily.example.net/seoul-reacts", seoul());
    kb.flush();
  }

  /** Articles carrying script, event handlers, javascript: URLs and SVG in every field. */
  static void hostile(KnowledgeBase kb) throws IOException {
    Analysis a = Analyses.text(
            EVIL + " Evilcorp said \"" + SVG + "\" yesterday.",
            "<a href=\"javascript:alert(4)\">click</a> " + STYLE + " <math><mi xlink:href=\"javascript:alert(5)\">x</mi></math>")
        .url("javascript:alert(6)//https://evil.example/x").title(EVIL + " headline " + SVG)
        .site(SVG + " Evil Site").author(EVIL + " Eve").author("\"><svg onload=alert(7)>").published("2024-06-22")
        .language("en").bio(EVIL + " bio " + STYLE)
        .entity("Evilcorp", Entity.Type.ORG, "Evilcorp " + EVIL, "\"><img src=x onerror=alert(8)>")
        .entity("<img src=x onerror=alert(1)>", Entity.Type.MISC, SVG)
        .quote(SVG, "Evilcorp", "Evilcorp " + EVIL, "</style>")
        .time("yesterday", "\"><script>alert(9)</script>")
        .build();
    kb.add("javascript:alert(6)//https://evil.example/x", a);
    Analysis b = Analyses.text("Evilcorp again: " + EVIL)
        .url("https://evil.example/" + "\"onmouseover=\"alert(10)").title("Evilcorp " + STYLE)
        .site("evil.example").author(EVIL + " Eve").published("2024-06-22").language("en")
        .entity("Evilcorp", Entity.Type.ORG, "Evilcorp " + EVIL)
        .build();
    kb.add("https://evil.example/b", b);
    kb.flush();
  }
}
