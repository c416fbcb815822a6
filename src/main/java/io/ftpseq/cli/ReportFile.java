package io.ftpseq.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * A report written to a file named by {@code --output}: into a partial file beside it, moved into
 * place only once complete, so a run stopped while it writes (Ctrl-C, a CI timeout) leaves no half
 * report for a CI system to read as whole, and the partial file is removed on the way out. The
 * partial file has the report's permissions from the start.
 *
 * <p>A report is written straight into its file, as any tool would, when replacing the file would
 * change more than its content: a name that is not a plain file ({@code /dev/null}, a pipe, a
 * link), a file of another owner, with other hard links or not writable, or a directory ftpseq may
 * not write in.
 *
 * <p>A name that ends with {@code .gz} is a gzip-compressed report, as check reads such a file: the
 * plain text under that name is refused by gunzip and zcat.
 */
final class ReportFile {

  /** What writes the report's text. */
  interface Body {
    void writeTo(Writer out) throws IOException;
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  /** How much of the report's name the partial file's name keeps: names have at most 255 bytes. */
  private static final int NAME_KEPT = 100;

  private ReportFile() {}

  static void write(Path target, Body body) throws IOException {
    try (Opened report = open(target)) {
      body.writeTo(report.out());
      report.complete();
    }
  }

  /**
   * Opens the report's file to be written as the run goes, as a report whose sessions come first is
   * written: its partial file, or the file itself when it is to be written straight.
   */
  static Opened open(Path target) throws IOException {
    Path partial = partialBeside(target);
    if (partial != null) {
      partial.toFile().deleteOnExit(); // when the run is stopped, the JVM removes it as it exits
      boolean kept = false;
      try {
        kept = replaceable(target, partial);
      } finally {
        if (!kept) {
          Files.delete(partial);
        }
      }
      if (!kept) {
        partial = null;
      }
    }
    try {
      OutputStream file = Files.newOutputStream(partial != null ? partial : target);
      return new Opened(target, partial, gzipped(target) ? new GZIPOutputStream(file) : file);
    } catch (IOException | RuntimeException e) {
      if (partial != null) {
        Files.deleteIfExists(partial);
      }
      throw e;
    }
  }

  /**
   * A report file open for writing: moved into place by {@link #complete}; closed before that, its
   * partial file is removed.
   */
  static final class Opened implements Closeable {
    private final Path target;
    private final Path partial;
    private final OutputStream stream;
    private final Writer out;
    private boolean complete;

    private Opened(Path target, Path partial, OutputStream stream) {
      this.target = target;
      this.partial = partial;
      this.stream = stream;
      this.out = utf8(stream);
    }

    /** Where the report's text goes. */
    Writer out() {
      return out;
    }

    /**
     * Where the report's bytes go, for a report that writes its text as UTF-8 itself; what was
     * written to {@link #out} must be flushed before anything is written here.
     */
    OutputStream stream() {
      return stream;
    }

    /** Ends the report: its file is closed and, written beside, moved into place. */
    void complete() throws IOException {
      out.close();
      if (partial != null) {
        moveIntoPlace(partial, target);
      }
      complete = true;
    }

    @Override
    public void close() throws IOException {
      try {
        if (!complete) {
          out.close();
        }
      } finally {
        if (partial != null) {
          Files.deleteIfExists(partial);
        }
      }
    }
  }

  /**
   * A new, empty partial file beside the report, with the permissions of the file it replaces; null
   * when the report is to be written straight.
   */
  private static Path partialBeside(Path target) throws IOException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return null; // a device, a pipe, or a link whose target is to be written, not replaced
    }
    Path directory = target.toAbsolutePath().getParent();
    if (directory == null || !Files.isWritable(directory)) {
      return null;
    }
    String name = target.getFileName().toString();
    String kept = name.length() > NAME_KEPT ? name.substring(0, NAME_KEPT) : name;
    Set<PosixFilePermission> permissions = permissionsOf(target);
    FileAttribute<?>[] attributes =
        permissions == null
            ? new FileAttribute<?>[0]
            : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    while (true) {
      Path partial =
          directory.resolve(
              "." + kept + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".partial");
      try {
        Files.createFile(partial, attributes); // never wider than the old file's, under any umask
      } catch (FileAlreadyExistsException e) {
        continue; // another name, never another's file
      } catch (IOException e) {
        // a directory that takes no new file though it says it may (/proc to root): the report is
        // written in place, and what is wrong is said of the report's own file, not of this one
        return null;
      }
      if (permissions != null) {
        Files.setPosixFilePermissions(partial, permissions);
      }
      return partial;
    }
  }

  /** The permissions of the file a report replaces, or null for a new one. */
  private static Set<PosixFilePermission> permissionsOf(Path target) throws IOException {
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try {
      return Files.getPosixFilePermissions(target);
    } catch (UnsupportedOperationException e) {
      return null; // no POSIX permissions: the new file has the usual ones
    }
  }

  /**
   * Whether moving a new file onto the report's name changes only its content: no file there yet,
   * or a plain one of the same owner, writable, with no other name.
   */
  private static boolean replaceable(Path target, Path partial) throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    if (!Files.isWritable(target)
        || !Files.getOwner(target, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(partial))) {
      return false;
    }
    try {
      Object links = Files.getAttribute(target, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
      return !(links instanceof Integer count) || count == 1;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return true; // no hard links to keep on such a file system
    }
  }

  private static void moveIntoPlace(Path partial, Path target) throws IOException {
    try {
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // the directory refuses the rename (a sticky one): the whole report is copied in instead
      try (InputStream in = Files.newInputStream(partial);
          OutputStream out = Files.newOutputStream(target)) {
        in.transferTo(out);
      }
    }
  }

  /** Whether a report's name says gzip: {@code report.json.gz}, in any case. */
  static boolean gzipped(Path target) {
    Path name = target.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  private static Writer utf8(OutputStream out) {
    return new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }
}
