package org.lente.store;

import java.nio.file.Path;

/**
 * A writer for {@link SqliteStoreDurabilityTest}, run in its own JVM: puts {@code count} articles
 * into the store in {@code dir} and prints each returned id on its own line as soon as the put
 * returns, until it is killed.
 */
public final class PutLoop {

  private PutLoop() {}

  /** Arguments: the store's folder, the number of articles. */
  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[1]);
    try (SqliteStore store = SqliteStore.open(Path.of(args[0]))) {
      for (int n = 0; n < count; n++) {
        long id = store.put("https://www.example.org/notizie/" + n, Fixtures.realistic(n)).id();
        System.out.println(id);
        System.out.flush();
      }
    }
  }
}
