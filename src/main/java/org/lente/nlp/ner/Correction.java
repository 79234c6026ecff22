package org.lente.nlp.ner;

/**
 * The rules {@link EntityTagger} applies after the statistical model, each one a general mistake of
 * the models on news text; an evaluation may switch them on one by one to measure each. Kept only
 * while the held-out folds of {@code scripts/train-ner-folds} score higher with a rule than without
 * (docs/ner.md).
 */
public enum Correction {
  /** No article, preposition, punctuation or lower-case adjective at a name's edge. */
  TRIM_EDGES,
  /** In an Italian sports sentence, a town after a masculine article or before a score is the club. */
  SPORTS_CLUBS,
  /** A place's qualifier set off by commas ("Washington, DC,", "Paris, Texas.") is a place too. */
  QUALIFIED_PLACES,
  /** A lower-case surname particle ("de Gea", "van Persie") before a name opens a person's name. */
  SURNAME_PARTICLES
}
