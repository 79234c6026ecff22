package org.lente.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Identifies the language of a text, however short, from character n-gram profiles (n = 1 to 4, within
 * words, word boundaries included): a multinomial naive Bayes over the n-grams the profiles know, whose
 * log-likelihoods are divided by the number of orders because overlapping n-grams repeat the same evidence.
 * The answer is the best language when its lead over the second one is at least {@link #margin()} nats and
 * its profile holds at least {@link #minCoverage()} of the text's n-grams; otherwise it is unknown, which is
 * what a name, a few words shared by several languages, or a text in none of the profiles' languages (whose
 * n-grams the profiles mostly lack) get.
 *
 * <p>The standard profiles ({@code language-profiles.tsv} beside this class) hold counts of n-grams only,
 * no text; they, the margin and the least coverage are made by {@code lente eval lang --save} from the shared corpora. Instances
 * are immutable and thread-safe.
 */
public final class LanguageProfiles {

  /** The n-gram orders used: 1 to {@value}. */
  public static final int MAX_ORDER = 4;
  /**
   * Coverage counts n-grams of this order and above: letters and letter pairs are shared by every language
   * written in the same script, so they cannot tell a profiled language from another.
   */
  static final int COVERAGE_ORDER = 3;
  private static final String RESOURCE = "language-profiles.tsv";
  private static volatile LanguageProfiles standard;

  /**
   * One answer: {@code language} is null when unknown; {@code best} is the leading profile even then, {@code lead}
   * its lead over the second in nats per order, {@code coverage} the share of the text's n-grams of order
   * {@value #COVERAGE_ORDER} and above that its profile holds (0 when the text has none).
   */
  public record Guess(String language, String best, double lead, double coverage, int ngrams) {

    /** True when the evidence was too thin or too evenly shared to name a language. */
    public boolean unknown() {
      return language == null;
    }
  }

  private final List<String> languages;
  /** For each n-gram, its log-probability in each language (index as in {@code languages}). */
  private final Map<String, float[]> logProbs;
  /** For each n-gram, the languages whose profiles hold it, one bit per index. */
  private final Map<String, Integer> holders;
  private final double margin;
  private final double minCoverage;
  private final Map<String, long[]> totals;
  private final Map<String, Map<String, Long>> counts;

  private LanguageProfiles(Map<String, Map<String, Long>> counts, Map<String, long[]> totals, double margin,
      double minCoverage) {
    if (!(margin >= 0)) {
      throw new IllegalArgumentException("bad margin: " + margin);
    }
    if (!(minCoverage >= 0 && minCoverage <= 1)) {
      throw new IllegalArgumentException("bad coverage: " + minCoverage);
    }
    if (counts.size() > Integer.SIZE) {
      throw new IllegalArgumentException("too many languages: " + counts.size());
    }
    this.minCoverage = minCoverage;
    this.counts = counts;
    this.totals = totals;
    this.languages = List.copyOf(counts.keySet());
    this.margin = margin;
    // the floor for an n-gram a language's profile lacks: half the rarest stored frequency of that order
    double[] floor = new double[MAX_ORDER + 1];
    java.util.Arrays.fill(floor, 1);
    for (String lang : languages) {
      long[] t = totals.get(lang);
      for (Map.Entry<String, Long> e : counts.get(lang).entrySet()) {
        int n = order(e.getKey());
        floor[n] = Math.min(floor[n], 0.5 * e.getValue() / t[n]);
      }
    }
    Map<String, float[]> lp = new HashMap<>();
    Map<String, Integer> held = new HashMap<>();
    for (int i = 0; i < languages.size(); i++) {
      for (String g : counts.get(languages.get(i)).keySet()) {
        lp.computeIfAbsent(g, x -> new float[languages.size()]);
        held.merge(g, 1 << i, (a, b) -> a | b);
      }
    }
    this.holders = held;
    for (Map.Entry<String, float[]> e : lp.entrySet()) {
      int n = order(e.getKey());
      for (int i = 0; i < languages.size(); i++) {
        String lang = languages.get(i);
        Long c = counts.get(lang).get(e.getKey());
        e.getValue()[i] = (float) Math.log(c == null ? floor[n] : (double) c / totals.get(lang)[n]);
      }
    }
    this.logProbs = lp;
  }

  /** The profiles shipped with Lente (loaded once). */
  public static LanguageProfiles standard() {
    LanguageProfiles s = standard;
    if (s == null) {
      synchronized (LanguageProfiles.class) {
        s = standard;
        if (s == null) {
          try (InputStream in = LanguageProfiles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("missing resource " + RESOURCE);
            }
            s = read(in);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
          }
          standard = s;
        }
      }
    }
    return s;
  }

  /** The languages profiled, as ISO 639-1 codes. */
  public List<String> languages() {
    return languages;
  }

  /** The lead, in nats per order, that the best language needs over the second to be named. */
  public double margin() {
    return margin;
  }

  /** The least share of a text's n-grams that the named language's profile must hold. */
  public double minCoverage() {
    return minCoverage;
  }

  /** The same profiles with another margin. */
  public LanguageProfiles withMargin(double newMargin) {
    return new LanguageProfiles(counts, totals, newMargin, minCoverage);
  }

  /** The same profiles with another least coverage. */
  public LanguageProfiles withMinCoverage(double newMinCoverage) {
    return new LanguageProfiles(counts, totals, margin, newMinCoverage);
  }

  /** The language of {@code text}, or an unknown guess when the evidence is too thin; never null. */
  public Guess identify(CharSequence text) {
    double[] score = new double[languages.size()];
    int[] held = new int[languages.size()];
    int[] seen = {0, 0};
    ngrams(text, 20_000, (g, n) -> {
      boolean telling = n >= COVERAGE_ORDER;
      if (telling) {
        seen[1]++;
      }
      float[] p = logProbs.get(g);
      if (p != null) {
        seen[0]++;
        if (telling) {
          int mask = holders.get(g);
          for (int i = 0; i < held.length; i++) {
            held[i] += (mask >>> i) & 1;
          }
        }
        for (int i = 0; i < score.length; i++) {
          score[i] += p[i];
        }
      }
    });
    int best = -1;
    int second = -1;
    for (int i = 0; i < score.length; i++) {
      if (best < 0 || score[i] > score[best]) {
        second = best;
        best = i;
      } else if (second < 0 || score[i] > score[second]) {
        second = i;
      }
    }
    if (best < 0 || seen[0] == 0) {
      return new Guess(null, null, 0, 0, 0);
    }
    double lead = second < 0 ? Double.POSITIVE_INFINITY : (score[best] - score[second]) / MAX_ORDER;
    double coverage = seen[1] == 0 ? 0 : (double) held[best] / seen[1];
    String lang = languages.get(best);
    return new Guess(lead >= margin && coverage >= minCoverage ? lang : null, lang, lead, coverage, seen[0]);
  }

  /**
   * Calls {@code sink} with each n-gram of {@code text} (its first {@code maxChars} characters) and its
   * order: text lowercased, words are runs of letters (apostrophes and digits end them), each padded
   * with a space on both sides; n-grams do not cross words.
   */
  static void ngrams(CharSequence text, int maxChars, BiConsumer<String, Integer> sink) {
    int len = Math.min(text.length(), maxChars);
    StringBuilder w = new StringBuilder();
    for (int i = 0; i <= len; i++) {
      char c = i < len ? text.charAt(i) : ' ';
      if (Character.isLetter(c)) {
        w.append(Character.toLowerCase(c));
        continue;
      }
      if (w.length() > 0) {
        String padded = " " + w + " ";
        for (int n = 1; n <= MAX_ORDER; n++) {
          for (int s = 0; s + n <= padded.length(); s++) {
            String g = padded.substring(s, s + n);
            if (!g.equals(" ")) {
              sink.accept(g, n);
            }
          }
        }
        w.setLength(0);
      }
    }
  }

  private static int order(String ngram) {
    return ngram.length();
  }

  /** Counts n-grams of texts by language, then keeps the most frequent of each order. */
  public static final class Builder {
    private final Map<String, Map<String, Long>> counts = new TreeMap<>();
    private final Map<String, long[]> totals = new TreeMap<>();

    /** Adds a text in {@code language} (an ISO 639-1 code). */
    public Builder add(String language, CharSequence text) {
      Map<String, Long> c = counts.computeIfAbsent(language, x -> new HashMap<>());
      long[] t = totals.computeIfAbsent(language, x -> new long[MAX_ORDER + 1]);
      ngrams(text, Integer.MAX_VALUE, (g, n) -> {
        c.merge(g, 1L, Long::sum);
        t[n]++;
      });
      return this;
    }

    /** Profiles of the {@code top} most frequent n-grams of each order in each language. */
    public LanguageProfiles build(int top, double margin, double minCoverage) {
      if (top < 1) {
        throw new IllegalArgumentException("bad top: " + top);
      }
      Map<String, Map<String, Long>> kept = new TreeMap<>();
      for (Map.Entry<String, Map<String, Long>> e : counts.entrySet()) {
        Map<String, Long> k = new HashMap<>();
        for (int n = 1; n <= MAX_ORDER; n++) {
          int order = n;
          e.getValue().entrySet().stream()
              .filter(x -> x.getKey().length() == order)
              .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
              .limit(top)
              .forEach(x -> k.put(x.getKey(), x.getValue()));
        }
        kept.put(e.getKey(), k);
      }
      return new LanguageProfiles(kept, totals, margin, minCoverage);
    }
  }

  /**
   * Writes the profiles as text: a {@code margin} line, a {@code total} line per language (n-grams counted
   * of each order), then {@code language TAB n-gram TAB count} lines, spaces in n-grams written as {@code _}.
   */
  public void write(Writer out, List<String> comments) throws IOException {
    for (String c : comments) {
      out.write("# " + c.replace('\n', ' ') + "\n");
    }
    out.write("margin\t" + margin + "\n");
    out.write("coverage\t" + minCoverage + "\n");
    for (String lang : languages) {
      long[] t = totals.get(lang);
      StringBuilder sb = new StringBuilder("total\t" + lang);
      for (int n = 1; n <= MAX_ORDER; n++) {
        sb.append('\t').append(t[n]);
      }
      out.write(sb + "\n");
    }
    for (String lang : languages) {
      List<Map.Entry<String, Long>> rows = new ArrayList<>(counts.get(lang).entrySet());
      rows.sort(Comparator.comparing((Map.Entry<String, Long> e) -> e.getKey().length())
          .thenComparing(Map.Entry.<String, Long>comparingByValue().reversed()).thenComparing(Map.Entry.comparingByKey()));
      for (Map.Entry<String, Long> e : rows) {
        out.write(lang + "\t" + e.getKey().replace(' ', '_') + "\t" + e.getValue() + "\n");
      }
    }
  }

  /** Reads what {@link #write} wrote. */
  public static LanguageProfiles read(InputStream in) throws IOException {
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    Map<String, long[]> totals = new TreeMap<>();
    double margin = Double.NaN;
    double coverage = Double.NaN;
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = r.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      try {
        if (f[0].equals("margin")) {
          margin = Double.parseDouble(f[1]);
        } else if (f[0].equals("coverage")) {
          coverage = Double.parseDouble(f[1]);
        } else if (f[0].equals("total")) {
          long[] t = new long[MAX_ORDER + 1];
          for (int n = 1; n <= MAX_ORDER; n++) {
            t[n] = Long.parseLong(f[1 + n]);
          }
          totals.put(f[1], t);
        } else {
          counts.computeIfAbsent(f[0], x -> new HashMap<>()).put(f[1].replace('_', ' '), Long.parseLong(f[2]));
        }
      } catch (RuntimeException e) {
        throw new IOException("bad language profile line " + number + ": " + line, e);
      }
    }
    if (counts.isEmpty() || !counts.keySet().equals(totals.keySet()) || Double.isNaN(margin)
        || Double.isNaN(coverage)) {
      throw new IOException("incomplete language profiles: languages " + counts.keySet() + ", totals "
          + totals.keySet() + ", margin " + margin + ", coverage " + coverage);
    }
    return new LanguageProfiles(counts, totals, margin, coverage);
  }

  @Override
  public String toString() {
    return "LanguageProfiles" + languages + String.format(Locale.ROOT, " margin %.2f coverage %.2f", margin, minCoverage);
  }
}
