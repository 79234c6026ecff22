package org.lente.story;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lente.extract.Article;
import org.lente.knowledge.ArticleListener;
import org.lente.nlp.Analysis;
import org.lente.store.Ahead;
import org.lente.store.ArticleReader;
import org.lente.store.StoredArticle;

/**
 * Stories and lineage for each article the knowledge base stores: its story ({@link Stories}), its
 * near-duplicates in the same language (articles sharing an LSH band of its text, compared word for
 * word by {@link Overlap}), its translations and the other articles of its story (compared by
 * {@link Likeness}), each link with a direction ({@link Provenance}) and evidence, all kept in a
 * {@link StoryStore}. Translations are also looked for outside the story, whatever the dates: among
 * the articles in other languages that share the rarest anchors (names, numbers, dates) with the new
 * one, from an inverted index the store keeps ({@link StoryStore#anchorPostings}); a candidate is a
 * translation when {@link TranslationLink} decides. Thread-safe: additions are serialised.
 * The story index is saved with each article; open it with {@link Stories#restore} so that, after a
 * restart, new articles join the stories stored before.
 */
public final class Lineage implements ArticleListener {

  /** The analysis of a stored article, by id. */
  @FunctionalInterface
  public interface Articles {
    Optional<Analysis> analysis(long id) throws IOException;

    /**
     * The analyses of the stored articles among {@code ids}, by id, an article gone absent: here one {@link #analysis}
     * each; {@link #of} reads them all at once.
     */
    default Map<Long, Analysis> analyses(java.util.Collection<Long> ids) throws IOException {
      Map<Long, Analysis> out = new HashMap<>();
      for (long id : ids) {
        analysis(id).ifPresent(a -> out.put(id, a));
      }
      return out;
    }

    /** The latest analyses of {@code store}'s articles, many read in one statement ({@link ArticleReader#getAll}). */
    static Articles of(ArticleReader store) {
      Objects.requireNonNull(store, "store");
      return new Articles() {
        @Override
        public Optional<Analysis> analysis(long id) throws IOException {
          return store.get(id).map(StoredArticle::analysis);
        }

        @Override
        public Map<Long, Analysis> analyses(java.util.Collection<Long> ids) throws IOException {
          Map<Long, Analysis> out = new HashMap<>();
          store.getAll(ids).forEach((id, a) -> out.put(id, a.analysis()));
          return out;
        }
      };
    }
  }

  /** Near-duplicate candidates compared word for word, those sharing most bands. */
  static final int NEAR_CANDIDATES = 10;
  /**
   * Bands a candidate must share to be compared word for word, except the one sharing most: one band
   * in 32 is what two texts with a shingle Jaccard of 0.35 share on average, two of 0.45.
   */
  static final int MIN_BANDS = 2;
  /** Shingle Jaccard, or containment of either article in the other, that makes a near-duplicate. */
  static final double NEAR_JACCARD = 0.3;
  static final double NEAR_CONTAINMENT = 0.6;
  /**
   * Profiles kept of the latest articles, at most this many and {@link #RECENT_CHARS} characters of
   * text: a profile of a 5,000-character article holds about 220 KB, of a 49,000-character one 2 MB. Four times as
   * many made the cluster's writer no faster (docs/cluster-writer.md, session 18), though fewer candidates were read back.
   */
  static final int RECENT_PROFILES = 256;
  static final long RECENT_CHARS = 4_000_000;
  /**
   * Anchors of the signatures kept of articles whose profiles were dropped ({@link #signatures}), at most: some 150
   * bytes each (the anchor, its value and its term), so about 30 MB. The cluster writer's bench (Italian news) has 18
   * anchors an article: the signatures of some 11,000 articles past the {@link #RECENT_PROFILES}.
   */
  static final long KEPT_SIGNATURE_ANCHORS = 200_000;
  /** Articles of the story compared with a new one, the latest. */
  static final int STORY_PEERS = 5;
  /**
   * Articles in other languages compared with a new one as possible translations, those sharing the
   * rarest anchors with it ({@link #anchorCandidates}): whatever their dates and stories.
   */
  static final int ANCHOR_CANDIDATES = 8;
  /**
   * An anchor held by more stored articles than this finds no candidates: a common number or the
   * name of a country says little, and its postings would be long.
   */
  static final int ANCHOR_MAX_ARTICLES = 2_000;

