package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinHashTest {

  private static String text(Random r, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append("parola").append(r.nextInt(5000)).append(' ');
    }
    return sb.toString();
  }

  private static int[] sig(String text) {
    return MinHash.signature(MinHash.shingles(MinHash.words(text)));
  }

  @Test
  void theEstimateIsNearTheTrueJaccard() {
    Random r = new Random(7);
    String a = text(r, 400);
    String b = a.substring(0, a.length() / 2) + text(r, 200);
    Set<Long> x = new HashSet<>();
    Set<Long> y = new HashSet<>();
    for (long s : MinHash.shingles(MinHash.words(a))) {
      x.add(s);
    }
    for (long s : MinHash.shingles(MinHash.words(b))) {
      y.add(s);
    }
    Set<Long> both = new HashSet<>(x);
    both.retainAll(y);
    double truth = (double) both.size() / (x.size() + y.size() - both.size());
    assertEquals(truth, MinHash.estimate(sig(a), sig(b)), 0.1);
  }

  @Test
  void accentsAndCaseDoNotChangeTheSignature() {
    assertEquals(MinHash.estimate(sig("La Città è grande e bella oggi"), sig("la citta e grande e bella oggi")), 1.0);
  }

  @Test
  void aLightEditSharesABandAndAnUnrelatedTextDoesNot() {
    Random r = new Random(11);
    String original = text(r, 300);
    int middle = original.indexOf(' ', original.length() / 2);
    String edited = original.substring(0, middle) + " una frase nuova messa qui" + original.substring(middle)
        + " aggiunto alla fine del pezzo";
    long[] editedBands = MinHash.bands(sig(edited));

    assertTrue(sharesABand(MinHash.bands(sig(original)), editedBands));
    assertFalse(sharesABand(MinHash.bands(sig(text(r, 300))), editedBands));
  }

  private static boolean sharesABand(long[] a, long[] b) {
    Set<Long> keys = new HashSet<>();
    for (long k : a) {
      keys.add(k);
    }
    for (long k : b) {
      if (keys.contains(k)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void anEmptyTextHasASignatureThatMatchesNothingReal() {
    assertTrue(MinHash.estimate(sig(""), sig("una frase qualunque di prova qui")) == 0);
  }
}
