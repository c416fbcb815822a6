package io.ftpseq.transcript;

import io.ftpseq.session.Phrase;

/**
 * The name of a format (or of one kind of log a format reads) as a message says it, in the words of
 * the report's language: {@code of("vsftpd")} is "vsftpd log", "journal de vsftpd" or "vsftpd ログ".
 * Every message that names a format takes it from here, so that no translated sentence shows an
 * English name inside it. The keys are {@code format.name.} and a format's {@link
 * TranscriptFormat#name}, or a name of its own for a log a reader tells apart ({@code
 * proftpd.trace}).
 */
final class FormatName {

  private FormatName() {}

  /** The name of the format or log of that key, as a phrase said in the report's language. */
  static Phrase of(String key) {
    return Phrase.of("format.name." + key);
  }
}
