package org.lente.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lente}: the command line. Exit codes: 0 success, 1 usage error, 2 failure. Exit codes are
 * decided here and nowhere else, but for a signal: SIGINT or SIGTERM ends the process with 130 or
 * 143, which the JVM sets once {@code ingest} or {@code watch} has printed its summary (see
 * {@link StopSignal}).
 */
@Command(
    name = "lente",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Lente reads the news: extracts articles from pages and feeds, and understands them.",
    subcommands = {ExtractCommand.class, AnalyzeCommand.class, IngestCommand.class, WatchCommand.class,
        SearchCommand.class, QuotesCommand.class, EntityCommand.class, StatsCommand.class, CheckCommand.class, ReindexCommand.class,
        ServeCommand.class, SourcesCommand.class, UserCommand.class, TokenCommand.class, LineageCommand.class,
        MigrateCommand.class, ExportCommand.class, WorkerCommand.class,
        NerCommand.class, TimexCommand.class, EvalCommand.class, CommandLine.HelpCommand.class},
    exitCodeOnInvalidInput = 1,
    exitCodeOnExecutionException = 2)
public final class Main implements Runnable {

  /** Lucene reports through java.util.logging that the Vector API incubator is off: not an error. */
  private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: try lente extract --help");
  }

  public static void main(String[] args) {
    LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args, new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
  }

  /** Runs the command line with the given streams; returns the exit code. Flushes {@code out}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionStrategy(parsed -> {
      Integer help = CommandLine.executeHelpRequest(parsed);
      if (help != null) {
        return help;
      }
      checkDataFolder(parsed);
      return new CommandLine.RunLast().execute(parsed);
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("lente: " + ex.getMessage());
      return 2;
    });
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Refuses a {@code --data} that names a file, before the command runs: the option names the
   * knowledge base's folder, and a file there would otherwise fail deep in the store with only its path.
   */
  private static void checkDataFolder(CommandLine.ParseResult parsed) {
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    CommandLine.Model.OptionSpec data = parsed.commandSpec().findOption("--data");
    if (data != null && data.getValue() instanceof java.nio.file.Path dir && java.nio.file.Files.exists(dir)
        && !java.nio.file.Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(), "--data names the knowledge "
          + "base's folder, but " + dir.toAbsolutePath() + " is a file: give a folder (made when missing)");
    }
  }

  /** The version from the jar manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"lente " + (v == null ? "dev" : v)};
    }
  }
}
