package org.lente.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;

/**
 * One article as lineage compares it: its analysis, and what {@link Overlap}, {@link Likeness} and
 * {@link Provenance} read from it, each computed on first use and then kept — its signature, its
 * words and shingles, the words of each sentence, its credit lines, misplaced sentence breaks,
 * function words of another language, its lower-case words, and decimals in another language's convention. An article is
 * compared with many new ones while it is recent; {@link Lineage} keeps the latest articles' profiles
 * so that each is read and reduced once, not once per comparison.
 *
 * <p>Not thread-safe: a profile is used under its owner's lock (or by one thread).
 */
final class Profile {

  private final Analysis analysis;
  /** The article's text: {@code Article.text()} joins its blocks at each call. */
  private String text;
  private Signature signature;
  /** The anchors of its text read elsewhere ({@link #textFeatures}), until the signature is made of them; else null. */
  private Signature.TextAnchors textAnchors;
  private MinHash.Words words;
  private long[] shingles;
  private Set<Long> shingleSet;
  private List<Set<String>> sentenceWords;
  private Set<String> sentenceTexts;
  private String lowerText;
  private Map<String, String> creditLines;
  private List<String> badBreaks;
  private Set<String> lowerWords;
  private final Map<String, List<String>> foreign = new HashMap<>(4);
  private final Map<String, List<String>> otherConvention = new HashMap<>(4);

  /** A profile whose signature is computed from the analysis when first needed. */
  Profile(Analysis analysis) {
    this(analysis, null);
  }

  /** A profile with a given signature (for example one {@link Signature#withoutPublished() without} the publication time). */
  Profile(Analysis analysis, Signature signature) {
    this.analysis = Objects.requireNonNull(analysis, "analysis");
    this.signature = signature;
  }

  Analysis analysis() {
    return analysis;
  }

  /**
   * Takes the text's words and shingles as computed elsewhere ({@link MinHash#words}, {@link MinHash#shingles} of
   * {@link #text}), not computed again, and the anchors of its text for its {@link #signature}
   * ({@link Signature#of(Analysis, Signature.TextAnchors)}, which reads them again if they were read from another
   * analysis).
   */
  void textFeatures(MinHash.Words words, long[] shingles, Signature.TextAnchors anchors) {
    this.words = java.util.Objects.requireNonNull(words, "words");
    this.shingles = java.util.Objects.requireNonNull(shingles, "shingles");
    this.textAnchors = java.util.Objects.requireNonNull(anchors, "anchors");
  }

  String text() {
    if (text == null) {
      text = analysis.article().text();
    }
    return text;
  }

  Signature signature() {
    if (signature == null) {
      signature = textAnchors == null ? Signature.of(analysis) : Signature.of(analysis, textAnchors);
      textAnchors = null; // read into the signature
    }
    return signature;
  }

  /** The signature when it was made ({@link #signature}), else null: nothing is computed. */
  Signature signatureIfMade() {
    return signature;
  }

  MinHash.Words words() {
    if (words == null) {
      words = MinHash.words(text());
    }
    return words;
  }

  long[] shingles() {
    if (shingles == null) {
      shingles = MinHash.shingles(words());
    }
    return shingles;
  }

  Set<Long> shingleSet() {
    if (shingleSet == null) {
      long[] s = shingles();
      shingleSet = new HashSet<>(s.length * 2);
      for (long x : s) {
        shingleSet.add(x);
      }
    }
    return shingleSet;
  }

  /** The folded words of each sentence, in sentence order. */
  List<Set<String>> sentenceWords() {
    if (sentenceWords == null) {
      String t = text();
      List<Set<String>> out = new ArrayList<>(analysis.sentences().size());
      for (Sentence s : analysis.sentences()) {
        out.add(new HashSet<>(MinHash.words(t.substring(s.start(), s.end())).words()));
      }
      sentenceWords = out;
    }
    return sentenceWords;
  }

  /** The sentences' texts. */
  Set<String> sentenceTexts() {
    if (sentenceTexts == null) {
      String t = text();
      Set<String> out = new HashSet<>(analysis.sentences().size() * 2);
      for (Sentence s : analysis.sentences()) {
        out.add(t.substring(s.start(), s.end()));
      }
      sentenceTexts = out;
    }
    return sentenceTexts;
  }

  /** The credit line naming each outlet {@link Provenance} knows that the text credits, by outlet. */
  Map<String, String> creditLines() {
    if (creditLines == null) {
      if (lowerText == null) {
        lowerText = text().toLowerCase(Locale.ROOT);
      }
      creditLines = Provenance.creditLines(text(), lowerText);
    }
    return creditLines;
  }

  /** Sentence breaks before a lower-case word ({@link Provenance#badBreaks}). */
  List<String> badBreaks() {
    if (badBreaks == null) {
      badBreaks = Provenance.badBreaks(text());
    }
    return badBreaks;
  }

  /** The distinct words written in lower case outside names, quotes and addresses ({@link Provenance#lowerWords}). */
  Set<String> lowerWords() {
    if (lowerWords == null) {
      lowerWords = Provenance.lowerWords(analysis);
    }
    return lowerWords;
  }

  /** Function words of {@code other} that are not the text's language's ({@link Provenance#foreign}). */
  List<String> foreign(String other) {
    return foreign.computeIfAbsent(other, o -> Provenance.foreign(text(), signature().language(), o));
  }

  /** Decimals written in {@code other}'s convention ({@link Provenance#otherConvention}). */
  List<String> otherConvention(String other) {
    return otherConvention.computeIfAbsent(other, o -> Provenance.otherConvention(text(), signature().language(), o));
  }
}