  private final StoryStore store;
  private final Articles articles;
  /**
   * What {@link #prepare} computed of the texts of articles not yet added: under its own lock, not the lineage's, so
   * that it is filled while an addition runs.
   */
  private final Ahead<Profile, Prepared> prepared = new Ahead<>(Profile::text, Prepared::of, Ahead.MAX_WAITING);

  /**
   * What {@link #add} needs of an article's text, whatever its names resolve to: its words and shingles, its LSH bands,
   * the anchors of its text ({@link Signature.TextAnchors}).
   */
  private record Prepared(MinHash.Words words, long[] shingles, long[] bands, Signature.TextAnchors anchors,
      String language) {
    static Prepared of(Profile article) {
      MinHash.Words words = MinHash.words(article.text());
      long[] shingles = MinHash.shingles(words);
      String language = article.analysis().textLanguage();
      return new Prepared(words, shingles, MinHash.bands(MinHash.signature(shingles)),
          Signature.TextAnchors.of(article.analysis()), language == null ? "" : language);
    }
  }

  /**
   * Texts whose band lookups in the store are made in one statement ({@link StoryStore#bandCandidates(List, int)}),
   * while lineage holds writes: the article added and the prepared texts after it, at most this many. Two of the
   * cluster writer's default batches: its reading thread prepares at most a batch beyond the one applied.
   */
  static final int BANDS_AHEAD = 100;

  private Stories stories;
  private final java.time.Duration window;
  private final double threshold;
  /** The profiles of the latest articles added or compared: the candidates of the next ones. */
  private final Map<Long, Profile> recent = new java.util.LinkedHashMap<>(64, 0.75f, true); // least recently used first
  /** The characters of the texts of {@link #recent}: kept under {@link #RECENT_CHARS}. */
  private long recentChars;
  /**
   * The signatures of articles whose profiles were dropped from {@link #recent}, made from the same analysis as the
   * profile was (an article stored again drops its own): a story peer or candidate read back from the store is
   * compared by it, not by a signature made again from its analysis. Least recently used first.
   */
  private final Map<Long, Signature> signatures = new java.util.LinkedHashMap<>(64, 0.75f, true);
  /** The anchors of {@link #signatures}: kept under {@link #KEPT_SIGNATURE_ANCHORS}. */
  private long signatureAnchors;
  /** The rows held back until {@link #writeHeld} ({@link #holdWrites}), or null: each addition writes its own. */
  private StoryRows held;
  /**
   * While holding writes: the store's band candidates of prepared texts not yet added, read in one statement with an
   * article's own ({@link #storedBands}), by the prepared value (its identity). They stay right while no bands are
   * written but held ones: those are new articles, merged in from {@link #bandsWrittenSince}.
   */
  private final Map<Prepared, Map<Long, Integer>> bandsAhead = new java.util.IdentityHashMap<>();
  /** The bands of the held rows written since {@link #bandsAhead} was read (only its bands are kept). */
  private StoryRows bandsWrittenSince = new StoryRows();
  /**
   * The languages of the anchor postings stored and held ({@code ""} for none), while this lineage holds writes (it is
   * then its store's one writer): read from the store once, then kept up to date here; null until read.
   */
  private Set<String> anchorLanguages;

  /** Lineage over {@code stories} as they are. */
  public Lineage(StoryStore store, Articles articles, Stories stories) {
    this.store = Objects.requireNonNull(store, "store");
    this.articles = Objects.requireNonNull(articles, "articles");
    this.stories = Objects.requireNonNull(stories, "stories");
    this.window = null;
    this.threshold = 0;
  }

  /**
   * Lineage over the stories of {@code store}, {@link Stories#restore restored} with {@code window}
   * and {@code threshold} when the first article is added (a process that only reads never loads them).
   */
  public Lineage(StoryStore store, Articles articles, java.time.Duration window, double threshold) {
    this.store = Objects.requireNonNull(store, "store");
    this.articles = Objects.requireNonNull(articles, "articles");
    this.window = Objects.requireNonNull(window, "window");
    this.threshold = threshold;
  }

  private Stories stories() throws IOException {
    if (stories == null) {
      stories = Stories.restore(window, threshold, store);
    }
    return stories;
  }

  @Override
  public void stored(long id, Analysis analysis) throws IOException {
    add(id, analysis, false);
  }

  /** {@inheritDoc} Lineage skips the read of the story of an article stored {@code first}, and may hold its rows. */
  @Override
  public void stored(long id, Analysis analysis, boolean first) throws IOException {
    add(id, analysis, first);
  }

