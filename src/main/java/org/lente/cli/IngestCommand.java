package org.lente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.lente.Pipeline;
import org.lente.extract.Extractor;
import org.lente.ingest.PageReader;
import org.lente.ingest.fetch.Fetcher;
import org.lente.knowledge.KnowledgeBase;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.NerModels;
import org.lente.store.ArticleFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lente ingest}: extracts, analyses and stores articles in the knowledge base. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
        "Extracts, analyses and stores every article of the sources in the knowledge base (--data).",
        "A source is a page URL, an RSS/Atom/JSON Feed, a sitemap (or news sitemap, or sitemap index), an "
            + "OPML list of feeds (URLs or files), a file or directory (HTML, gzip, plain text), or a WARC file.",
        "Ingesting is idempotent: the same URL or the same text is stored once; a changed text is a new "
            + "version. An article whose page states no date is dated by the dateline that opens its text, else by "
            + "a date in its file's path (.../2011-03-08/...), else by --date.",
        "Ends with a summary. Exit codes: 0 success; 1 usage error, or every source an empty folder (no "
            + "inputs found); 2 some source failed or the knowledge base could not be written (a full disk), which "
            + "the summary names. A feed, sitemap or OPML list that breaks half-way or has entries without a "
            + "usable link is a failure too, with what was lost; the entries read are ingested.",
        "Beside a running lente serve on the same folder, the pages are read here and handed to the server, "
            + "which stores them (--date and dates from file paths are then not applied).",
        "Ctrl-C (SIGINT) or SIGTERM stops taking pages, stores those in flight that are ready within 10 s, "
            + "prints the summary (marked interrupted) and exits with 130 (SIGINT) or 143 (SIGTERM)."},
    exitCodeOnInvalidInput = 1,
    exitCodeOnExecutionException = 2)
