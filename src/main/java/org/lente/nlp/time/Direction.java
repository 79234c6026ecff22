package org.lente.nlp.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.lente.learn.Logistic;

/**
 * Whether a bare weekday, month, day of month or quarter in news ("Friday", "in March", "Dec. 15", "the fourth
 * quarter") is the occurrence before the anchor or the one after it. A logistic model decides, learned from TimeML news
 * ({@code scripts/train-time-direction}) over the kind of expression, the tense cue of its sentence ({@link Tenses.Cue})
 * and how far each of the two occurrences lies from the anchor: a weekday in news is nearly always one gone by, a
 * quarter one just over or current, a month next to the anchor the near one whatever the tense. The model is
 * English's, the language of the news it was learned from; Italian keeps the tense rule. Stateless.
 */
final class Direction {
  /** What a bare expression names; each has its own bias in the model. */
  enum Kind { WEEKDAY, MONTH, MONTH_DAY, DAY_OF_MONTH, QUARTER }

  /** One decision, as the training records it: the expression's offset, its features and its two readings. */
  record Case(int pos, Kind kind, double[] features, LocalDate back, LocalDate ahead) {
    Case {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(back, "back");
      Objects.requireNonNull(ahead, "ahead");
      if (features.length != FEATURES.size()) {
        throw new IllegalArgumentException("expected " + FEATURES.size() + " features, got " + features.length);
      }
      features = features.clone();
    }
  }

  /**
   * The features in the weights file's order; the first is the bias. A month and a quarter share one bias
   * ("period"): news quarters are nearly always the one just over, which the distances already say, and a bias of
   * their own, learned from quarters that are never ahead, would outweigh any future cue ("will open in the first
   * quarter" in December).
   */
  static final List<String> FEATURES = List.of("bias", "period", "month_day", "day_of_month",
      "future_cue", "past_cue", "weak_past_cue", "intent_cue", "log_days_back", "log_days_ahead");
  /** Days are scaled by the log of a year and a day, so a distance of up to a year is a feature in [0, 1]. */
  private static final double SCALE = Math.log1p(366);
  private static final double[] WEIGHTS = Logistic.resource(Direction.class, "direction-model.tsv", FEATURES);

  private Direction() {}

  /**
   * The features of a choice between {@code back}, the occurrence at or before the anchor's day {@code today} (its
   * last day {@code backEnd}), and {@code ahead}, the one after it; {@code cue} is the sentence's tense cue and
   * {@code intent} whether the sentence speaks of a plan or an expectation ({@link Tenses#intent(int)}).
   */
  static double[] features(Kind kind, Tenses.Cue cue, boolean intent, LocalDate today, LocalDate backEnd, LocalDate ahead) {
    double back = Math.log1p(Math.max(0, ChronoUnit.DAYS.between(backEnd, today))) / SCALE;
    double fwd = Math.log1p(Math.max(0, ChronoUnit.DAYS.between(today, ahead))) / SCALE;
    return new double[] {1, kind == Kind.MONTH || kind == Kind.QUARTER ? 1 : 0, kind == Kind.MONTH_DAY ? 1 : 0,
        kind == Kind.DAY_OF_MONTH ? 1 : 0, cue == Tenses.Cue.FUTURE ? 1 : 0, cue == Tenses.Cue.PAST ? 1 : 0,
        cue == Tenses.Cue.WEAK_PAST ? 1 : 0, intent ? 1 : 0, back, fwd};
  }

  /**
   * The occurrence meant, {@code back} (starting at or before the anchor's day, its last day {@code backEnd}) or
   * {@code ahead} (starting after it), for the expression at {@code pos}; the two are equal when the anchor lies in
   * the period named. In Duckling's convention always {@code ahead}. The decision is recorded when the context asks.
   */
  static LocalDate choose(TimeTagger.Ctx c, int pos, Kind kind, LocalDate back, LocalDate backEnd, LocalDate ahead) {
    if (c.duckling()) {
      return ahead;
    }
    if (back.equals(ahead)) {
      return back;
    }
    Tenses.Cue cue = c.tenses().cue(pos);
    double[] f = features(kind, cue, c.tenses().intent(pos), c.today(), backEnd, ahead);
    if (c.cases() != null) {
      c.cases().accept(new Case(pos, kind, f, back, ahead));
    }
    if (c.lang() != Lang.EN) {
      return byTense(kind, cue, c.today(), back, ahead);
    }
    return Logistic.probability(WEIGHTS, f) > 0.5 ? ahead : back;
  }

  /**
   * The tense rule, for languages without TimeML news to learn from (Italian): ahead in a future sentence, back in a
   * past one; without a cue a day of a month is the nearer of the two, anything else the one gone by.
   */
  private static LocalDate byTense(Kind kind, Tenses.Cue cue, LocalDate today, LocalDate back, LocalDate ahead) {
    if (cue == Tenses.Cue.FUTURE) return ahead;
    if (cue != Tenses.Cue.NONE || kind != Kind.MONTH_DAY) return back;
    return ChronoUnit.DAYS.between(back, today) <= ChronoUnit.DAYS.between(today, ahead) ? back : ahead;
  }
}
