package org.lente.cluster;

import java.io.IOException;
import java.nio.file.Path;

/** A cluster file that is missing, unreadable or wrong; the message names the file and what is wrong. */
public final class ClusterFileException extends IOException {

  private final Path file;

  public ClusterFileException(Path file, String problem) {
    super("cluster file " + file + ": " + problem);
    this.file = file;
  }

  /** The cluster file. */
  public Path file() {
    return file;
  }
}
