package org.lente.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lente.nlp.Accents;

/**
 * MinHash signatures over word shingles, and their LSH bands: two texts whose sets of
 * {@value #SHINGLE}-word shingles have Jaccard similarity s share at least one of {@value #BANDS}
 * bands of {@value #ROWS} rows with probability {@code 1 - (1 - s^4)^32}: 0.5 at s = 0.42, 0.98 at
 * s = 0.6, 0.03 at s = 0.2. Stateless; the hash functions are fixed, so signatures stored by one
 * run compare with the next's.
 */
public final class MinHash {

  /** Words per shingle. */
  public static final int SHINGLE = 5;
  /** Hash functions in a signature. */
  public static final int HASHES = 128;
  /** Bands, of {@link #ROWS} hashes each. */
  public static final int BANDS = 32;
  public static final int ROWS = HASHES / BANDS;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final long[] SEEDS = new long[HASHES];

  static {
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      x = mix(x + 0x9E3779B97F4A7C15L);
      SEEDS[i] = x;
    }
  }

  private MinHash() {
  }

  /** The words of a text as shingles see them: lower case, accents removed, with their offsets. */
  public record Words(List<String> words, int[] starts, int[] ends) {
    public Words {
      words = List.copyOf(words);
    }
  }

  /** The words of {@code text}. */
  public static Words words(String text) {
    Matcher m = WORD.matcher(text);
    List<String> words = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      words.add(fold(m.group()));
      spans.add(new int[] {m.start(), m.end()});
    }
    int[] starts = new int[spans.size()];
    int[] ends = new int[spans.size()];
    for (int i = 0; i < spans.size(); i++) {
      starts[i] = spans.get(i)[0];
      ends[i] = spans.get(i)[1];
    }
    return new Words(words, starts, ends);
  }

  private static String fold(String w) {
    return Accents.strip(w.toLowerCase(Locale.ROOT));
  }

  /** The hash of each shingle, in text order (a text shorter than a shingle is one shingle). */
  public static long[] shingles(Words w) {
    int n = w.words().size();
    if (n == 0) {
      return new long[0];
    }
    int count = Math.max(1, n - SHINGLE + 1);
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      long h = 0x84222325CBF29CE4L;
      for (int j = i; j < Math.min(n, i + SHINGLE); j++) {
        h = mix(h ^ w.words().get(j).hashCode()) * 31 + j - i;
      }
      out[i] = h;
    }
    return out;
  }

  /** The MinHash signature of a set of shingle hashes; all {@link Integer#MAX_VALUE} for none. */
  public static int[] signature(long[] shingles) {
    int[] sig = new int[HASHES];
    Arrays.fill(sig, Integer.MAX_VALUE);
    for (long s : shingles) {
      for (int i = 0; i < HASHES; i++) {
        int h = (int) (mix(s ^ SEEDS[i]) >>> 33);
        if (h < sig[i]) {
          sig[i] = h;
        }
      }
    }
    return sig;
  }

  /** The key of each band: its index and rows hashed together. */
  public static long[] bands(int[] signature) {
    if (signature.length != HASHES) {
      throw new IllegalArgumentException("signature of " + signature.length + " hashes, want " + HASHES);
    }
    long[] keys = new long[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long h = mix(b + 1L);
      for (int r = 0; r < ROWS; r++) {
        h = mix(h ^ (signature[b * ROWS + r] & 0xFFFFFFFFL));
      }
      keys[b] = h;
    }
    return keys;
  }

  /** The Jaccard similarity the two signatures estimate: the share of equal hashes. */
  public static double estimate(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / HASHES;
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
