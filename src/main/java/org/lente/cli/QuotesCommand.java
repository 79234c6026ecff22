package org.lente.cli;

import org.lente.Lente;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.lente.store.QuoteHit;
import org.lente.store.QuoteQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lente quotes}: what did someone say, about whom, when. */
@Command(name = "quotes", mixinStandardHelpOptions = true,
    description = {
        "Finds stored quotes by a speaker and/or about an entity, in a period, newest first.",
        "Example: lente quotes --speaker Blinken --about \"Corea del Nord\""},
    exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class QuotesCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDir data;

  @Option(names = "--speaker", paramLabel = "NAME", description = "Who said it (any part of the name).")
  String speaker;

  @Option(names = "--about", paramLabel = "NAME", description = "An entity the quote is about.")
  String about;

  @Option(names = "--from", paramLabel = "DATE", description = "Published on or after (ISO-8601).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before (ISO-8601).")
  String to;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Default: ${DEFAULT-VALUE}.")
  int limit;

  @Option(names = "--json", description = "One JSON object per quote, one per line.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    QuoteQuery q;
    try {
      q = new QuoteQuery(speaker, about, Dates.parse(spec.commandLine(), from, "--from"), Dates.parse(spec.commandLine(), to, "--to"), limit);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    List<QuoteHit> hits;
    try (Lente lente = data.openToRead()) {
      hits = lente.reader().quotes(q);
    }
    PrintWriter out = spec.commandLine().getOut();
    for (QuoteHit h : hits) {
      if (json) {
        out.println(Json.MAPPER.writeValueAsString(h));
      } else {
        out.printf("%s — %s%s (%s, %s)%n", h.quoted() ? "“" + h.text() + "”" : h.text(),
            h.speakerCanonical() != null ? h.speakerCanonical() : h.speaker() == null ? "?" : h.speaker(),
            h.cue() == null ? "" : " [" + h.cue() + "]", h.title(), h.published() == null ? "undated" : h.published());
      }
    }
    if (!json) {
      out.printf("%d quote%s%n", hits.size(), hits.size() == 1 ? "" : "s");
    }
    out.flush();
    return 0;
  }
}
