package org.lente.cli;

import java.io.IOException;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.ClusterFileException;
import org.lente.store.Accounts;
import org.lente.store.PostgresAccounts;
import org.lente.store.PostgresConnections;
import org.lente.store.SqliteStore;
import picocli.CommandLine;

/**
 * Where {@code lente user} and {@code lente token} keep the accounts: the data folder's store ({@code --data}), or
 * the cluster's PostgreSQL database ({@code --cluster FILE}), which every {@code lente serve --cluster} reads.
 */
final class AccountsPlace {

  @CommandLine.Mixin DataDir data;

  @CommandLine.Mixin ClusterOption clusterFile;

  /** What a command does with the accounts. */
  interface Work<T> {
    T run(Accounts accounts) throws IOException;
  }

  /**
   * Runs {@code work} on the accounts of the folder or the cluster, open while it runs.
   *
   * @throws CommandLine.ParameterException (exit 1) for a bad cluster file, or both {@code --data} and
   *     {@code --cluster}
   */
  <T> T run(CommandLine.Model.CommandSpec spec, Work<T> work) throws IOException {
    if (!clusterFile.given()) {
      try (SqliteStore store = data.openStore()) {
        return work.run(store);
      }
    }
    clusterFile.refuse(spec, "--data", "give --data or --cluster, not both");
    ClusterFile cluster;
    try {
      cluster = ClusterFile.read(clusterFile.file);
    } catch (ClusterFileException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    try (PostgresConnections db = PostgresConnections.connect(cluster)) {
      return work.run(PostgresAccounts.on(db));
    }
  }
}
