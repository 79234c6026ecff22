package org.lente.nlp.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lente.learn.Logistic;

/**
 * Moves the edges of tagged names where a statistical tagger cuts them short or runs them on: a name
 * whose neighbour is part of it ("Istituto" before "DESI", "Monti" after "Mario", "statunitense" after
 * "amministrazione", "Muro di" before "Berlino"), or whose edge word is not ("Fatto Quotidiano circa",
 * "stazione di" before "Bornato-Calino"). Each possible move of an edge ({@link Edge}) is scored by a
 * logistic regression over the shapes of the words involved (capitals, function words of a closed
 * grammatical list, adjective endings, digits, punctuation), the name's type and length and its
 * position, never over the words themselves; at each edge the most probable move is made when its
 * probability is at least {@link #THRESHOLD}. The weights are learned leave-fold-out by
 * {@code scripts/ner-test-folds} ({@code org.lente.eval.NerBoundaryTraining}) from the shipped tagger's
 * own errors on KIND's {@code WN_test_a}, which that tagger never saw.
 *
 * <p>NOTE: not applied by {@link EntityTagger}: learned on the shipped tagger's held-out errors (and,
 * before that, on a weaker CRF probe's), it does not gain on the held-out folds
 * (docs/ner.md). Immutable and thread-safe.
 */
public final class Boundaries {

  /** A move of one edge of a name. */
  public enum Edge {
    /** The capitalised words (up to {@link #MAX_MOVED}) or the one lower-case word before the name join it. */
    EXTEND_LEFT(true),
    /** A word (or capitalised run) and an "of" word before the name join it: "Muro di" + "Berlino". */
    EXTEND_LEFT_OF(true),
    /** The name's first word leaves it. */
    TRIM_LEFT(true),
    /** The name's first word and the "of" word after it leave it: "stazione di" + "Bornato-Calino". */
    TRIM_LEFT_OF(true),
    /** The capitalised words (up to {@link #MAX_MOVED}) or the one lower-case word after the name join it. */
    EXTEND_RIGHT(false),
    /** An "of" word and the capitalised run or name after it join the name: "Provincia" + "di Cagliari". */
    EXTEND_RIGHT_OF(false),
    /** The name's last word leaves it. */
    TRIM_RIGHT(false);

    private final boolean left;

    Edge(boolean left) {
      this.left = left;
    }

    /** Whether the move changes the name's first word (else its last). */
    public boolean left() {
      return left;
    }
  }

  /**
   * A possible move: the name [{@code start}, {@code end}) becomes [{@code newStart}, {@code newEnd})
   * (one of the two edges changes), with its features ({@link #NAMES}).
   */
  public record Move(Edge edge, int start, int end, int newStart, int newEnd, double[] features) {
    public Move {
      if (start < 0 || start >= end || newStart < 0 || newStart >= newEnd
          || (edge.left() ? newEnd != end || newStart == start : newStart != start || newEnd == end)) {
        throw new IllegalArgumentException("bad move: " + edge + " [" + start + ", " + end + ") to [" + newStart + ", "
            + newEnd + ")");
      }
      features = features.clone();
    }
  }

  /** A move is made when the model's probability is at least this: the plain logistic decision. */
  public static final double THRESHOLD = 0.5;

  /** The most capitalised words one move adds. */
  static final int MAX_MOVED = 4;

  /** The features of one edge, each a 0/1 flag but the bias. */
  private static final List<String> SHAPE = List.of("bias", "per", "org", "loc", "one_word", "three_words",
      "moved_capitalised", "moved_all_caps", "moved_adjective", "moved_lower", "moved_digit", "moved_function",
      "moved_several", "moved_labelled", "outer_none", "outer_punctuation", "outer_function", "outer_capitalised",
      "outer_labelled", "inner_all_caps", "inner_lower", "sentence_start", "quote_inside", "per_moved_capitalised", "per_moved_lower");

  /** The model's features: {@link #SHAPE} once per {@link Edge}, so each edge has its own weights. */
  public static final List<String> NAMES = names();

  /** Prepositions that join two parts of a name: "Lago di Ginevra", "Città del Vaticano". */
  private static final Set<String> OF = Set.of("di", "del", "dello", "della", "dei", "degli", "delle", "dell'", "d'",
      "of");

  private final double[] weights;

  /** @param weights one per {@link #NAMES} */
  public Boundaries(double[] weights) {
    if (weights.length != NAMES.size()) {
      throw new IllegalArgumentException("expected " + NAMES.size() + " weights, got " + weights.length);
    }
    this.weights = weights.clone();
  }

  /** The weights, in the order of {@link #NAMES}. */
  public double[] weights() {
    return weights.clone();
  }

  /** The probability that a move puts the edge where the name's edge is. */
  public double probability(Move move) {
    return Logistic.probability(weights, move.features());
  }

