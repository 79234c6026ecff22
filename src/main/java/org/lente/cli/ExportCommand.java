package org.lente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lente.cluster.ClusterFile;
import org.lente.store.ClusterExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lente export --to-cluster FILE}: copies an embedded knowledge base into a cluster's store. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Copies the knowledge base in --data into a cluster's empty PostgreSQL store (made by lente "
        + "migrate), ids kept: articles, their versions and findings, entities, stories and lineage, accounts. One "
        + "snapshot of the folder is copied in one transaction, so the copy is whole or nothing. The search index "
        + "is not copied (it is rebuilt from the store).",
        "Exit status: 0 when copied, 1 for a bad cluster file or a folder without a knowledge base, 2 when the "
            + "cluster's database is not empty, not migrated, or cannot be written (nothing is kept)."},
    exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class ExportCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDir data;

  @Option(names = "--to-cluster", paramLabel = "FILE", required = true,
      description = "The cluster file (see lente migrate --help and docs/cluster.md).")
  Path clusterFile;

  @Override
  public Integer call() throws Exception {
    ClusterFile cluster = ClusterOption.read(spec, clusterFile);
    if (cluster == null) {
      return 1;
    }
    if (!java.nio.file.Files.isRegularFile(data.dir.resolve(org.lente.store.SqliteStore.FILE))) {
      spec.commandLine().getErr().println("lente: no knowledge base in " + data.dir.toAbsolutePath());
      return 1;
    }
    ClusterExport.Result r = ClusterExport.export(data.dir, cluster);
    PrintWriter out = spec.commandLine().getOut();
    for (Map.Entry<String, Long> e : r.rows().entrySet()) {
      if (e.getValue() > 0) {
        out.printf("%-20s %,d%n", e.getKey(), e.getValue());
      }
    }
    out.printf("exported %,d rows from %s to %s%n", r.total(), data.dir, cluster.postgresUrl());
    out.flush();
    return 0;
  }
}
