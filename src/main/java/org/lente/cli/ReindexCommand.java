package org.lente.cli;

import org.lente.Lente;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.lente.knowledge.KnowledgeBase;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lente reindex}: rebuilds the search index from the store, and retries what failed. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = {
        "Rebuilds the search index from the store, adds the stories and lineage missing, and retries the "
            + "articles whose indexing or story failed.",
        "The store is the source of truth. Exit code 2 when some articles still fail (they stay stored; "
            + "lente check lists them)."},
    exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class ReindexCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDir data;

  @Override
  public Integer call() throws IOException {
    int n;
    int failing;
    try (Lente lente = data.openExisting()) {
      KnowledgeBase kb = lente.knowledge();
      n = kb.reindex();
      failing = IngestCommand.catchUp(kb, IngestCommand.messages(spec.commandLine().getErr(), false)).size();
    }
    spec.commandLine().getOut().printf("reindexed %d articles%s%n", n,
        failing == 0 ? "" : "; " + failing + " stage(s) of stored articles still fail (see lente check)");
    spec.commandLine().getOut().flush();
    return failing == 0 ? 0 : 2;
  }
}
