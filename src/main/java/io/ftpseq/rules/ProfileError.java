package io.ftpseq.rules;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedIOException;

/**
 * What is wrong in a profile file, in ftpseq's own words and naming the file and line ({@code
 * vsftpd.json:3: unknown field 'bogus'; ...}), so that the command line says it in the run's
 * language; the message is the English.
 */
final class ProfileError extends PhrasedIOException {
  private static final long serialVersionUID = 1L;

  ProfileError(Phrase reason, Throwable cause) {
    super(reason, cause);
  }

  ProfileError(Phrase reason) {
    this(reason, null);
  }
}
