package org.lente.ingest.source;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.lente.ingest.fetch.Validators;

/**
 * A source that is polled for new articles, as stored with the knowledge base ({@code lente sources},
 * the reader's Sources page), with what is known of it between polls.
 *
 * @param id the store's id, never given to another source; 0 for one not stored yet
 * @param kind what the address holds
 * @param address an http(s) URL, or for {@link Kind#FILE} the {@code file:} URI of an absolute path
 * @param title a name for people, or null
 * @param every the least time between two polls, above zero and at most {@link #MAX_EVERY}
 * @param added when it was added
 * @param state its state and health
 */
public record Source(long id, Kind kind, String address, String title, Duration every, Instant added, State state) {

  /** The longest time between two polls a source may ask for. */
  public static final Duration MAX_EVERY = Duration.ofDays(7);

  /** The time between two polls unless a source is given another. */
  public static final Duration DEFAULT_EVERY = Duration.ofMinutes(15);

  /** What a source's address holds. */
  public enum Kind {
    /** An RSS, Atom or JSON Feed URL: its items are the articles. */
    FEED,
    /** A sitemap URL: its pages are the articles (a sitemap index lists other sitemaps, which are not followed). */
    SITEMAP,
    /** A page fetched again on every poll, as one article that may have changed. */
    PAGE,
    /** A feed file on this machine, read again on every poll. */
    FILE;

    /** The lower-case name used on the command line, in the store and in JSON. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind named {@code label} (any case).
     *
     * @throws IllegalArgumentException naming the value and the kinds there are
     */
    public static Kind parse(String label) {
      for (Kind k : values()) {
        if (k.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown source kind: " + label + " (feed, sitemap, page or file)");
    }
  }

  /**
   * A source's state between polls and its health.
   *
   * @param lastPoll when it was last polled, or null when never
   * @param nextPoll when it is due next, or null when at once
   * @param validators what the last successful fetch answered, sent with the next (conditional) one
   * @param lastStatus the HTTP status of the last poll, or null (a file, or no answer)
   * @param lastError why the last poll failed, or null when it succeeded
   * @param articlesAdded new articles stored from this source in all, 0 or more
   * @param failingSince when the polls that fail in a row began, or null when the last one succeeded
   */
  public record State(Instant lastPoll, Instant nextPoll, Validators validators, Integer lastStatus, String lastError,
      long articlesAdded, Instant failingSince) {

    /** A source never polled. */
    public static final State NEW = new State(null, null, Validators.NONE, null, null, 0, null);

    public State {
      Objects.requireNonNull(validators, "validators");
      if (articlesAdded < 0) {
        throw new IllegalArgumentException("negative articles added: " + articlesAdded);
      }
      if (failingSince != null && lastError == null) {
        throw new IllegalArgumentException("failing since " + failingSince + " without an error");
      }
    }

    /** Whether the source is due at {@code now}. */
    public boolean due(Instant now) {
      return nextPoll == null || !nextPoll.isAfter(now);
    }

    /** This state with {@code n} more articles added. */
    public State withArticlesAdded(long n) {
      return new State(lastPoll, nextPoll, validators, lastStatus, lastError, articlesAdded + n, failingSince);
    }
  }

  public Source {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(every, "every");
    Objects.requireNonNull(added, "added");
    Objects.requireNonNull(state, "state");
    if (id < 0) {
      throw new IllegalArgumentException("bad source id: " + id);
    }
    if (every.isNegative() || every.isZero() || every.compareTo(MAX_EVERY) > 0) {
      throw new IllegalArgumentException("bad time between polls: " + every + " (above 0 and at most a week)");
    }
    if (!address.equals(address(kind, address))) {
      throw new IllegalArgumentException("bad address for a " + kind.label() + " source: " + address);
    }
  }

  /** This source with {@code newState}. */
  public Source withState(State newState) {
    return new Source(id, kind, address, title, every, added, newState);
  }

  /** The address as a URI. */
  public URI uri() {
    return URI.create(address);
  }

  /**
   * The address a source of {@code kind} is stored under for what a user typed: an http(s) URL with a
   * host as given (stripped); for {@link Kind#FILE} a path, made absolute, as a {@code file:} URI. The
   * file need not exist (see {@link #checkFile}).
   *
   * @throws IllegalArgumentException naming the value when it is not such an address
   */
  public static String address(Kind kind, String typed) {
    Objects.requireNonNull(kind, "kind");
    String s = Objects.requireNonNull(typed, "address").strip();
    if (kind == Kind.FILE) {
      try {
        Path p = s.startsWith("file:") ? Path.of(URI.create(s)) : Path.of(s);
        return p.toAbsolutePath().normalize().toUri().toString();
      } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) { // InvalidPathException too
        throw new IllegalArgumentException("not a file path: " + typed);
      }
    }
    URI uri;
    try {
      uri = new URI(s);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: " + typed + " (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("not an http or https URL with a host: " + typed
          + (kind == Kind.FEED && !s.contains("://") ? " (a feed file is added with --kind file)" : ""));
    }
    return uri.toString();
  }

  /**
   * Checks that {@code address} (of a {@link Kind#FILE} source) is a readable regular file.
   *
   * @throws IllegalArgumentException naming the path and what it is instead
   */
  public static void checkFile(String address) {
    Path p = Path.of(URI.create(address));
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw new IllegalArgumentException("not a readable feed file: " + p
          + (Files.isDirectory(p) ? " (a folder)" : Files.exists(p) ? " (cannot be read)" : " (no such file)"));
    }
  }
}
