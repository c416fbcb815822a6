package io.ftpseq.live;

import io.ftpseq.protocol.Command;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.Severity;
import io.ftpseq.session.SessionEvent.NoteKind;
import java.io.IOException;
import java.net.SocketException;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;

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

  /** Replies read so far, to tell whether a read that failed got one before it failed. */
  private int repliesRead;

  /** Whether the close of this connection is noted, and nothing was sent since. */
  private boolean closeNoted;

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
    closeNoted = false;
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
      closeNoted = false;
      recorder.secretsIn(line);
      window.commandSent(Command.parse(line), connecting, WHILE_CONNECTING);
    }
  }

  void replyReceived(int code, String message) {
    repliesRead++;
    window.reply(code, message);
  }

  /** How many replies were read so far; give it to {@link #replyReadFailed}. */
  int repliesRead() {
    return repliesRead;
  }

  /**
   * A read of a reply failed. Where the server closed the connection before any reply of this read
   * came (Commons Net read the connection's end, or it was reset), the transcript says so with a
   * {@code # closed by the server} line, which cuts off every command still waiting, a running
   * transfer among them. A read that got a reply first (a 421, on which Commons Net throws too) or
   * that timed out on the client's side is no such close.
   *
   * @param repliesBefore {@link #repliesRead()} when the read began
   */
  void replyReadFailed(int repliesBefore, IOException failure) {
    boolean closed =
        failure instanceof FTPConnectionClosedException || failure instanceof SocketException;
    if (!closed || repliesRead != repliesBefore || closeNoted) {
      return;
    }
    closeNoted = true;
    window.settle();
    String why = failure.getMessage() == null ? "" : failure.getMessage().strip();
    recorder.note(
        NoteKind.CLOSED_BY_SERVER,
        (why.isEmpty() ? failure.getClass().getSimpleName() : why).replaceAll("\\s+", " "));
  }

  /** A keep-alive NOOP is about to go out through {@code __noop}, which listeners never see. */
  void keepAliveSent() {
    window.keepAliveSent();
  }

  /** A reply read by {@code __getReplyNoReport}, which listeners never see. */
  void unreportedReply(int code, String[] lines) {
    repliesRead++;
    window.reply(code, String.join("\r\n", lines));
  }
}
