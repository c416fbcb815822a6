package io.ftpseq.probe;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import java.io.IOException;

/**
 * What kept the probe from going on with a server (a refused login, a scratch directory it could
 * not make), in ftpseq's own words, so that the command line says it in the run's language; the
 * message is the English.
 */
public final class ProbeFailure extends IOException implements PhrasedError {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // a phrase holds strings, numbers and phrases only
  private final Phrase reason;

  ProbeFailure(Phrase reason) {
    super(reason.english());
    this.reason = reason;
  }

  /** What went wrong. */
  @Override
  public Phrase reason() {
    return reason;
  }
}
