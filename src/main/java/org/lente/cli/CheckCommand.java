package org.lente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.lente.knowledge.KnowledgeBase;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lente check}: does the search index match the store? */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Compares the search index with the store. Exit code 0 when they match, 2 when they do not",
        "(repair with lente reindex)."},
    exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class CheckCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDir data;

  @Override
  public Integer call() throws IOException {
    KnowledgeBase.Check c;
    List<Long> behind;
    try (KnowledgeBase kb = data.openExisting()) {
      c = kb.check();
      behind = kb.behind();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!behind.isEmpty()) {
      out.printf("%d articles have no story or lineage yet (a run stopped before it added them)%n", behind.size());
      line(out, "without a story", behind);
      out.println("complete with: lente reindex --data " + data.dir + " (or any lente ingest into it)");
    }
    if (c.consistent() && behind.isEmpty()) {
      out.printf("ok: %d articles, index matches the store%n", c.articles());
      out.flush();
      return 0;
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
