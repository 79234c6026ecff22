package org.lente.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;

/**
 * Groups articles into stories as they arrive, without recomputing what is there: each new article
 * is reduced to its key terms (resolved entity names and capitalised words, weighted by tf-idf over
 * the articles seen so far), the stories sharing a key term and active within the time window are
 * found through an inverted index, and the article joins the one whose centroid is most like it
 * (cosine at least the threshold; at least {@link #UNDATED_THRESHOLD} when the article or the story has no date, so
 * that the window cannot narrow the candidates), else starts a new story. A term weighs its tf times the square root of
 * its idf ({@link #IDF_POWER}). Names resolved across languages make
 * Italian and English articles on the same news meet. Thread-safe: additions are serialised.
 *
 * <p>Stories in memory are bounded: a story keeps its {@value #CENTROID_TERMS} heaviest terms, and at
 * most {@value #OPEN_STORIES} stories are open to new articles, those most recently added to; an older
 * story is closed (it stays stored, and a later article on its news starts a new one) and leaves the
 * inverted index. The term counts for idf grow with the vocabulary (one entry per distinct key term). What the index needs
 * is saved with each article ({@link #saved}, {@link Assignment#terms}); {@link #restore} reopens the
 * latest stories of a {@link StoryStore} after a restart.
 */
public final class Stories {

  /** The cosine with a story's centroid that joins it, used by Lente and its evaluation. */
  public static final double DEFAULT_THRESHOLD = 0.15;
  /** The time window used by Lente and its evaluation. */
  public static final java.time.Duration DEFAULT_WINDOW = java.time.Duration.ofDays(30);
  /**
   * The least cosine with a story's centroid that joins it when the window cannot apply (the article or the story has
   * no date), whatever lower threshold is given: such an article is compared with every open story, not only those of
   * its weeks, so a story that shares only the place every article of an outlet names (a local paper's province) is
   * among its candidates. Undated Italian crime news of one province (DICE, docs/stories.md) at the default threshold
   * gathered 285 articles into one story of its province's name; chosen on half of a labelled sample of its pairs.
   */
  public static final double UNDATED_THRESHOLD = 0.3;

  /**
   * The power of a term's idf in its weight: 0.5 lets the names an article is about (a country, its
   * leader) outweigh the rare names it mentions once, which would split one piece of news apart.
   */
  static final double IDF_POWER = 0.5;
  /** Key terms kept per article. */
  static final int KEY_TERMS = 25;
  /** Stories scored per new article, those sharing most key terms. */
  static final int CANDIDATES = 40;
  /** Stories kept per term in the inverted index, the latest. */
  static final int POSTINGS = 500;

  /** The names a story shows as its key entities, its heaviest named terms ({@link Story#keyEntities}). */
  static final int KEY_ENTITIES = 10;

  /** Terms a story's centroid keeps, its heaviest. */
  static final int CENTROID_TERMS = 200;
  /** Stories open to new articles, those most recently added to. */
  static final int OPEN_STORIES = 20_000;

  /**
   * What {@link #add} did with an article.
   *
   * @param terms the article's terms counted for idf (to be saved with it); empty when it was known
   */
  public record Assignment(long story, boolean created, double score, Set<String> terms) {
    public Assignment {
      terms = Set.copyOf(terms);
    }
  }

  /**
   * A story with what the index needs to reopen it. Its maps are unmodifiable copies that iterate in key order
   * ({@link String#compareTo}), whatever the order of the maps given: what a store writes in that order writes
   * them as they are, without sorting them again (a story's open state gives them in that order already).
   *
   * @param centroid the story's heaviest terms with their summed weights
   * @param names display names of the entity terms among them
   */
  public record Saved(Story story, Map<String, Double> centroid, Map<String, String> names) {
    public Saved {
      java.util.Objects.requireNonNull(story, "story");
      centroid = inKeyOrder(centroid);
      names = inKeyOrder(names);
    }
  }