  /**
   * From now on the story rows of each article added for the first time (its story, its place in it, its terms, links,
   * bands and anchors) are held in memory, not written, until {@link #writeHeld}, which writes all of them in one
   * statement per table ({@link StoryStore#putRows}): the cluster's writer does so once per batch, before its
   * transaction stores the offset. What lineage decides is the same as with each article written as it is added: the
   * bands of the held articles join the store's candidates ({@link StoryRows#merged}), their anchors the stored counts
   * and postings ({@link #anchorPostings}), the held rows are written before the store's links
   * are read and before an article stored before (or again) is added; the story of an article added for the first
   * time is never read. {@link #reload} drops them (the transaction they were meant for rolled back). For the one
   * writer of its store (the cluster's, under its lease): another process does not see the held rows.
   *
   * @return this lineage
   */
  public synchronized Lineage holdWrites() {
    if (held == null) {
      held = new StoryRows();
    }
    return this;
  }

  /** {@inheritDoc} Lineage writes the rows it holds ({@link #holdWrites}) in one transaction. */
  @Override
  public synchronized void writeHeld() throws IOException {
    if (held == null || held.isEmpty()) {
      return;
    }
    StoryRows rows = held;
    held = new StoryRows(); // taken before the write: rows that failed are not written again
    store.putRows(rows);
    if (!bandsAhead.isEmpty()) { // the answers read before stay right with these merged in: they are new articles
      rows.bands().forEach((article, b) -> bandsWrittenSince.bands(article, b.language(), b.bands()));
    }
  }

  /**
   * {@inheritDoc} Lineage's are the text's words, shingles and LSH bands, and the anchors of its text ({@link Ahead}:
   * what {@link #add} decides and stores is the same either way). It does not wait for an addition under way.
   */
  @Override
  public void prepare(Analysis analysis) {
    prepared.prepare(new Profile(analysis));
  }

  /** How many prepared texts wait for their addition. */
  int preparedTexts() {
    return prepared.size();
  }

  /** Assigns the article to a story, finds and stores its links; returns them, strongest first. */
  public List<Link> add(long id, Analysis analysis) throws IOException {
    return add(id, analysis, false);
  }

