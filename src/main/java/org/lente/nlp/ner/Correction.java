package org.lente.nlp.ner;

/**
 * The rules {@link EntityTagger} applies after the statistical model, each one a general mistake of
 * the models on news text; an evaluation may switch them on one by one to measure each.
 */
public enum Correction {
  /** An Italian articulated preposition ("al", "nel", "dalla") or "contro" is never inside a name. */
  SPLIT_AT_PREPOSITION,
  /** No article, preposition, punctuation or lower-case adjective at a name's edge. */
  TRIM_EDGES,
  /** "Yeonpyeong della Corea del Sud" is two places when the part after "della" is a country. */
  PLACE_OF_COUNTRY,
  /** In an Italian sports sentence, a town after a masculine article or before a score is the club. */
  SPORTS_CLUBS
}
