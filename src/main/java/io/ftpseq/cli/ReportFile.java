package io.ftpseq.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A report written to a file named by {@code --output}: into a partial file beside it, moved into
 * place only once complete, so a run stopped while it writes (Ctrl-C, a CI timeout) leaves no half
 * report for a CI system to read as whole, and the partial file is removed on the way out. A name
 * that is not a regular file ({@code /dev/null}, a pipe) or lies in a directory ftpseq may not
 * write in is written straight.
 */
final class ReportFile {

  /** What writes the report's text. */
  interface Body {
    void writeTo(Writer out) throws IOException;
  }

  private ReportFile() {}

  static void write(Path target, Body body) throws IOException {
    Path partial = partialBeside(target);
    if (partial == null) {
      try (Writer out = utf8(Files.newOutputStream(target))) {
        body.writeTo(out);
      }
      return;
    }
    partial.toFile().deleteOnExit(); // when the run is stopped, the JVM removes it as it exits
    try {
      try (Writer out =
          utf8(
              Files.newOutputStream(
                  partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
        body.writeTo(out);
      }
      keepPermissions(target, partial);
      try {
        Files.move(
            partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** The partial file for the report, or null when it is to be written straight. */
  private static Path partialBeside(Path target) {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return null; // a device, a pipe, or a link whose target is to be written, not replaced
    }
    Path directory = target.toAbsolutePath().getParent();
    if (directory == null || !Files.isWritable(directory)) {
      return null;
    }
    return directory.resolve(
        "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
  }

  /** A report written again keeps the permissions its file had. */
  private static void keepPermissions(Path target, Path partial) throws IOException {
    if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.setPosixFilePermissions(partial, Files.getPosixFilePermissions(target));
      } catch (UnsupportedOperationException e) {
        // a file system without POSIX permissions: the new file has the usual ones
      }
    }
  }

  private static Writer utf8(java.io.OutputStream out) {
    return new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }
}
