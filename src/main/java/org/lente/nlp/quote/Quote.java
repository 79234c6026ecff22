package org.lente.nlp.quote;

import java.util.Locale;
import java.util.Objects;

/**
 * Something a source said, in the source's words (direct) or reported (indirect).
 *
 * @param text the quoted or reported content, {@code [start, end)} of the analysed text (for a direct
 *     quote, inside the quotation marks)
 * @param speaker the words that name the source where the text names it (a name, "he", "le
 *     agenzie di stampa russe"), or null when no source was found
 * @param speakerStart offset of {@code speaker} in the text, or -1
 * @param speakerCanonical the source's fullest name in the text ("Antony Blinken" for "Blinken"
 *     or for a "he" that refers to him), or null
 * @param cue the verb or phrase that introduces the quote, as a lemma ("dire", "negare", "say",
 *     "according to"), or null for a quote with no cue
 */
public record Quote(String text, Kind kind, String speaker, int speakerStart, String speakerCanonical, String cue,
    int start, int end) {

  /**
   * Direct: between quotation marks; indirect: reported speech; partial: the speaker's own words, between
   * quotation marks, that end a reported clause ("Secondo X, le sanzioni «non hanno alcun effetto»": the
   * indirect quote holds the whole clause, marks included, and the partial one its quoted words, with the
   * same speaker). PolNeAR annotates such words as part of the reported content, never as a direct quote.
   */
  public enum Kind {
    DIRECT, INDIRECT, PARTIAL;

    /** How JSON and the reader spell it: {@code direct}, {@code indirect} or {@code partial}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** True for the speaker's own words between quotation marks (direct and partial), which readers show in marks. */
    public boolean quoted() {
      return this != INDIRECT;
    }
  }

  public Quote {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    if (start < 0 || end - start != text.length()) {
      throw new IllegalArgumentException("bad quote span " + start + "-" + end);
    }
    if (speaker == null ? speakerStart != -1 : speakerStart < 0) {
      throw new IllegalArgumentException("speaker offset " + speakerStart + " for " + speaker);
    }
  }

  /** End offset of {@code speaker}, or -1. */
  public int speakerEnd() {
    return speaker == null ? -1 : speakerStart + speaker.length();
  }
}
