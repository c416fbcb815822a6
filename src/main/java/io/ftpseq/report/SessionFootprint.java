package io.ftpseq.report;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Step;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;

/**
 * What a session held in memory costs, in bytes, object by object as a 64-bit HotSpot VM with
 * compressed references (any heap under 32 GB) lays them out: a 12-byte header, 4 bytes a
 * reference, every object a multiple of 8 bytes; a string is its object and an array of one byte a
 * character (two when one is past Latin-1); a list of one or two is one object, a longer one an
 * object and an array of references.
 *
 * <p>Counted are the objects a session holds alone. Not counted are those every session shares: the
 * enums, the server profile and the predictions of its table, the reply codes, a known verb's word
 * (its name), the empty string and empty lists, the input's name that every {@link Source} of an
 * input holds. A string the part just before held too, or a time the source just before held (the
 * lines of one second share it), is counted once. An object two parts of a session share further
 * apart (a finding's command, which is also a step's) is counted for each.
 *
 * <p>Checked against what the heap holds by {@code SessionFootprintTest}: the vsftpd sessions the
 * HTML report keeps for its table, two steps each, hold about 950 bytes a session, which an
 * estimate of 600 bytes a session and 800 a step counted as 2,250.
 */
final class SessionFootprint {

  /** A SessionCheck (13 fields), its Unlisted (6 longs) and its ProfileBasis. */
  private static final long SESSION = 64 + 64 + 24;

  /** A Step, its Exchange, the SessionState after it (10 fields) and the Previous it holds. */
  private static final long STEP = 24 + 24 + 48 + 32;

  private static final long FINDING = 40;
  private static final long PROBLEM = 24;
  private static final long NOTE = 24;
  private static final long COMMAND_SENT = 24;
  private static final long REPLY_RECEIVED = 24;

  /** A Source: file, line (a long), unit and time. */
  private static final long SOURCE = 32;

  /** A Command: verb, word, argument, argument as sent. */
  private static final long COMMAND = 32;

  private static final long REPLY = 24;

  private long bytes;

  /** The string counted last, not counted again when the next part holds it too. */
  private String last;

  /** The time counted last: the lines of one second share it. */
  private String lastTime;

  private SessionFootprint() {}

  /** The bytes the session holds in memory. */
  static long of(SessionCheck session) {
    SessionFootprint footprint = new SessionFootprint();
    footprint.add(session);
    return footprint.bytes;
  }

  private void add(SessionCheck session) {
    bytes += SESSION;
    string(session.session());
    string(session.profileBasis().evidence());
    bytes += list(session.findings().size());
    for (Finding finding : session.findings()) {
      bytes += FINDING;
      source(finding.source());
      command(finding.command());
      reply(finding.reply());
      command(finding.context());
      source(finding.contextSource());
    }
    bytes += list(session.problems().size());
    for (Problem problem : session.problems()) {
      bytes += PROBLEM;
      source(problem.source());
      string(problem.message());
    }
    bytes += list(session.notes().size());
    for (Note note : session.notes()) {
      bytes += NOTE;
      source(note.source());
      string(note.detail());
    }
    bytes += list(session.steps().size());
    for (Step step : session.steps()) {
      bytes += STEP + list(step.exchange().replies().size());
      CommandSent sent = step.exchange().command();
      if (sent != null) {
        bytes += COMMAND_SENT;
        source(sent.source());
        command(sent.command());
      }
      for (ReplyReceived reply : step.exchange().replies()) {
        bytes += REPLY_RECEIVED;
        source(reply.source());
        reply(reply.reply());
      }
    }
  }

  @SuppressWarnings("ReferenceEquality") // the same string, not an equal one, is shared
  private void source(Source source) {
    if (source == null) {
      return;
    }
    bytes += SOURCE;
    if (source.time() != lastTime) {
      lastTime = source.time();
      string(source.time());
    }
  }

  private void command(Command command) {
    if (command == null) {
      return;
    }
    bytes += COMMAND;
    if (!command.word().equals(command.verb().name())) {
      string(command.word());
    }
    string(command.argument());
    if (!command.showsAsSent()) {
      string(command.sentArgument());
    }
  }

  private void reply(Reply reply) {
    if (reply == null) {
      return;
    }
    bytes += REPLY + list(reply.lines().size());
    reply.lines().forEach(this::string);
  }

  /** A string and its array. */
  @SuppressWarnings("ReferenceEquality") // the same string, not an equal one, is shared
  private void string(String text) {
    if (text == null || text.isEmpty() || text == last) {
      return;
    }
    last = text;
    int perChar = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        perChar = 2;
        break;
      }
    }
    bytes += 24 + aligned(16 + (long) perChar * text.length());
  }

  /** An immutable list of n elements, without them. */
  private static long list(int n) {
    if (n == 0) {
      return 0;
    }
    return n <= 2 ? 24 : 16 + aligned(16 + 4L * n);
  }

  private static long aligned(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