  /**
   * As {@link #add(long, Analysis)}, for an article stored for the first time when {@code newArticle} (the store holds no
   * story, link, band or anchor of it): its story is not read from the store, and its rows are held when this lineage
   * holds writes ({@link #holdWrites}).
   */
  public synchronized List<Link> add(long id, Analysis analysis, boolean newArticle) throws IOException {
    boolean holding = held != null && newArticle;
    if (held != null && !newArticle) {
      writeHeld(); // its own rows may be among them (a first version in the same batch): its reads must see them
    }
    Profile here = new Profile(analysis);
    Prepared ready = prepared.take(here);
    here.textFeatures(ready.words(), ready.shingles(), ready.anchors());
    Signature sig = here.signature();
    long[] bands = ready.bands();
    List<Link> links = new ArrayList<>();
    List<Long> linked = new ArrayList<>();
    List<Long> near = new ArrayList<>(); // the band candidates compared
    for (Map.Entry<Long, Integer> lead : bandCandidates(ready, sig.language()).entrySet()) {
      if (lead.getKey() != id && (near.isEmpty() || lead.getValue() >= MIN_BANDS)) {
        near.add(lead.getKey());
      }
    }
    Stories stories = stories();
    // An article stored again whose story is no longer open keeps that story; only its links are redone. One stored
    // for the first time has no story in the store.
    Optional<Long> kept = newArticle || stories.storyOf(id).isPresent() ? Optional.empty() : store.storyOf(id);
    Stories.Assignment assignment = null;
    Stories.Saved saved = null;
    java.util.function.Supplier<Stories.Saved> savedWhenWritten = null; // holding: made once a batch, not per article
    List<Long> peers = List.of();
    if (kept.isPresent()) {
      peers = store.story(kept.get()).map(Story::articles).orElse(List.of());
    } else if (holding) {
      assignment = stories.add(id, analysis, sig);
      savedWhenWritten = stories.savedWhenAsked(assignment.story()).orElseThrow();
      peers = stories.latestArticles(assignment.story(), STORY_PEERS + 1);
    } else {
      assignment = stories.add(id, analysis, sig);
      saved = stories.saved(assignment.story()).orElseThrow();
      peers = saved.story().articles();
    }
    peers = peers.subList(Math.max(0, peers.size() - 1 - STORY_PEERS), peers.size());
    Set<String> terms = terms(sig);
    List<Long> anchored = anchorCandidates(id, sig.language(), terms);
    readProfiles(id, near, peers, anchored);
    for (long other : near) {
      Profile there = profile(other);
      if (there == null) {
        continue;
      }
      Overlap.Shingles shared = Overlap.Shingles.of(here, there);
      if (shared.jaccard() >= NEAR_JACCARD || Math.max(shared.hereInThere(), shared.thereInHere()) >= NEAR_CONTAINMENT) {
        Overlap o = Overlap.of(here, there, shared); // its passages and differences: for a link only
        Provenance.Verdict v = Provenance.decide(here, there, o);
        List<Evidence> evidence = new ArrayList<>(o.passages());
        evidence.addAll(o.differences());
        evidence.addAll(v.evidence());
        links.add(new Link(id, other, Link.Relation.NEAR_DUPLICATE, v.direction(), o.jaccard(), evidence));
        linked.add(other);
      }
    }
    for (long other : peers) {
      if (other == id || linked.contains(other)) {
        continue;
      }
      Profile there = profile(other);
      if (there != null) {
        links.add(peer(id, here, other, there));
        linked.add(other);
      }
    }
    Set<Long> otherStories = new HashSet<>(); // linked only as versions
    for (long other : anchored) {
      if (linked.contains(other)) {
        continue;
      }
      Profile there = profile(other);
      if (there != null) {
        Link l = peer(id, here, other, there);
        if (l.relation() == Link.Relation.TRANSLATION) { // another story's article is linked only as a version
          links.add(l);
          linked.add(other);
          otherStories.add(other);
        }
      }
    }
    links = oneTranslationPerLanguage(id, here, links, otherStories);
    if (holding) {
      held.anchors(id, sig.language(), terms);
    } else {
      store.putAnchors(id, sig.language(), terms);
    }
    if (anchorLanguages != null && !terms.isEmpty()) {
      anchorLanguages.add(sig.language() == null ? "" : sig.language());
    }
    links = closestOriginal(id, links, holding);
    links.sort(Comparator.comparingDouble(Link::score).reversed());
    if (holding) { // a new article: never a story kept from the store
      held.article(id, assignment.story(), savedWhenWritten, assignment.terms(), assignment.score(), links,
          sig.language(), bands);
    } else if (saved != null) {
      forgetBandsAhead(); // bands written outside the held rows
      store.putArticle(id, saved, assignment.terms(), assignment.score(), links, sig.language(), bands);
    } else {
      forgetBandsAhead(); // an article stored again: its stored bands may count more now
      store.putLinks(links);
      store.putBands(id, sig.language(), bands);
    }
    keep(id, here);
    return links;
  }

  /**
   * The stored articles in {@code language} sharing most of the bands of {@code ready} ({@link StoryStore#bandCandidates},
   * at most {@link #NEAR_CANDIDATES}), the held ones among them ({@link #holdWrites}).
   */
  private Map<Long, Integer> bandCandidates(Prepared ready, String language) throws IOException {
    long[] bands = ready.bands();
    if (held == null) {
      return store.bandCandidates(language, bands, NEAR_CANDIDATES);
    }
    Map<Long, Integer> stored = StoryRows.merged(storedBands(ready, language),
        bandsWrittenSince.bandCandidates(language, bands), NEAR_CANDIDATES);
    return StoryRows.merged(stored, held.bandCandidates(language, bands), NEAR_CANDIDATES);
  }

  /**
   * The store's band candidates of {@code ready} as they were when {@link #bandsAhead} was read (the bands written
   * since are {@link #bandsWrittenSince}): read before, or now, in one statement with those of the prepared texts
   * waiting after it, at most {@link #BANDS_AHEAD} in all, whose answers are kept for their additions.
   */
  private Map<Long, Integer> storedBands(Prepared ready, String language) throws IOException {
    String lang = language == null ? "" : language;
    Map<Long, Integer> known = bandsAhead.remove(ready);
    if (known != null && ready.language().equals(lang)) {
      return known;
    }
    forgetBandsAhead();
    List<Prepared> asked = new ArrayList<>();
    List<StoryStore.BandQuery> queries = new ArrayList<>();
    asked.add(ready);
    queries.add(new StoryStore.BandQuery(lang, ready.bands()));
    for (Prepared p : prepared.waiting(BANDS_AHEAD - 1)) {
      if (p != ready) {
        asked.add(p);
        queries.add(new StoryStore.BandQuery(p.language(), p.bands()));
      }
    }
    List<Map<Long, Integer>> answers = store.bandCandidates(queries, NEAR_CANDIDATES);
    for (int i = 1; i < asked.size(); i++) {
      bandsAhead.put(asked.get(i), answers.get(i));
    }
    return answers.get(0);
  }

