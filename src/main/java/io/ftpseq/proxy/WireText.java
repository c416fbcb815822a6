package io.ftpseq.proxy;

import io.ftpseq.protocol.Reply;
import io.ftpseq.session.Phrase;

/**
 * The words of the replies the proxy sends an FTP client itself, such as {@code 421 ftpseq proxy:
 * no activity for 10 min (--idle-timeout); closing the session.} They are protocol text and stay
 * English whatever {@code --lang} says: FTP clients log and show a server's replies as they come,
 * and a reply's text is part of what the session records. What the proxy tells its operator about
 * the same event follows {@code --lang}: the events carry the {@link Phrase}, the reply its
 * English.
 */
final class WireText {

  private WireText() {}

  /** A reply of the proxy's own, {@code ftpseq proxy: WHAT} and its end, in English. */
  static Reply reply(int code, Phrase what, String end) {
    return Reply.of(code, "ftpseq proxy: " + english(what) + end);
  }

  /** The phrase as a reply on the wire says it: in English. */
  static String english(Phrase what) {
    return what.english();
  }
}
