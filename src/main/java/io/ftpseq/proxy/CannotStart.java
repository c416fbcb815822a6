package io.ftpseq.proxy;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import java.io.IOException;

/**
 * Why a proxy could not start (its address is taken, its record directory is a file), in ftpseq's
 * own words, so that the command line says it in the run's language; the message is the English.
 */
public final class CannotStart extends IOException implements PhrasedError {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // a phrase holds strings, numbers and phrases only
  private final Phrase reason;

  CannotStart(Phrase reason, Throwable cause) {
    super(reason.english(), cause);
    this.reason = reason;
  }

  /** Why the proxy could not start. */
  @Override
  public Phrase reason() {
    return reason;
  }
}
