package io.ftpseq.report;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import io.ftpseq.session.PhrasedIOException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A report, or the temporary file of sessions it is written from, that could not be written or read
 * back, in ftpseq's own words, so that the command line says it in the run's language; the message
 * is the English.
 */
public final class ReportFault extends PhrasedIOException {
  private static final long serialVersionUID = 1L;

  ReportFault(Phrase reason, Throwable cause) {
    super(reason, cause);
  }

  /**
   * The temporary file of sessions ({@link SessionStore}) could not be written.
   *
   * @param file the file, or {@code null} when it could not be made
   */
  static ReportFault cannotWriteSessions(Path file, IOException cause) {
    return new ReportFault(
        Phrase.of("report.sessionFile.cannotWrite", where(file, cause), why(cause)), cause);
  }

  /** The temporary file of sessions ({@link SessionStore}) could not be read back. */
  static ReportFault cannotReadSessions(Path file, IOException cause) {
    return new ReportFault(
        Phrase.of("report.sessionFile.cannotRead", where(file, cause), why(cause)), cause);
  }

  /** The file, or the one the system could not make ({@code /tmp/ftpseq-sessions-1.bin}). */
  private static String where(Path file, IOException cause) {
    if (file != null) {
      return file.toString();
    }
    return cause instanceof FileSystemException fs && fs.getFile() != null
        ? fs.getFile()
        : String.valueOf(System.getProperty("java.io.tmpdir"));
  }

  /**
   * Why a file failed: ftpseq's words when it knows them (a missing directory, a refused
   * permission, a file cut short), else the system's message as it wrote it ({@code No space left
   * on device}).
   */
  private static Object why(IOException cause) {
    Optional<Phrase> own = PhrasedError.phraseOf(cause);
    if (own.isPresent()) {
      return own.get();
    }
    if (cause instanceof EOFException) {
      return Phrase.of("input.reason.cutShort");
    }
    if (cause instanceof AccessDeniedException) {
      return Phrase.of("input.reason.denied");
    }
    if (cause instanceof NoSuchFileException) {
      return Phrase.of("input.reason.missing");
    }
    String message = cause instanceof FileSystemException fs ? fs.getReason() : cause.getMessage();
    return message == null || message.isBlank() ? Phrase.of("input.reason.io") : message.strip();
  }
}
