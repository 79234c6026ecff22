package org.lente.cli;

import org.lente.Lente;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lente.index.SearchHits;
import org.lente.index.SearchQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lente search}: full-text search over the knowledge base, with filters and facets. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
        "Searches the stored articles (Italian and English stemming; \"phrases\", AND, OR, -word).",
        "An empty QUERY matches every article, to browse by filters and facets."},
    exitCodeOnInvalidInput = 1,
    exitCodeOnExecutionException = 2)
final class SearchCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDir data;

  @Option(names = "--json", description = "One JSON object per hit, best first, one per line.")
  boolean json;

  @Option(names = "--entity", paramLabel = "NAME", description = "Only articles mentioning this entity (repeatable).")
  List<String> entities;

  @Option(names = "--type", paramLabel = "TYPE", description = "Only articles mentioning an entity of this type: PER, ORG, LOC, MISC.")
  List<String> types;

  @Option(names = "--source", paramLabel = "SITE", description = "Only articles from this site.")
  String source;

  @Option(names = "--author", paramLabel = "NAME", description = "Only articles by this author.")
  String author;

  @Option(names = "--lang", paramLabel = "LANG", description = "Only articles in this language (it, en, …).")
  String language;

  @Option(names = "--from", paramLabel = "DATE", description = "Published on or after this date (ISO-8601).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before this date (ISO-8601).")
  String to;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Hits to show. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Option(names = "--facets", description = "Also count the matching articles by entity, type, source, author, language and year.")
  boolean facets;

  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Words to find.")
  List<String> query;

  @Override
  public Integer call() throws IOException {
    SearchQuery q;
    try {
      q = new SearchQuery(query == null ? "" : String.join(" ", query), entities, types, source, author, language,
          Dates.parse(spec.commandLine(), from, "--from"), Dates.parse(spec.commandLine(), to, "--to"), limit, facets ? SearchQuery.FACETS : List.of());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    SearchHits hits;
    try (Lente lente = data.openToRead()) {
      hits = lente.reader().search(q);
    } catch (IllegalArgumentException e) { // the text cannot be searched, or is beyond a search's bounds
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (json) {
      for (SearchHits.Hit h : hits.hits()) {
        out.println(Json.MAPPER.writeValueAsString(h));
      }
      out.flush();
      return 0;
    }
    out.printf("%d article%s%n", hits.total(), hits.total() == 1 ? "" : "s");
    for (SearchHits.Hit h : hits.hits()) {
      String where = h.url() != null ? h.url() : h.source() != null ? h.source() : "";
      out.printf("%n[%d] %s%n    %s · %s%s · score %.2f%n    %s%n", h.id(), h.title() == null ? "(no title)" : h.title(),
          h.published() == null ? "undated" : h.published(), h.language(), where.isEmpty() ? "" : " · " + where,
          h.score(), h.snippet() == null ? "" : plain(h.snippet()));
    }
    for (Map.Entry<String, Map<String, Long>> f : hits.facets().entrySet()) {
      if (f.getValue().isEmpty()) {
        continue;
      }
      out.printf("%n%s:", f.getKey());
      f.getValue().entrySet().stream().limit(10).forEach(e -> out.printf(" %s (%d);", e.getKey(), e.getValue()));
      out.println();
    }
    out.flush();
    return 0;
  }

  /** A highlighted HTML snippet for the terminal: matches between asterisks, entities decoded. */
  static String plain(String html) {
    return html.replace("<b>", "*").replace("</b>", "*").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&#x27;", "'").replace("&#39;", "'").replace("&amp;", "&")
        .replace('\n', ' ').strip();
  }
}
