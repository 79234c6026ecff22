package org.lente.knowledge;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lente.ingest.source.SourceProgress;
import org.lente.index.SearchIndex;
import org.lente.nlp.Analysis;
import org.lente.store.ArticleFailure;
import org.lente.store.ArticleStore;
import org.lente.store.NameSighting;
import org.lente.store.ResolverCheck;
import org.lente.store.StoredArticle;
import org.lente.store.StoredJson;

/**
 * The knowledge base, and its one writer: articles kept in an {@link ArticleStore} (the source of
 * truth) and searchable through a {@link SearchIndex} (derived from the store, rebuilt from it
 * whenever needed), their entities resolved by the {@link EntityResolver} (whose state is written in
 * each article's transaction), and each stored article told to the {@link ArticleListener} (stories
 * and lineage). Everything that writes any of these goes through here; what readers use is its
 * {@link #reader}. Assembled by {@code org.lente.Lente}.
 *
 * <p>Crash safety: {@link #add} returns only after the store has committed the article, so an
 * article reported stored is never lost. The index follows: articles are added to it at once and
 * marked indexed in the store only after the index has committed them ({@link #flush}, every
 * {@value #FLUSH_EVERY} articles and on {@link #close}). Whatever a crash leaves unindexed is indexed
 * when the knowledge base is next opened ({@link #catchUp}); {@link #check} compares the two and
 * {@link #reindex} rebuilds the index from the store. Thread-safe: writes are serialized.
 *
 * <p>Isolation: once an article is stored, a failure of a later stage for it (indexing, its story and
 * lineage) stops nothing else. The article is kept, the failure recorded in the store
 * ({@link KnowledgeReader#failures}) and returned by {@link #add}; {@link #catchUp} (on open, and by
 * {@link #reindex}) and {@link #catchUpStories} retry the stage and forget the failure when it succeeds.
 */
public final class KnowledgeBase implements AutoCloseable {

  /** How many stored articles at most wait for an index commit. */
  public static final int FLUSH_EVERY = 200;

  private final ArticleStore store;
  private final SearchIndex index;
  private final List<long[]> pending = new ArrayList<>();

  private volatile EntityResolver resolver; // read again after a rollback (rolledBack)
  private final ArticleListener listener;
  private final RecentStatus status;
  private final StoreReader reader;

  /** Opens the knowledge base over {@code store} and {@code index}, indexing what a crash left out. */
  public KnowledgeBase(ArticleStore store, SearchIndex index) throws IOException {
    this(store, index, null);
  }

  /**
   * Opens the knowledge base, migrating the entity resolver's state from {@code legacyState} (the
   * {@code entities.json} of Lente before schema version 10; null or missing: nothing to migrate).
   */
  public KnowledgeBase(ArticleStore store, SearchIndex index, Path legacyState) throws IOException {
    this(store, index, legacyState, (id, analysis) -> { });
  }

  /**
   * Opens the knowledge base, telling {@code listener} of each article stored (stories and lineage).
   * The entity resolver's state is read from the store, where each {@link #add} writes it in the
   * article's transaction; an {@code entities.json} at {@code legacyState} is imported first (once:
   * it is then renamed {@code entities.json.migrated}), and names whose entity the resolver's rule
   * now puts elsewhere move ({@link EntityResolver}).
   */
  public KnowledgeBase(ArticleStore store, SearchIndex index, Path legacyState, ArticleListener listener)
      throws IOException {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.store = Objects.requireNonNull(store, "store");
    this.index = Objects.requireNonNull(index, "index");
    this.status = new RecentStatus(store);
    this.reader = new StoreReader(store, index, name -> resolver.entityName(name), status::get);
    if (legacyState != null && Files.isRegularFile(legacyState)) {
      try {
        migrate(store, legacyState);
      } catch (IOException e) { // a store opened for reading only: migrated when next opened for writing
        LOG.log(System.Logger.Level.WARNING, "entity resolver: " + legacyState + " not migrated: " + e.getMessage());
      }
    }
    this.resolver = readResolver();
    Map<String, String> drift = drift();
    if (!drift.isEmpty()) {
      try {
        store.moveNames(drift);
        LOG.log(System.Logger.Level.INFO, "entity resolver: " + drift.size() + " names moved to the entity "
            + "their rule gives now");
      } catch (IOException e) { // a store opened for reading only: the reader shows the stored entities
        LOG.log(System.Logger.Level.WARNING, drift.size() + " entity names are not where the resolver's rule puts "
            + "them, and cannot be moved now: " + e.getMessage());
      }
    }
    if (index.writable()) {
      catchUp();
    }
  }

  private static final System.Logger LOG = System.getLogger(KnowledgeBase.class.getName());

  /** The entity resolver's state as the store holds it. */
  private EntityResolver readResolver() throws IOException {
    return EntityResolver.of(store.nameSightings(), Equivalents.builtIn());
  }

