package org.lente.ingest.source;

import java.io.IOException;

/**
 * The bytes are not the format they were parsed as, or broke before anything usable was read. A
 * document that breaks after some entries were read is not an error: the parsers return those
 * entries with a warning.
 */
public final class SourceFormatException extends IOException {

  private final int line;
  private final int column;

  /**
   * @param line the 1-based line where the problem was found, or -1 when it is not positional
   * @param column the 1-based column, or -1
   */
  public SourceFormatException(String message, int line, int column, Throwable cause) {
    super(line > 0 ? message + " (line " + line + ", column " + column + ")" : message, cause);
    this.line = line;
    this.column = column;
  }

  public SourceFormatException(String message) {
    this(message, -1, -1, null);
  }

  /** The 1-based line of the problem, or -1. */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem, or -1. */
  public int column() {
    return column;
  }
}
