package org.lente.store;

import java.io.IOException;
import java.nio.file.Path;

/** A database written by a newer Lente, whose schema this one does not know: it is left untouched. */
public final class NewerSchemaException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path database;
  private final int found;
  private final int known;

  public NewerSchemaException(Path database, int found, int known) {
    super(database + " has schema version " + found + ", this Lente knows versions up to " + known
        + ": open it with a newer Lente");
    this.database = database;
    this.found = found;
    this.known = known;
  }

  public Path database() {
    return database;
  }

  /** The database's schema version. */
  public int found() {
    return found;
  }

  /** The newest schema version this Lente knows. */
  public int known() {
    return known;
  }
}
