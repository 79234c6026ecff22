package org.lente.nlp;

/**
 * A sentence of a text: character offsets {@code [start, end)} and the tokens {@code [first, last)}
 * it holds, indexes into the text's token list.
 */
public record Sentence(int start, int end, int first, int last) {

  public Sentence {
    if (start < 0 || end <= start || first < 0 || last <= first) {
      throw new IllegalArgumentException("empty sentence " + start + "-" + end);
    }
  }
}
