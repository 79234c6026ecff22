package org.lente.knowledge;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lente.index.SearchHits;
import org.lente.index.SearchIndex;
import org.lente.index.SearchQuery;
import org.lente.nlp.Analysis;
import org.lente.store.EntityProfile;
import org.lente.store.ArticleStore;
import org.lente.store.QuoteHit;
import org.lente.store.QuoteQuery;
import org.lente.store.StoreStats;
import org.lente.store.StoredArticle;

/**
 * The knowledge base: articles kept in an {@link ArticleStore} (the source of truth) and searchable
 * through a {@link SearchIndex} (derived from the store, rebuilt from it whenever needed).
 *
 * <p>Crash safety: {@link #add} returns only after the store has committed the article, so an
 * article reported stored is never lost. The index follows: articles are added to it at once and
 * marked indexed in the store only after the index has committed them ({@link #flush}, every
 * {@value #FLUSH_EVERY} articles and on {@link #close}). Whatever a crash leaves unindexed is indexed
 * when the knowledge base is next opened ({@link #catchUp}); {@link #check} compares the two and
 * {@link #reindex} rebuilds the index from the store. Thread-safe: writes are serialized.
 */
public final class KnowledgeBase implements AutoCloseable {

  /** How many stored articles at most wait for an index commit. */
  public static final int FLUSH_EVERY = 200;

  private final ArticleStore store;
  private final SearchIndex index;
  private final List<long[]> pending = new ArrayList<>();

  private final EntityResolver resolver;
  private final Path resolverState;
  private final ArticleListener listener;

  /** Opens the knowledge base over {@code store} and {@code index}, indexing what a crash left out. */
  public KnowledgeBase(ArticleStore store, SearchIndex index) throws IOException {
    this(store, index, null);
  }

  /**
   * Opens the knowledge base, with the entity resolver's state kept in {@code resolverState} (a JSON
   * file; null keeps it in memory only).
   */
  public KnowledgeBase(ArticleStore store, SearchIndex index, Path resolverState) throws IOException {
    this(store, index, resolverState, (id, analysis) -> { });
  }

  /** Opens the knowledge base, telling {@code listener} of each article stored (stories and lineage). */
  public KnowledgeBase(ArticleStore store, SearchIndex index, Path resolverState, ArticleListener listener)
      throws IOException {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.store = Objects.requireNonNull(store, "store");
    this.index = Objects.requireNonNull(index, "index");
    this.resolverState = resolverState;
    this.resolver = resolverState != null && Files.isRegularFile(resolverState)
        ? EntityResolver.restore(readState(resolverState), Equivalents.builtIn()) : new EntityResolver();
    catchUp();
  }

  /**
   * Stores {@code analysis} under {@code key} and indexes it; durable in the store when it returns.
   * Entities are first resolved across articles and languages ({@link EntityResolver}): each
   * mention's canonical name and type become its knowledge-base entity's ("Putin" in an Italian
   * article and "Vladimir Putin" in an English one are both "Vladimir Putin"; "North Korea" and
   * "Corea del Nord" one entity), and so do the quotes' speakers.
   */
  public synchronized ArticleStore.Put add(String key, Analysis analysis) throws IOException {
    ArticleStore.Put put = store.put(key, resolve(analysis));
    if (put.outcome() != ArticleStore.Put.Outcome.DUPLICATE) {
      StoredArticle stored = store.get(put.id()).orElseThrow(
          () -> new IOException("article " + put.id() + " reported stored but not found"));
      index.put(stored);
      pending.add(new long[] {put.id(), put.version()});
      if (pending.size() >= FLUSH_EVERY) {
        flush();
      }
      listener.stored(put.id(), stored.analysis()); // stories and lineage; the article is stored whatever it does
    }
    return put;
  }

  /** Commits the index, records in the store which versions it now holds, saves the resolver. */
  public synchronized void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    index.commit();
    for (long[] p : pending) {
      store.markIndexed(p[0], (int) p[1]);
    }
    pending.clear();
    saveState();
  }

  private Analysis resolve(Analysis a) {
    return resolver.resolveAll(a);
  }

  private static final ObjectMapper STATE_JSON = new ObjectMapper();

  private static List<ResolvedEntity> readState(Path file) throws IOException {
    try {
      return STATE_JSON.readValue(file.toFile(), new TypeReference<List<ResolvedEntity>>() { });
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException("cannot read the entity resolver's state " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the resolver's state next to the store, replacing the old file in one rename. */
  private void saveState() throws IOException {
    if (resolverState == null) {
      return;
    }
    Path tmp = resolverState.resolveSibling(resolverState.getFileName() + ".tmp");
    STATE_JSON.writeValue(tmp.toFile(), resolver.entities());
    Files.move(tmp, resolverState, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** What the knowledge base knows of an entity, by any of its names; empty when unknown. */
  public Optional<EntityProfile> entity(String name) throws IOException {
    Optional<EntityProfile> p = store.entity(name);
    if (p.isPresent()) {
      return p;
    }
    // an alias the resolver knows: "Putin" for "Vladimir Putin", "North Korea" for "Corea del Nord"
    for (ResolvedEntity r : resolver.entities()) {
      if (r.aliases().stream().anyMatch(x -> x.equalsIgnoreCase(name.strip()))) {
        return store.entity(r.name());
      }
    }
    return Optional.empty();
  }

  /** Indexes every stored article the index does not hold yet; returns how many. */
  public synchronized int catchUp() throws IOException {
    int done = 0;
    while (true) {
      List<StoredArticle> batch = store.unindexed(500);
      if (batch.isEmpty()) {
        return done;
      }
      for (StoredArticle a : batch) {
        index.put(a);
      }
      index.commit();
      for (StoredArticle a : batch) {
        store.markIndexed(a.id(), a.version());
      }
      done += batch.size();
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

  /** Rebuilds the index from the store; returns how many articles it holds. */
  public synchronized int reindex() throws IOException {
    pending.clear();
    index.clear();
    index.commit();
    store.clearIndexed();
    return catchUp();
  }

  public SearchHits search(SearchQuery query) throws IOException {
    return index.search(query);
  }

  public List<QuoteHit> quotes(QuoteQuery query) throws IOException {
    return store.quotes(query);
  }

  public Optional<StoredArticle> article(long id) throws IOException {
    return store.get(id);
  }

  public StoreStats stats() throws IOException {
    return store.stats();
  }

  /** Flushes, then closes the index and the store. */
  @Override
  public synchronized void close() throws IOException {
    try {
      flush();
      saveState();
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
