package org.lente.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerFileTest {

  @TempDir Path dir;

  private static ServerFile ofThisProcess() {
    return ServerFile.forThisProcess("127.0.0.1", 8080, ServerFile.newSecret()).orElseThrow();
  }

  /** The id of a process that has exited. */
  private static long deadPid() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java -version did not end");
    return p.pid();
  }

  @Test
  void theFileOfALiveProcessIsFound() throws Exception {
    ServerFile file = ofThisProcess();
    file.write(dir);

    assertEquals(Optional.of(file), ServerFile.find(dir));
  }

  @Test
  void aFileLeftByADeadProcessIsIgnored() throws Exception {
    new ServerFile("127.0.0.1", 8080, deadPid(), ServerFile.newSecret()).write(dir);

    assertEquals(Optional.empty(), ServerFile.find(dir));
  }

  @Test
  void theFileIsReadableByItsOwnerAlone() throws Exception {
    ofThisProcess().write(dir);

    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(ServerFile.NAME))));
  }

  @Test
  void removingLeavesTheFileOfAnotherServer() throws Exception {
    ServerFile mine = ofThisProcess();
    ServerFile other = ofThisProcess();
    other.write(dir);

    mine.remove(dir);

    assertEquals(Optional.of(other), ServerFile.find(dir));
  }

  @Test
  void aServerOnAWildcardAddressIsReachedOnLoopback() {
    assertEquals("http://127.0.0.1:9000",
        ServerFile.forThisProcess("0.0.0.0", 9000, ServerFile.newSecret()).orElseThrow().baseUrl());
  }

  @Test
  void aServerOnAnotherAddressWritesNoFile() {
    assertFalse(ServerFile.forThisProcess("192.0.2.7", 9000, ServerFile.newSecret()).isPresent());
  }

  @Test
  void aFileNamingANonLoopbackAddressIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new ServerFile("192.0.2.7", 9000, ProcessHandle.current().pid(), ServerFile.newSecret()));
  }

  @Test
  void aHalfWrittenFileIsNone() throws Exception {
    Files.writeString(dir.resolve(ServerFile.NAME), "{\"host\":\"127.0.0.1\",\"po");

    assertEquals(Optional.empty(), ServerFile.find(dir));
  }
}
