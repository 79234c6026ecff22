package org.lente.nlp.time;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lente.nlp.time.TimeTagger.Tense;

/**
 * The tense cues of one text, found in one pass over it: where its sentences end and where its future and past
 * verbs are. {@link #at(int)} then answers by binary search, so tagging a sentence of n dates costs n log n, not
 * n times the sentence. Immutable and thread-safe.
 */
final class Tenses {
  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
  /** Characters that end a sentence for tense purposes; no cue below contains one, so no cue spans two sentences. */
  private static final String ENDS = ".!?\n;";
  /**
   * English words in -ed that are no past cue: verbs of saying, which give the time of the report and not of what is
   * reported, and the future cues "scheduled", "expected" ("is scheduled to" is not a past).
   */
  private static final String NOT_PAST_EN = "said|announced|reported|stated|added|noted|claimed|explained|confirmed|disclosed"
      + "|scheduled|expected";
  /**
   * Strong future cues: auxiliaries and present phrases of intent. Not "would" (as often a past conditional, "feared he
   * would be seen", as the future of reported speech), "expects to" ("expects to report third-quarter results" is about a
   * quarter over) nor "planned to" (a past intention).
   */
  private static final Map<Lang, Pattern> FUTURE = Map.of(
      Lang.IT, Pattern.compile("\\b(\\p{L}+(erà|irà|arà|eranno|iranno|aranno|eremo|iremo|aremo|erò|irò|arò)|sarà|saranno|prossim[oaie])\\b", F),
      Lang.EN, Pattern.compile("\\b(will|shall|'ll|going to|next|upcoming|scheduled|expected to"
          + "|(?:plans?|intends?|set|supposed) to)\\b", F));
  /**
   * Words of intent, schedule or expectation anywhere in a sentence, the future of reported speech included ("planned a
   * march on Saturday", "would leave Thursday", "expects to report"), beside the {@link #FUTURE} auxiliaries: weaker
   * cues, as they also speak of plans that are over, so {@link Direction} learns how much they weigh.
   */
  private static final Map<Lang, Pattern> INTENT = Map.of(
      Lang.IT, Pattern.compile("\\b(\\p{L}+(erebbe|irebbe|arebbe|erebbero|irebbero|arebbero)|sarebbe|sarebbero"
          + "|prevede|prevedono|previst[oaie]|programmat[oaie]|in programma|intende|intendono)\\b", F),
      Lang.EN, Pattern.compile("\\b(would|'d|plans?|planned|planning|intends?|intended"
          + "|expects?|expected|expecting|scheduled|hopes? to|hoped to|aims? to|set to|forecast|projected)\\b", F));
  /** Strong past cues: auxiliaries and, in Italian, participles (which follow an auxiliary). */
  private static final Map<Lang, Pattern> PAST = Map.of(
      Lang.IT, Pattern.compile("\\b(ha|hanno|aveva|avevano|era|erano|fu|furono|\\p{L}{2,}(ato|ata|ati|ate|ito|ita|iti|uto|uta))\\b", F),
      Lang.EN, Pattern.compile("\\b(was|were|had|did)\\b", F));
  /**
   * Weak past cues, heard only in a sentence without any strong cue: English words in -ed are a simple past as often
   * as a participle or an adjective ("preferred shares", "as originally planned", "an unspecified date").
   */
  private static final Map<Lang, Pattern> WEAK_PAST = Map.of(
      Lang.IT, Pattern.compile("(?!)"), // none: an Italian participle follows its auxiliary, a strong cue
      // NOTE: not a reporting verb: "said Dec. 15 is the deadline" dates the report, not the deadline
      Lang.EN, Pattern.compile("\\b(?!(?:" + NOT_PAST_EN + ")\\b)(\\p{L}{2,}ed)\\b", F));

  private final int length;
  /** Offsets of the sentence-ending characters, ascending. */
  private final int[] ends;
  private final Cues future;
  private final Cues past;
  private final Cues weakPast;
  private final Cues intent;

  private Tenses(int length, int[] ends, Cues future, Cues past, Cues weakPast, Cues intent) {
    this.length = length;
    this.ends = ends;
    this.future = future;
    this.past = past;
    this.weakPast = weakPast;
    this.intent = intent;
  }

