package io.ftpseq.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/**
 * Why a file failed, in ftpseq's words, the same for an input, a report, the temporary file of
 * sessions and a Spark job's file: each said it its own way before, and two of them passed the
 * system's English on.
 */
class IoReasonTest {

  @Test
  void theJdksKindsOfFailureAreSaidInFtpseqsWords() {
    assertThat(IoReason.of(new AccessDeniedException("/x")).key()).isEqualTo("input.reason.denied");
    assertThat(IoReason.of(new EOFException()).key()).isEqualTo("input.reason.cutShort");
    assertThat(IoReason.of(new IOException()).key()).isEqualTo("input.reason.io");
  }

  @Test
  void theSystemsErrorTextIsSaidInFtpseqsWordsWhereverItStands() {
    // as a file system's reason, as a plain message, and inside java.io's "NAME (REASON)"
    assertThat(IoReason.of(new FileSystemException("/x", null, "No space left on device")).key())
        .isEqualTo("input.reason.noSpace");
    assertThat(IoReason.of(new IOException("No space left on device")).key())
        .isEqualTo("input.reason.noSpace");
    assertThat(IoReason.of(new FileNotFoundException("/data/a.log (Permission denied)")).key())
        .isEqualTo("input.reason.denied");
    // Hadoop's own words for a file that is not there
    assertThat(IoReason.of(new FileNotFoundException("File /data/a.log does not exist")).key())
        .isEqualTo("input.reason.missing");
  }

  @Test
  void aTextNoTableKnowsIsQuotedAsTheSystemGaveIt() {
    Phrase said = IoReason.of(new IOException("Exec format error"));
    assertThat(said.key()).isEqualTo("input.reason.system");
    assertThat(said.args()).containsExactly("Exec format error");
  }
}
