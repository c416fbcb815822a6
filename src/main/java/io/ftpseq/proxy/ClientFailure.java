package io.ftpseq.proxy;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedIOException;
import java.io.IOException;

/**
 * Why the proxy gave up on a client's connection for a reason of its own (its thread interrupted,
 * the replies before AUTH that never came), in ftpseq's own words, so that the console says it in
 * the run's language; the message is the English. A failure of the connection itself is the JDK's
 * {@link IOException}, whose words are the system's.
 */
final class ClientFailure extends PhrasedIOException {
  private static final long serialVersionUID = 1L;

  ClientFailure(Phrase reason, Throwable cause) {
    super(reason, cause);
  }
}
