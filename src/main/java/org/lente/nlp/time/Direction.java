package org.lente.nlp.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.lente.learn.Logistic;

/**
 * Whether a bare weekday, month, day of month or quarter in news ("Friday", "in March", "Dec. 15", "the fourth
 * quarter") is the occurrence before the anchor or the one after it. A logistic model decides, learned from TimeML news
 * ({@code scripts/train-time-direction}) over the kind of expression, the tense cue of its sentence ({@link Tenses.Cue})
 * and how far each of the two occurrences lies from the anchor: a weekday in news is nearly always one gone by, a
 * quarter one just over or current, a month next to the anchor the near one whatever the tense. The model is
 * English's, the language of the news it was learned from; Italian keeps the tense rule. Before the model, English
 * news has rules it cannot trade away ({@link Constraint}): a deadline is ahead, and so is a day or month after a
 * future auxiliary in its clause. Stateless.
 */
final class Direction {
  /** What a bare expression names; each has its own bias in the model. */
  enum Kind { WEEKDAY, MONTH, MONTH_DAY, DAY_OF_MONTH, QUARTER }

  /**
   * A rule outside the model that reads an English expression ahead whatever the model says, as TimeML news has it
   * (the dev folds' cases, counted in docs/time.md, round 13); kept apart from the model so that its cases cannot
   * weaken the model's own future cue, as a feature inside it did (round 12).
   */
  enum Constraint {
    /** No rule applies: the model decides. */
    NONE,
    /**
     * A deadline word right before the expression, a clock time allowed between: "until", "till", "by", "effective"
     * ("by Jan. 14", "has until 9 a.m. Tuesday", "will double its flights by August"), or the earliest time, "as soon
     * as", "as early as" ("The vote could come as early as Tuesday"), in a sentence whose tense does not speak of the
     * past: a deadline told in the past may be one gone by ("had until Nov. 1 to submit", "by December, the symptoms
     * worsened"), which the model, with the sentence's cue and the distances, decides. Not "by" before a possessive
     * ("hit by Friday's storm").
     */
    DEADLINE,
    /**
     * A date fixed ahead, "scheduled for", "slated for", "set for", "timed for" right before the expression, a clock
     * time allowed between as for a {@link #DEADLINE} ("The vote is set for Monday", "The launch is slated for the
     * first quarter"), in a sentence without any past cue ({@link Tenses#speaksOfThePast}): "The vote was scheduled
     * for Monday but was postponed", "The vote, scheduled for Monday, was postponed" are left to the model, as "was"
     * is no nearer cue there than the future cue "scheduled". Not "set on" ("its record high set on Aug. 6").
     */
    APPOINTED,
    /**
     * A future auxiliary before the expression in its clause, no other verb between ({@link
     * Tenses#futureAuxiliaryBefore}): "The plant will open in March", "Voters will choose a governor on Election Day",
     * "The Senate may vote Thursday".
     * Not for a quarter, a reporting period: "will report third-quarter results" is about a quarter over.
     */
    FUTURE_AUXILIARY,
    /**
     * A weekday, month or day of a month after a present tense that schedules it ({@link Tenses#scheduleCue}), in
     * a sentence whose tense does not speak of the past: "Trading resumes on Monday", "The plant reopens Tuesday", "The
     * contract expires March 1", "The recall begins in December" name the coming day or month, as a present in news
     * tells what is fixed ahead. A reported present counts as its clause's own ("Officials said the bridge is closed
     * Monday"). Not when another word follows the expression as a verb would ("GM shares on Monday
     * fell"): it must end its clause or stand before a preposition. Not in a headline ({@link #inHeadline}), whose
     * present tells past news; not a quarter, a reporting period ("The company reports third-quarter results"); not a
     * month or day of a month over within {@link #UNDER_WAY} days of the anchor, one under way.
     */
    SCHEDULE
  }

