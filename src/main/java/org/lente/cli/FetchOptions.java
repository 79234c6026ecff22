package org.lente.cli;

import java.time.Duration;
import org.lente.ingest.fetch.Fetcher;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How Lente fetches from the web: the options of {@code ingest} and {@code watch}. */
final class FetchOptions {

  @Option(names = "--allow-private",
      description = "Allow fetching from private, loopback and link-local addresses (refused by default).")
  boolean allowPrivate;

  @Option(names = "--delay", paramLabel = "SECONDS", defaultValue = "1",
      description = "Least time between two requests to one host. Default: ${DEFAULT-VALUE}.")
  double delay;

  @Option(names = "--per-host", paramLabel = "N", defaultValue = "2",
      description = "Most requests in flight to one host. Default: ${DEFAULT-VALUE}.")
  int perHost;

  @Option(names = "--ignore-robots", description = "Do not read robots.txt (for your own sites only).")
  boolean ignoreRobots;

  Fetcher fetcher(CommandLine cl, long maxBytes) {
    if (delay < 0 || delay > 3600) {
      throw new CommandLine.ParameterException(cl, "--delay must be 0 to 3600 seconds: " + delay);
    }
    if (perHost < 1 || perHost > 64) {
      throw new CommandLine.ParameterException(cl, "--per-host must be 1 to 64: " + perHost);
    }
    Fetcher.Options o = Fetcher.Options.defaults().withAllowPrivate(allowPrivate).withMaxBytes(maxBytes)
        .withPoliteness(perHost, Duration.ofMillis((long) (delay * 1000))).withObeyRobots(!ignoreRobots);
    return new Fetcher(o);
  }
}