final class IngestCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDir data;

  @CommandLine.Mixin FetchOptions fetch;

  @Option(names = "--json", description = "Print the summary as one JSON object.")
  boolean json;

  @Option(names = {"-v", "--verbose"},
      description = "Print a line per page as it is done: outcome, source, article id (flushed at once).")
  boolean verbose;

  @Option(names = "--threads", paramLabel = "N",
      description = "Articles analysed at once. Default: the number of cores.")
  Integer threads;

  @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + PageReader.DEFAULT_MAX_BYTES,
      description = "Content kept per page or file; the rest is dropped with a warning. Default: ${DEFAULT-VALUE}.")
  long maxBytes;

  @Option(names = "--max-chars", paramLabel = "N", defaultValue = "" + Analyzer.DEFAULT_MAX_CHARS,
      description = "Longest text analysed per article; the rest is left out with a warning. Default: ${DEFAULT-VALUE}.")
  int maxChars;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "The publication date of articles that state none: used only when neither the page, nor the "
          + "dateline that opens the text, nor a folder or file name (…/2011-03-08/…) gives one.")
  String date;

  @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "URLs, files or directories.")
  List<String> sources;

  @Override
  public Integer call() throws IOException {
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > 256) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 1 to 256: " + workers);
    }
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-bytes out of range: " + maxBytes);
    }
    if (maxChars < 1_000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-chars must be at least 1000: " + maxChars);
    }
    PublicationDates dates = new PublicationDates(Dates.parse(spec.commandLine(), date, "--date"));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LocalInputs inputs = LocalInputs.count(new PageReader(maxBytes), sources);
    if (inputs.nothing(sources)) {
      err.println("lente: " + inputs.emptyMessage());
      return 1;
    }
    Consumer<String> say = messages(err, System.console() != null);
    if (!inputs.empty().isEmpty()) {
      say.accept(inputs.emptyMessage());
    }
    Fetcher fetcher = fetch.fetcher(spec.commandLine(), maxBytes);
    Analyzer analyzer = new Analyzer(new NerModels(say), maxChars);
    IngestSummary summary = new IngestSummary();
    Consumer<String> log = verbose ? line -> {
      out.println(line);
      out.flush();
    } : line -> { };
    try (StopSignal stop = StopSignal.listen()) {
      try (IngestTarget target = IngestTarget.open(data, say); ProgressBar bar = progress(err, inputs.total());
          Ingestion run = target.ingestion(new PageReader(maxBytes), fetcher, pipeline(analyzer, dates), workers,
              summary, log, progress(bar), stop::requested)) {
        if (target.kb() != null) {
          catchUp(target.kb(), say);
        }
        for (String source : sources) {
          run.source(source);
        }
        run.finish();
      } catch (IOException | java.io.UncheckedIOException e) {
        // the knowledge base could not be opened or written: the summary still tells what was done
        summary.fail(data.dir.toString(), storeFailure(data.dir, e));
      }
      if (stop.requested()) {
        summary.markInterrupted();
      }
      out.println(json ? summary.json() : summary.text());
      out.flush();
    }
    // after a signal the JVM exits with 130 or 143 once the summary is out, whatever is returned here
    return summary.failed() == 0 ? 0 : 2;
  }

  /**
   * The pipeline of {@code ingest}, {@code watch} and the submissions of {@code serve}: pages dated by
   * {@code dates} (dateline, path, then {@code --date}) when they state no date of their own.
   */
  static Pipeline pipeline(Analyzer analyzer, PublicationDates dates) {
    return new Pipeline(new Extractor(), analyzer, new Pipeline.Options(dates::fill, null));
  }

  /** Below this much room left on its file system, a failure to write the knowledge base is a full disk. */
  private static final long FULL_BELOW = 1 << 20;

  /** Why the knowledge base in {@code dir} failed: "disk full (N bytes free): …" when its file system has no room left. */
  static String storeFailure(java.nio.file.Path dir, Exception e) {
    String reason = e.getMessage() == null ? e.toString() : e.getMessage();
    java.nio.file.Path existing = dir.toAbsolutePath();
    while (existing != null && !java.nio.file.Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      long free = existing == null ? Long.MAX_VALUE : java.nio.file.Files.getFileStore(existing).getUsableSpace();
      return free < FULL_BELOW ? "disk full (" + free + " bytes free): " + reason : reason;
    } catch (IOException unknown) {
      return reason;
    }
  }

  /**
   * A bar drawn on the terminal, or a plain line every ten seconds when standard error is not one.
   *
   * @param total the pages to expect, or -1 when unknown
   */
  static ProgressBar progress(PrintWriter err, long total) {
    ProgressBarBuilder b = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(total).showSpeed()
        .setUnit(" pages", 1).setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS);
    if (System.console() != null) {
      b.setConsumer(new ConsoleProgressBarConsumer(System.err));
    } else {
      b.setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis((int) Duration.ofSeconds(10).toMillis())
          .setConsumer(new DelegatingProgressBarConsumer(err::println));
    }
    return b.build();
  }

  /** {@code bar} told of an ingestion's progress. */
  static Ingestion.Progress progress(ProgressBar bar) {
    return new Ingestion.Progress() {
      @Override
      public void step() {
        bar.step();
      }

      @Override
      public void unknownTotal() {
        bar.maxHint(-1);
      }
    };
  }

  /**
   * Prints each message as "lente: …" on a line of its own; on a terminal ({@code terminal}) the progress
   * bar's line is cleared first, so that a message (a model being loaded) is not written onto the bar,
   * which is drawn again below it. Thread-safe.
   */
  static Consumer<String> messages(PrintWriter err, boolean terminal) {
    return line -> {
      synchronized (err) {
        if (terminal) {
          err.print("\r\033[K");
        }
        err.println("lente: " + line);
        err.flush();
      }
    };
  }

  /**
   * Adds the stories and lineage a stopped run left out, and retries those that failed (re-running an
   * ingest completes the work); returns the stages of stored articles that still fail, each told to
   * {@code say}. Indexing was retried when the knowledge base was opened.
   */
  static List<ArticleFailure> catchUp(KnowledgeBase kb, Consumer<String> say) throws IOException {
    int behind = kb.behind().size();
    long failed = kb.reader().failures().stream().filter(f -> f.stage() == ArticleFailure.Stage.STORY).count();
    if (behind > 0 || failed > 0) {
      say.accept("adding the stories and lineage of " + behind + " article(s) stored by an earlier run that "
          + "stopped" + (failed > 0 ? ", retrying " + failed + " that failed" : ""));
      kb.catchUpStories();
    }
    List<ArticleFailure> still = kb.reader().failures();
    for (ArticleFailure f : still) {
      say.accept("article " + f.article() + ": its " + f.stage().label() + " stage still fails: " + f.reason());
    }
    return still;
  }
}