  /**
   * One decision, as the training records it: the expression's offset, its features, its two readings and the rule
   * outside the model that applies to it (which decides it instead of the model).
   */
  record Case(int pos, Kind kind, double[] features, LocalDate back, LocalDate ahead, Constraint constraint) {
    Case {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(constraint, "constraint");
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
  /**
   * The end of a pattern that ends the text before an expression: an optional clock time (with a zone) and the
   * expression's start. A clock time needs a.m., p.m. or its minutes, so that "rose by 5 in March" is no deadline.
   */
  private static final String CLOCK_BETWEEN = "(?:(?:\\d{1,2}(?::\\d{2})?\\s*[ap]\\.?m\\b\\.?|\\d{1,2}:\\d{2}|noon|midnight)"
      + "(?:\\s+[a-z]{2,4}\\b)?,?\\s+)?$";
  /**
   * A deadline word (or an earliest time, "as early as") ending the text before an expression, a clock time allowed
   * between: matched on the normalised (lower-case) text up to the expression's start.
   */
  private static final Pattern DEADLINE = Pattern.compile("\\b(?:until|till|by|effective|as\\s+(?:soon|early)\\s+as)\\s+"
      + CLOCK_BETWEEN);
  /** The words of {@link Constraint#APPOINTED} ending the text before an expression, as {@link #DEADLINE}'s. */
  private static final Pattern APPOINTED = Pattern.compile("\\b(?:scheduled|slated|set|timed)\\s+for\\s+" + CLOCK_BETWEEN);
  /**
   * An Italian word that fixes the date after it, "fissato per", "prevista per", "programmata per", "in programma"
   * ("Il voto è fissato per il 3 marzo", "La partita è in programma domenica"), an article allowed before the date:
   * matched on the normalised text up to the expression's start, as {@link #APPOINTED} is in English.
   */
  private static final Pattern APPOINTED_IT = Pattern.compile("\\b(?:(?:" + Tenses.FIXED_IT + ")[oaie]|in\\s+programma)"
      + "(?:\\s+per)?(?:\\s+(?:il|lo|la|i|gli|le|l'))?\\s*$");
  /** A word with a possessive "'s" at the expression's start: "by Friday's vote" names an agent, not a deadline. */
  private static final Pattern POSSESSIVE = Pattern.compile("\\p{L}+'s\\b");
  /**
   * Days before the anchor within which a month or a day of a month told in a scheduling present is one under way or
   * just over ("The conference runs Nov. 1-3" on November 2), not next year's ({@link Constraint#SCHEDULE}): a week, the
   * reach of a weekday, which such news writes instead of the date.
   */
  private static final int UNDER_WAY = 7;
  /** How far before an expression its deadline word may start: the word, a clock time and a zone. */
  private static final int DEADLINE_REACH = 40;
  /** The marks a sentence of running text ends with, a closing quotation mark or bracket after them allowed. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;][\"'\u201d\u2019)\\]]*$");

  /**
   * Whether {@code pos} of {@code text} lies in a headline: a line (between line breaks) that does not end as a
   * sentence does. A headline tells past news in the present ("Stocks fall Monday", "GM shares slide Friday"), so its
   * present schedules nothing ({@link Constraint#SCHEDULE}).
   */
  static boolean inHeadline(String text, int pos) {
    int end = text.indexOf('\n', pos);
    String line = text.substring(text.lastIndexOf('\n', pos - 1) + 1, end < 0 ? text.length() : end).strip();
    return !line.isEmpty() && !SENTENCE_END.matcher(line).find();
  }

  /** What may follow an expression that ends its clause: a closing mark, the text's end, or a preposition. */
  private static final String CLOSES = "(?:\\s*(?:[.,;:!?)\\n]|$)|\\s+(?:after|in|on|for|at|with|to|from|before|and|or|as"
      + "|when|until|through|during|amid|despite)\\b)";
  /**
   * A weekday or a month, a day of the month ("March 1", "Jan. 15th") or a part of the day allowed after it, that ends
   * its clause or stands before a preposition: matched on the normalised text from the expression's start ({@link
   * Constraint#SCHEDULE}).
   */
  private static final Pattern ENDS_CLAUSE = Pattern.compile("\\p{L}+\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?\\b)?"
      + "(?:\\s+(?:morning|afternoon|evening|night))?" + CLOSES);
  /** As {@link #ENDS_CLAUSE}, from the end of an expression whose end is known (a holiday's name of several words). */
  private static final Pattern CLOSES_AT = Pattern.compile(CLOSES);
  /**
   * An Italian weekday that ends its clause, stands before a preposition ("riapre lunedì alle 9", "chiude martedì per")
   * or before its verb's object, an article and its noun ("Il sindaco incontra giovedì i commercianti").
   */
  private static final Pattern ENDS_CLAUSE_IT = Pattern.compile("\\p{L}+(?:\\s*(?:[.,;:!?)\\n]|$)|\\s+(?:a|alle|all'|al|in|per|con|dopo"
      + "|prima|e|o|da|dalle|fino|tra|fra)\\b|\\s+(?:(?:" + Words.ARTICLES_IT + ")\\s+|l')\\p{L})");

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
    return choose(c, pos, -1, kind, back, backEnd, ahead);
  }

