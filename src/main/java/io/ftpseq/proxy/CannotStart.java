package io.ftpseq.proxy;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedIOException;

/**
 * Why a proxy could not start (its address is taken, its record directory is a file), in ftpseq's
 * own words, so that the command line says it in the run's language; the message is the English.
 */
public final class CannotStart extends PhrasedIOException {
  private static final long serialVersionUID = 1L;

  CannotStart(Phrase reason, Throwable cause) {
    super(reason, cause);
  }
}