  /**
   * Forgets what this knowledge base holds in memory of adds that a caller's transaction rolled back
   * (see {@link #add(String, Analysis, SourceProgress)}), so that it keeps nothing the store did not:
   * the articles waiting for an index commit are dropped (those the store kept stay unindexed there,
   * for the next {@link #catchUp}), the entity resolver's names are read again from the store, and
   * the listener rereads its state ({@link ArticleListener#reload}). The listener rereads it also when the names
   * cannot be read (that failure is thrown after it), so that it never keeps an article the store did not.
   *
   * <p>NOTE: the index may already hold an article that rolled back (added to it before the
   * transaction ended): {@link #check} shows it as extra, or, for a new version that rolled back, as
   * stale. The cluster's index outbox (articles indexed from the store after their commit) removes this.
   */
  public synchronized void rolledBack() throws IOException {
    store.dropHeld();
    pending.clear();
    Exception failed = null;
    try {
      resolver = readResolver();
    } catch (IOException | RuntimeException e) {
      failed = e;
    }
    try {
      listener.reload();
    } catch (IOException | RuntimeException e) {
      if (failed == null) {
        failed = e;
      } else {
        failed.addSuppressed(e);
      }
    }
    status.changed();
    if (failed instanceof IOException io) {
      throw io;
    }
    if (failed != null) {
      throw (RuntimeException) failed;
    }
  }

  /** The names whose stored entity is not the one the resolver gives them now, with that one. */
  private Map<String, String> drift() throws IOException {
    Map<String, String> stored = store.nameEntities();
    Map<String, String> drift = new java.util.TreeMap<>();
    resolver.entityNames().forEach((name, entity) -> {
      if (!entity.equals(stored.get(name))) {
        drift.put(name, entity);
      }
    });
    return drift;
  }

  /**
   * Imports an {@code entities.json} (a list of {@link ResolvedEntity}) into a store that has no
   * resolver names yet, then renames the file {@code entities.json.migrated}: each alias becomes a
   * name seen once with the entity's type, belonging to the entity of its stored name.
   */
  private static void migrate(ArticleStore store, Path file) throws IOException {
    List<ResolvedEntity> old;
    try {
      old = StoredJson.MAPPER.readValue(file.toFile(), new TypeReference<List<ResolvedEntity>>() { });
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException("cannot read the entity resolver's state " + file + " to migrate it: " + e.getMessage(), e);
    }
    if (store.nameEntities().isEmpty()) {
      List<NameSighting> sightings = new ArrayList<>();
      Map<String, String> entities = new java.util.HashMap<>();
      for (ResolvedEntity e : old) {
        for (String alias : e.aliases()) {
          String name = EntityResolver.nameKey(alias, e.type());
          if (name != null && entities.putIfAbsent(name, e.name()) == null) {
            sightings.add(new NameSighting(name, alias.strip(), e.type(), "", 1));
          }
        }
      }
      store.importNames(sightings, entities);
    }
    Path done = file.resolveSibling(file.getFileName() + ".migrated");
    Files.move(file, done, StandardCopyOption.REPLACE_EXISTING);
    LOG.log(System.Logger.Level.INFO, "entity resolver: " + old.size() + " entities imported from " + file
        + " into the store; the file is now " + done.getFileName());
  }

  /**
   * What {@link #add} did: the store's outcome, and the first stage that failed after the article was
   * stored, or null when none did (nor for a duplicate, which is not added again).
   */
  public record Added(ArticleStore.Put put, ArticleFailure failure) {
    public Added {
      Objects.requireNonNull(put, "put");
    }

    public long id() {
      return put.id();
    }

    public ArticleStore.Put.Outcome outcome() {
      return put.outcome();
    }
  }

  /**
   * Stores {@code analysis} under {@code key} and indexes it; durable in the store when it returns.
   * Entities are first resolved across articles and languages ({@link EntityResolver}): each
   * mention's canonical name and type become its knowledge-base entity's ("Putin" in an Italian
   * article and "Vladimir Putin" in an English one are both "Vladimir Putin"; "North Korea" and
   * "Corea del Nord" one entity), and so do the quotes' speakers.
   *
   * <p>With an index this process does not write ({@link SearchIndex#writable} false: the cluster's index
   * workers write it), the article is left unindexed in the store for them, and not read back from the store
   * (a round trip and a parse of its analysis an article, in the cluster's writer): the listener is told the
   * analysis as it was stored.
   *
   * <p>A failure to index the article or to add its story and lineage does not throw: it is recorded
   * and returned ({@link Added#failure}), and the stage retried later. An IOException means the
   * article may not be stored (the store failed), or the index could not commit.
   */
  public Added add(String key, Analysis analysis) throws IOException {
    return add(key, analysis, null);
  }

