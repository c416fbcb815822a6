package io.ftpseq.live;

import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.Severity;
import java.io.IOException;
import org.apache.commons.net.ftp.FTPClient;

/**
 * An {@link FTPClient} that checks the order of its own commands: every command goes through {@link
 * #sendCommand(String, String)}, where it is judged against the session so far before it is sent.
 * In {@link CheckMode#STRICT} a command that breaks a rule is not sent and {@link
 * FtpSequenceException} is thrown; in {@link CheckMode#OBSERVE} it is sent and recorded.
 *
 * <p>Unlike a listener, the client also sees the control keep-alive NOOPs Commons Net sends during
 * transfers and the replies it reads for them, so its transcript is the exact wire dialogue.
 *
 * <pre>{@code
 * CheckedFtpClient client = new CheckedFtpClient(CheckMode.STRICT);
 * client.connect("ftp.example.com");
 * client.sendCommand("PASS", "secret"); // throws: PASS_WITHOUT_USER at command 1 "PASS ****" ...
 * }</pre>
 */
public class CheckedFtpClient extends FTPClient {

  private final CheckedSession session;

  /** A client in the given mode, refusing (in strict mode) errors, checked with the RFC profile. */
  public CheckedFtpClient(CheckMode mode) {
    this(mode, Severity.ERROR, "ftp-session");
  }

  /**
   * A client in the given mode.
   *
   * @param mode whether to refuse or only record out-of-order commands
   * @param blockAt in strict mode, the least severity that is refused
   * @param name the session's name in transcripts and reports
   */
  public CheckedFtpClient(CheckMode mode, Severity blockAt, String name) {
    this(mode, blockAt, name, ProfileChoice.of(ServerProfiles.RFC));
  }

  /**
   * A client checked with the given profile choice; with {@code ProfileChoice.AUTO} the profile is
   * picked from the server's greeting, and in strict mode a refusal then says what that server
   * answers to the refused command.
   *
   * @param mode whether to refuse or only record out-of-order commands
   * @param blockAt in strict mode, the least severity that is refused
   * @param name the session's name in transcripts and reports
   * @param profile the server profile, named or {@code auto}
   */
  public CheckedFtpClient(CheckMode mode, Severity blockAt, String name, ProfileChoice profile) {
    this.session = new CheckedSession(this, name, profile, mode, blockAt);
  }

  /** The watch holding this client's session: events, transcript, findings. */
  public FtpSessionWatch watch() {
    return session.watch();
  }

  @Override
  public int sendCommand(String command, String args) throws IOException {
    session.beforeSend(command, args);
    return super.sendCommand(command, args);
  }

  @Override
  protected void _connectAction_() throws IOException {
    session.connecting();
    try {
      super._connectAction_();
    } finally {
      session.connected();
    }
  }

  @Override
  protected void fireCommandSent(String command, String message) {
    session.commandSent(message);
    super.fireCommandSent(command, message);
  }

  @Override
  protected void fireReplyReceived(int replyCode, String reply) {
    session.replyReceived(replyCode, reply);
    super.fireReplyReceived(replyCode, reply);
  }

  @Override
  protected void __noop() throws IOException {
    session.keepAliveSent();
    super.__noop();
  }

  @Override
  protected void __getReplyNoReport() throws IOException {
    int before = session.repliesRead();
    try {
      super.__getReplyNoReport();
    } catch (IOException e) {
      session.replyReadFailed(before, e);
      throw e;
    }
    session.unreportedReply(getReplyCode(), getReplyStrings());
  }

  /**
   * Reads a reply as Commons Net does; where the server closed the connection instead, the
   * transcript says so ({@code # closed by the server: ...}) before the exception goes on, so that
   * a transfer or any command it cut off is an error of the session.
   */
  @Override
  public int getReply() throws IOException {
    int before = session.repliesRead();
    try {
      return super.getReply();
    } catch (IOException e) {
      session.replyReadFailed(before, e);
      throw e;
    }
  }
}