  /** The cues of {@code s}, the normalised text the rules match. */
  static Tenses of(String s, Lang lang) {
    int[] ends = new int[16];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (ENDS.indexOf(s.charAt(i)) >= 0) {
        if (n == ends.length) ends = Arrays.copyOf(ends, 2 * n);
        ends[n++] = i;
      }
    }
    return new Tenses(s.length(), Arrays.copyOf(ends, n), Cues.of(FUTURE.get(lang).matcher(s)), Cues.of(PAST.get(lang).matcher(s)),
        Cues.of(WEAK_PAST.get(lang).matcher(s)), Cues.of(INTENT.get(lang).matcher(s)));
  }

  /** The tense cue that decides a sentence's direction, strongest first; see {@link #cue(int)}. */
  enum Cue { FUTURE, PAST, WEAK_PAST, NONE }

  /**
   * The tense of the sentence around {@code pos}: that of the strong cue nearest to it ("ha affermato lunedì che
   * sostituirà" is past), else of a weak one ("Police seized a car bomb Sunday" is past), or NONE when the sentence
   * has no cue. "The shares, preferred by funds, will be redeemed on Oct. 31" is future: "will" outweighs "preferred".
   */
  Tense at(int pos) {
    return switch (cue(pos)) {
      case FUTURE -> Tense.FUTURE;
      case PAST, WEAK_PAST -> Tense.PAST;
      case NONE -> Tense.NONE;
    };
  }

  /** The cue {@link #at(int)} reads: the nearest strong cue of the sentence around {@code pos}, else a weak one. */
  Cue cue(int pos) {
    int[] sentence = sentence(pos);
    int from = sentence[0], to = sentence[1];
    int f = future.distance(pos, from, to);
    int p = past.distance(pos, from, to);
    if (f == Integer.MAX_VALUE && p == Integer.MAX_VALUE) {
      return weakPast.distance(pos, from, to) == Integer.MAX_VALUE ? Cue.NONE : Cue.WEAK_PAST;
    }
    return f < p ? Cue.FUTURE : Cue.PAST;
  }

  /** Whether the sentence around {@code pos} holds a word of intent, schedule or expectation, wherever it stands. */
  boolean intent(int pos) {
    int[] sentence = sentence(pos);
    return intent.distance(pos, sentence[0], sentence[1]) != Integer.MAX_VALUE;
  }

  /** The start and end offsets of the sentence around {@code pos}: after the previous sentence end, up to the next. */
  private int[] sentence(int pos) {
    int i = Arrays.binarySearch(ends, pos);
    int after = i >= 0 ? i : -i - 1; // first end at or after pos
    return new int[] {after == 0 ? 0 : ends[after - 1] + 1, after == ends.length ? length : ends[after]};
  }

  /** Whether offsets {@code a} and {@code b} lie in the same sentence (no sentence end between them). */
  boolean sameSentence(int a, int b) {
    int i = Arrays.binarySearch(ends, Math.min(a, b));
    int k = i >= 0 ? i : -i - 1; // first end at or after the smaller offset
    return k == ends.length || ends[k] >= Math.max(a, b);
  }

  /** The matches of one cue pattern as parallel arrays of starts and ends, both ascending (matches do not overlap). */
  private record Cues(int[] starts, int[] ends) {
    static Cues of(Matcher m) {
      int[] s = new int[16], e = new int[16];
      int n = 0;
      while (m.find()) {
        if (n == s.length) {
          s = Arrays.copyOf(s, 2 * n);
          e = Arrays.copyOf(e, 2 * n);
        }
        s[n] = m.start();
        e[n++] = m.end();
      }
      return new Cues(Arrays.copyOf(s, n), Arrays.copyOf(e, n));
    }

    /** Characters between {@code at} and the closest match inside [from, to), or MAX_VALUE when none. */
    int distance(int at, int from, int to) {
      int i = Arrays.binarySearch(ends, at + 1);
      int k = i >= 0 ? i : -i - 1; // matches [0, k) end at or before at; ends are distinct, as matches are not empty
      int best = Integer.MAX_VALUE;
      if (k > 0 && starts[k - 1] >= from) {
        best = at - ends[k - 1];
      }
      if (k < ends.length && ends[k] <= to) {
        best = Math.min(best, Math.max(0, starts[k] - at));
      }
      return best;
    }
  }
}