  /** Drops the band candidates read ahead ({@link #bandsAhead}): bands were written that they do not count. */
  private void forgetBandsAhead() {
    bandsAhead.clear();
    bandsWrittenSince = new StoryRows();
  }

  /**
   * The articles in other languages than {@code language} holding each of {@code terms} held by at most
   * {@link #ANCHOR_MAX_ARTICLES} articles ({@link StoryStore#anchorPostings}), the held ones among them
   * ({@link #holdWrites}): a term is judged by its articles stored and held together, and its held articles follow its
   * stored ones.
   */
  private Map<String, List<Long>> anchorPostings(Set<String> terms, String language) throws IOException {
    if (held == null || !held.holdsAnchors()) {
      return store.anchorPostings(terms, language, ANCHOR_MAX_ARTICLES);
    }
    Map<String, Integer> stored = store.anchorCounts(terms);
    Map<String, Integer> inBatch = held.anchorCounts(terms);
    List<String> rare = new ArrayList<>();
    List<String> rareStored = new ArrayList<>(); // the rare terms whose stored postings are read
    for (String t : terms) {
      int n = stored.getOrDefault(t, 0) + inBatch.getOrDefault(t, 0);
      if (n > 0 && n <= ANCHOR_MAX_ARTICLES) {
        rare.add(t);
        if (stored.containsKey(t)) {
          rareStored.add(t);
        }
      }
    }
    Map<String, List<Long>> out = new java.util.LinkedHashMap<>();
    if (!rareStored.isEmpty()) {
      store.anchorArticles(rareStored, language).forEach((t, ids) -> out.put(t, new ArrayList<>(ids)));
    }
    held.anchorArticles(rare, language).forEach((t, ids) -> out.computeIfAbsent(t, k -> new ArrayList<>()).addAll(ids));
    return out;
  }

  /**
   * Whether an anchor posting in another language than {@code language} may be stored or held: always, unless this
   * lineage holds writes ({@link #holdWrites}) and so knows the languages of all of them. In a store of one language
   * the anchor lookup of each article (two reads) finds nothing and is skipped.
   */
  private boolean otherLanguages(String language) throws IOException {
    if (held == null) {
      return true;
    }
    if (anchorLanguages == null) {
      anchorLanguages = new java.util.HashSet<>(store.anchorLanguages());
      anchorLanguages.addAll(held.anchorLanguages());
    }
    return anchorLanguages.size() > 1 || !anchorLanguages.isEmpty() && !anchorLanguages.contains(language);
  }

  /** The stored links of {@code article}, the held ones written first ({@link #holdWrites}). */
  private List<Link> storedLinks(long article) throws IOException {
    if (held != null && held.holdsLinks()) {
      writeHeld();
    }
    return store.links(article);
  }

  /** The distinct anchor terms of a signature: what the anchor index holds of an article. */
  private static Set<String> terms(Signature sig) {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (Anchor a : sig.anchors()) {
      out.add(a.term());
    }
    return out;
  }

  /**
   * The stored articles in other languages that share the most of {@code terms}, at most
   * {@link #ANCHOR_CANDIDATES}: each shared term counts its {@link Likeness#kindWeight kind's weight}
   * over {@code 1 + ln(n)}, n the articles holding it, so that a rare figure or name outweighs a
   * common one. None when the language is unknown: a translation is told by its other language.
   */
  private List<Long> anchorCandidates(long id, String language, Set<String> terms) throws IOException {
    if (language == null || terms.isEmpty() || !otherLanguages(language)) {
      return List.of();
    }
    Map<Long, Double> score = new HashMap<>();
    for (Map.Entry<String, List<Long>> e : anchorPostings(terms, language).entrySet()) {
      double w = Likeness.kindWeight(e.getKey()) / (1 + Math.log(e.getValue().size()));
      for (long other : e.getValue()) {
        if (other != id) {
          score.merge(other, w, Double::sum);
        }
      }
    }
    return score.entrySet().stream()
        .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(ANCHOR_CANDIDATES).map(Map.Entry::getKey).toList();
  }