  /**
   * Moves the edges of every name in place, sentence by sentence: at each edge the most probable of
   * its moves, when at least {@link #THRESHOLD}. Moves are chosen on the labels as given; a move that
   * touches a word another move already changed is not made.
   *
   * @param words the sentences, as words
   * @param labels one label per word ({@code O}, {@code PER}, ...; a run of equal labels is one entity)
   */
  public void apply(List<List<String>> words, List<String[]> labels) {
    apply(words, labels, THRESHOLD);
  }

  /**
   * As {@link #apply(List, List)} with another threshold, which cross-validation chooses among.
   *
   * @param threshold the least probability of a move that is made, in (0, 1)
   */
  public void apply(List<List<String>> words, List<String[]> labels, double threshold) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
    }
    NameMemory.checkPaired(words, labels);
    for (int s = 0; s < words.size(); s++) {
      apply(words.get(s), labels.get(s), threshold);
    }
  }

  private void apply(List<String> words, String[] labels, double threshold) {
    List<Move> moves = moves(words, labels);
    String[] before = labels.clone();
    boolean[] changed = new boolean[labels.length];
    Move best = null;
    double bestP = threshold;
    for (int m = 0; m <= moves.size(); m++) {
      Move move = m < moves.size() ? moves.get(m) : null;
      if (best != null && (move == null || move.start() != best.start() || move.edge().left() != best.edge().left())) {
        make(best, before, labels, changed);
        best = null;
        bestP = threshold;
      }
      if (move != null) {
        double p = probability(move);
        if (p >= bestP) {
          best = move;
          bestP = p;
        }
      }
    }
  }

  private static void make(Move move, String[] before, String[] labels, boolean[] changed) {
    int from = Math.min(move.start(), move.newStart());
    int to = Math.max(move.end(), move.newEnd());
    for (int k = from; k < to; k++) {
      if (changed[k]) {
        return;
      }
    }
    String type = before[move.start()];
    for (int k = from; k < to; k++) {
      String label = k >= move.newStart() && k < move.newEnd() ? type : "O";
      if (!labels[k].equals(label)) {
        labels[k] = label;
        changed[k] = true;
      }
    }
  }

  /**
   * Every possible move of every name's edges in one sentence, the left edge's moves then the right
   * edge's for each name from left to right. A move never joins a name to a neighbour of its own type
   * (they would read as one).
   */
  public static List<Move> moves(List<String> words, String[] labels) {
    if (words.size() != labels.length) {
      throw new IllegalArgumentException(words.size() + " words but " + labels.length + " labels");
    }
    List<Move> out = new ArrayList<>();
    String[] w = words.toArray(String[]::new);
    Corrections.forEachRun(labels, (a, b) -> {
      int n = w.length;
      // left edge
      if (a > 0 && labels[a - 1].equals("O") && !isOf(w[a - 1])) {
        int k = wordRunLeft(w, labels, a);
        if (k < a) {
          add(out, Edge.EXTEND_LEFT, w, labels, a, b, k, b);
        }
      }
      if (a > 1 && labels[a - 1].equals("O") && isOf(w[a - 1]) && labels[a - 2].equals("O")) {
        int k = wordRunLeft(w, labels, a - 1);
        if (k < a - 1) {
          add(out, Edge.EXTEND_LEFT_OF, w, labels, a, b, k, b);
        }
      }
      if (b - a >= 2) {
        add(out, Edge.TRIM_LEFT, w, labels, a, b, a + 1, b);
      }
      if (b - a >= 3 && isOf(w[a + 1])) {
        add(out, Edge.TRIM_LEFT_OF, w, labels, a, b, a + 2, b);
      }
      // right edge
      if (b < n && labels[b].equals("O") && !isOf(w[b])) {
        int k = wordRunRight(w, labels, b);
        if (k > b) {
          add(out, Edge.EXTEND_RIGHT, w, labels, a, b, a, k);
        }
      }
      if (b + 1 < n && labels[b].equals("O") && isOf(w[b])) {
        int k;
        if (!labels[b + 1].equals("O")) {
          k = b + 1;
          while (k < n && labels[k].equals(labels[b + 1])) {
            k++;
          }
        } else {
          k = b + 1;
          while (k < n && k < b + 1 + MAX_MOVED && labels[k].equals("O") && NameMemory.isCapitalised(w[k])) {
            k++;
          }
        }
        if (k > b + 1) {
          add(out, Edge.EXTEND_RIGHT_OF, w, labels, a, b, a, k);
        }
      }
      if (b - a >= 2) {
        add(out, Edge.TRIM_RIGHT, w, labels, a, b, a, b - 1);
      }
    });
    return out;
  }

  /** The start of the words before {@code a} a left move adds: capitalised ones, or one lower-case word. */
  private static int wordRunLeft(String[] w, String[] labels, int a) {
    if (NameMemory.isCapitalised(w[a - 1])) {
      int k = a;
      while (k > 0 && a - k < MAX_MOVED && labels[k - 1].equals("O") && NameMemory.isCapitalised(w[k - 1])) {
        k--;
      }
      return k;
    }
    return isLowerWord(w[a - 1]) ? a - 1 : a;
  }

  /** The end of the words from {@code b} a right move adds: capitalised ones, or one lower-case word. */
  private static int wordRunRight(String[] w, String[] labels, int b) {
    if (NameMemory.isCapitalised(w[b])) {
      int k = b;
      while (k < w.length && k - b < MAX_MOVED && labels[k].equals("O") && NameMemory.isCapitalised(w[k])) {
        k++;
      }
      return k;
    }
    return isLowerWord(w[b]) ? b + 1 : b;
  }

  private static void add(List<Move> out, Edge edge, String[] w, String[] labels, int a, int b, int na, int nb) {
    String type = labels[a];
    // the new name must not touch a name of its own type
    if (na > 0 && labels[na - 1].equals(type) && na - 1 < a || nb < w.length && labels[nb].equals(type) && nb >= b) {
      return;
    }
    double[] f = new double[SHAPE.size()];
    f[0] = 1;
    f[1] = flag(type.equals("PER"));
    f[2] = flag(type.equals("ORG"));
    f[3] = flag(type.equals("LOC"));
    f[4] = flag(b - a == 1);
    f[5] = flag(b - a >= 3);
    // the moved word nearest the name's remaining part, and the other words moved
    int moved;
    int count;
    int outer;
    int inner;
    boolean labelled = false;
    switch (edge) {
      case EXTEND_LEFT -> { moved = a - 1; count = a - na; outer = na - 1; inner = a; }
      case EXTEND_LEFT_OF -> { moved = a - 2; count = a - 1 - na; outer = na - 1; inner = a; }
      case TRIM_LEFT -> { moved = a; count = 1; outer = a - 1; inner = a + 1; }
      case TRIM_LEFT_OF -> { moved = a; count = 1; outer = a - 1; inner = a + 2; }
      case EXTEND_RIGHT -> { moved = b; count = nb - b; outer = nb; inner = b - 1; }
      case EXTEND_RIGHT_OF -> {
        moved = b + 1;
        count = nb - b - 1;
        outer = nb;
        inner = b - 1;
        labelled = !labels[b + 1].equals("O");
      }
      case TRIM_RIGHT -> { moved = b - 1; count = 1; outer = b; inner = b - 2; }
      default -> throw new IllegalStateException(edge.name());
    }
    String m = w[moved];
    f[6] = flag(NameMemory.isCapitalised(m));
    f[7] = flag(isAllCaps(m));
    String lower = m.toLowerCase(Locale.ROOT);
    boolean function = Corrections.isFunctionWord(lower);
    f[8] = flag(!NameMemory.isCapitalised(m) && Corrections.isAdjective(lower));
    f[9] = flag(Character.isLowerCase(m.codePointAt(0)) && !function);
    f[10] = flag(m.chars().anyMatch(Character::isDigit));
    f[11] = flag(function);
    f[12] = flag(count >= 2);
    f[13] = flag(labelled);
    boolean outerIn = outer >= 0 && outer < w.length;
    f[14] = flag(!outerIn);
    f[15] = flag(outerIn && Corrections.isPunctuation(w[outer]));
    f[16] = flag(outerIn && Corrections.isFunctionWord(w[outer].toLowerCase(Locale.ROOT)));
    f[17] = flag(outerIn && NameMemory.isCapitalised(w[outer]));
    f[18] = flag(outerIn && !labels[outer].equals("O"));
    f[19] = flag(isAllCaps(w[inner]));
    f[20] = flag(Character.isLowerCase(w[inner].codePointAt(0)));
    f[21] = flag(na == 0);
    f[22] = flag(quoteInside(w, na, nb));
    f[23] = f[1] * f[6];
    f[24] = f[1] * (f[8] + f[9]);
    double[] features = new double[NAMES.size()];
    System.arraycopy(f, 0, features, edge.ordinal() * SHAPE.size(), SHAPE.size());
    out.add(new Move(edge, a, b, na, nb, features));
  }

  private static double flag(boolean b) {
    return b ? 1 : 0;
  }

  private static boolean isOf(String w) {
    return OF.contains(w.replace('\u2019', '\''));
  }

  /** A lower-case word of letters that is not a function word: "statunitense", "via", "circa". */
  private static boolean isLowerWord(String w) {
    return Character.isLowerCase(w.codePointAt(0)) && w.chars().allMatch(c -> Character.isLetter(c) || c == '-')
        && !Corrections.isFunctionWord(w.toLowerCase(Locale.ROOT));
  }

  private static boolean isAllCaps(String w) {
    return w.codePointCount(0, w.length()) >= 2 && w.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c))
        && w.chars().anyMatch(Character::isLetter);
  }

  private static boolean quoteInside(String[] w, int from, int to) {
    for (int k = from; k < to; k++) {
      if (w[k].length() == 1 && "\"“”«»".indexOf(w[k].charAt(0)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Edge e : Edge.values()) {
      for (String f : SHAPE) {
        names.add(e.name().toLowerCase(Locale.ROOT) + "." + f);
      }
    }
    return List.copyOf(names);
  }
}
