package org.lente.cli;

import org.lente.Lente;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lente.store.StoreStats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lente stats}: what the knowledge base holds. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Counts the articles, versions, entities, mentions, quotes, sources and authors stored.",
    exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class StatsCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDir data;

  @Option(names = "--json", description = "One JSON object.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    StoreStats s;
    try (Lente lente = data.openToRead()) {
      s = lente.reader().stats();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.MAPPER.writeValueAsString(s));
    } else {
      out.printf("articles %d (versions %d)%nentities %d (mentions %d)%nquotes %d%nsources %d%nauthors %d%n",
          s.articles(), s.versions(), s.entities(), s.mentions(), s.quotes(), s.sources(), s.authors());
    }
    out.flush();
    return 0;
  }
}
