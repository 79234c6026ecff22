package org.lente.nlp.quote;

import java.util.List;
import java.util.Set;
import org.lente.nlp.Token;

/**
 * What speaks for and against text between quotation marks being a direct quote: how its
 * attribution was found, the speaker, and the form of the quoted words. {@link #features()} is the
 * input of {@link DirectQuoteModel}, in the order of {@link #NAMES}.
 *
 * @param how how the attribution was found
 * @param cueDistance tokens between the quotation mark and the nearer of the cue verb and the speaker
 *     named with it, or -1 without a cue
 * @param speaker the kind of speaker mention found
 * @param tokens the quoted words and marks
 * @param content the quoted text
 * @param before the token right before the opening mark, or null
 * @param after the token right after the closing mark, or null
 * @param opensSentence true when the quote opens its sentence (or paragraph)
 * @param continuesSplit true when a comma opens the quote and a quote closed earlier in its sentence:
 *     the second part of "“A,” she said, “B.”"
 */
public record Evidence(How how, int cueDistance, SpeakerKind speaker, List<Token> tokens, String content,
    Token before, Token after, boolean opensSentence, boolean continuesSplit) {

  /** How the attribution of a direct quote was found. */
  public enum How {
    /** A cue after the quote: "”, he said", "”, ha detto X". */
    CUE_AFTER,
    /** A cue before the quote in its sentence: "X said: “", "X ha detto che «". */
    CUE_BEFORE,
    /** A colon after a named source: "X: «…»". */
    COLON,
    /** A dash and a name after the quote: "” ― Name". */
    DASH,
    /** No cue: the subject of the sentence that holds the quote. */
    CONTEXT,
    /** No cue: the speaker of a quote just before. */
    CONTINUED,
    /** Nothing. */
    NONE
  }

  /** The kind of speaker mention. */
  public enum SpeakerKind { ENTITY, OTHER, NONE }

  /** Feature names, the bias first. */
  public static final List<String> NAMES = List.of("bias", "log_tokens", "at_most_3_tokens", "ends_with_punctuation",
      "inner_sentence_end", "capitalised_start", "first_second_person", "clause_word", "title_case", "cue_after",
      "cue_before", "cue_within_3", "colon_before", "dash", "speaker_entity", "speaker_other", "context_subject",
      "continued", "noun_phrase_before", "opens_sentence", "running_text_after", "continues_split");

  /** First and second person pronouns: someone speaking. */
  private static final Set<String> PERSON = Set.of("i", "me", "my", "we", "us", "our", "you", "your", "i'm", "we're",
      "you're", "i've", "we've", "i'll", "we'll", "myself", "ourselves", "io", "noi", "voi", "mio", "mia", "miei",
      "nostro", "nostra", "nostri", "vostro", "vostra", "abbiamo", "siamo", "sono", "ho");
  /** Closed-class verb forms and negations: the quoted words make a clause. */
  private static final Set<String> CLAUSE = Set.of("is", "are", "was", "were", "be", "been", "am", "'s", "'re", "'m",
      "will", "would", "can", "could", "should", "must", "have", "has", "had", "do", "does", "did", "not", "n't",
      "won't", "don't", "can't", "didn't", "isn't", "it's", "there's", "that's", "è", "sono", "era", "erano", "sarà",
      "saranno", "ha", "hanno", "ho", "abbiamo", "non", "può", "possono", "deve", "devono", "siamo", "stato", "stata",
      "c'è", "vogliamo", "voglio");
  /** Words that make what follows a noun phrase: "the “X”", "as a “con artist”", "il cosiddetto «Y»". */
  private static final Set<String> NOUN_PHRASE = Set.of("the", "a", "an", "as", "of", "called", "so-called", "dubbed",
      "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "'s", "in", "on", "for",
      "at", "from", "by", "about", "with", "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "l'", "un'", "del",
      "della", "dei", "degli", "delle", "di", "da", "come", "cosiddetto", "cosiddetta", "cosiddetti", "definito",
      "per", "su", "nel", "nella", "sul", "sulla", "al", "alla", "tra", "fra", "con");
  private static final Set<String> MINOR = Set.of("a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "at",
      "by", "with", "from", "di", "e", "il", "la", "le", "del", "della", "da", "per", "con");

  /** The model's input, in the order of {@link #NAMES}. */
  public double[] features() {
    List<Token> words = tokens.stream().filter(t -> !t.punctuation()).toList();
    String trimmed = content.strip();
    char last = trimmed.isEmpty() ? ' ' : trimmed.charAt(trimmed.length() - 1);
    double[] f = new double[NAMES.size()];
    f[0] = 1;
    f[1] = Math.log1p(words.size());
    f[2] = words.size() <= 3 ? 1 : 0;
    // a clause ends with the quote: punctuation inside the closing mark (“…,”) or right after it («…»,)
    f[3] = ".?!,".indexOf(last) >= 0 || after != null && after.text().length() == 1
        && ".?!,;".indexOf(after.text().charAt(0)) >= 0 ? 1 : 0;
    f[4] = innerSentenceEnd(trimmed) ? 1 : 0;
    f[5] = !words.isEmpty() && words.get(0).capitalized() ? 1 : 0;
    f[6] = words.stream().anyMatch(t -> PERSON.contains(t.lower())) ? 1 : 0;
    f[7] = words.stream().anyMatch(t -> CLAUSE.contains(t.lower()) || t.lower().endsWith("n't")) ? 1 : 0;
    f[8] = titled() ? 1 : 0;
    f[9] = how == How.CUE_AFTER ? 1 : 0;
    f[10] = how == How.CUE_BEFORE ? 1 : 0;
    f[11] = cueDistance >= 0 && cueDistance <= 3 ? 1 : 0;
    f[12] = before != null && before.text().equals(":") ? 1 : 0;
    f[13] = how == How.DASH ? 1 : 0;
    f[14] = speaker == SpeakerKind.ENTITY ? 1 : 0;
    f[15] = speaker == SpeakerKind.OTHER ? 1 : 0;
    f[16] = how == How.CONTEXT ? 1 : 0;
    f[17] = how == How.CONTINUED ? 1 : 0;
    f[18] = before != null && NOUN_PHRASE.contains(before.lower()) ? 1 : 0;
    f[19] = opensSentence ? 1 : 0;
    f[20] = after != null && !after.punctuation() && !after.capitalized() && Cues.lemma(after.lower()) == null
        && !Cues.AUXILIARIES.contains(after.lower()) ? 1 : 0;
    f[21] = continuesSplit ? 1 : 0;
    return f;
  }

  /** True when the quoted words read as a title or a name: two or more, all capitalised but the minor ones. */
  boolean titled() {
    return titleCase(tokens.stream().filter(t -> !t.punctuation()).toList());
  }

  /** A sentence end inside the quote: ". " or "? " or "! " followed by more words. */
  private static boolean innerSentenceEnd(String s) {
    for (int i = 0; i + 2 < s.length(); i++) {
      if (".?!".indexOf(s.charAt(i)) >= 0 && Character.isWhitespace(s.charAt(i + 1))
          && Character.isLetter(s.charAt(i + 2))) {
        return true;
      }
    }
    return false;
  }

  /** Two or more words, every one but the minor ones capitalised: a title or a name. */
  private static boolean titleCase(List<Token> words) {
    if (words.size() < 2) {
      return false;
    }
    for (Token t : words) {
      if (!t.capitalized() && !MINOR.contains(t.lower()) && !Character.isDigit(t.text().charAt(0))) {
        return false;
      }
    }
    return true;
  }
}
