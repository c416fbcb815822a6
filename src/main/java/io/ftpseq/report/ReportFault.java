package io.ftpseq.report;

import io.ftpseq.session.IoReason;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedIOException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

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
        Phrase.of("report.sessionFile.cannotWrite", where(file, cause), IoReason.of(cause)), cause);
  }

  /** The temporary file of sessions ({@link SessionStore}) could not be read back. */
  static ReportFault cannotReadSessions(Path file, IOException cause) {
    return new ReportFault(
        Phrase.of("report.sessionFile.cannotRead", where(file, cause), IoReason.of(cause)), cause);
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
}
