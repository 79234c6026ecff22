package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A put that returned survives the writer's process being killed (kill -9). */
class SqliteStoreDurabilityTest {

  @TempDir
  Path dir;

  @Test
  void everyIdReportedBeforeAKillIsThereAfterIt() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process writer = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        PutLoop.class.getName(), dir.toString(), "100000")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    List<Long> reported = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (reported.size() < 60 && (line = out.readLine()) != null) {
        reported.add(Long.parseLong(line));
      }
      // SIGKILL: no shutdown hooks, no close. Through the handle, because Process.destroyForcibly
      // also closes our end of the pipe, and with it the lines printed just before the kill.
      writer.toHandle().destroyForcibly();
      assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
      while ((line = out.readLine()) != null) { // printed before the kill, still in the pipe
        reported.add(Long.parseLong(line));
      }
    } finally {
      writer.destroyForcibly();
    }
    assertTrue(reported.size() >= 60, "the writer stopped early: " + reported);

    try (SqliteStore store = SqliteStore.open(dir)) {
      for (long id : reported) {
        assertTrue(store.get(id).isPresent(), "lost article " + id);
      }
      assertTrue(store.stats().articles() >= reported.size());
    }
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
        ResultSet rs = db.createStatement().executeQuery("PRAGMA integrity_check")) {
      assertEquals("ok", rs.getString(1));
    }
  }
}