  /**
   * As {@link #add(String, Analysis)}, and a polled source's {@code progress} (or null) is written in
   * the article's transaction, also when it is a duplicate; nothing of it when the store fails.
   *
   * <p>Within a transaction of the caller's that the store's puts and the listener's writes join (the
   * cluster's writer, on PostgreSQL), the article and its stories commit with that transaction; when it
   * rolls back, the caller calls {@link #rolledBack}.
   */
  public synchronized Added add(String key, Analysis analysis, SourceProgress progress) throws IOException {
    EntityResolver.Observation seen = resolver.observe(analysis);
    ArticleStore.Put put;
    try {
      put = store.put(key, seen.analysis(), seen.sightings(), seen.moved(), progress);
    } catch (IOException | RuntimeException e) {
      resolver.forget(seen.sightings()); // the store rolled back: so does the resolver
      throw e;
    }
    if (put.outcome() == ArticleStore.Put.Outcome.DUPLICATE) {
      resolver.forget(seen.sightings());
      return new Added(put, null);
    }
    status.changed();
    if (put.outcome() == ArticleStore.Put.Outcome.UPDATED) {
      store.clearFailed(put.id(), ArticleFailure.Stage.values()); // the new version is tried afresh
    }
    ArticleFailure failure = null;
    if (index.writable()) { // else another process indexes it: it stays in the store's unindexed articles
      StoredArticle stored = store.get(put.id()).orElseThrow(
          () -> new IOException("article " + put.id() + " reported stored but not found"));
      try {
        index.put(stored);
        pending.add(new long[] {put.id(), put.version()});
      } catch (IOException | RuntimeException e) {
        failure = failed(put.id(), ArticleFailure.Stage.INDEX, e); // left unindexed: catchUp retries it
      }
    }
    if (pending.size() >= FLUSH_EVERY) {
      flush();
    }
    ArticleFailure story = tell(put.id(), seen.analysis(), // what was stored: AnalysisJson reads back what it wrote
        put.outcome() == ArticleStore.Put.Outcome.STORED);
    return new Added(put, failure != null ? failure : story);
  }

  /**
   * Computes ahead what {@link #add} will need of {@code analysis}'s text whatever its names resolve to (the store's
   * content hash, lineage's shingles, bands and text anchors: {@link ArticleStore#prepare}, {@link ArticleListener#prepare}), for the next article added with
   * that text to take instead of computing it, and tells the store that {@code key} is to be added (its lookup may be
   * read with an earlier one's); what {@code add} stores is the same either way. Thread-safe, and it
   * does not wait for an addition under way: the cluster's writer prepares the next records on another thread while
   * one is added. Articles are meant to be added in the order they were prepared.
   */
  public void prepare(String key, Analysis analysis) {
    store.prepare(key, analysis);
    listener.prepare(analysis);
  }

  /**
   * Writes what the store and the listener hold back ({@link ArticleStore#writeHeld}, {@link ArticleListener#writeHeld}):
   * within a transaction of the caller's that their writes join, before it ends (the cluster's writer, once per batch).
   */
  public synchronized void writeHeld() throws IOException {
    store.writeHeld();
    listener.writeHeld();
  }

  /**
   * Tells the listener (stories and lineage) of a stored article, stored for the {@code first} time or not; the failure
   * recorded when it fails, else null.
   */
  private ArticleFailure tell(long id, Analysis analysis, boolean first) throws IOException {
    try {
      listener.stored(id, analysis, first);
      return null;
    } catch (IOException | RuntimeException e) {
      return failed(id, ArticleFailure.Stage.STORY, e);
    }
  }

  /** Records that {@code stage} failed for article {@code id}; when the store cannot, {@code cause} joins its failure. */
  private ArticleFailure failed(long id, ArticleFailure.Stage stage, Exception cause) throws IOException {
    ArticleFailure f = ArticleFailure.of(id, stage, cause);
    try {
      store.markFailed(f);
    } catch (IOException | RuntimeException e) { // a transaction the stage's failure aborted, say
      e.addSuppressed(cause);
      throw e;
    }
    return f;
  }

  /** The ids of the articles whose {@code stage} failed and was not retried with success yet. */
  private Set<Long> failedAt(ArticleFailure.Stage stage) throws IOException {
    Set<Long> ids = new HashSet<>();
    for (ArticleFailure f : store.failures()) {
      if (f.stage() == stage) {
        ids.add(f.article());
      }
    }
    return ids;
  }

  /** Stored articles whose stories and lineage are missing ({@link ArticleListener#behind}). */
  public synchronized List<Long> behind() throws IOException {
    return listener.behind();
  }

