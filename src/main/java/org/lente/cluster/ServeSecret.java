package org.lente.cluster;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import org.lente.store.PostgresConnections;

/**
 * The key every instance of {@code lente serve --cluster} signs its CSRF tokens with (table {@code serve_secret}):
 * drawn by the first instance to start, read by the others, so a form served by one instance is accepted by
 * any other. Anyone who can read the table can forge CSRF tokens (not sessions): keep the database's
 * credentials as private as the sessions it holds.
 */
public final class ServeSecret {

  private ServeSecret() {}

  /** The secret (43 characters), drawn and stored when there is none yet; two instances at once agree on one. */
  public static String read(PostgresConnections db) throws IOException {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String drawn = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return db.writeDerived("read the servers' shared secret", c -> {
      PreparedStatement put = db.statement("INSERT INTO serve_secret (id, secret) VALUES (1, ?) "
          + "ON CONFLICT (id) DO NOTHING");
      put.setString(1, drawn);
      put.executeUpdate();
      try (ResultSet rs = db.statement("SELECT secret FROM serve_secret WHERE id = 1").executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    });
  }
}
