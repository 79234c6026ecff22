package org.lente.cli;

import java.nio.file.Path;
import org.lente.cluster.ClusterFile;
import org.lente.cluster.ClusterFileException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --cluster FILE} of the commands that can work on a cluster instead of a data folder ({@code serve},
 * {@code sources}, {@code reindex}, {@code user}, {@code token}); {@link Required} for those that only work on one
 * (the workers, {@code migrate}). The option, its help and the message for a bad cluster file are written here once.
 */
final class ClusterOption {

  /** The help of {@code --cluster}: each command's own help says which of the keys it needs. */
  static final String HELP = "The cluster file (a properties file: postgres.*, opensearch.url, kafka.bootstrap, "
      + "serve.*; docs/cluster.md): work on that cluster instead of a data folder.";

  @Option(names = "--cluster", paramLabel = "FILE", description = HELP)
  Path file;

  /** Whether {@code --cluster} was given. */
  boolean given() {
    return file != null;
  }

  /**
   * Refuses {@code --cluster} together with {@code folderOnly}, an option that names what a cluster replaces
   * ({@code --data}), with {@code why} (exit 1).
   */
  void refuse(CommandLine.Model.CommandSpec spec, String folderOnly, String why) {
    if (given() && spec.commandLine().getParseResult().hasMatchedOption(folderOnly)) {
      throw new CommandLine.ParameterException(spec.commandLine(), why);
    }
  }

  /** The cluster file, or null after saying what is wrong with it, naming the file and the key (exit 1). */
  ClusterFile read(CommandLine.Model.CommandSpec spec) {
    return read(spec, file);
  }

  /** {@code --cluster FILE} that the command cannot do without. */
  static final class Required {
    @Option(names = "--cluster", paramLabel = "FILE", required = true, description = HELP)
    Path file;

    /** The cluster file, or null after saying what is wrong with it, naming the file and the key (exit 1). */
    ClusterFile read(CommandLine.Model.CommandSpec spec) {
      return ClusterOption.read(spec, file);
    }
  }

  /** The cluster file {@code file}; null after saying what is wrong with it (the command then exits 1). */
  static ClusterFile read(CommandLine.Model.CommandSpec spec, Path file) {
    try {
      return ClusterFile.read(file);
    } catch (ClusterFileException e) {
      spec.commandLine().getErr().println("lente: " + e.getMessage());
      return null;
    }
  }
}