  /**
   * An article translates one article of each other language, not several: of the new article's translation links to
   * articles of one language, the strongest stays a translation, and another one that is not a version of it (stored as
   * its near-duplicate or translation) becomes a same-story link, with a {@code closer-translation} evidence naming the
   * stronger one; dropped when it is another story's article ({@code otherStories}), which is linked only as a version.
   * A translation cut short shares the background of a follow-up on the same news written in the original's language,
   * and may pass the translation link with it too, weaker than with its original.
   */
  private List<Link> oneTranslationPerLanguage(long id, Profile here, List<Link> links, Set<Long> otherStories)
      throws IOException {
    Map<String, Link> strongest = new HashMap<>();
    Map<Long, String> language = new HashMap<>();
    for (Link l : links) {
      Profile there = l.relation() == Link.Relation.TRANSLATION ? profile(l.related()) : null;
      String lang = there == null ? null : there.signature().language();
      if (lang != null) {
        language.put(l.related(), lang);
        strongest.merge(lang, l, (a, b) -> CLOSER.compare(a, b) <= 0 ? a : b);
      }
    }
    if (strongest.size() == language.size()) {
      return links;
    }
    List<Link> out = new ArrayList<>(links.size());
    for (Link l : links) {
      Link best = strongest.get(language.get(l.related()));
      if (best == null || best == l || versions(storedLinks(best.related())).contains(l.related())) {
        out.add(l);
        continue;
      }
      if (otherStories.contains(l.related())) {
        continue;
      }
      Profile there = profile(l.related());
      Signature sig = here.signature();
      Signature thereSig = there.signature();
      List<Evidence> evidence = new ArrayList<>(Passages.aligned(here.analysis(), sig, there.analysis(), thereSig,
          likeness(sig, thereSig)));
      evidence.add(new Evidence("closer-translation", null, null, String.format(Locale.ROOT,
          "this article translates %s, which it is closer to (%.2f against %.2f): this one shares its story",
          named(best.related()), best.score(), l.score())));
      out.add(new Link(id, l.related(), Link.Relation.SAME_STORY, Direction.UNKNOWN, l.score(), evidence));
    }
    return out;
  }

  /** The closer of two candidate originals first: a near-duplicate before a translation, then the higher score. */
  private static final Comparator<Link> CLOSER = Comparator
      .comparing((Link l) -> l.relation() != Link.Relation.NEAR_DUPLICATE)
      .thenComparing(Comparator.comparingDouble(Link::score).reversed());

  /**
   * An article copies one version of a text, not all of them. When several of the new article's links
   * name an original and those originals are versions of one another (stored as near-duplicates or
   * translations of each other), the closest ({@link #CLOSER}) stays its original. When the new
   * article would be the original of an article that already derives from another version of it, the
   * closer of the two stays that article's original: the new article's link, or the stored one, which
   * is then stored again. Links that lose become {@link Direction#UNKNOWN}, with a
   * {@code closer-version} evidence naming the version the copy derives from: an English translation
   * of an Italian article and of its lightly edited copy derives from the article whose numbers it
   * keeps, in whatever order the three are stored. When {@code holding}, the stored links written again are held.
   */
  private List<Link> closestOriginal(long id, List<Link> links, boolean holding) throws IOException {
    Map<Long, Evidence> instead = new HashMap<>(); // a demoted link's related article -> why
    List<Link> originals = links.stream().filter(Link::derivedFrom).sorted(CLOSER).toList();
    for (int i = 0; originals.size() > 1 && i < originals.size(); i++) {
      Link closer = originals.get(i);
      if (instead.containsKey(closer.related())) {
        continue;
      }
      Set<Long> versions = versions(storedLinks(closer.related()));
      for (Link other : originals.subList(i + 1, originals.size())) {
        if (versions.contains(other.related())) {
          instead.putIfAbsent(other.related(), closer(false, closer, other));
        }
      }
    }
    Set<Long> ours = versions(links);
    for (Link l : links) {
      if (l.direction() != Direction.COPY || l.relation() == Link.Relation.SAME_STORY) {
        continue;
      }
      Link fromCopy = l.flipped();
      List<Link> farther = new ArrayList<>(); // the copy's stored links to versions farther than this article
      Evidence closerStored = null;
      for (Link theirs : storedLinks(l.related())) {
        if (!theirs.derivedFrom() || theirs.related() == id || !ours.contains(theirs.related())) {
          continue;
        }
        if (CLOSER.compare(theirs, fromCopy) <= 0) {
          closerStored = closer(true, theirs, fromCopy);
          break;
        }
        farther.add(unknown(theirs, closer(false, fromCopy, theirs)));
      }
      if (closerStored != null) {
        instead.put(l.related(), closerStored);
      } else if (holding) {
        held.links(farther);
      } else {
        store.putLinks(farther);
      }
    }
    if (instead.isEmpty()) {
      return links;
    }
    List<Link> out = new ArrayList<>(links.size());
    for (Link l : links) {
      Evidence why = instead.get(l.related());
      out.add(why == null ? l : unknown(l, why));
    }
    return out;
  }

