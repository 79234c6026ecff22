package org.lente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lente.Lente;
import org.lente.story.Evidence;
import org.lente.story.LineageReport;
import org.lente.story.StoryReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lente lineage}: the articles related to each given one (translations, near-duplicates, same story). */
@Command(name = "lineage", mixinStandardHelpOptions = true,
    description = {"Lists each article's related articles, best first: translations, near-duplicates and articles of "
        + "the same story, with which is the original and the evidence.",
        "Exit codes: 0 success, 1 usage error, 2 an article was not found (the others are still printed)."},
    exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class LineageCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDir data;

  @Option(names = "--json", description = "One JSON object per article, one per line: {article, derivedFrom: [ids of "
      + "the originals it copies or translates], related: [...]}.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "ARTICLE", description = "An article id, its URL or the path it was ingested from.")
  List<String> references;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int exit = 0;
    try (Lente lente = data.openToRead()) {
      StoryReader stories = lente.stories();
      for (String ref : references) {
        Optional<Long> id = ref.matches("\\d{1,18}") ? Optional.of(Long.parseLong(ref)) : stories.articleId(ref);
        Optional<LineageReport> report = id.isEmpty() ? Optional.empty() : stories.lineage(id.get());
        if (report.isEmpty()) {
          err.println("lente: no article " + ref + " in " + data.dir);
          exit = 2;
          continue;
        }
        // a local file is named by the path it was ingested from, as extract and analyze name it
        List<Long> ids = new ArrayList<>(List.of(report.get().article().id()));
        report.get().related().forEach(r -> ids.add(r.id()));
        LineageReport named = report.get().withLocalOrigins(stories.localOrigins(ids));
        if (json) {
          out.println(Json.MAPPER.writeValueAsString(named));
        } else {
          print(out, ref, named);
        }
      }
    }
    out.flush();
    return exit;
  }

  private static void print(PrintWriter out, String ref, LineageReport report) {
    out.printf("== %s (id %d): %s%n", ref, report.article().id(), report.article().title());
    List<String> originals = report.related().stream().filter(r -> report.derivedFrom().contains(r.id()))
        .map(r -> "id " + r.id() + " (" + r.relation() + ")").toList();
    if (!originals.isEmpty()) {
      out.println("  derived from " + String.join(", ", originals));
    }
    if (report.related().isEmpty()) {
      out.println("  no related article");
    }
    for (LineageReport.RelatedRef r : report.related()) {
      out.printf("  %-14s %-8s %.3f  id %d [%s] %s: %s%n", r.relation(), r.direction(), r.score(), r.id(),
          r.language() == null ? "?" : r.language(), r.source() == null ? "?" : r.source(),
          r.title() == null ? "" : r.title());
      for (Evidence e : r.evidence().subList(0, Math.min(4, r.evidence().size()))) {
        out.printf("      %s: %s%n", e.kind(), e.note());
      }
    }
  }
}
