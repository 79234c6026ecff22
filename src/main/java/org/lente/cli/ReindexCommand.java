package org.lente.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.lente.knowledge.KnowledgeBase;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lente reindex}: rebuilds the search index from the store. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = "Rebuilds the search index from the store (the store is the source of truth).",
    exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class ReindexCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDir data;

  @Override
  public Integer call() throws IOException {
    int n;
    try (KnowledgeBase kb = data.openExisting()) {
      n = kb.reindex();
      IngestCommand.catchUp(kb, spec.commandLine().getErr());
    }
    spec.commandLine().getOut().printf("reindexed %d articles%n", n);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