  /**
   * An unmodifiable copy of {@code map} iterating in key order: its keys sorted, unless they already come in that
   * order (checked in one pass).
   *
   * @throws NullPointerException for a null key or value, as {@link Map#copyOf}
   */
  static <V> Map<String, V> inKeyOrder(Map<String, V> map) {
    String previous = null;
    boolean ordered = true;
    for (Map.Entry<String, V> e : map.entrySet()) {
      String key = Objects.requireNonNull(e.getKey(), "a null key");
      Objects.requireNonNull(e.getValue(), () -> "a null value for " + key);
      if (ordered && previous != null && previous.compareTo(key) >= 0) {
        ordered = false;
      }
      previous = key;
    }
    Map<String, V> out = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
    if (ordered) {
      out.putAll(map);
    } else {
      String[] keys = map.keySet().toArray(new String[0]);
      java.util.Arrays.sort(keys);
      for (String k : keys) {
        out.put(k, map.get(k));
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private final Duration window;
  private final double threshold;
  private final int openStories;
  private final Map<String, Integer> df = new HashMap<>();
  private int articles;
  private final Map<String, Deque<Long>> postings = new HashMap<>();
  private final Map<Long, Draft> stories = new LinkedHashMap<>();
  private final Map<Long, Long> storyOf = new HashMap<>();
  /** Hands out the ids of new stories. */
  private final StoryIds ids;

  /** Where the ids of new stories come from. */
  @FunctionalInterface
  public interface StoryIds {
    /** An id never handed out before; an {@link java.io.UncheckedIOException} when the store fails. */
    long next();

    /** Ids from {@code first} on, counted in this process's memory: for a story index that is not stored. */
    static StoryIds from(long first) {
      if (first < 1) {
        throw new IllegalArgumentException("story ids start at 1: " + first);
      }
      long[] next = {first};
      return () -> next[0]++;
    }

    /** Ids allocated by {@code store} ({@link StoryStore#newStoryId}). */
    static StoryIds of(StoryStore store) {
      return () -> {
        try {
          return store.newStoryId();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      };
    }
  }

  /**
   * @param window how far apart in publication time an article and a story's latest article may be
   *     (articles without a date are compared with every story)
   * @param threshold the least cosine with a story's centroid to join it, in (0, 1); at least {@link #UNDATED_THRESHOLD}
   *     when the article or the story has no date
   */
  public Stories(Duration window, double threshold) {
    this(window, threshold, 1);
  }

  /** As above, numbering new stories from {@code firstId}, in memory. */
  public Stories(Duration window, double threshold, long firstId) {
    this(window, threshold, StoryIds.from(firstId), OPEN_STORIES);
  }

  /** As above, with new stories' ids from {@code ids}. */
  public Stories(Duration window, double threshold, StoryIds ids) {
    this(window, threshold, ids, OPEN_STORIES);
  }

  /** As above, numbering from {@code firstId} with at most {@code openStories} stories open to new articles. */
  Stories(Duration window, double threshold, long firstId, int openStories) {
    this(window, threshold, StoryIds.from(firstId), openStories);
  }

  /** As above, with at most {@code openStories} stories open to new articles. */
  Stories(Duration window, double threshold, StoryIds ids, int openStories) {
    if (openStories < 1) {
      throw new IllegalArgumentException("at least one story must stay open: " + openStories);
    }
    this.openStories = openStories;
    this.ids = Objects.requireNonNull(ids, "ids");
    this.window = Objects.requireNonNull(window, "window");
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold out of (0, 1): " + threshold);
    }
    this.threshold = threshold;
  }

  /** Assigns article {@code id} to a story; an article added again keeps its story. */
  public Assignment add(long id, Analysis analysis) {
    return add(id, analysis, Signature.of(analysis));
  }

  /** As {@link #add(long, Analysis)}, with the article's signature already computed. */
  public synchronized Assignment add(long id, Analysis analysis, Signature signature) {
    Long known = storyOf.get(id);
    if (known != null) {
      return new Assignment(known, false, 1, Set.of());
    }
    Set<String> counted = new java.util.HashSet<>();
    Map<String, Double> vector = vector(analysis, signature, counted);
    Instant when = Provenance.instant(analysis.article().published());
    Map<Long, Integer> shared = new HashMap<>();
    for (String term : vector.keySet()) {
      Deque<Long> list = postings.get(term);
      for (Long s : list == null ? List.<Long>of() : list) { // boxed as listed: not boxed again for each lookup
        if (stories.containsKey(s)) {
          shared.merge(s, 1, Integer::sum);
        }
      }
    }
    long best = -1;
    double bestScore = 0;
    for (Map.Entry<Long, Integer> lead : leading(shared, CANDIDATES)) {
      Draft d = stories.get(lead.getKey());
      if (d == null || !d.within(when, window)) { // closed, or too far apart
        continue;
      }
      double s = d.cosine(vector);
      if (s > bestScore && s >= threshold(when, d)) {
        bestScore = s;
        best = d.id;
      }
    }
    boolean created = best < 0;
    Draft story = created ? new Draft(ids.next(), title(analysis)) : stories.remove(best);
    open(story);
    story.add(id, analysis, vector, when);
    storyOf.put(id, story.id);
    index(story.id, vector.keySet());
    return new Assignment(story.id, created, created ? 0 : bestScore, counted);
  }

  /**
   * The least cosine with story {@code d} that an article published at {@code when} (null: undated) needs to join it:
   * the threshold given, or {@link #UNDATED_THRESHOLD} when the window does not apply to the pair.
   */
  private double threshold(Instant when, Draft d) {
    return when == null || d.last == null ? Math.max(threshold, UNDATED_THRESHOLD) : threshold;
  }

  /** Stories by the key terms they share with an article: most first, then the lower id. */
  private static final java.util.Comparator<Map.Entry<Long, Integer>> LEADS =
      Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

  /** A story's terms by weight: the heaviest first, then in key order. */
  private static final java.util.Comparator<Map.Entry<String, Double>> HEAVIEST =
      Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

  /**
   * The first {@code n} of {@code shared}'s entries in {@link #LEADS} order, in that order ({@link #first}): an article
   * shares a common name's key term with hundreds of stories, of which {@link #CANDIDATES} are scored.
   */
  static List<Map.Entry<Long, Integer>> leading(Map<Long, Integer> shared, int n) {
    return first(shared.entrySet(), n, LEADS);
  }

  /**
   * The first {@code n} of {@code items} in {@code order} (a total order), in that order: what a sort of all of them cut
   * at {@code n} gives, kept in a heap of {@code n} as they come.
   *
   * @throws IllegalArgumentException when {@code n} is below 1
   */
  static <T> List<T> first(Iterable<T> items, int n, java.util.Comparator<T> order) {
    if (n < 1) {
      throw new IllegalArgumentException("at least one item comes first: " + n);
    }
    java.util.PriorityQueue<T> kept = new java.util.PriorityQueue<>(n + 1, order.reversed());
    for (T item : items) {
      if (kept.size() < n) {
        kept.add(item);
      } else if (order.compare(item, kept.peek()) < 0) { // before the last kept
        kept.poll();
        kept.add(item);
      }
    }
    List<T> out = new ArrayList<>(kept);
    out.sort(order);
    return out;
  }

  /** Puts a story last among the open ones, closing the least recently added to beyond the limit. */
  private void open(Draft story) {
    stories.put(story.id, story);
    if (stories.size() > openStories) {
      Draft closed = stories.remove(stories.keySet().iterator().next());
      closed.articles.forEach(storyOf::remove);
      for (String term : closed.centroid.keySet()) {
        Deque<Long> list = postings.get(term);
        if (list != null) {
          list.remove(closed.id);
          if (list.isEmpty()) {
            postings.remove(term);
          }
        }
      }
    }
  }

  /** Lists the story under each term, keeping the latest {@link #POSTINGS} stories per term. */
  private void index(long story, Iterable<String> terms) {
    for (String term : terms) {
      Deque<Long> list = postings.computeIfAbsent(term, t -> new ArrayDeque<>());
      if (!list.contains(story)) {
        list.addLast(story);
        if (list.size() > POSTINGS) {
          list.removeFirst();
        }
      }
    }
  }

  /** A story as it is now, with its centroid: what a {@link StoryStore} saves; empty when it is not open. */
  public synchronized Optional<Saved> saved(long id) {
    Draft d = stories.get(id);
    return d == null ? Optional.empty() : Optional.of(saved(d));
  }

  /**
   * What {@link #saved} gives of the story {@code id}, made when asked, not now: of the story as it is then, closed or
   * not (a closed story changes no more). For rows held until a batch's end, where a story that several articles join
   * is written once, in its latest state: its state is made once, not at each article. Empty when it is not open now.
   */
  public synchronized Optional<java.util.function.Supplier<Saved>> savedWhenAsked(long id) {
    Draft d = stories.get(id);
    return d == null ? Optional.empty() : Optional.of(() -> {
      synchronized (this) {
        return saved(d);
      }
    });
  }

  /** The latest {@code n} articles of the open story {@code id}, oldest first; empty when it is not open. */
  public synchronized List<Long> latestArticles(long id, int n) {
    Draft d = stories.get(id);
    return d == null ? List.of() : List.copyOf(d.articles.subList(Math.max(0, d.articles.size() - n), d.articles.size()));
  }

  private Saved saved(Draft d) {
    return new Saved(d.snapshot(), d.inKeyOrder(d.centroid), d.inKeyOrder(d.names));
  }

  /**
   * The index of {@code store} as it was left: term counts, and its latest {@link #OPEN_STORIES} stories
   * reopened (stories saved before their centroids were, by schema V3, stay closed); new stories take
   * their ids from the store ({@link StoryStore#newStoryId}).
   */
  public static Stories restore(Duration window, double threshold, StoryStore store) throws java.io.IOException {
    Stories s = new Stories(window, threshold, StoryIds.of(store));
    s.df.putAll(store.termCounts());
    s.articles = store.countedArticles();
    List<Saved> saved = new ArrayList<>(store.savedStories(OPEN_STORIES));
    java.util.Collections.reverse(saved); // oldest first: the latest end up most recently opened
    for (Saved sv : saved) {
      Draft d = Draft.of(sv);
      s.stories.put(d.id, d);
      d.articles.forEach(a -> s.storyOf.put(a, d.id));
      s.index(d.id, d.centroid.keySet());
    }
    return s;
  }

  /** The story of an article, when it was added. */
  public synchronized Optional<Long> storyOf(long article) {
    return Optional.ofNullable(storyOf.get(article));
  }

  /** A story as it is now. */
  public synchronized Optional<Story> story(long id) {
    Draft d = stories.get(id);
    return d == null ? Optional.empty() : Optional.of(d.snapshot());
  }

  /** How many stories there are. */
  public synchronized int size() {
    return stories.size();
  }

  /** The key terms of an article with their tf-idf weights, unit length; also counts it for later idf (into {@code counted}). */
  private Map<String, Double> vector(Analysis analysis, Signature signature, Set<String> counted) {
    Map<String, Integer> tf = new HashMap<>();
    for (Entity e : analysis.entities()) {
      if (e.type() != Entity.Type.MISC && e.canonical().length() <= Entity.MAX_CHARS) { // longer: stored before the bound
        tf.merge("E:" + e.canonical().toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    for (Anchor a : signature.anchors()) {
      if (a.kind() == Anchor.Kind.CAPITAL && a.value().length() > 2) {
        tf.merge(a.term(), 1, Integer::sum);
      }
    }
    articles++;
    for (String t : tf.keySet()) {
      df.merge(t, 1, Integer::sum);
    }
    counted.addAll(tf.keySet());
    Map<String, Double> w = new HashMap<>();
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      double idf = Math.pow(Math.log((articles + 1.0) / (df.get(e.getKey()) + 1.0)) + 1, IDF_POWER);
      w.put(e.getKey(), (1 + Math.log(e.getValue())) * idf);
    }
    List<Map.Entry<String, Double>> top = new ArrayList<>(w.entrySet());
    top.sort(HEAVIEST);
    Map<String, Double> out = new LinkedHashMap<>();
    double norm = 0;
    for (Map.Entry<String, Double> e : top.subList(0, Math.min(KEY_TERMS, top.size()))) {
      norm += e.getValue() * e.getValue();
    }
    for (Map.Entry<String, Double> e : top.subList(0, Math.min(KEY_TERMS, top.size()))) {
      out.put(e.getKey(), e.getValue() / Math.sqrt(norm));
    }
    return out;
  }

  private static String title(Analysis a) {
    String t = a.article().displayTitle();
    return t != null ? t : "";
  }

  /** A story being built. */
  private static final class Draft {
    final long id;
    final String title;
    final List<Long> articles = new ArrayList<>();
    final Set<String> sources = new LinkedHashSet<>();
    final Set<String> languages = new LinkedHashSet<>();
    /**
     * A hash map, looked up once per term of every candidate article ({@link #cosine}); sums over it are taken in
     * key order ({@link #norm()}), so that they add in one order whatever the map's history: a story reopened from
     * its saved centroid then scores to the last bit as the one kept in memory (a hash map's order depends on its
     * capacity, which a pruned map keeps).
     */
    final Map<String, Double> centroid = new HashMap<>();
    /** The centroid's terms in key order: kept in step with it as terms come and go, not sorted for each article. */
    private String[] order = new String[0];
    final Map<String, String> names = new HashMap<>();
    final List<String> quotes = new ArrayList<>();
    /** In publication order, undated events last: kept sorted as events are added. */
    final List<Story.Event> timeline = new ArrayList<>();
    /** The publication instant of each timeline event, null for undated ones. */
    final List<Instant> times = new ArrayList<>();
    Instant first;
    Instant last;
    double norm;

    Draft(long id, String title) {
      this.id = id;
      this.title = title;
    }

    /** A saved story reopened. */
    static Draft of(Saved saved) {
      Story st = saved.story();
      Draft d = new Draft(st.id(), st.title());
      d.articles.addAll(st.articles());
      d.sources.addAll(st.sources());
      d.languages.addAll(st.languages());
      d.centroid.putAll(saved.centroid());
      d.order = sorted(d.centroid.keySet());
      d.names.putAll(saved.names());
      d.quotes.addAll(st.quotes());
      st.timeline().forEach(e -> d.place(e, Provenance.instant(e.published())));
      d.first = Provenance.instant(st.first());
      d.last = Provenance.instant(st.last());
      d.norm = d.norm();
      return d;
    }

    boolean within(Instant when, Duration window) {
      return when == null || last == null
          || (!when.isBefore(first.minus(window)) && !when.isAfter(last.plus(window)));
    }

    /** The centroid's squared norm, its terms added in key order. */
    private double norm() {
      double sum = 0;
      for (String t : order) {
        double x = centroid.get(t);
        sum += x * x;
      }
      return sum;
    }

    /** The keys of {@code keys} sorted. */
    private static String[] sorted(java.util.Collection<String> keys) {
      String[] out = keys.toArray(new String[0]);
      java.util.Arrays.sort(out);
      return out;
    }

    /**
     * {@code map}'s entries in key order, for {@link Saved}: taken in the centroid's order, without a sort, when its
     * keys are among the centroid's terms (the centroid, and its names: {@link #add} prunes them together).
     */
    private <V> Map<String, V> inKeyOrder(Map<String, V> map) {
      Map<String, V> out = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
      for (String t : order) {
        V v = map.get(t);
        if (v != null) {
          out.put(t, v);
        }
      }
      return out.size() == map.size() ? out : Stories.inKeyOrder(map); // names of a story stored otherwise
    }

    /** {@link #order} with {@code added} (terms new to the centroid, sorted) merged in. */
    private static String[] merged(String[] order, String[] added) {
      String[] out = new String[order.length + added.length];
      int i = 0;
      int j = 0;
      int k = 0;
      while (i < order.length && j < added.length) {
        out[k++] = order[i].compareTo(added[j]) < 0 ? order[i++] : added[j++];
      }
      while (i < order.length) {
        out[k++] = order[i++];
      }
      while (j < added.length) {
        out[k++] = added[j++];
      }
      return out;
    }

    double cosine(Map<String, Double> v) {
      double dot = 0;
      for (Map.Entry<String, Double> e : v.entrySet()) {
        dot += e.getValue() * centroid.getOrDefault(e.getKey(), 0.0);
      }
      return norm == 0 ? 0 : dot / Math.sqrt(norm);
    }

    void add(long article, Analysis a, Map<String, Double> v, Instant when) {
      articles.add(article);
      List<String> added = new ArrayList<>();
      v.forEach((t, w) -> {
        Double before = centroid.get(t);
        centroid.put(t, before == null ? w : before + w);
        if (before == null) {
          added.add(t);
        }
      });
      if (centroid.size() > 2 * CENTROID_TERMS) {
        List<Map.Entry<String, Double>> kept = centroid.entrySet().stream()
            .sorted(HEAVIEST)
            .limit(CENTROID_TERMS).toList();
        centroid.clear();
        kept.forEach(e -> centroid.put(e.getKey(), e.getValue()));
        names.keySet().retainAll(centroid.keySet());
        order = sorted(centroid.keySet());
      } else if (!added.isEmpty()) {
        order = merged(order, sorted(added));
      }
      norm = norm();
      String outlet = a.article().outlet();
      if (outlet != null) {
        sources.add(outlet);
      }
      if (a.textLanguage() != null) {
        languages.add(a.textLanguage());
      }
      for (Entity e : a.entities()) {
        String term = "E:" + e.canonical().toLowerCase(Locale.ROOT);
        if (centroid.containsKey(term)) {
          names.putIfAbsent(term, e.canonical());
        }
      }
      for (Quote q : a.quotes()) {
        if (quotes.size() < Story.MAX_QUOTES && q.kind() == Quote.Kind.DIRECT && q.speakerCanonical() != null) {
          quotes.add(q.speakerCanonical() + ": " + q.text());
        }
      }
      if (when != null) {
        first = first == null || when.isBefore(first) ? when : first;
        last = last == null || when.isAfter(last) ? when : last;
      }
      place(new Story.Event(a.article().published(), article, a.article().title()), when);
    }

    /** Inserts an event after every event dated at or before {@code when}; an undated one goes last. */
    void place(Story.Event e, Instant when) {
      int at = times.size();
      if (when != null) {
        int lo = 0;
        int hi = times.size();
        while (lo < hi) { // first event after "when", undated ones counting as after every date
          int mid = (lo + hi) >>> 1;
          Instant t = times.get(mid);
          if (t != null && !t.isAfter(when)) {
            lo = mid + 1;
          } else {
            hi = mid;
          }
        }
        at = lo;
      }
      timeline.add(at, e);
      times.add(at, when);
    }

    Story snapshot() {
      List<Map.Entry<String, Double>> named = new ArrayList<>(names.size());
      for (Map.Entry<String, Double> e : centroid.entrySet()) {
        if (names.containsKey(e.getKey())) {
          named.add(e);
        }
      }
      List<String> keys = first(named, KEY_ENTITIES, HEAVIEST).stream().map(e -> names.get(e.getKey())).toList();
      List<Story.Event> line = timeline;
      return new Story(id, title, first == null ? null : first.toString(), last == null ? null : last.toString(),
          articles, List.copyOf(sources), List.copyOf(languages), keys, quotes, line);
    }
  }
}
