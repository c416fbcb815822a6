package io.ftpseq.probe;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedIOException;

/**
 * What kept the probe from going on with a server (a refused login, a scratch directory it could
 * not make), in ftpseq's own words, so that the command line says it in the run's language; the
 * message is the English.
 */
public final class ProbeFailure extends PhrasedIOException {
  private static final long serialVersionUID = 1L;

  ProbeFailure(Phrase reason) {
    super(reason, null);
  }
}
