package io.ftpseq.live;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Verb;
import io.ftpseq.session.SessionEvent.NoteKind;
import org.apache.commons.net.ProtocolCommandEvent;
import org.apache.commons.net.ProtocolCommandListener;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * Records a plain {@link FTPClient} through Commons Net's listener API: every command, and every
 * reply with all its lines (a multi-line reply is one event, its lines joined by CRLF). What
 * listeners cannot see, keep-alive NOOPs, is ordered by {@link KeepAliveWindow}.
 */
final class WatchListener implements ProtocolCommandListener {

  private static final String AUTODETECT = "setAutodetectUTF8(true) asks FEAT while connecting";

  private static final String IMPLICIT = "implicit FTPS, the greeting came over TLS";

  /** What the transcript says where a client opened a new control connection. */
  static final String CONNECTED_AGAIN =
      "the client connected again; a new session starts here, logged out";

  private final FTPClient client;
  private final SessionRecorder recorder;
  private final KeepAliveWindow window;
  private boolean userSent;
  private boolean greetingPassed;

  /** The local port of the control connection the last reply came on, -1 before the first. */
  private int localPort = -1;

  WatchListener(FTPClient client, SessionRecorder recorder) {
    this.client = client;
    this.recorder = recorder;
    // Attached mid-session, TLS may come from an AUTH the watch never saw: not from connect.
    this.greetingPassed = client.isConnected();
    this.window = new KeepAliveWindow(client, recorder);
  }

  // Commons Net calls the listener on the client's thread only; the window, which the reading
  // thread also settles, does the locking.
  @Override
  public void protocolCommandSent(ProtocolCommandEvent event) {
    String line = event.getMessage().strip();
    if (line.isEmpty()) {
      return;
    }
    recorder.secretsIn(line);
    // Only Commons Net sends FEAT before USER with UTF-8 autodetection: it asks while connecting.
    Command command = Command.parse(line);
    Verb verb = command.verb();
    boolean automatic = verb == Verb.FEAT && !userSent && client.getAutodetectUTF8();
    userSent |= verb == Verb.USER;
    window.commandSent(command, automatic, AUTODETECT);
  }

  @Override
  public void protocolReplyReceived(ProtocolCommandEvent event) {
    // Listeners are not told of connects: a reply on another local port is a new connection's.
    int port = client.getLocalPort();
    if (localPort >= 0 && port != localPort) {
      window.settle();
      recorder.note(NoteKind.CONNECTED, CONNECTED_AGAIN);
      greetingPassed = false;
      userSent = false;
    }
    localPort = port;
    if (!greetingPassed) {
      greetingPassed = true;
      // An explicit FTPS client reads the greeting on a plain socket; only an implicit one has
      // negotiated TLS by then, and Commons Net shows that through its socket's client mode.
      if (client instanceof FTPSClient secure && secure.getUseClientMode()) {
        recorder.note(NoteKind.TLS_FROM_CONNECT, IMPLICIT);
      }
    }
    window.reply(event.getReplyCode(), event.getMessage());
  }

  /** Gives replies held during a keep-alive transfer; called before the record is read. */
  void settle() {
    window.settle();
  }
}