  /** {@code l} with its direction unknown, and {@code why} added to its evidence. */
  private static Link unknown(Link l, Evidence why) {
    List<Evidence> evidence = new ArrayList<>(l.evidence());
    evidence.add(why);
    return new Link(l.article(), l.related(), l.relation(), Direction.UNKNOWN, l.score(), evidence);
  }

  /** The articles that {@code links} make versions of their article: near-duplicates and translations. */
  private static Set<Long> versions(List<Link> links) {
    Set<Long> out = new HashSet<>();
    for (Link l : links) {
      if (l.relation() != Link.Relation.SAME_STORY) {
        out.add(l.related());
      }
    }
    return out;
  }

  /**
   * The evidence that a copy derives from {@code closer}, not from the article of {@code farther}
   * (both links seen from the copy); {@code copyIsRelated} when the copy is the related article of
   * the link that gets the evidence, not the new article itself. The closer version is named by its
   * address (its title when it has none), never by its id in this store, which another store holding
   * the same articles does not share.
   */
  private Evidence closer(boolean copyIsRelated, Link closer, Link farther) throws IOException {
    return new Evidence("closer-version", null, null, String.format(Locale.ROOT,
        "%s derives from %s, a version of %s that it is closer to (%s, %.2f against %.2f)",
        copyIsRelated ? "the related article" : "this article", named(closer.related()),
        copyIsRelated ? "this one" : "the related one", closer.relation().label(), closer.score(), farther.score()));
  }

  /** How a note names a stored article: its address, else its quoted title, else (gone from the store) its id. */
  private String named(long id) throws IOException {
    Profile p = profile(id);
    if (p == null) {
      return "article " + id;
    }
    Article a = p.analysis().article();
    if (a.url() != null && !a.url().isBlank()) {
      return a.url();
    }
    return a.title() == null || a.title().isBlank() ? "article " + id : "\u201c" + a.title() + "\u201d";
  }

  /**
   * Keeps a profile among the recent ones, dropping the least recently used beyond the count or characters; the
   * signature of a dropped profile, when it was made, is kept apart ({@link #signatures}).
   */
  private void keep(long id, Profile p) {
    Profile before = recent.put(id, p);
    recentChars += p.text().length() - (before == null ? 0 : before.text().length());
    unkeepSignature(id); // this profile's, if any, is in it; another analysis's is not this article's any more
    java.util.Iterator<Map.Entry<Long, Profile>> eldest = recent.entrySet().iterator();
    while ((recentChars > RECENT_CHARS || recent.size() > RECENT_PROFILES) && recent.size() > 1 && eldest.hasNext()) {
      Map.Entry<Long, Profile> dropped = eldest.next();
      eldest.remove();
      recentChars -= dropped.getValue().text().length();
      Signature sig = dropped.getValue().signatureIfMade();
      if (sig != null) {
        keepSignature(dropped.getKey(), sig);
      }
    }
  }

  /** Keeps the signature of a dropped profile, dropping the least recently used beyond {@link #KEPT_SIGNATURE_ANCHORS}. */
  private void keepSignature(long id, Signature sig) {
    unkeepSignature(id);
    signatures.put(id, sig);
    signatureAnchors += sig.anchors().size();
    java.util.Iterator<Signature> eldest = signatures.values().iterator();
    while (signatureAnchors > KEPT_SIGNATURE_ANCHORS && eldest.hasNext()) {
      signatureAnchors -= eldest.next().anchors().size();
      eldest.remove();
    }
  }

