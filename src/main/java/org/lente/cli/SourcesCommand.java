package org.lente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.lente.cluster.ClusterFile;
import org.lente.ingest.PageReader;
import org.lente.ingest.source.Opml;
import org.lente.ingest.source.Poller;
import org.lente.ingest.source.Source;
import org.lente.ingest.source.SourceFormatException;
import org.lente.ingest.source.Subscription;
import org.lente.store.PostgresConnections;
import org.lente.store.PostgresSources;
import org.lente.store.Sources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lente sources add|list|remove|import-opml}: the sources {@code lente serve} polls, kept in the
 * knowledge base. Each change is one write to the database, safe beside a running server, which
 * sees it at its next look at the sources (within a second).
 */
@Command(name = "sources", mixinStandardHelpOptions = true,
    description = {"Manages the sources that lente serve polls for new articles: feeds, sitemaps, pages to "
        + "revisit and local feed files, kept in the knowledge base with their state and health.",
        "Works beside a running lente serve on the same folder: the server polls a source added here within a "
            + "second, and stops polling one removed.",
        "With --cluster FILE instead of --data, the sources of a cluster's PostgreSQL store, which lente worker poll "
            + "polls (docs/cluster-poll.md)."},
    subcommands = {SourcesCommand.Add.class, SourcesCommand.ListSources.class, SourcesCommand.Remove.class,
        SourcesCommand.ImportOpml.class},
    exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class SourcesCommand implements Runnable {

  /** Largest OPML file read. */
  static final long MAX_OPML_BYTES = 10L << 20;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing a command: lente sources add|list|remove|import-opml");
  }

  /** Where the sources are: the knowledge base of {@code --data}, or a cluster's PostgreSQL store. */
  static final class Where {

    @CommandLine.Mixin DataDir data;

    @CommandLine.Mixin ClusterOption cluster;

    /**
     * Opens the sources; null after saying what is wrong with the cluster file (the command then exits 1).
     *
     * @throws CommandLine.ParameterException when both --data and --cluster are given
     */
    Opened open(CommandLine.Model.CommandSpec spec) throws IOException {
      if (!cluster.given()) {
        Sources sources = SourcesCommand.open(data);
        return new Opened(sources, sources::close);
      }
      cluster.refuse(spec, "--data", "give --data or --cluster, not both");
      ClusterFile file = cluster.read(spec);
      if (file == null) {
        return null;
      }
      PostgresConnections db = PostgresConnections.connect(file);
      return new Opened(PostgresSources.on(db), db::close);
    }

    /** The sources a command opened, and how to close what it opened for them: the folder, or the connections. */
    record Opened(Sources sources, Closing closing) implements AutoCloseable {
      /** Closes what was opened. */
      @FunctionalInterface
      interface Closing {
        void close() throws IOException;
      }

      @Override
      public void close() throws IOException {
        closing.close();
      }
    }
  }

  /** The options of the commands that add sources. */
  static final class Adding {

    @Option(names = "--allow-private",
        description = "Allow a host that resolves to a private, loopback or link-local address (refused by default; "
            + "lente serve or lente worker poll polls it only when started with --allow-private too).")
    boolean allowPrivate;

    @Option(names = "--every", paramLabel = "MINUTES", defaultValue = "15",
        description = "Least time between two polls of the source, from 1 second to a week; a feed may ask for "
            + "more (its ttl, or Cache-Control max-age). Default: ${DEFAULT-VALUE}.")
    double every;

    /** The time between polls, checked. */
    Duration every(CommandLine cl) {
      if (!(every * 60 >= 1) || every > Source.MAX_EVERY.toMinutes()) {
        throw new CommandLine.ParameterException(cl, "--every must be from 1 second (0.0167) to a week (10080) "
            + "minutes: " + every);
      }
      return Duration.ofSeconds(Math.round(every * 60));
    }

    /** A poller whose fetcher applies the address policy these options ask for. */
    Poller poller() {
      return new Poller(new org.lente.ingest.fetch.Fetcher(
          org.lente.ingest.fetch.Fetcher.Options.defaults().withAllowPrivate(allowPrivate)));
    }

    /**
     * Adds a source of {@code kind} at {@code typed} after {@link Poller#admit} has checked it.
     *
     * @throws IllegalArgumentException with the reason in words for the user
     */
    static Source add(Sources sources, Poller poller, Source.Kind kind, String typed, String title, Duration gap)
        throws IOException {
      return sources.add(kind, poller.admit(kind, typed), title, gap, Instant.now());
    }
  }

  /** Adds one source. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Adds a source to poll: ADDRESS is a URL, or a path for a local feed file.",
          "Its host must resolve to a public address (else --allow-private); a file must exist. Nothing is fetched "
              + "now: lente serve polls it at once and then every --every minutes.",
          "An address already there is refused and nothing changes."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Add implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin Where where;

    @CommandLine.Mixin Adding adding;

    @Option(names = "--kind", paramLabel = "KIND",
        description = "feed (RSS, Atom or JSON Feed), sitemap, page (one page fetched again on every poll) or file "
            + "(a local feed file). Default: file for a path, feed for a URL.")
    String kind;

    @Option(names = "--title", paramLabel = "TEXT", description = "A name for people, shown in lists.")
    String title;

    @Parameters(paramLabel = "ADDRESS", description = "The source's URL, or the path of a feed file.")
    String address;

    @Override
    public Integer call() throws IOException {
      Duration gap = adding.every(spec.commandLine());
      Source.Kind k;
      try {
        k = kind != null ? Source.Kind.parse(kind) : address.contains("://") ? Source.Kind.FEED : Source.Kind.FILE;
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      if (where.cluster.given() && k == Source.Kind.FILE) {
        spec.commandLine().getErr().println("lente: a file source is read on the machine that polls it, and a "
            + "cluster's poll workers may run on any: serve " + address + " over http(s) and add its URL");
        return 1;
      }
      try (Where.Opened opened = where.open(spec)) {
        if (opened == null) {
          return 1;
        }
        Sources sources = opened.sources();
        Source s = Adding.add(sources, adding.poller(), k, address, title, gap);
        spec.commandLine().getErr().println("lente: source " + s.id() + " added: " + s.kind().label() + " "
            + s.address());
        return 0;
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("lente: " + e.getMessage());
        return 1;
      }
    }
  }

  /** Lists the sources with their state and health. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {"Lists the sources, oldest first, with their state and health: last and next poll, the last "
          + "HTTP status and error, articles added, and since when a failing source fails.",
          "Columns: id, kind, address, last poll, next poll, status, articles added, failing since, last error "
              + "(- for none), separated by tabs."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class ListSources implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin Where where;

    @Option(names = "--json", description = "Print a JSON array, one object per source.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      try (Where.Opened opened = where.open(spec)) {
        if (opened == null) {
          return 1;
        }
        Sources sources = opened.sources();
        List<Source> all = sources.all();
        if (json) {
          out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
              all.stream().map(SourceJson::of).toList()));
        } else {
          for (Source s : all) {
            Source.State st = s.state();
            out.println(String.join("\t", "" + s.id(), s.kind().label(), s.address(), or(st.lastPoll()),
                or(st.nextPoll()), or(st.lastStatus()), "" + st.articlesAdded(), or(st.failingSince()),
                or(st.lastError())));
          }
          if (all.isEmpty()) {
            spec.commandLine().getErr().println("lente: no sources (add one with lente sources add URL)");
          }
        }
      }
      out.flush();
      return 0;
    }

    private static String or(Object o) {
      return o == null ? "-" : o.toString().replace('\t', ' ').replace('\n', ' ');
    }
  }

  /**
   * A source as {@code lente sources list --json} prints it.
   *
   * @param every seconds between two polls at least
   */
  record SourceJson(long id, String kind, String address, String title, long every, String added, String lastPoll,
      String nextPoll, Integer lastStatus, String lastError, long articlesAdded, String failingSince) {

    static SourceJson of(Source s) {
      Source.State st = s.state();
      return new SourceJson(s.id(), s.kind().label(), s.address(), s.title(), s.every().toSeconds(),
          s.added().toString(), text(st.lastPoll()), text(st.nextPoll()), st.lastStatus(), st.lastError(),
          st.articlesAdded(), text(st.failingSince()));
    }

    private static String text(Instant t) {
      return t == null ? null : t.toString();
    }
  }

  /** Removes a source. */
  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = {"Removes a source, by its id (as lente sources list shows it) or its address. The articles it "
          + "added stay."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Remove implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin Where where;

    @Parameters(paramLabel = "SOURCE", description = "The source's id or address.")
    String which;

    @Override
    public Integer call() throws IOException {
      try (Where.Opened opened = where.open(spec)) {
        if (opened == null) {
          return 1;
        }
        Sources sources = opened.sources();
        var found = which.matches("\\d{1,18}") ? sources.get(Long.parseLong(which)) : sources.byAddress(which);
        if (found.isEmpty() && !which.matches("\\d{1,18}")) {
          found = byTypedAddress(sources, which);
        }
        if (found.isEmpty() || !sources.remove(found.get().id())) {
          spec.commandLine().getErr().println("lente: unknown source: " + which + " (lente sources list shows them)");
          return 1;
        }
        spec.commandLine().getErr().println("lente: source " + found.get().id() + " removed: "
            + found.get().address());
        return 0;
      }
    }

    /** The source at {@code typed} written as a user would add it (a relative path, a URL with spaces around). */
    private static java.util.Optional<Source> byTypedAddress(Sources sources, String typed) throws IOException {
      for (Source.Kind k : Source.Kind.values()) {
        try {
          var s = sources.byAddress(Source.address(k, typed));
          if (s.isPresent()) {
            return s;
          }
        } catch (IllegalArgumentException notOfThisKind) {
          // try the next kind
        }
      }
      return java.util.Optional.empty();
    }
  }

  /** Adds the feeds of an OPML subscription list. */
  @Command(name = "import-opml", mixinStandardHelpOptions = true,
      description = {"Adds each feed of an OPML subscription list (as feed readers export them) as a feed source, "
          + "titled as in the list.",
          "Feeds already there are skipped; a feed that cannot be added (a bad URL, a private host without "
              + "--allow-private) is named and the others are added. A file that is not OPML, or is broken before "
              + "any feed, adds nothing. Prints a summary; exit code 2 when a feed could not be added."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class ImportOpml implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin Where where;

    @CommandLine.Mixin Adding adding;

    @Parameters(paramLabel = "FILE", description = "The OPML file.")
    Path file;

    @Override
    public Integer call() throws IOException {
      Duration gap = adding.every(spec.commandLine());
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isRegularFile(file)) {
        err.println("lente: not an OPML file: " + file + (Files.isDirectory(file) ? " (a folder)" : " (no such file)"));
        return 1;
      }
      Opml opml;
      try {
        opml = Opml.parse(new PageReader(MAX_OPML_BYTES).read(file.toString()).bytes());
      } catch (SourceFormatException e) {
        err.println("lente: " + file + " is not a readable OPML file: " + e.getMessage());
        return 2;
      }
      int added = 0;
      int there = 0;
      int failed = opml.losses().stream().mapToInt(l -> Math.max(1, l.entries())).sum();
      opml.losses().forEach(l -> err.println("lente: lost: " + l.reason()));
      opml.warnings().forEach(w -> err.println("lente: warning: " + w));
      Poller poller = adding.poller();
      try (Where.Opened opened = where.open(spec)) {
        if (opened == null) {
          return 1;
        }
        Sources sources = opened.sources();
        for (Subscription feed : opml.feeds()) {
          try {
            if (sources.byAddress(Source.address(Source.Kind.FEED, feed.url())).isPresent()) {
              there++;
              continue;
            }
            Adding.add(sources, poller, Source.Kind.FEED, feed.url(), feed.title(), gap);
            added++;
          } catch (IllegalArgumentException e) {
            failed++;
            err.println("lente: not added: " + e.getMessage());
          }
        }
      }
      spec.commandLine().getOut().printf("added %d, already there %d, failed %d%n", added, there, failed);
      return failed > 0 ? 2 : 0;
    }
  }

  /** The sources of {@code data}'s knowledge base, which is created when missing. */
  static Sources open(DataDir data) throws IOException {
    org.lente.store.PrivateFiles.createDirectories(data.dir);
    return data.openSources();
  }
}
