package io.ftpseq.proxy;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import java.io.IOException;

/**
 * Why the proxy gave up on a client's connection for a reason of its own (its thread interrupted,
 * the replies before AUTH that never came), in ftpseq's own words, so that the console says it in
 * the run's language; the message is the English. A failure of the connection itself is the JDK's
 * {@link IOException}, whose words are the system's.
 */
final class ClientFailure extends IOException implements PhrasedError {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // a phrase holds strings, numbers and phrases only
  private final Phrase reason;

  ClientFailure(Phrase reason, Throwable cause) {
    super(reason.english(), cause);
    this.reason = reason;
  }

  /** Why the proxy gave up on the client's connection. */
  @Override
  public Phrase reason() {
    return reason;
  }
}
