package org.lente.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Random and hostile texts made of the tagger's own words, numbers out of range and odd characters: whatever the text
 * and the anchor, the tagger returns expressions whose offsets cover the text, in bounded time, and never throws.
 */
class TimeTaggerRobustnessTest {
  private static final String[] FRAGMENTS = {
      "il", "the", "on", "of", "dal", "al", "tra", "fra", "entro", "in", "for", "per", "from", "to", "e", "and", "-", "–",
      "gennaio", "febbraio", "aprile", "novembre", "january", "february", "april", "may", "May", "november", "feb.", "sept",
      "lunedì", "martedì", "sabato", "monday", "tuesday", "fri", "ogni", "every", "next", "last", "this", "scorso", "prossimo",
      "anni", "anno", "mesi", "settimane", "giorni", "ore", "minuti", "years", "year", "months", "weeks", "days", "hours",
      "fa", "ago", "from now", "later", "upcoming", "ultimi", "alle", "at", "le", "pm", "a.m.", "o'clock", "h", "ish",
      "mezzogiorno", "midnight", "sera", "tonight", "morning", "quarter", "trimestre", "half", "past", "early", "mid", "late",
      "end", "beginning", "week", "month", "natale", "pasqua", "easter", "christmas", "ramadan", "thanksgiving", "yom kippur",
      "ha", "aveva", "sarà", "will", "said", "was", "firmato", "voterà", "oggi", "ieri", "domani", "today", "yesterday",
      "0", "00", "1", "12", "13", "24", "25", "29", "30", "31", "32", "59", "60", "99", "0000", "1999", "2020", "9999",
      "999999", "1000000", "99999999999", "4294967296", "9223372036854775808", "1e9", "10^12", "3/4", "2.5", "1,5",
      "/", ".", ",", ":", ";", "'", "’", "\u00a0", "\n", " ", "  ", "%", "$", "^", "(", ")", "İ", "ß", "ﬀ", "\uD83D\uDE00",
      "est", "cet", "utc", "st", "nd", "th", "primo", "first", "ventuno", "twenty-four", "a few", "diversi"};
  private static final LocalDate[] ANCHORS = {LocalDate.of(2024, 6, 19), LocalDate.of(2023, 2, 28), LocalDate.of(2024, 2, 29),
      LocalDate.of(0, 1, 1), LocalDate.of(9999, 12, 31), null};

  private final TimeTagger tagger = new TimeTagger();

  @Test void randomTextsOfTheTaggersWordsNeverThrow() {
    Random random = new Random(13);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      StringBuilder text = new StringBuilder();
      int n = 1 + random.nextInt(30);
      for (int k = 0; k < n; k++) {
        text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        text.append(random.nextInt(4) == 0 ? "" : random.nextInt(8) == 0 ? "-" : " ");
      }
      texts.add(random.nextBoolean() ? text.toString() : text.substring(0, random.nextInt(text.length() + 1)));
    }
    // about 5 s on a loaded two-core machine
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> texts.forEach(t -> tag(t, random, true)));
  }

  @Test void randomCharactersNeverThrow() {
    Random random = new Random(13);
    List<String> texts = new ArrayList<>();
    String alphabet = "0123456789 /-.:,;'\n amrgilotvdnsehy İ\u00a0’";
    for (int i = 0; i < 1_000; i++) {
      char[] text = new char[random.nextInt(60)];
      for (int k = 0; k < text.length; k++) {
        text[k] = random.nextInt(10) == 0 ? (char) random.nextInt(0x3000) : alphabet.charAt(random.nextInt(alphabet.length()));
      }
      texts.add(new String(text));
    }
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> texts.forEach(t -> tag(t, random, true)));
  }

  /** Each text is some 50,000 characters, the most the analyzer gives the tagger, and was quadratic or threw once. */
  @Test void longRepetitiveTextsAreTaggedInBoundedTime() {
    List<String> texts = List.of("9".repeat(50_000) + " anni fa", "il ".repeat(17_000) + "3 marzo",
        "alle 10:00 - ".repeat(4_000), "dal 3 al 4 marzo e ".repeat(2_500), "il 31 novembre 2017, ".repeat(2_400),
        "lunedì" + " ,".repeat(25_000) + "x martedì", "İ".repeat(50_000) + " 2020");
    // about 1 s each on a loaded two-core machine
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> texts.forEach(t -> tag(t, new Random(13), false)));
  }

  /** Tags {@code text} in each language at a random anchor, and as a Duckling phrase when {@code phrase}. */
  private void tag(String text, Random random, boolean phrase) {
    for (Lang lang : Lang.values()) {
      LocalDate anchor = ANCHORS[random.nextInt(ANCHORS.length)];
      try {
        for (Timex t : tagger.find(text, lang, anchor)) {
          assertEquals(text.substring(t.start(), t.end()), t.text());
        }
        if (phrase) {
          tagger.duckling(text, lang, LocalDateTime.of(2013, 2, 12, 4, 30));
        }
      } catch (RuntimeException e) {
        fail("tagging " + lang + " text " + quoted(text) + " anchored at " + anchor + " threw " + e, e);
      }
    }
  }

  private static String quoted(String text) {
    String t = text.length() > 200 ? text.substring(0, 200) + "..." : text;
    return '"' + t.replace("\n", "\\n") + '"';
  }
}
