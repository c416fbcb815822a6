package io.ftpseq.cli;

import io.ftpseq.listing.FileKind;
import io.ftpseq.listing.InputWalk;
import io.ftpseq.report.CheckRun;
import io.ftpseq.session.BadValue;
import io.ftpseq.session.Gunzipped;
import io.ftpseq.session.IoReason;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.transcript.TranscriptFormats;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * The inputs of a check, expanded from what the user named: the files {@link InputWalk} finds, as
 * it finds them for the Spark job (directories read recursively, leaving out ftpseq's own output,
 * FIFOs, sockets and devices, and links to directories or to nothing), and {@code -} for standard
 * input. A FIFO or device named itself is read. Each file is an input once, however many names
 * reach it. Names that cannot be listed become problems.
 */
final class Inputs {

  /**
   * One input to check: a file, or standard input when {@code path} is null.
   *
   * @param mayBeReport whether the input, found in a named directory, may yet be a report ftpseq
   *     wrote, which only its end tells: a gzip file no reader knows by its head ({@link
   *     io.ftpseq.listing.OwnReports.KeepingItsEnd}), which its check reads to its end anyway
   */
  record Input(String name, Path path, boolean mayBeReport) {
    /** An input that is not a report ftpseq wrote, or that is checked as one as it was named. */
    Input(String name, Path path) {
      this(name, path, false);
    }

    /**
     * Opens the input, counted by the progress line, and decompressed when it is gzip: named .gz,
     * or starting with gzip's magic bytes (standard input, a rotated log named {@code x.log.1}).
     * Standard input, a FIFO or a device may give nothing for long: the notice says which input the
     * run waits for. A regular file's size is watched while it is read.
     */
    InputStream open(Progress progress, WaitNotice notice, FileSizeWatch watch) throws IOException {
      InputStream raw;
      if (path == null) {
        raw = notice.open(WaitNotice.standardInput(), () -> new NonClosing(System.in));
      } else if (Files.isRegularFile(path)) {
        raw = watch.open(path);
      } else {
        // a FIFO or device: a channel's stream asks it for its position ("Illegal seek")
        raw =
            notice.open(
                WaitNotice.named(name, FileKind.of(path)),
                () -> new FileInputStream(path.toFile()));
      }
      return decompressed(name, progress.count(raw));
    }
  }

  /**
   * The bytes of an input, decompressed when it is gzip: named .gz, or starting with gzip's magic
   * bytes ({@link Gunzipped#decompressed}).
   */
  static InputStream decompressed(String name, InputStream in) throws IOException {
    return Gunzipped.decompressed(name, in);
  }

  /** Whether bytes that start a file are gzip's magic number. */
  static boolean isGzip(byte[] head) {
    return Gunzipped.isGzip(head);
  }

  /** How many bytes {@link #mostlyCaptures} reads of a file: a capture's magic number. */
  private static final int CAPTURE_HEAD = 4;

  private final InputWalk walk;
  private final List<Input> files;

  private Inputs(InputWalk walk) {
    this.walk = walk;
    this.files =
        walk.files().stream().map(f -> new Input(f.name(), f.path(), f.mayBeReport())).toList();
  }

  /**
   * The inputs the names give, found as {@link InputWalk} finds them, as the Spark job finds them.
   *
   * @param outputs the files this run writes its reports to, by their {@link #identity}: left out
   *     of a directory as reports, but not counted as inputs left out
   * @throws BadValue when a glob is not one, or standard input is named twice
   */
  static Inputs expand(
      List<String> names, List<String> includes, List<String> excludes, Set<Object> outputs) {
    if (names.stream().filter("-"::equals).count() > 1) {
      throw new BadValue(Phrase.of("usage.stdinTwice"));
    }
    InputWalk walk = InputWalk.of(includes, excludes, outputs);
    for (String name : names) {
      if (name.equals("-")) {
        walk.addStandardInput();
      } else {
        walk.add(name);
      }
    }
    return new Inputs(walk);
  }

  /** The inputs to check, in order. */
  List<Input> files() {
    return files;
  }

  /** The names left out, with why, in order ({@link InputWalk#leftOut}). */
  List<CheckRun.LeftOut> leftOut() {
    return walk.leftOut();
  }

  /**
   * The names left out that were inputs the run did not check, as its reports give them: all but
   * this run's own output ({@link InputWalk#leftOutInputs}).
   */
  List<CheckRun.LeftOut> leftOutInputs() {
    return walk.leftOutInputs();
  }

  /** The names that could not be found or listed. */
  List<Problem> unreadable() {
    return walk.unreadable();
  }

  /**
   * Leaves out the inputs their check found to be reports ftpseq wrote, and returns the line that
   * says so for each ({@link InputWalk#leaveOutReports}).
   */
  List<CheckRun.LeftOut> leaveOutReports(List<Input> reports) {
    return walk.leaveOutReports(
        reports.stream()
            .map(r -> new InputWalk.Found(r.name(), r.path(), r.mayBeReport()))
            .toList());
  }

  /** What makes a file the one it is, however it is reached ({@link InputWalk#identity}). */
  static Object identity(Path path) {
    return InputWalk.identity(path);
  }

  /** The file a name stands for, through links ({@link InputWalk#realPath}). */
  static Path realPath(Path path) {
    return InputWalk.realPath(path);
  }

  /** The total size of the files, for the progress line; standard input counts as 0. */
  long totalSize() {
    long total = 0;
    for (Input input : files) {
      try {
        total += input.path() == null ? 0 : Files.size(input.path());
      } catch (IOException e) {
        // an unreadable file is reported when it is opened
      }
    }
    return total;
  }

  /**
   * Whether packet captures are half the bytes of the regular files or more, by the first bytes of
   * each (decompressed when gzip): the tuned VM compiles their hot path differently. A file that
   * cannot be read counts as no capture; it is reported when it is opened.
   */
  boolean mostlyCaptures() {
    long captures = 0;
    long all = 0;
    for (Input input : files) {
      if (input.path() == null || !Files.isRegularFile(input.path())) {
        continue;
      }
      try (InputStream in = decompressed(input.name(), Files.newInputStream(input.path()))) {
        long size = Files.size(input.path());
        all += size;
        if (TranscriptFormats.detectCapture(in.readNBytes(CAPTURE_HEAD)).isPresent()) {
          captures += size;
        }
      } catch (IOException e) {
        // reported when the input is opened for its check
      }
    }
    return all > 0 && captures * 2 >= all;
  }

  /**
   * Why {@code target} could not be written: as {@link IoReason#of}, and that the file is read-only
   * when its permissions say so, for a write refused with no word of permissions (root writing
   * {@code /proc/version} is told "Input/output error").
   */
  static Phrase writeWhy(Path target, IOException e) {
    Phrase reason = IoReason.of(e);
    if (e instanceof AccessDeniedException || e instanceof NoSuchFileException) {
      return reason;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
      if (!permissions.contains(PosixFilePermission.OWNER_WRITE)
          && !permissions.contains(PosixFilePermission.GROUP_WRITE)
          && !permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
        return Phrase.of(
            "input.reason.readOnly", PosixFilePermissions.toString(permissions), reason);
      }
    } catch (IOException | UnsupportedOperationException | SecurityException unknown) {
      // no permissions to tell: the error alone says what went wrong
    }
    return reason;
  }

  /** Standard input, which a check must not close. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
