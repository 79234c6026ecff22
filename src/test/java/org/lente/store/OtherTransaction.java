package org.lente.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.PostgresServer;

/** Another server's transaction on a test's PostgreSQL database, open while the code under test runs. */
final class OtherTransaction {

  private OtherTransaction() {
  }

  /**
   * Runs {@code call} on another thread while a transaction on another connection to {@code cluster}'s
   * database has run {@code sql}; commits that transaction once {@code call} waits for one of its
   * locks (or has returned), then returns what {@code call} returned.
   *
   * @throws ExecutionException when {@code call} threw
   */
  static <T> T during(ClusterFile cluster, List<String> sql, Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection other = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        Statement st = other.createStatement()) {
      other.setAutoCommit(false);
      for (String s : sql) {
        st.executeUpdate(s);
      }
      Future<T> result = pool.submit(call);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!result.isDone() && !waitingForALock(cluster) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      other.commit();
      return result.get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Whether a connection to {@code cluster}'s database waits for a lock. */
  private static boolean waitingForALock(ClusterFile cluster) throws Exception {
    try (Connection c = DriverManager.getConnection(cluster.postgresUrl(), PostgresServer.USER, null);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            + "AND wait_event_type = 'Lock'")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }
}