  /**
   * Adds the stories and lineage of the articles {@link #behind} and of those whose story stage
   * failed ({@link KnowledgeReader#failures}), in id order; returns how many succeeded. An article that fails again
   * stays recorded and stops no other. Not done on open (a store older than stories may hold many
   * such articles): ingest, watch and reindex call it.
   */
  public synchronized int catchUpStories() throws IOException {
    Set<Long> failed = failedAt(ArticleFailure.Stage.STORY);
    java.util.SortedSet<Long> ids = new java.util.TreeSet<>(listener.behind());
    ids.addAll(failed);
    int done = 0;
    for (long id : ids) {
      Optional<StoredArticle> a;
      try {
        a = store.get(id);
      } catch (IOException | RuntimeException e) { // a row that cannot be read back
        failed(id, ArticleFailure.Stage.STORY, e);
        continue;
      }
      if (a.isPresent() && tell(id, a.get().analysis(), false) == null) {
        done++;
        if (failed.contains(id)) {
          store.clearFailed(id, ArticleFailure.Stage.STORY);
        }
      }
    }
    return done;
  }

  /** Commits the index and records in the store which versions it now holds. */
  public synchronized void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    index.commit();
    for (long[] p : pending) {
      store.markIndexed(p[0], (int) p[1]);
    }
    pending.clear();
  }

  /**
   * Indexes every stored article the index does not hold yet; returns how many. An article the index
   * refuses is recorded as failed ({@link KnowledgeReader#failures}), stays unindexed and stops no other.
   */
  public synchronized int catchUp() throws IOException {
    Set<Long> failed = failedAt(ArticleFailure.Stage.INDEX);
    int done = 0;
    long after = 0;
    while (true) {
      List<StoredArticle> batch = store.unindexed(after, 500);
      if (batch.isEmpty()) {
        return done;
      }
      List<StoredArticle> added = new ArrayList<>(batch.size());
      for (StoredArticle a : batch) {
        after = a.id();
        try {
          index.put(a);
          added.add(a);
        } catch (IOException | RuntimeException e) {
          failed(a.id(), ArticleFailure.Stage.INDEX, e);
        }
      }
      index.commit();
      for (StoredArticle a : added) {
        store.markIndexed(a.id(), a.version());
        if (failed.contains(a.id())) {
          store.clearFailed(a.id(), ArticleFailure.Stage.INDEX);
        }
      }
      done += added.size();
    }
  }

  /** How the index differs from the store. */
  public record Check(long articles, List<Long> missing, List<Long> stale, List<Long> extra) {
    public Check {
      missing = List.copyOf(missing);
      stale = List.copyOf(stale);
      extra = List.copyOf(extra);
    }

    public boolean consistent() {
      return missing.isEmpty() && stale.isEmpty() && extra.isEmpty();
    }
  }

  /** Compares the index with the store: articles missing from it, at an old version, or unknown. */
  public synchronized Check check() throws IOException {
    flush();
    Map<Long, Integer> stored = store.versions();
    Map<Long, Integer> indexed = index.versions();
    List<Long> missing = new ArrayList<>();
    List<Long> stale = new ArrayList<>();
    List<Long> extra = new ArrayList<>();
    stored.forEach((id, v) -> {
      Integer iv = indexed.get(id);
      if (iv == null) {
        missing.add(id);
      } else if (!iv.equals(v)) {
        stale.add(id);
      }
    });
    indexed.keySet().stream().filter(id -> !stored.containsKey(id)).forEach(extra::add);
    missing.sort(null);
    stale.sort(null);
    extra.sort(null);
    return new Check(stored.size(), missing, stale, extra);
  }

  /**
   * How the entity resolver's state agrees with the stored articles: the store's view ({@link
   * ResolverCheck}), and how many names the resolver's rule puts in another entity than the store.
   */
  public record NameCheck(ResolverCheck store, int drifted) {
    public NameCheck {
      Objects.requireNonNull(store, "store");
    }

    public boolean consistent() {
      return store.consistent() && drifted == 0;
    }
  }

  /** Compares the entity resolver's state with the stored articles' mentions (see {@link NameCheck}). */
  public synchronized NameCheck checkNames() throws IOException {
    return new NameCheck(store.checkNames(), drift().size());
  }

  /** Rebuilds the index from the store; returns how many articles it holds. */
  public synchronized int reindex() throws IOException {
    pending.clear();
    index.clear();
    index.commit();
    store.clearIndexed();
    return catchUp();
  }

  /**
   * What the web pages, the API and the read commands read: the store and the index, an entity found by the
   * names this resolver gathered too, counts reused for a while after an add ({@link RecentStatus}).
   */
  public KnowledgeReader reader() {
    return reader;
  }

  /** Flushes, then closes the index and the store; writes nothing when nothing was added. */
  @Override
  public synchronized void close() throws IOException {
    try {
      flush();
    } finally {
      try {
        index.close();
      } finally {
        try {
          listener.close();
        } finally {
          store.close();
        }
      }
    }
  }
}
