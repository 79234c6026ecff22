package org.lente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lente.Pipeline;
import org.lente.ingest.PageReader;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.fetch.Response;
import org.lente.ingest.fetch.Validators;
import org.lente.ingest.source.Feed;
import org.lente.ingest.source.FeedItem;
import org.lente.ingest.source.Feeds;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.NerModels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lente watch}: polls feeds on a schedule and ingests their new articles until stopped. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
        "Polls feeds on a schedule and ingests their new articles into the knowledge base until stopped, or "
            + "for --polls rounds.",
        "A feed is an RSS, Atom or JSON Feed URL or a local feed file. Each is polled every --every minutes, "
            + "or less often when it asks (its ttl, or Cache-Control max-age), with conditional requests (ETag, "
            + "Last-Modified).",
        "Prints a summary per round. Exit codes: 0 success, 1 usage error, 2 a poll failed (a feed or an "
            + "article could not be read), which the summaries name.",
        "Ctrl-C (SIGINT) or SIGTERM ends the current round as lente ingest does (pages in flight that are "
            + "ready within 10 s are stored), prints its summary (marked interrupted) and exits with 130 or 143."},
    exitCodeOnInvalidInput = 1,
    exitCodeOnExecutionException = 2)
final class WatchCommand implements Callable<Integer> {

  private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*(\\d+)");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDir data;

  @CommandLine.Mixin FetchOptions fetch;

  @Option(names = "--every", paramLabel = "MINUTES", defaultValue = "15",
      description = "Least time between two polls of a feed. Default: ${DEFAULT-VALUE}.")
  double every;

  @Option(names = "--polls", paramLabel = "N", defaultValue = "0",
      description = "Stop after N rounds of polling (0: run until stopped).")
  int polls;

  @Option(names = "--threads", paramLabel = "N", description = "Articles analysed at once. Default: the number of cores.")
  Integer threads;

  @Option(names = {"-v", "--verbose"}, description = "Print a line per article as it is done.")
  boolean verbose;

  @Parameters(arity = "1..*", paramLabel = "FEED", description = "Feed URLs or feed files.")
  List<String> feeds;

  /** What is known of one feed between polls. */
  private static final class State {
    Validators validators = Validators.NONE;
    Instant due = Instant.EPOCH;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (every <= 0 || every > 7 * 24 * 60) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--every must be above 0 and at most a week: " + every);
    }
    if (polls < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--polls must be 0 or more: " + polls);
    }
    Map<URI, State> states = new LinkedHashMap<>();
    java.util.Set<String> known = new java.util.HashSet<>();
    for (String f : feeds) {
      if (!f.startsWith("http://") && !f.startsWith("https://")) {
        Path file = Path.of(f);
        if (!Files.isRegularFile(file)) {
          throw new CommandLine.ParameterException(spec.commandLine(), "not a feed URL or file: " + f
              + (Files.isDirectory(file) ? " (a folder)" : " (no such file)"));
        }
        states.put(file.toAbsolutePath().normalize().toUri(), new State());
        continue;
      }
      try {
        states.put(URI.create(f), new State());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "not a feed URL: " + f + " (" + e.getMessage() + ")");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    Fetcher fetcher = fetch.fetcher(spec.commandLine(), PageReader.DEFAULT_MAX_BYTES);
    Analyzer analyzer = new Analyzer(new NerModels(IngestCommand.messages(err, false)));
    Duration least = Duration.ofMillis((long) (every * 60_000));
    boolean failed = false;
    Consumer<String> say = IngestCommand.messages(err, false);
    Pipeline pipeline = IngestCommand.pipeline(analyzer, new PublicationDates(null));
    try (StopSignal stop = StopSignal.listen(); IngestTarget target = IngestTarget.open(data, say)) {
      if (target.kb() != null) {
        IngestCommand.catchUp(target.kb(), say);
      }
      for (int round = 1; polls == 0 || round <= polls; round++) {
        Instant now = Instant.now();
        IngestSummary summary = new IngestSummary();
        try (Ingestion run = target.ingestion(new PageReader(), fetcher, pipeline, workers, summary,
            verbose ? line -> {
              out.println(line);
              out.flush();
            } : line -> { }, Ingestion.Progress.NONE, stop::requested)) {
          for (Map.Entry<URI, State> e : states.entrySet()) {
            if (stop.requested()) {
              break;
            }
            if (e.getValue().due.isAfter(now.plusMillis(10))) { // sleeping wakes to the millisecond
              continue;
            }
            poll(e.getKey(), e.getValue(), run, fetcher, least, known);
          }
          run.finish();
        }
        target.flush();
        failed |= summary.failed() > 0;
        if (stop.requested()) {
          summary.markInterrupted();
        }
        out.printf("%s poll %d: %s%n", Instant.now(), round, summary.text().replace("\n", "\n  "));
        out.flush();
        if (stop.requested() || polls != 0 && round == polls) {
          break;
        }
        Instant next = states.values().stream().map(s -> s.due).min(Instant::compareTo).orElse(now.plus(least));
        Duration wait = Duration.between(Instant.now(), next);
        if (!wait.isNegative() && stop.sleep(wait.plusMillis(1))) {
          out.printf("%s stopped while waiting for poll %d%n", Instant.now(), round + 1);
          out.flush();
          break;
        }
      }
    }
    // after a signal the JVM exits with 130 or 143 once the last line is out, whatever is returned here
    return failed ? 2 : 0;
  }

  /**
   * Fetches one feed (conditionally), or reads it again when it is a local file, and hands its items to
   * the run; sets when it is due again.
   */
  private static void poll(URI uri, State state, Ingestion run, Fetcher fetcher, Duration least,
      java.util.Set<String> known) throws IOException {
    Duration wait = least;
    try {
      Feed feed = null;
      String cacheControl = null;
      if ("file".equals(uri.getScheme())) {
        feed = Feeds.parse(new PageReader().read(Path.of(uri).toString()).bytes(), uri);
      } else {
        Response r = fetcher.fetch(uri, state.validators);
        cacheControl = r.cacheControl();
        if (r.outcome() == Response.Outcome.OK) {
          state.validators = r.validators();
          feed = Feeds.parse(r.body(), r.uri());
        }
      }
      if (feed != null) {
        run.lost(uri.toString(), feed.losses(), feed.warnings());
        if (feed.ttl() != null && Duration.ofMinutes(feed.ttl()).compareTo(wait) > 0) {
          wait = Duration.ofMinutes(feed.ttl());
        }
        List<String> urls = new ArrayList<>();
        for (FeedItem item : feed.items()) {
          if (known.add(item.url())) { // each article is fetched once per process
            urls.add(item.url());
          }
        }
        run.articles(urls);
      }
      Duration maxAge = maxAge(cacheControl);
      if (maxAge != null && maxAge.compareTo(wait) > 0) {
        wait = maxAge;
      }
    } catch (IOException e) {
      run.fail(uri.toString(), e.getMessage());
    }
    state.due = Instant.now().plus(wait);
  }

  /** {@code max-age} of a Cache-Control header, or null. */
  static Duration maxAge(String cacheControl) {
    if (cacheControl == null) {
      return null;
    }
    Matcher m = MAX_AGE.matcher(cacheControl.toLowerCase(Locale.ROOT));
    return m.find() ? Duration.ofSeconds(Math.min(Long.parseLong(m.group(1).substring(0, Math.min(9,
        m.group(1).length()))), 7 * 24 * 3600)) : null;
  }
}
