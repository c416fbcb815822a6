package io.ftpseq.live;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Verb;
import io.ftpseq.session.SessionEvent.NoteKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;

/**
 * Orders what happens during a transfer with Commons Net's control keep-alive on, so that replies
 * are paired with the right commands.
 *
 * <p>With {@code setControlKeepAliveTimeout}, {@code retrieveFile} and {@code storeFile} send NOOPs
 * while the transfer runs, after its 1yz and before its final reply, and read their 200s whenever
 * they come: some inside the copy loop, unreported to listeners, the rest after the transfer. When
 * the server has already sent the transfer's final reply, the first keep-alive read takes it, and
 * the transfer "ends" on a NOOP's 200. Paired first in first out, any 200 read while the transfer
 * waits would end the transfer's exchange; RFC 959 also does not expect NOOP mid-transfer.
 *
 * <p>So from the transfer's 1yz to the next command, replies are held. Then the transfer's own
 * replies (every code but 200) go first, and each keep-alive NOOP follows with its 200, marked in
 * the transcript as Commons Net's own. The NOOPs thus appear just after the transfer they were sent
 * during. A client that sees its NOOPs ({@link CheckedFtpClient}) counts them; a listener only sees
 * the 200s Commons Net reports, and gives one NOOP per 200.
 */
final class KeepAliveWindow {

  private static final String KEEP_ALIVE =
      "control keep-alive NOOP, sent during the transfer above (setControlKeepAliveTimeout)";

  private record HeldReply(int code, String message) {}

  private final FTPClient client;
  private final SessionRecorder recorder;
  private final List<HeldReply> held = new ArrayList<>();
  private Verb lastVerb = Verb.OTHER;
  private boolean open;
  private int noopsSent;

  KeepAliveWindow(FTPClient client, SessionRecorder recorder) {
    this.client = client;
    this.recorder = recorder;
  }

  /** A command went out (not a keep-alive): what was held is given first. */
  synchronized void commandSent(Command command, boolean automatic, String why) {
    settle();
    lastVerb = command.verb();
    recorder.command(command, automatic, why);
  }

  /** A keep-alive NOOP went out, unseen by listeners. */
  synchronized void keepAliveSent() {
    noopsSent++;
  }

  /** A reply was read, reported to listeners or not. */
  synchronized void reply(int code, String message) {
    if (open) {
      held.add(new HeldReply(code, message));
      return;
    }
    recorder.reply(code, message);
    open = lastVerb.isTransfer() && code >= 100 && code < 200 && keepAliveOn();
  }

  /** Gives what was held, in the order that pairs right. Call before reading the record. */
  synchronized void settle() {
    if (!open) {
      return;
    }
    open = false;
    List<HeldReply> noopReplies = new ArrayList<>();
    boolean transferEnded = false;
    for (HeldReply reply : held) {
      if (reply.code() == 200) {
        noopReplies.add(reply);
      } else {
        recorder.reply(reply.code(), reply.message());
        transferEnded |= reply.code() >= 200;
      }
    }
    held.clear();
    if (!transferEnded && !noopReplies.isEmpty()) {
      recorder.note(
          NoteKind.LINES_MISSING,
          "the transfer's final reply was read by a keep-alive check and not reported");
    }
    int noops = Math.max(noopsSent, noopReplies.size());
    noopsSent = 0;
    for (int i = 0; i < noops; i++) {
      recorder.command("NOOP", true, KEEP_ALIVE);
      if (i < noopReplies.size()) {
        recorder.reply(200, noopReplies.get(i).message());
      }
    }
  }

  private boolean keepAliveOn() {
    Duration timeout = client.getControlKeepAliveTimeoutDuration();
    return timeout != null && !timeout.isZero() && !timeout.isNegative();
  }
}
