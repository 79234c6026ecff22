package org.lente.cli;

import org.lente.Lente;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lente.store.EntityProfile;
import org.lente.store.QuoteHit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lente entity}: what the knowledge base knows of one entity. */
@Command(name = "entity", mixinStandardHelpOptions = true,
    description = {
        "Shows an entity across articles and languages: its aliases, roles over time, mentions per day, "
            + "quotes by it and about it, and the entities it appears with.",
        "NAME is any name it is known by."},
    exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class EntityCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDir data;

  @Option(names = "--json", description = "One JSON object.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "NAME", description = "The entity's name.")
  List<String> name;

  @Override
  public Integer call() throws IOException {
    String n = String.join(" ", name);
    Optional<EntityProfile> found;
    try (Lente lente = data.openToRead()) {
      found = lente.reader().entity(n);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (found.isEmpty()) {
      spec.commandLine().getErr().println("lente: no entity named " + n + " in " + data.dir);
      return 2;
    }
    EntityProfile p = found.get();
    if (json) {
      out.println(Json.MAPPER.writeValueAsString(p));
      out.flush();
      return 0;
    }
    out.printf("%s (%s) in %d article%s%n", p.name(), p.type(), p.articles(), p.articles() == 1 ? "" : "s");
    out.println("also written: " + String.join(", ", p.aliases().stream().map(a -> a.name() + " ×" + a.count()).toList()));
    for (EntityProfile.Role r : p.roles()) {
      out.printf("role: %s ×%d (%s to %s)%n", r.role(), r.count(), r.first() == null ? "undated" : r.first(),
          r.last() == null ? "undated" : r.last());
    }
    out.println("mentions per day: " + p.mentionsPerDay());
    out.println("appears with: " + String.join(", ", p.cooccurring().stream()
        .map(c -> c.name() + " (" + c.articles() + ")").toList()));
    quotes(out, "quotes by", p.quotesBy());
    quotes(out, "quotes about", p.quotesAbout());
    out.flush();
    return 0;
  }

  private static void quotes(PrintWriter out, String what, List<QuoteHit> hits) {
    out.println(what + ": " + hits.size());
    for (QuoteHit h : hits) {
      out.printf("  %s — %s (%s)%n", h.text(), h.speakerCanonical() != null ? h.speakerCanonical() : h.speaker(),
          h.published() == null ? "undated" : h.published());
    }
  }
}