  /** Drops the kept signature of {@code id}, if any, and returns it. */
  private Signature unkeepSignature(long id) {
    Signature sig = signatures.remove(id);
    if (sig != null) {
      signatureAnchors -= sig.anchors().size();
    }
    return sig;
  }

  /**
   * Reads at once the profiles of the articles of {@code candidates} of article {@code id}, but its own, not kept
   * ({@link #recent}), so that {@link #profile} finds them: one read of an article's candidates, not one a candidate.
   */
  @SafeVarargs
  private void readProfiles(long id, List<Long>... candidates) throws IOException {
    Set<Long> missing = new java.util.LinkedHashSet<>();
    for (List<Long> ids : candidates) {
      for (long other : ids) {
        if (other != id && !recent.containsKey(other)) {
          missing.add(other);
        }
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    Map<Long, Analysis> read = articles.analyses(missing);
    for (long other : missing) { // kept in the candidates' order, as profile() would
      Analysis a = read.get(other);
      if (a != null) {
        keep(other, new Profile(a, signatures.get(other)));
      }
    }
  }

  /**
   * The profile of a stored article, from the latest kept or read from the store (with the signature kept of it, if
   * any: {@link #signatures}); null when it is gone.
   */
  private Profile profile(long id) throws IOException {
    Profile p = recent.get(id);
    if (p == null) {
      Optional<Analysis> a = articles.analysis(id);
      if (a.isEmpty()) {
        return null;
      }
      p = new Profile(a.get(), signatures.get(id));
      keep(id, p);
    }
    return p;
  }

  /** How many signatures of dropped profiles are kept, and their anchors: {count, anchors}. */
  synchronized long[] keptSignatures() {
    return new long[] {signatures.size(), signatureAnchors};
  }

  /** The likeness lineage compares two articles of one story by: anchors weighed by their kind alone. */
  public static Likeness likeness(Signature a, Signature b) {
    return Likeness.of(a, b, term -> Likeness.kindWeight(term));
  }

  /**
   * Whether two articles whose {@link #likeness} is {@code l} make a translation link: their languages
   * differ and {@link TranslationLink#DEFAULT} decides, from how much of the larger signature the
   * common sequence covers and how much of the shared anchors keep their order.
   */
  public static boolean translation(Signature a, Signature b, Likeness l) {
    return TranslationLink.DEFAULT.test(a, b, l);
  }

  /**
   * What {@code here}, a translation of {@code there} or the other way round, changed in the sentences
   * the two align: numbers and outlets ({@code changed-number}, {@code changed-outlet} evidence).
   */
  public static List<Evidence> translationChanges(Analysis here, Signature hereSig, Analysis there, Signature thereSig) {
    return Passages.differences(here, hereSig, there, thereSig, likeness(hereSig, thereSig));
  }

  /** A translation link when the languages differ and the likeness is high, else a same-story link. */
  private static Link peer(long id, Profile here, long other, Profile there) {
    Signature sig = here.signature();
    Signature thereSig = there.signature();
    Likeness l = likeness(sig, thereSig);
    List<Evidence> evidence = new ArrayList<>(Passages.aligned(here.analysis(), sig, there.analysis(), thereSig, l));
    if (translation(sig, thereSig, l)) {
      Provenance.Verdict v = Provenance.decide(here, there);
      evidence.addAll(Passages.differences(here.analysis(), sig, there.analysis(), thereSig, l));
      evidence.addAll(v.evidence());
      return new Link(id, other, Link.Relation.TRANSLATION, v.direction(), l.score(), evidence);
    }
    return new Link(id, other, Link.Relation.SAME_STORY, Direction.UNKNOWN, l.score(), evidence);
  }

  /**
   * {@inheritDoc} The stories are restored from the store again when the next article is added, and
   * the recent profiles and the held rows ({@link #holdWrites}) dropped.
   *
   * @throws IllegalStateException for lineage over stories the caller gave, which it cannot restore
   */
  @Override
  public synchronized void reload() {
    if (window == null) {
      throw new IllegalStateException("lineage over stories given by the caller cannot read them again");
    }
    stories = null;
    recent.clear();
    recentChars = 0;
    signatures.clear();
    signatureAnchors = 0;
    prepared.clear();
    forgetBandsAhead();
    if (held != null) {
      held = new StoryRows(); // written in a transaction that rolled back: the store does not hold them
    }
    anchorLanguages = null;
  }

  @Override
  public List<Long> behind() throws IOException {
    writeHeld(); // a held article has its story
    return store.articlesWithoutStory();
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
