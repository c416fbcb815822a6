package io.ftpseq.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A report or the temporary file of sessions that cannot be written is said in the run's language:
 * the JUnit report said "cannot write the JUnit report: ..." and the file of sessions "cannot write
 * the temporary session file ..." in English whatever the language.
 */
class ReportFaultTest {

  private static final Explainer FRENCH = Explainer.forLocale(Locale.forLanguageTag("fr"));
  private static final Explainer JAPANESE = Explainer.forLocale(Locale.forLanguageTag("ja"));

  /** A writer on a full disk. */
  private static final class FullDisk extends Writer {
    final IOException failure = new IOException("No space left on device");

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
      throw failure;
    }

    @Override
    public void flush() throws IOException {
      throw failure;
    }

    @Override
    public void close() {}
  }

  @Test
  void aJunitReportThatCannotBeWrittenFailsWithTheWritersOwnError() {
    FullDisk disk = new FullDisk();
    CheckRun run = new CheckRun(List.of(), List.of(), CheckRun.Totals.of(0, 0, 0, 0, 0));

    IOException thrown =
        catchThrowableOfType(
            IOException.class, () -> new JunitXmlReport(FRENCH, Severity.ERROR).write(run, disk));

    // the command line says why as it says it of every report, in the run's language
    assertThat(thrown).isSameAs(disk.failure);
  }

  @Test
  void theTemporaryFileOfSessionsIsSaidInTheRunsLanguage() {
    Path file = Path.of("/tmp/ftpseq-sessions-1.bin");
    ReportFault write =
        ReportFault.cannotWriteSessions(file, new IOException("No space left on device"));
    ReportFault read = ReportFault.cannotReadSessions(file, new java.io.EOFException());

    // the system's English for a full disk is said in the run's language too
    assertThat(FRENCH.reason(write))
        .isEqualTo(
            "impossible d’écrire le fichier temporaire des sessions /tmp/ftpseq-sessions-1.bin"
                + "\u00a0: il ne reste plus de place sur le périphérique");
    assertThat(JAPANESE.reason(read))
        .isEqualTo("セッションの一時ファイル /tmp/ftpseq-sessions-1.bin を読み戻せません：ファイルがデータの途中で終わっています");
    // the file could not even be made: the one the system names, in words of the language
    ReportFault notMade =
        ReportFault.cannotWriteSessions(
            null, new java.nio.file.NoSuchFileException("/nowhere/ftpseq-sessions-2.bin"));
    assertThat(FRENCH.reason(notMade))
        .isEqualTo(
            "impossible d’écrire le fichier temporaire des sessions /nowhere/ftpseq-sessions-2.bin"
                + "\u00a0: fichier ou répertoire inexistant");
    assertThat(write.getMessage())
        .isEqualTo(
            "cannot write the temporary file of sessions /tmp/ftpseq-sessions-1.bin: no space is"
                + " left on the device");
  }
}
