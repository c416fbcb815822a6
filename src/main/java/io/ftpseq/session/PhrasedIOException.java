package io.ftpseq.session;

import java.io.IOException;

/**
 * An input/output failure said in ftpseq's own words ({@link PhrasedError}): what the kinds of it
 * (a probe's failure, a proxy that cannot start, a fault of a profile file or of gzip data) share;
 * its message is the phrase's English.
 */
public abstract class PhrasedIOException extends IOException implements PhrasedError {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // a phrase holds strings, numbers and phrases only
  private final Phrase reason;

  /**
   * @param reason what went wrong
   * @param cause what caused it, or {@code null}
   */
  protected PhrasedIOException(Phrase reason, Throwable cause) {
    super(reason.english(), cause);
    this.reason = reason;
  }

  @Override
  public Phrase reason() {
    return reason;
  }
}
