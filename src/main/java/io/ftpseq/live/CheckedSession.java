package io.ftpseq.live;

import io.ftpseq.protocol.Command;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.SessionEvent.NoteKind;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;

/**
 * What {@link CheckedFtpClient} and {@link CheckedFtpsClient} share: the pre-send check and the
 * recording of everything the client sends and reads, including what Commons Net hides from its
 * listeners (control keep-alive NOOPs and the replies read for them).
 */
final class CheckedSession {

  private static final String WHILE_CONNECTING =
      "while connecting (setAutodetectUTF8 asks FEAT, FTPSClient sends AUTH)";
  private final FTPClient client;
  private final SessionRecorder recorder;
  private final CheckMode mode;
  private final Severity blockAt;
  private final KeepAliveWindow window;
  private final FtpSessionWatch watch;
  private boolean connecting;
  private boolean connectedBefore;

  CheckedSession(
      FTPClient client, String name, ProfileChoice profile, CheckMode mode, Severity blockAt) {
    // Only a strict client judges before sending; the others replay when asked, which is cheaper.
    this.client = client;
    this.recorder = new SessionRecorder(name, profile, mode == CheckMode.STRICT);
    this.mode = mode;
    this.blockAt = blockAt;
    this.window = new KeepAliveWindow(client, recorder);
    this.watch = new FtpSessionWatch(recorder, window::settle, () -> {});
  }

  FtpSessionWatch watch() {
    return watch;
  }

  CheckMode mode() {
    return mode;
  }

  /**
   * Marks the commands sent from here on as Commons Net's own, until {@link #connected}. A client
   * connecting again opens a new session, which the transcript marks so that it is checked afresh.
   */
  void connecting() {
    connecting = true;
    if (connectedBefore) {
      window.settle();
      recorder.note(NoteKind.CONNECTED, WatchListener.CONNECTED_AGAIN);
    }
    connectedBefore = true;
  }

  /** Notes that the control connection is TLS from connect (implicit FTPS), before the greeting. */
  void tlsFromConnect() {
    recorder.note(NoteKind.TLS_FROM_CONNECT, "implicit FTPS, the greeting came over TLS");
  }

  void connected() {
    connecting = false;
  }

  /**
   * In strict mode, refuses a command that breaks a rule at {@code blockAt} or above; not on a
   * client that is not connected (before connect, after disconnect), which fails it as always.
   *
   * @throws FtpSequenceException naming each broken rule, the command and the fix
   */
  void beforeSend(String command, String args) throws FtpSequenceException {
    if (mode != CheckMode.STRICT || connecting) {
      return; // what Commons Net sends while connecting is its own, not the caller's to refuse
    }
    if (!client.isConnected()) {
      return; // no session to judge it in: Commons Net fails it, "Connection is not open"
    }
    window.settle();
    List<Finding> found =
        recorder.judge(command, args).stream().filter(f -> f.severity().atLeast(blockAt)).toList();
    if (!found.isEmpty()) {
      recorder.blocked(command, args, found);
      throw new FtpSequenceException(
          "ftpseq refused to send this command:\n"
              + FindingText.of(recorder, found).stripTrailing(),
          found);
    }
  }

  void commandSent(String message) {
    String line = message.strip();
    if (!line.isEmpty()) {
      recorder.secretsIn(line);
      window.commandSent(Command.parse(line), connecting, WHILE_CONNECTING);
    }
  }

  void replyReceived(int code, String message) {
    window.reply(code, message);
  }

  /** A keep-alive NOOP is about to go out through {@code __noop}, which listeners never see. */
  void keepAliveSent() {
    window.keepAliveSent();
  }

  /** A reply read by {@code __getReplyNoReport}, which listeners never see. */
  void unreportedReply(int code, String[] lines) {
    window.reply(code, String.join("\r\n", lines));
  }
}
