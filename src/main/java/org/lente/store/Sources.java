package org.lente.store;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lente.ingest.source.Source;

/**
 * The sources that {@code lente serve} and {@code lente watch} poll, kept with the knowledge base:
 * each with its state between polls and its health, and the article URLs it listed that were
 * handled (so that a restarted poller fetches none of them again). Several processes may use the
 * same sources at once (a {@code lente sources add} beside a running server): each change is one
 * transaction, and a poll's state is written with an increment of the articles added, so a source
 * removed or changed meanwhile is never written back whole. Ids are never given again. Thread-safe.
 */
public interface Sources extends AutoCloseable {

  /**
   * Article URLs kept as handled per source, the most recent: a sitemap lists at most 50,000
   * (sitemaps.org), a feed far fewer, so a source's whole listing stays known and is never fetched
   * again, while a source polled for years keeps a bounded table (a few MB per source).
   */
  int MAX_HANDLED = 50_000;

  /**
   * Adds a source never polled, due at once, and returns it with its id.
   *
   * @param address as {@link Source#address} makes it
   * @param title null or blank for none; kept stripped
   * @param every at least a second, in whole seconds
   * @throws IllegalArgumentException when a source has this address already (naming its id when
   *     known), or the values are not a source's
   */
  Source add(Source.Kind kind, String address, String title, Duration every, Instant added) throws IOException;

  /** Every source, oldest first. */
  List<Source> all() throws IOException;

  /** Source {@code id}, or empty. */
  Optional<Source> get(long id) throws IOException;

  /** The source with exactly this stored address, or empty. */
  Optional<Source> byAddress(String address) throws IOException;

  /** Removes source {@code id} with its handled URLs; false when there is none. */
  boolean remove(long id) throws IOException;

  /**
   * Records a poll of source {@code id}: its new state (all but the count of articles added) and
   * {@code newArticles} more articles added, then keeps the source's {@value #MAX_HANDLED} most
   * recently handled article URLs, dropping older ones. Nothing when the source was removed meanwhile.
   *
   * @return whether the source was there
   * @throws IllegalArgumentException when {@code newArticles} is negative
   */
  boolean recordPoll(long id, Source.State polled, long newArticles) throws IOException;

  /**
   * Marks article URL {@code url} of source {@code id} handled without an article stored (the page held
   * none), so that it is not fetched again; nothing when the source was removed meanwhile.
   */
  void markHandled(long id, String url) throws IOException;

  /**
   * Of {@code urls}, those already handled for source {@code id} (among its {@value #MAX_HANDLED} most
   * recent): a poller fetches the others only.
   */
  Set<String> handled(long id, Collection<String> urls) throws IOException;

  /**
   * Of the article URLs a poll of {@code source} listed, those to fetch now, in their order: each once,
   * none blank, none handled already, except that a {@link Source.Kind#PAGE} source's page is fetched at
   * every poll (it is never marked handled).
   */
  default List<String> toFetch(Source source, List<String> listed) throws IOException {
    Set<String> done = source.kind() == Source.Kind.PAGE ? Set.of() : handled(source.id(), listed);
    List<String> todo = new ArrayList<>(new LinkedHashSet<>(listed));
    todo.removeIf(url -> url.isBlank() || done.contains(url)); // a blank one is no article to fetch
    return todo;
  }

  /** Lets go of what this view of the sources holds; later calls fail. */
  @Override
  void close() throws IOException;
}
