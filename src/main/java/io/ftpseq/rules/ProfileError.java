package io.ftpseq.rules;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import java.io.IOException;

/**
 * What is wrong in a profile file, in ftpseq's own words and naming the file and line ({@code
 * vsftpd.json:3: unknown field 'bogus'; ...}), so that the command line says it in the run's
 * language; the message is the English.
 */
final class ProfileError extends IOException implements PhrasedError {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // a phrase holds strings, numbers and phrases only
  private final Phrase reason;

  ProfileError(Phrase reason, Throwable cause) {
    super(reason.english(), cause);
    this.reason = reason;
  }

  ProfileError(Phrase reason) {
    this(reason, null);
  }

  @Override
  public Phrase reason() {
    return reason;
  }
}
