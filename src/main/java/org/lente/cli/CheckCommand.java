package org.lente.cli;

import org.lente.Lente;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lente.knowledge.KnowledgeBase;
import org.lente.store.ArticleFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lente check}: does the search index match the store? */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {
        "Compares the search index with the store and lists the stored articles whose indexing or story "
            + "failed.",
        "Exit code 0 when they match and none failed, else 2 (repair with lente reindex)."},
    exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class CheckCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDir data;

  @Override
  public Integer call() throws IOException {
    KnowledgeBase.Check c;
    KnowledgeBase.NameCheck names;
    List<Long> behind;
    List<ArticleFailure> failures;
    try (Lente lente = data.openToRead()) {
      KnowledgeBase kb = lente.knowledge();
      c = kb.check();
      names = kb.checkNames();
      failures = kb.reader().failures();
      Set<Long> storyFailed = failures.stream().filter(f -> f.stage() == ArticleFailure.Stage.STORY)
          .map(ArticleFailure::article).collect(Collectors.toSet());
      behind = kb.behind().stream().filter(id -> !storyFailed.contains(id)).toList();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!failures.isEmpty()) {
      out.printf("%d stage(s) failed for stored articles (the articles are kept)%n", failures.size());
      for (ArticleFailure f : failures.subList(0, Math.min(20, failures.size()))) {
        out.printf("  article %d: %s failed at %s: %s%n", f.article(), f.stage().label(), f.at(), f.reason());
      }
      if (failures.size() > 20) {
        out.println("  …");
      }
      out.println("retry with: lente reindex --data " + data.dir + " (or any lente ingest into it)");
    }
    if (!behind.isEmpty()) {
      out.printf("%d articles have no story or lineage yet (a run stopped before it added them)%n", behind.size());
      line(out, "without a story", behind);
      out.println("complete with: lente reindex --data " + data.dir + " (or any lente ingest into it)");
    }
    if (!names.consistent()) {
      out.printf("entity resolver does not match the stored articles: %d mentions linked to another entity than "
          + "their name's, %d names the resolver puts elsewhere (repaired when the folder is next opened for "
          + "writing)%n", names.store().mislinked(), names.drifted());
    }
    if (c.consistent() && behind.isEmpty() && failures.isEmpty() && names.consistent()) {
      out.printf("ok: %d articles, index matches the store%n", c.articles());
      out.flush();
      return 0;
    }
    if (c.consistent() && !names.consistent()) {
      out.flush();
      return 2;
    }
    if (c.consistent()) {
      out.printf("index matches the store (%d articles)%n", c.articles());
      out.flush();
      return 2;
    }
    out.printf("index does not match the store (%d articles): %d missing, %d at an old version, %d unknown%n",
        c.articles(), c.missing().size(), c.stale().size(), c.extra().size());
    line(out, "missing", c.missing());
    line(out, "stale", c.stale());
    line(out, "unknown", c.extra());
    out.println("repair with: lente reindex --data " + data.dir);
    out.flush();
    return 2;
  }

  private static void line(PrintWriter out, String what, List<Long> ids) {
    if (!ids.isEmpty()) {
      out.println("  " + what + ": " + ids.subList(0, Math.min(20, ids.size())) + (ids.size() > 20 ? " …" : ""));
    }
  }
}
