package io.ftpseq.proxy;

import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.session.Phrase;
import java.net.InetSocketAddress;

/**
 * What a running proxy tells its owner, as it happens. Calls come from the sessions' threads, one
 * session's calls in order; an implementation must be thread-safe and quick, as the session waits.
 */
public interface ProxyEvents {

  /** A client connected and its session began. */
  default void opened(SessionInfo session) {}

  /**
   * A session broke a rule; reported when the exchange it is about completes.
   *
   * @param profile the profile the session is checked with, for the message
   * @param refused whether the proxy answered the command itself instead of forwarding it
   */
  default void finding(
      SessionInfo session, Finding finding, ServerProfile profile, boolean refused) {}

  /**
   * The proxy answered the client itself, with a reply the server did not send: a strict refusal, a
   * refused PORT, its TLS answers, a 501 in place of a malformed 227, a 421 as it ends the session.
   * The session's secrets are masked in both. The reply is protocol text, in English as it went to
   * the client; why the proxy answered is ftpseq's own words, for the run's language.
   *
   * @param reply the reply's first line, as sent
   * @param why why the proxy answered
   */
  default void ownReply(SessionInfo session, String reply, Phrase why) {}

  /**
   * Something the proxy did to protect a session or itself: a refused data connection, a timeout.
   */
  default void notice(SessionInfo session, Phrase message) {}

  /** A session ended; its record, when recording, is complete. */
  default void closed(SessionSummary summary) {}

  /** A client was turned away before a session began (too many sessions). */
  default void turnedAway(InetSocketAddress client, Phrase reason) {}
}