  /**
   * As {@link #choose(TimeTagger.Ctx, int, Kind, LocalDate, LocalDate, LocalDate)}, for an expression that ends at
   * {@code end} (-1 when not known: then {@link #ENDS_CLAUSE} reads its end from its start).
   */
  static LocalDate choose(TimeTagger.Ctx c, int pos, int end, Kind kind, LocalDate back, LocalDate backEnd, LocalDate ahead) {
    if (c.duckling()) {
      return ahead;
    }
    if (back.equals(ahead)) {
      return back;
    }
    Tenses.Cue cue = c.tenses().cue(pos);
    double[] f = features(kind, cue, c.tenses().intent(pos), c.today(), backEnd, ahead);
    Constraint constraint = c.lang() == Lang.EN ? constraint(c, pos, end, kind, cue, backEnd) : Constraint.NONE;
    if (c.cases() != null) {
      c.cases().accept(new Case(pos, kind, f, back, ahead, constraint));
    }
    if (c.lang() != Lang.EN) {
      // a weekday after a present that schedules it in a sentence, or a reported clause, with no tense cue: "Il museo
      // riapre lunedì", "Ha detto che il museo riapre lunedì" (the tense rule alone reads a weekday without a cue as
      // the one gone by)
      boolean schedule = kind == Kind.WEEKDAY && !inHeadline(c.original(), pos)
          && c.tenses().scheduleCue(c.original(), pos) == Tenses.Cue.NONE
          && ENDS_CLAUSE_IT.matcher(c.s()).region(pos, c.s().length()).lookingAt();
      // a date fixed ahead, "è fissata per il 3 marzo", in a sentence without a past cue (Constraint.APPOINTED)
      boolean appointed = !c.tenses().speaksOfThePast(pos)
          && APPOINTED_IT.matcher(c.s()).region(Math.max(0, pos - DEADLINE_REACH), pos).useTransparentBounds(true).find();
      return schedule || appointed ? ahead : byTense(kind, cue, c.today(), back, ahead);
    }
    return constraint != Constraint.NONE || modelAhead(f) ? ahead : back;
  }

  /** Whether the model reads a case with features {@code f} ahead. */
  static boolean modelAhead(double[] f) {
    return Logistic.probability(WEIGHTS, f) > 0.5;
  }

  /**
   * The rule outside the model that applies to an expression of {@code kind} at {@code pos} of the context's text, in
   * a sentence whose tense cue is {@code cue}, ending at {@code end} (-1 if not known); {@code backEnd} is the last day
   * of the reading before the anchor.
   */
  private static Constraint constraint(TimeTagger.Ctx c, int pos, int end, Kind kind, Tenses.Cue cue, LocalDate backEnd) {
    String s = c.s();
    boolean past = cue == Tenses.Cue.PAST || cue == Tenses.Cue.WEAK_PAST;
    int from = Math.max(0, pos - DEADLINE_REACH);
    // a plain search for the words first, so the pattern runs only where one stands ("til" is in until and till)
    String before = s.substring(from, pos);
    if (!past && (before.contains("til") || before.contains("by") || before.contains("effective") || before.contains(" as "))
        && DEADLINE.matcher(s).region(from, pos).useTransparentBounds(true).find()
        && !POSSESSIVE.matcher(s).region(pos, s.length()).lookingAt()) {
      return Constraint.DEADLINE;
    }
    if (before.contains("for") && APPOINTED.matcher(s).region(from, pos).useTransparentBounds(true).find()
        && !c.tenses().speaksOfThePast(pos)) {
      return Constraint.APPOINTED;
    }
    if (kind != Kind.QUARTER && c.tenses().futureAuxiliaryBefore(pos)) {
      return Constraint.FUTURE_AUXILIARY;
    }
    boolean recent = kind != Kind.WEEKDAY && ChronoUnit.DAYS.between(backEnd, c.today()) <= UNDER_WAY;
    if (kind != Kind.QUARTER && kind != Kind.DAY_OF_MONTH && !recent && !inHeadline(c.original(), pos)
        && !pastOrNone(c.tenses().scheduleCue(c.original(), pos))
        && (end < 0 ? ENDS_CLAUSE.matcher(s).region(pos, s.length()) : CLOSES_AT.matcher(s).region(end, s.length()))
            .lookingAt()) {
      return Constraint.SCHEDULE;
    }
    return Constraint.NONE;
  }

  /** Whether {@code cue} is a past one, or null: no present schedules the expression ({@link Tenses#scheduleCue}). */
  private static boolean pastOrNone(Tenses.Cue cue) {
    return cue == null || cue == Tenses.Cue.PAST || cue == Tenses.Cue.WEAK_PAST;
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
