package org.lente.cluster;

import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The cluster's shared PostgreSQL schema: Flyway migrations in this package's {@code postgres}
 * resources, numbered as the embedded SQLite schema they match ({@code V11__embedded_schema.sql} is
 * the embedded schema at its version 11 in one script; each later embedded version gets a script of
 * the same number). Applied under PostgreSQL's advisory lock (Flyway takes it), so several processes
 * migrating at once apply each script once; each script runs in one transaction.
 */
public final class PostgresSchema {

  /** Where the scripts are. */
  static final String LOCATION = "classpath:org/lente/cluster/postgres";

  /** The history table, named so it cannot collide with Lente's own tables. */
  public static final String HISTORY = "lente_schema_history";

  /**
   * The tables only a cluster has, with no embedded counterpart (so {@code lente export} has nothing to copy into
   * them): the knowledge writer's {@link WriterLease} and {@link AppliedOffsets}; the poll workers' source claims
   * ({@code store/PostgresSources#claimDue}); what the instances of {@code lente serve --cluster} share (their
   * signing secret, rate limits, submissions). Their scripts have point versions
   * ({@code V14_1__writer_lease.sql}), so that each embedded version keeps its own number here.
   */
  public static final java.util.Set<String> CLUSTER_ONLY = java.util.Set.of("writer_lease", "applied_offsets",
      "source_claims", "serve_secret", "rate_limits", "submissions");

  /**
   * What {@link #migrate} did.
   *
   * @param before the schema version found, null for an empty database
   * @param after the schema version now
   * @param applied how many scripts were applied
   */
  public record Result(String before, String after, int applied) {
    public Result {
      Objects.requireNonNull(after, "after");
      if (applied < 0) {
        throw new IllegalArgumentException("applied must not be negative: " + applied);
      }
    }
  }

  private PostgresSchema() {}

  /**
   * Brings the cluster's database up to the newest schema this Lente knows.
   *
   * @throws SchemaException when the database cannot be reached, a script fails (nothing of it is
   *     kept), or the database holds a newer schema than this Lente knows
   */
  public static Result migrate(ClusterFile cluster) throws SchemaException {
    Flyway flyway = flyway(cluster);
    try {
      MigrationInfoService info = flyway.info();
      MigrationVersion found = info.current() == null ? null : info.current().getVersion();
      MigrationVersion latest = latest(info);
      if (found != null && found.compareTo(latest) > 0) {
        throw new SchemaException(cluster, "the database's schema is at version " + found + ", newer than this "
            + "Lente knows (" + latest + "): upgrade Lente");
      }
      MigrateResult r = flyway.migrate();
      return new Result(found == null ? null : found.getVersion(), r.targetSchemaVersion == null
          ? (found == null ? latest.getVersion() : found.getVersion()) : r.targetSchemaVersion, r.migrationsExecuted);
    } catch (FlywayException e) {
      throw new SchemaException(cluster, rootMessage(e));
    }
  }

  /**
   * Checks that the cluster's database holds the schema this Lente needs, neither older nor newer.
   *
   * @throws SchemaException when it cannot be reached or its schema differs (the message says what to do)
   */
  public static void requireCurrent(ClusterFile cluster) throws SchemaException {
    try {
      MigrationInfoService info = flyway(cluster).info();
      MigrationVersion found = info.current() == null ? null : info.current().getVersion();
      MigrationVersion latest = latest(info);
      if (found == null || found.compareTo(latest) < 0) {
        throw new SchemaException(cluster, "the database's schema is at version " + (found == null ? "none" : found)
            + ", this Lente needs " + latest + ": run lente migrate --cluster " + cluster.file());
      }
      if (found.compareTo(latest) > 0) {
        throw new SchemaException(cluster, "the database's schema is at version " + found + ", newer than this "
            + "Lente knows (" + latest + "): upgrade Lente");
      }
    } catch (FlywayException e) {
      throw new SchemaException(cluster, rootMessage(e));
    }
  }

  /** The newest version among this Lente's scripts (and those the database has applied). */
  private static MigrationVersion latest(MigrationInfoService info) {
    MigrationVersion latest = null;
    for (MigrationInfo m : info.all()) {
      if (m.getState().isApplied() && !m.getState().isResolved()) {
        continue; // applied by a newer Lente: not one of ours
      }
      if (m.getVersion() != null && (latest == null || m.getVersion().compareTo(latest) > 0)) {
        latest = m.getVersion();
      }
    }
    if (latest == null) {
      throw new IllegalStateException("no migration scripts in " + LOCATION);
    }
    return latest;
  }

  private static Flyway flyway(ClusterFile cluster) {
    return Flyway.configure()
        .dataSource(cluster.postgresUrl(), cluster.postgresUser(), cluster.postgresPassword())
        .locations(LOCATION)
        .table(HISTORY)
        .connectRetries(0)
        .load();
  }

  /** The innermost message: a refused connection says so there, not in Flyway's wrapper. */
  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.toString() : m.strip();
  }

  /** The cluster's schema could not be brought up to date; the message says why. */
  public static final class SchemaException extends java.io.IOException {
    SchemaException(ClusterFile cluster, String problem) {
      super(cluster.postgresUrl() + ": " + problem);
    }
  }
}
