package org.lente.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresSchema;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lente migrate --cluster FILE}: brings the cluster's shared PostgreSQL schema up to date. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Creates or updates the schema of a cluster's shared PostgreSQL store to the one this Lente "
        + "needs (the embedded schema's tables, with the same version numbers). Safe to run from several "
        + "machines at once: the scripts are applied once, under PostgreSQL's advisory lock, each in one "
        + "transaction. See docs/cluster.md for the cluster file.",
        "Exit status: 0 when the schema is up to date, 1 for a bad cluster file, 2 when the database cannot "
            + "be reached or a script fails (nothing of it is kept)."},
    exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class MigrateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin ClusterOption.Required clusterFile;

  @Override
  public Integer call() throws Exception {
    ClusterFile cluster = clusterFile.read(spec);
    if (cluster == null) {
      return 1;
    }
    PostgresSchema.Result r = PostgresSchema.migrate(cluster);
    PrintWriter out = spec.commandLine().getOut();
    if (r.applied() == 0) {
      out.println("schema at version " + r.after() + ": up to date");
    } else {
      out.println("schema at version " + r.after() + " (was " + (r.before() == null ? "empty" : r.before())
          + "; " + r.applied() + (r.applied() == 1 ? " script" : " scripts") + " applied)");
    }
    out.flush();
    return 0;
  }
}
