package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Near-duplicates on real Italian news: {@code corpus/cl-tls-it} (416 articles, some of them
 * present twice under different names). DICE's duplicate pairs cannot be used here: its folder
 * holds the annotations and the pair list but not the article texts. So the check is the pairs of
 * identical texts in cl-tls-it, and light edits of its articles made here at run time (a new
 * headline, the last sentence dropped, a number changed, a sentence added), never stored.
 * Skipped when the data is absent.
 */
class NearDuplicatesCorpusTest {

  private static final Path CORPUS = Path.of(System.getProperty("lente.data", "../shared/data"))
      .resolve("corpus/cl-tls-it");
  private static final List<String> texts = new ArrayList<>();
  /** The articles under each LSH band key of their signatures: the leads for near-duplicates. */
  private static final Map<Long, List<Long>> buckets = new HashMap<>();
  private static final List<int[]> signatures = new ArrayList<>();

  @BeforeAll
  static void load() throws IOException {
    if (!Files.isDirectory(CORPUS)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(CORPUS)) {
      files = walk.filter(p -> p.toString().endsWith(".txt") && !p.toString().contains("/reference/")).sorted().toList();
    }
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      int[] sig = MinHash.signature(MinHash.shingles(MinHash.words(text)));
      for (long band : MinHash.bands(sig)) {
        buckets.computeIfAbsent(band, b -> new ArrayList<>()).add((long) texts.size());
      }
      texts.add(text);
      signatures.add(sig);
    }
  }

  /** The articles sharing at least one band with {@code bands}. */
  private static Set<Long> candidates(long[] bands) {
    Set<Long> out = new java.util.LinkedHashSet<>();
    for (long band : bands) {
      out.addAll(buckets.getOrDefault(band, List.of()));
    }
    return out;
  }

  private static boolean same(int i, int j) {
    return texts.get(i).strip().equals(texts.get(j).strip());
  }

  @Test
  void everyPairOfIdenticalTextsIsFound() {
    assumeTrue(!texts.isEmpty(), "cl-tls-it not found at " + CORPUS + ": skipped");
    int pairs = 0;
    int found = 0;
    for (int i = 0; i < texts.size(); i++) {
      Set<Long> leads = candidates(MinHash.bands(signatures.get(i)));
      for (int j = i + 1; j < texts.size(); j++) {
        if (same(i, j)) {
          pairs++;
          if (leads.contains((long) j)) {
            found++;
          }
        }
      }
    }
    System.out.printf("cl-tls-it: %d articles, %d pairs of identical texts, %d found through the LSH bands%n",
        texts.size(), pairs, found);
    assertTrue(pairs > 0);
    assertEquals(pairs, found);
  }

  @Test
  void lightEditsFindTheirOriginalFirst() {
    assumeTrue(!texts.isEmpty(), "cl-tls-it not found at " + CORPUS + ": skipped");
    int edits = 0;
    int found = 0;
    int first = 0;
    long otherLeads = 0;
    for (int i = 0; i < texts.size(); i += 3) {
      String text = texts.get(i);
      String[] lines = text.strip().split("\n");
      if (lines.length < 2 || MinHash.words(text).words().size() < 150) {
        continue;
      }
      String body = String.join("\n", List.of(lines).subList(1, lines.length));
      int lastStop = body.lastIndexOf(". ", body.length() - 3);
      if (lastStop > body.length() / 2) {
        body = body.substring(0, lastStop + 1); // the last sentence dropped
      }
      body = body.replaceFirst("\\d+", "99"); // a number changed
      int middle = body.indexOf(". ", body.length() / 2);
      if (middle > 0) {
        body = body.substring(0, middle + 2) + "Lo riferisce la nostra redazione. " + body.substring(middle + 2);
      }
      String edited = "Nuovo titolo scelto dalla redazione\n" + body;
      edits++;
      int[] sig = MinHash.signature(MinHash.shingles(MinHash.words(edited)));
      Set<Long> leads = candidates(MinHash.bands(sig));
      if (leads.contains((long) i)) {
        found++;
      }
      long best = -1;
      double bestScore = -1;
      for (long c : leads) {
        double s = MinHash.estimate(sig, signatures.get((int) c));
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
        if (!same((int) c, i)) {
          otherLeads++;
        }
      }
      if (best >= 0 && same((int) best, i)) {
        first++;
      }
    }
    System.out.printf("cl-tls-it light edits: %d, original among the leads %d, ranked first %d, other leads %d "
        + "(%.2f per query)%n", edits, found, first, otherLeads, (double) otherLeads / Math.max(1, edits));
    assertTrue(found >= 0.95 * edits, found + "/" + edits);
    assertTrue(first >= 0.95 * edits, first + "/" + edits);
  }

  /** The share of the shorter text's shingles found in the other. */
  private static double containment(String a, String b) {
    java.util.Set<Long> x = new java.util.HashSet<>();
    java.util.Set<Long> y = new java.util.HashSet<>();
    for (long s : MinHash.shingles(MinHash.words(a))) {
      x.add(s);
    }
    for (long s : MinHash.shingles(MinHash.words(b))) {
      y.add(s);
    }
    java.util.Set<Long> small = x.size() <= y.size() ? x : y;
    long both = small.stream().filter((x.size() <= y.size() ? y : x)::contains).count();
    return small.isEmpty() ? 0 : (double) both / small.size();
  }

  @Test
  void unrelatedArticlesRarelyShareABand() {
    assumeTrue(!texts.isEmpty(), "cl-tls-it not found at " + CORPUS + ": skipped");
    Map<Integer, Integer> leadsPerArticle = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      int unrelated = 0;
      for (long c : candidates(MinHash.bands(signatures.get(i)))) {
        if (c != i && !same(i, (int) c) && containment(texts.get(i), texts.get((int) c)) < 0.2) {
          unrelated++;
        }
      }
      leadsPerArticle.put(i, unrelated);
    }
    int total = leadsPerArticle.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("cl-tls-it: %d leads to articles sharing under a fifth of the shorter one's shingles, over %d articles%n", total,
        texts.size());
    assertTrue(total < texts.size() / 10, total + " unrelated leads");
  }
}
