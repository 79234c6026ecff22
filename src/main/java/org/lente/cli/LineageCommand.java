package org.lente.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lente.Lente;
import org.lente.extract.Article;
import org.lente.knowledge.KnowledgeReader;
import org.lente.store.StoredArticle;
import org.lente.story.Evidence;
import org.lente.story.Link;
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
      KnowledgeReader articles = lente.reader();
      StoryReader stories = lente.stories();
      for (String ref : references) {
        Optional<Long> id = stories.articleId(ref);
        Optional<StoredArticle> article = id.isEmpty() ? Optional.empty() : articles.article(id.get());
        if (article.isEmpty()) {
          err.println("lente: no article " + ref + " in " + data.dir);
          exit = 2;
          continue;
        }
        List<Link> links = stories.links(article.get().id());
        if (json) {
          out.println(Json.MAPPER.writeValueAsString(toJson(article.get(), links, articles)));
        } else {
          print(out, ref, article.get(), links, articles);
        }
      }
    }
    out.flush();
    return exit;
  }

  private static ObjectNode toJson(StoredArticle a, List<Link> links, KnowledgeReader articles) throws IOException {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.set("article", describe(a));
    ArrayNode derivedFrom = o.putArray("derivedFrom");
    links.stream().filter(Link::derivedFrom).forEach(l -> derivedFrom.add(l.related()));
    ArrayNode related = o.putArray("related");
    for (Link l : links) {
      Optional<StoredArticle> other = articles.article(l.related());
      ObjectNode r = other.isPresent() ? describe(other.get()) : Json.MAPPER.createObjectNode().put("id", l.related());
      r.put("relation", l.relation().label()).put("direction", l.direction().label())
          .put("score", Math.round(l.score() * 1000) / 1000.0);
      ArrayNode ev = r.putArray("evidence");
      for (Evidence e : l.evidence()) {
        ev.add(Json.MAPPER.valueToTree(e));
      }
      related.add(r);
    }
    return o;
  }

  private static ObjectNode describe(StoredArticle a) {
    Article art = a.analysis().article();
    return Json.MAPPER.createObjectNode().put("id", a.id()).put("source", source(art))
        .put("language", a.analysis().language() != null ? a.analysis().language() : art.language())
        .put("title", art.title()).put("url", art.url()).put("published", art.published());
  }

  /** The outlet: the site's name, else the URL's host, else the ingested path. */
  static String source(Article a) {
    if (a.site() != null && !a.site().isBlank()) {
      return a.site();
    }
    if (a.url() != null) {
      String s = a.url().replaceFirst("^[a-zA-Z]+://", "");
      int slash = s.indexOf('/');
      return slash < 0 ? s : s.substring(0, slash);
    }
    return a.source();
  }

  private static void print(PrintWriter out, String ref, StoredArticle a, List<Link> links, KnowledgeReader articles)
      throws IOException {
    Article art = a.analysis().article();
    out.printf("== %s (id %d): %s%n", ref, a.id(), art.title());
    List<String> originals = links.stream().filter(Link::derivedFrom)
        .map(l -> "id " + l.related() + " (" + l.relation().label() + ")").toList();
    if (!originals.isEmpty()) {
      out.println("  derived from " + String.join(", ", originals));
    }
    if (links.isEmpty()) {
      out.println("  no related article");
    }
    for (Link l : links) {
      Optional<StoredArticle> other = articles.article(l.related());
      Article o = other.map(x -> x.analysis().article()).orElse(null);
      out.printf("  %-14s %-8s %.3f  id %d [%s] %s: %s%n", l.relation().label(), l.direction().label(), l.score(),
          l.related(), o == null ? "?" : o.language(), o == null ? "?" : source(o), o == null ? "" : o.title());
      for (Evidence e : l.evidence().subList(0, Math.min(4, l.evidence().size()))) {
        out.printf("      %s: %s%n", e.kind(), e.note());
      }
    }
  }
}
