package org.lente.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.lente.Pipeline;
import org.lente.ingest.PageReader;
import org.lente.knowledge.EntityResolver;
import org.lente.nlp.Analysis;
import org.lente.story.Stories;

/**
 * Story grouping on {@code corpus/cl-tls-it}: Italian articles in four crisis topics (egypt, libya,
 * syria, yemen), each in a folder named by its date. The articles are prepared by the product's
 * {@link Pipeline}, as {@code lente ingest} reads a plain-text file (so dated as it dates them: by their
 * dateline, else the date in their path), their entities resolved as the knowledge base does, and added
 * to {@link Stories} one by one in folder-date order (as they would arrive). The stories found are scored against the topic folders:
 * NMI (arithmetic-mean normalisation) and purity. A topic spans years and many pieces of news, so
 * this is a coarse check, reported for Lente's time window and for none, at several thresholds.
 */
public final class StoriesEval {

  /** Figures for one window. */
  public record Result(String window, double threshold, int articles, int topics, int stories, double nmi, double purity,
      double msPerArticle) {
  }

  private final Pipeline pipeline;
  private final PageReader reader = new PageReader();

  public StoriesEval(Pipeline pipeline) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
  }

  /** Scores the corpus folder; empty when it holds no articles. */
  public List<Result> run(Path corpus, Consumer<String> progress) throws IOException {
    record Item(String topic, String date, Analysis analysis) { }
    List<Item> items = new ArrayList<>();
    if (!Files.isDirectory(corpus)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(p -> p.toString().endsWith(".txt") && corpus.relativize(p).getNameCount() == 3).sorted().toList();
    }
    progress.accept("analysing " + files.size() + " articles");
    EntityResolver resolver = new EntityResolver();
    for (Path f : files) {
      Path rel = corpus.relativize(f);
      String topic = rel.getName(0).toString();
      String date = rel.getName(1).toString();
      Analysis a = pipeline.prepare(reader.read(f.toString())).analysis();
      if (a != null) { // null: no article text, as ingest skips it
        items.add(new Item(topic, date, resolver.resolveAll(a)));
      }
    }
    items.sort(Comparator.comparing(Item::date).thenComparing(i -> i.analysis().article().source()));
    List<Result> out = new ArrayList<>();
    for (Duration window : List.of(Stories.DEFAULT_WINDOW, Duration.ofDays(36_500))) {
      for (double threshold : List.of(0.1, Stories.DEFAULT_THRESHOLD, 0.2, 0.3)) {
      Stories stories = new Stories(window, threshold);
      List<String> truth = new ArrayList<>();
      List<Long> found = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < items.size(); i++) {
        found.add(stories.add(i, items.get(i).analysis()).story());
        truth.add(items.get(i).topic());
      }
      double ms = (System.nanoTime() - t0) / 1e6 / Math.max(1, items.size());
      out.add(new Result(window.toDays() > 10_000 ? "none" : window.toDays() + " days", threshold, items.size(),
          (int) truth.stream().distinct().count(), stories.size(), nmi(truth, found), purity(truth, found), ms));
      }
    }
    return out;
  }

  /** Normalised mutual information of two labelings, arithmetic-mean normalisation; 1 for two single clusters. */
  static <A, B> double nmi(List<A> truth, List<B> found) {
    int n = truth.size();
    Map<A, Integer> ca = new HashMap<>();
    Map<B, Integer> cb = new HashMap<>();
    Map<List<Object>, Integer> joint = new HashMap<>();
    for (int i = 0; i < n; i++) {
      ca.merge(truth.get(i), 1, Integer::sum);
      cb.merge(found.get(i), 1, Integer::sum);
      joint.merge(List.of(truth.get(i), found.get(i)), 1, Integer::sum);
    }
    double mi = 0;
    for (Map.Entry<List<Object>, Integer> e : joint.entrySet()) {
      double pij = (double) e.getValue() / n;
      @SuppressWarnings("unchecked") A a = (A) e.getKey().get(0);
      @SuppressWarnings("unchecked") B b = (B) e.getKey().get(1);
      mi += pij * Math.log(pij / ((double) ca.get(a) / n * cb.get(b) / n));
    }
    double ha = entropy(ca.values(), n);
    double hb = entropy(cb.values(), n);
    return ha + hb == 0 ? 1 : 2 * mi / (ha + hb);
  }

  private static double entropy(java.util.Collection<Integer> counts, int n) {
    double h = 0;
    for (int c : counts) {
      double p = (double) c / n;
      h -= p * Math.log(p);
    }
    return h;
  }

  /** The share of articles in their cluster's most common true label. */
  static <A, B> double purity(List<A> truth, List<B> found) {
    Map<B, Map<A, Integer>> byCluster = new HashMap<>();
    for (int i = 0; i < truth.size(); i++) {
      byCluster.computeIfAbsent(found.get(i), k -> new HashMap<>()).merge(truth.get(i), 1, Integer::sum);
    }
    int sum = 0;
    for (Map<A, Integer> m : byCluster.values()) {
      sum += m.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
    return truth.isEmpty() ? 0 : (double) sum / truth.size();
  }
}
