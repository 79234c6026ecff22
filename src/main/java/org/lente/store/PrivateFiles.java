package org.lente.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files that only their owner may read or write: 0700 and 0600, whatever the process's
 * umask, for the knowledge base's folder and everything Lente creates in it (the database holds
 * password hashes and sessions, the access log who read what). The mode is set when a file is
 * created, so there is no moment when others may open it. Existing files and folders are left as
 * they are. On a file system without POSIX permissions (Windows) these create plain files and
 * folders.
 */
public final class PrivateFiles {

  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

  /** Creates {@code dir} and its missing parents with mode 0700; returns {@code dir}. */
  public static Path createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    return posix(dir) ? Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER))
        : Files.createDirectories(dir);
  }

  /** Creates {@code file} empty with mode 0600 when it is missing; returns {@code file}. */
  public static Path createFile(Path file) throws IOException {
    try {
      return posix(file.toAbsolutePath().getParent()) ? Files.createFile(file, mode()) : Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      return file;
    }
  }

  /** Sets mode 0600 on {@code file}, which Lente has just created through a library that knows no modes. */
  public static void restrict(Path file) throws IOException {
    if (posix(file)) {
      Files.setPosixFilePermissions(file, FILE);
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> mode() {
    return PosixFilePermissions.asFileAttribute(FILE);
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
