package org.lente.cli;

import org.lente.Lente;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.ClusterReindex;
import org.lente.index.OpenSearchIndex;
import org.lente.knowledge.KnowledgeBase;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lente reindex}: rebuilds the search index from the store, and retries what failed. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = {
        "Rebuilds the search index from the store, adds the stories and lineage missing, and retries the "
            + "articles whose indexing or story failed.",
        "The store is the source of truth. Exit code 2 when some articles still fail (they stay stored; "
            + "lente check lists them).",
        "With --cluster, rebuilds the cluster's OpenSearch index from its PostgreSQL store into a new index while "
            + "searches use the old one, then swaps them (docs/cluster-index.md); index workers may keep running."},
    exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class ReindexCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDir data;

  @CommandLine.Mixin ClusterOption cluster;

  @Override
  public Integer call() throws IOException {
    if (cluster.given()) {
      return cluster();
    }
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

  /** {@code --cluster}: 0 done, 1 a bad cluster file, 2 PostgreSQL or OpenSearch failed or refused articles. */
  private int cluster() throws IOException {
    ClusterFile file = cluster.read(spec);
    if (file == null) {
      return 1;
    }
    if (file.opensearchUrl() == null) {
      spec.commandLine().getErr().println("lente: the cluster file " + file.file() + " has no opensearch.url: "
          + "there is no index to rebuild");
      return 1;
    }
    var err = spec.commandLine().getErr();
    ClusterReindex.Counts counts;
    try (ClusterReindex rebuild = ClusterReindex.open(file, OpenSearchIndex.connect(file), line -> {
      err.println("lente: " + line);
      err.flush();
    })) {
      counts = rebuild.run();
    }
    spec.commandLine().getOut().printf("reindexed %d articles (%d written again after the swap)%s%n",
        counts.copied(), counts.repaired(), counts.refused() == 0 ? ""
            : "; " + counts.refused() + " refused by OpenSearch (recorded as index failures)");
    spec.commandLine().getOut().flush();
    return counts.refused() == 0 ? 0 : 2;
  }
}
