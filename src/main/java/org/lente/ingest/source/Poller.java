package org.lente.ingest.source;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lente.ingest.PageReader;
import org.lente.ingest.fetch.FetchException;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.fetch.Response;

/**
 * Polls one {@link Source}: fetches its address (conditionally, with the validators of the last
 * poll) or reads its file, and says which article URLs it lists now and what its state becomes. The
 * one place where a source's schedule and health are decided, for {@code lente watch} and
 * {@code lente serve} alike. Thread-safe when its fetcher is (the {@link Fetcher} is).
 */
public final class Poller {

  private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*(\\d+)");

  /**
   * What one poll found.
   *
   * @param articles the article URLs the source lists now, in its order (all of them, new or not);
   *     empty when it failed or has not changed since the last poll
   * @param state the source's state after the poll; its {@code articlesAdded} is the one before
   * @param losses what of the document could not be read (a feed that broke half-way)
   * @param warnings what was wrong with it and repaired
   */
  public record Polled(List<String> articles, Source.State state, List<Loss> losses, List<String> warnings) {

    public Polled {
      articles = List.copyOf(articles);
      Objects.requireNonNull(state, "state");
      losses = List.copyOf(losses);
      warnings = List.copyOf(warnings);
    }

    /** Whether the poll failed: the source could not be fetched or read. */
    public boolean failed() {
      return state.lastError() != null;
    }
  }

  private final Fetcher fetcher;
  private final PageReader files;
  private final Clock clock;

  /**
   * @param fetcher fetches the http(s) sources (its address policy and politeness apply)
   * @param files reads the {@link Source.Kind#FILE} sources
   */
  public Poller(Fetcher fetcher, PageReader files, Clock clock) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.files = Objects.requireNonNull(files, "files");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Poller(Fetcher fetcher) {
    this(fetcher, new PageReader(), Clock.systemUTC());
  }

  /**
   * Polls {@code source} once. Never throws for what the source does (unreachable, an HTTP error, a
   * broken document): the returned state carries the error, with {@code failingSince} kept from the
   * first failure in a row. The next poll is due after the source's {@code every}, or later when the
   * feed asks (its {@code ttl}, or {@code Cache-Control: max-age}), at most {@link Source#MAX_EVERY}.
   */
  public Polled poll(Source source) {
    Source.State before = source.state();
    Instant now = clock.instant();
    Duration wait = source.every();
    try {
      URI uri = source.uri();
      Integer status = null;
      var validators = before.validators();
      byte[] body = null;
      URI base = uri;
      if (source.kind() == Source.Kind.FILE) {
        body = files.read(Path.of(uri).toString()).bytes();
      } else if (source.kind() != Source.Kind.PAGE) { // a page is itself the article, fetched by the ingestion
        Response r = fetcher.fetch(uri, before.validators());
        status = r.status();
        wait = longer(wait, maxAge(r.cacheControl()));
        if (r.outcome() == Response.Outcome.OK) {
          validators = r.validators();
          body = r.body();
          base = r.uri();
        }
      }
      List<String> articles = List.of();
      List<Loss> losses = List.of();
      List<String> warnings = List.of();
      if (source.kind() == Source.Kind.PAGE) {
        articles = List.of(source.address());
      } else if (body != null && source.kind() == Source.Kind.SITEMAP) {
        Sitemap map = Sitemaps.parse(body, base);
        articles = map.urls().stream().map(SitemapUrl::url).toList();
        losses = map.losses();
        warnings = map.kind() == Sitemap.Kind.INDEX
            ? List.of("a sitemap index of " + map.sitemaps().size() + " sitemaps: add those to poll as sources")
            : map.warnings();
      } else if (body != null) {
        Feed feed = Feeds.parse(body, base);
        articles = feed.items().stream().map(FeedItem::url).toList();
        losses = feed.losses();
        warnings = feed.warnings();
        wait = longer(wait, feed.ttl() == null ? null : Duration.ofMinutes(feed.ttl()));
      }
      Source.State after = new Source.State(now, now.plus(wait), validators, status, null, before.articlesAdded(),
          null);
      return new Polled(articles, after, losses, warnings);
    } catch (IOException e) {
      Integer status = e instanceof FetchException f && f.status() > 0 ? f.status() : null;
      String error = e.getMessage() == null ? e.toString() : e.getMessage();
      Source.State after = new Source.State(now, now.plus(wait), before.validators(), status, error,
          before.articlesAdded(), before.failingSince() == null ? now : before.failingSince());
      return new Polled(List.of(), after, List.of(), List.of());
    }
  }

  /**
   * The address a new source of {@code kind} is stored under for what a user typed, once it is known
   * to be one this poller can poll: a readable file for {@link Source.Kind#FILE}; otherwise an http(s)
   * URL whose host resolves to addresses the fetcher may reach. Nothing is fetched.
   *
   * @throws IllegalArgumentException naming the value when it is no such address or file, its host
   *     does not resolve, or it resolves to an address the fetcher refuses (a private one, which the
   *     message says {@code --allow-private} admits)
   */
  public String admit(Source.Kind kind, String typed) {
    String address = Source.address(kind, typed);
    if (kind == Source.Kind.FILE) {
      Source.checkFile(address);
      return address;
    }
    try {
      fetcher.checkAddress(URI.create(address));
    } catch (FetchException e) {
      throw new IllegalArgumentException(address + ": " + (e.reason() == FetchException.Reason.PRIVATE_ADDRESS
          ? e.detail().replace("; refused (Options.allowPrivate is off)", "") + " (allowed only with --allow-private)"
          : e.detail()));
    }
    return address;
  }

  /** The longer of {@code wait} and {@code asked} (when not null), at most {@link Source#MAX_EVERY}. */
  private static Duration longer(Duration wait, Duration asked) {
    if (asked == null || asked.compareTo(wait) <= 0) {
      return wait;
    }
    return asked.compareTo(Source.MAX_EVERY) > 0 ? Source.MAX_EVERY : asked;
  }

  /** {@code max-age} of a Cache-Control header, at most a week; null when there is none. */
  public static Duration maxAge(String cacheControl) {
    if (cacheControl == null) {
      return null;
    }
    Matcher m = MAX_AGE.matcher(cacheControl.toLowerCase(Locale.ROOT));
    return m.find() ? Duration.ofSeconds(Math.min(Long.parseLong(m.group(1).substring(0, Math.min(9,
        m.group(1).length()))), 7 * 24 * 3600)) : null;
  }
}
