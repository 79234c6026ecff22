package org.lente.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * robots.txt rules per origin (scheme, host, port), fetched once: concurrent requests to a new
 * site wait for the one that fetches its robots.txt. Rules are kept for a day; a robots.txt that
 * could not be fetched (a connection error) is not kept, so the next request tries again, and
 * neither are the disallow-all rules of a 5xx answer.
 */
final class RobotsCache {

  /** Loads the rules for one origin. */
  interface Loader {
    BaseRobotRules load(URI robotsTxt, long deadlineNanos) throws FetchException;
  }

  private record Entry(BaseRobotRules rules, long loadedNanos) {}

  private static final long KEEP_NANOS = TimeUnit.HOURS.toNanos(24);

  private final ConcurrentHashMap<String, CompletableFuture<Entry>> byOrigin = new ConcurrentHashMap<>();
  private final Loader loader;

  RobotsCache(Loader loader) {
    this.loader = loader;
  }

  /** The rules for {@code target}'s site, loading them if needed. */
  BaseRobotRules rules(URI target, long deadlineNanos) throws FetchException {
    String origin = target.getScheme().toLowerCase(Locale.ROOT) + "://" + target.getHost().toLowerCase(Locale.ROOT)
        + ":" + HttpTransport.port(target);
    while (true) {
      CompletableFuture<Entry> mine = new CompletableFuture<>();
      CompletableFuture<Entry> existing = byOrigin.putIfAbsent(origin, mine);
      if (existing == null) {
        try {
          BaseRobotRules rules = loader.load(URI.create(origin + "/robots.txt"), deadlineNanos);
          mine.complete(new Entry(rules, System.nanoTime()));
          if (rules.isDeferVisits()) {
            byOrigin.remove(origin, mine);
          }
          return rules;
        } catch (FetchException | RuntimeException e) {
          byOrigin.remove(origin, mine);
          mine.completeExceptionally(e);
          throw e;
        }
      }
      Entry entry = await(existing, target, deadlineNanos);
      if (entry == null) {
        continue; // the loader failed: try ourselves
      }
      if (System.nanoTime() - entry.loadedNanos() > KEEP_NANOS) {
        byOrigin.remove(origin, existing);
        continue;
      }
      return entry.rules();
    }
  }

  private static Entry await(CompletableFuture<Entry> future, URI target, long deadlineNanos) throws FetchException {
    try {
      return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      return null;
    } catch (TimeoutException e) {
      throw new FetchException(target, FetchException.Reason.TIMEOUT, 0,
          "the deadline passed while waiting for the site's robots.txt", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(target, FetchException.Reason.IO, 0, "interrupted", e);
    }
  }
}
