package org.lente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.lente.Lente;
import org.lente.Pipeline;
import org.lente.ingest.PageReader;
import org.lente.ingest.fetch.Fetcher;
import org.lente.ingest.source.Poller;
import org.lente.ingest.source.Source;
import org.lente.nlp.Analyzer;
import org.lente.server.Ingests;
import org.lente.server.ServerFile;
import org.lente.server.SourcePolling;
import org.lente.store.Sources;
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
        "Feed state of the FEEDs given lives in this process. Without FEED arguments, watch polls the sources "
            + "stored in the knowledge base (lente sources add), recording their state and health there, as lente "
            + "serve does, until stopped: the headless monitor. While lente serve runs on the folder, it polls them "
            + "itself and watch says so.",
        "Ctrl-C (SIGINT) or SIGTERM ends the current round as lente ingest does (pages in flight that are "
            + "ready within 10 s are stored), prints its summary (marked interrupted) and exits with 130 or 143."},
    exitCodeOnInvalidInput = 1,
    exitCodeOnExecutionException = 2)
final class WatchCommand implements Callable<Integer> {

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

  @Parameters(arity = "0..*", paramLabel = "FEED",
      description = "Feed URLs or feed files. None: poll the sources stored in the knowledge base.")
  List<String> feeds;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (every <= 0 || every > 7 * 24 * 60) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--every must be above 0 and at most a week: " + every);
    }
    if (polls < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--polls must be 0 or more: " + polls);
    }
    if (feeds == null || feeds.isEmpty()) {
      return watchStored();
    }
    Duration least = Duration.ofMillis((long) (every * 60_000));
    List<Source> sources = new ArrayList<>();
    java.util.Set<String> known = new java.util.HashSet<>();
    for (String f : feeds) {
      if (!f.startsWith("http://") && !f.startsWith("https://")) {
        Path file = Path.of(f);
        if (!Files.isRegularFile(file)) {
          throw new CommandLine.ParameterException(spec.commandLine(), "not a feed URL or file: " + f
              + (Files.isDirectory(file) ? " (a folder)" : " (no such file)"));
        }
        sources.add(new Source(0, Source.Kind.FILE, Source.address(Source.Kind.FILE, f), null, least, Instant.now(),
            Source.State.NEW));
        continue;
      }
      try {
        sources.add(new Source(0, Source.Kind.FEED, Source.address(Source.Kind.FEED, f), null, least, Instant.now(),
            Source.State.NEW));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    Fetcher fetcher = fetch.fetcher(spec.commandLine(), PageReader.DEFAULT_MAX_BYTES);
    Analyzer analyzer = new Analyzer(new NerModels(IngestCommand.messages(err, false)));
    Poller poller = new Poller(fetcher);
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
          for (int i = 0; i < sources.size() && !stop.requested(); i++) {
            Source s = sources.get(i);
            if (s.state().due(now.plusMillis(10))) { // sleeping wakes to the millisecond
              sources.set(i, s.withState(poll(s, poller, run, known)));
            }
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
        Instant next = sources.stream().map(s -> s.state().nextPoll()).min(Instant::compareTo).orElse(now.plus(least));
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
   * Polls the stored sources until stopped, with the server's loop ({@link SourcePolling}) over this
   * process's writer: each poll's state, health and new articles recorded in the store.
   */
  private int watchStored() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (ServerFile.find(data.dir).isPresent()) {
      out.println("lente serve is running on " + data.dir.toAbsolutePath() + " and polls its stored sources: "
          + "nothing to do (see them with lente sources list)");
      out.flush();
      return 0;
    }
    Fetcher fetcher = fetch.fetcher(spec.commandLine(), PageReader.DEFAULT_MAX_BYTES);
    Analyzer analyzer = new Analyzer(new NerModels(IngestCommand.messages(err, false)));
    try (StopSignal stop = StopSignal.listen(); Lente lente = data.open()) {
      Sources stored = lente.sources();
      int count = stored.all().size();
      if (count == 0) {
        err.println("lente: no FEED given and no sources stored in " + data.dir.toAbsolutePath()
            + ": add some with lente sources add, or name feeds here");
        return 1;
      }
      IngestCommand.catchUp(lente.knowledge(), IngestCommand.messages(err, false));
      out.printf("%s watching %d stored source%s of %s until stopped%n", Instant.now(), count, count == 1 ? "" : "s",
          data.dir);
      out.flush();
      try (Ingests ingests = ServeCommand.ingests(lente, fetcher, analyzer);
          SourcePolling polling = new SourcePolling(stored, new Poller(fetcher), ingests, SourcePolling.LOOK, err)) {
        polling.start();
        while (!stop.sleep(Duration.ofSeconds(1))) {
          // the loop runs in its own thread; this one waits for a signal
        }
      }
      out.printf("%s stopped%n", Instant.now());
      out.flush();
    }
    return 0;
  }

  /**
   * Polls one source and hands its articles not seen before in this process to the run, and what of
   * it was lost or failed; returns its new state.
   */
  static Source.State poll(Source source, Poller poller, Ingestion run, java.util.Set<String> known)
      throws IOException {
    Poller.Polled p = poller.poll(source);
    if (p.failed()) {
      run.fail(source.address(), p.state().lastError());
    }
    run.lost(source.address(), p.losses(), p.warnings());
    run.articles(p.articles().stream().filter(known::add).toList()); // each article is fetched once per process
    return p.state();
  }
}
