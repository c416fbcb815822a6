package io.ftpseq.transcript.capture;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyAssembler;
import io.ftpseq.protocol.Verb;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads one TCP connection as an FTP control connection, if its content is one. Which side is the
 * client is told by content, not by port: the side whose first line is a reply ({@code 220} and
 * friends) is the server, the side whose first line is an FTP command is the client. Commands and
 * replies become events in the order their last byte was captured, which is the order the server
 * saw them, so pipelined commands pair with their replies first in first out.
 *
 * <p>After {@code AUTH TLS} is answered 234 the rest is ciphertext: an ENCRYPTED note ends the
 * reading. A connection that opens with a TLS ClientHello to port 990 (or offering the "ftp" ALPN
 * protocol) is implicit FTPS and is one problem, not a dialogue.
 */
final class FtpControlConnection implements TcpConnection.Listener {

  private enum Role {
    UNDECIDED,
    CONTROL,
    NOT_FTP,
    ENCRYPTED
  }

  /** Lines a connection that starts mid-stream may show before one looks like FTP. */
  static final int UNDECIDED_LINES = 16;

  private static final Set<String> TLS_MECHANISMS = Set.of("TLS", "SSL", "TLS-C", "TLS-P");

  private final PacketSources sources;
  private final CaptureSink sink;
  private final TcpConnection connection;
  private final DataChannels channels;

  /**
   * How many of the data ends it announced a connection remembers, to forget them when it closes.
   */
  private static final int ANNOUNCED = 16;

  private final Runnable recognised;
  private final UnaryOperator<String> names;
  private final Side initiator = new Side(true);
  private final Side responder = new Side(false);
  private final ReplyAssembler replies = new ReplyAssembler();
  private Role role = Role.UNDECIDED;
  private Side client;
  private String session;
  // the data ends this connection announced lately, forgotten by the data channels when it closes
  private final ArrayDeque<Endpoint> announced = new ArrayDeque<>();
  // the session ends once the connection and every data connection it opened have closed
  private int openDataConnections;
  private boolean controlClosed;
  private boolean ended;
  private boolean startMissing;
  private int undecidedLines;
  private long replyStart;
  private long cutAt; // the packet at which the open reply was cut at its bound
  private boolean authSent;
  // whether an unreadable reply has answered the last command (see LineDialogue)
  private boolean unreadableAnswered = true; // nothing to answer before the first command
  // how many frames a problem was reported at, and the last: a count, not a set, so that a
  // connection of a million bad lines holds no more memory than one of none
  private long problemFrames;
  private long lastProblemFrame = -1;

  /** The side of the connection one reassembled direction came from. */
  private final class Side implements LineBuffer.Lines {
    final boolean isInitiator;
    final LineBuffer buffer = new LineBuffer(this);
    boolean sentAny;

    /**
     * Whether bytes of this side were lost before its next line, which may then be the tail of a
     * line whose start was not captured: the rest of {@code PASS secret} as much as anything.
     */
    boolean headMayBeLost;

    Side(boolean isInitiator) {
      this.isInitiator = isInitiator;
    }

    Endpoint end() {
      return isInitiator ? connection.initiator() : connection.responder();
    }

    Side peer() {
      return isInitiator ? responder : initiator;
    }

    /** The side as problems and notes name it: the client or the server. */
    Phrase name() {
      return Phrase.of(this == client ? "capture.client" : "capture.server");
    }

    @Override
    public void line(long frame, String text) {
      FtpControlConnection.this.line(this, frame, text);
    }

    @Override
    public void tooLong(long frame, int length, String head) {
      if (role == Role.CONTROL) {
        if (this == client) {
          sink.secretsIn(head);
        }
        problem(frame, Phrase.of("problem.capture.lineTooLong", name(), length));
      } else if (role == Role.UNDECIDED) {
        role = Role.NOT_FTP;
      }
    }
  }

  /**
   * A reader of {@code connection}, sending sessions of {@code sources} to {@code sink}; {@code
   * recognised} runs when the connection turns out to be FTP; {@code names} turns its {@code client
   * -> server} into its session's name, which tells apart connections on the same ends.
   */
  FtpControlConnection(
      PacketSources sources,
      CaptureSink sink,
      TcpConnection connection,
      DataChannels channels,
      Runnable recognised,
      UnaryOperator<String> names) {
    this.sources = sources;
    this.sink = sink;
    this.connection = connection;
    this.channels = channels;
    this.recognised = recognised;
    this.names = names;
  }

  /** Whether the connection turned out to be an FTP control connection (readable or not). */
  boolean isFtp() {
    return role == Role.CONTROL || role == Role.ENCRYPTED;
  }

  @Override
  public boolean reading() {
    return role == Role.UNDECIDED || role == Role.CONTROL;
  }

  @Override
  public void bytes(boolean fromInitiator, long frame, byte[] data, int offset, int length) {
    Side side = fromInitiator ? initiator : responder;
    if (role == Role.UNDECIDED && !side.sentAny && TlsHandshake.isRecord(data, offset, length)) {
      tls(side, frame, data, offset, length);
      return;
    }
    side.sentAny = true;
    side.buffer.append(frame, data, offset, length);
  }

  @Override
  public void gap(boolean fromInitiator, long frame, boolean cut) {
    Side side = fromInitiator ? initiator : responder;
    if (cut && lineHeadWhole(side.buffer.partial())) {
      // a line cut by the snap length: its verb or code is whole, so it is read as it is; the
      // capture's problem already says bytes were lost
      String partial = side.buffer.partial();
      long start = side.buffer.partialFrame();
      side.buffer.clear();
      side.line(
          start, partial.endsWith("\r") ? partial.substring(0, partial.length() - 1) : partial);
      return;
    }
    String partial = side.buffer.partial();
    if (partial != null && side == client) {
      sink.secretsIn(partial); // the head of a PASS line whose password the server may echo
    }
    side.buffer.clear();
    side.headMayBeLost = true;
    if (role == Role.UNDECIDED) {
      startMissing = true;
      return;
    }
    if (side != client) {
      cutRest(frame, "problem.replyRest.packet.unclosed");
      replies.flush();
    }
    emit(
        new Note(
            at(frame),
            NoteKind.LINES_MISSING,
            Phrase.of("note.detail.capture.notCaptured", side.name())));
  }

  /**
   * Whether a line cut short still shows its verb or reply code whole: it ends with the CR before
   * the lost LF, or has a space after its first word, or is a multi-line reply's {@code 123-}.
   */
  private static boolean lineHeadWhole(String partial) {
    return partial != null
        && (partial.endsWith("\r") || partial.indexOf(' ') > 0 || partial.indexOf('-') == 3);
  }

  @Override
  public void closed(long frame) {
    if (role != Role.CONTROL) {
      return;
    }
    cutRest(frame, "problem.replyRest.packet.unclosed");
    Reply open = replies.flush();
    if (open != null) {
      problem(
          frame,
          Phrase.of(
              "problem.capture.replyNotClosed", open.code().toString(), Long.toString(replyStart)));
      emit(new ReplyReceived(at(replyStart), open));
    }
    for (Side side : new Side[] {initiator, responder}) {
      String partial = side.buffer.partial();
      if (partial != null) {
        if (side == client) {
          sink.secretsIn(partial);
        }
        problem(
            side.buffer.partialFrame(),
            Phrase.of(
                "problem.capture.endsInLine",
                side.name(),
                side != client
                    ? Problem.quoteReply(FtpLines.printable(partial))
                    : tailOfLostLine(partial)
                        ? Problem.quote(Command.MASK)
                        : Problem.quote(FtpLines.printable(partial))));
      }
    }
    controlClosed = true;
    channels.closed(this, announced);
    announced.clear();
    endIfOver();
  }

  /**
   * Whether a client's line may be the tail of a line whose start was not captured, so that no word
   * of it can be told from a password: bytes of the client were lost right before it and it does
   * not begin with a command's verb ({@code SS secret}, after {@code PA} was lost). Cheap: a
   * capture without gaps never asks more than a field.
   */
  private boolean tailOfLostLine(String text) {
    return client.headMayBeLost && !FtpLines.looksLikeCommand(text);
  }

  private void line(Side side, long frame, String text) {
    if (role == Role.UNDECIDED) {
      classify(side, frame, text);
    }
    if (role != Role.CONTROL) {
      return;
    }
    if (side == client) {
      command(frame, text);
    } else {
      reply(frame, text);
    }
  }

  /**
   * Decides from a connection's first line whether it is FTP and which side is the client. A
   * connection whose start was captured must open like FTP; one that starts mid-stream gets a few
   * lines to show it.
   */
  private void classify(Side side, long frame, String text) {
    if (FtpLines.looksLikeReply(text)) {
      decide(side.peer(), frame);
    } else if (FtpLines.looksLikeCommand(text)) {
      decide(side, frame);
    } else if ((startMissing || !connection.handshakeSeen())
        && ++undecidedLines < UNDECIDED_LINES) {
      return;
    } else {
      role = Role.NOT_FTP;
    }
  }

  private void decide(Side clientSide, long frame) {
    role = Role.CONTROL;
    client = clientSide;
    session = names.apply(clientSide.end() + " -> " + clientSide.peer().end());
    recognised.run();
    if (startMissing || !connection.handshakeSeen()) {
      clientSide.headMayBeLost = true; // its first line may have begun before the capture did
      Phrase why =
          connection.handshakeSeen()
              ? Phrase.of("note.detail.capture.before", Long.toString(frame))
              : Phrase.of("note.detail.capture.noSyn");
      emit(new Note(at(connection.firstFrame()), NoteKind.START_MISSING, why));
    }
  }

  private void command(long frame, String text) {
    if (tailOfLostLine(text)) {
      client.headMayBeLost = false;
      leftOutTail(frame, text);
      return;
    }
    client.headMayBeLost = false;
    if (text.isBlank()) {
      problem(frame, Phrase.of("problem.capture.emptyCommand"));
      return;
    }
    sink.secretsIn(text);
    Command command = Command.parse(text);
    unreadableAnswered = false;
    emit(new CommandSent(at(frame), command));
    if (command.verb() == Verb.AUTH
        && TLS_MECHANISMS.contains(command.argument().toUpperCase(Locale.ROOT))) {
      authSent = true;
    }
    channels.command(command, client.end(), this);
  }

  /**
   * A client's line that may be the tail of one whose start was lost ({@link #tailOfLostLine}): it
   * is no command to go by, and it may be all or part of a password, so each of its words is learnt
   * as a secret (the server may echo it) and the line is quoted masked whole.
   */
  private void leftOutTail(long frame, String text) {
    sink.secret(text.strip());
    for (String word : text.strip().split("\\s+", -1)) {
      sink.secret(word);
    }
    problem(
        frame,
        Phrase.of("problem.capture.tailLeftOut", client.name(), Problem.quote(Command.MASK)));
  }

  private void reply(long frame, String text) {
    if (!replies.isOpen()) {
      replyStart = frame;
    }
    ReplyAssembler.Outcome outcome = replies.accept(text);
    if (outcome instanceof ReplyAssembler.Complete complete) {
      replied(complete.reply());
    } else if (outcome instanceof ReplyAssembler.Overlong overlong) {
      Reply reply = overlong.reply();
      unreadable(frame);
      sink.problem(
          session,
          new Problem(
              at(frame),
              Phrase.of(
                  "problem.replyTooLong.packet",
                  reply.code().toString(),
                  Long.toString(replyStart),
                  ReplyAssembler.MAX_REPLY_MEGABYTES,
                  reply.lines().size())));
      cutAt = frame;
      replied(reply);
    } else if (outcome instanceof ReplyAssembler.RestClosed closed) {
      rest(frame, closed.rest(), "problem.replyRest.packet");
    } else if (outcome instanceof ReplyAssembler.Malformed) {
      problem(
          frame,
          Phrase.of("problem.capture.notReply", Problem.quoteReply(FtpLines.printable(text))));
      if (!unreadableAnswered && !text.isBlank()) { // a blank line is no reply
        unreadableAnswered = true;
        emit(new Note(at(frame), NoteKind.UNREADABLE_REPLY, ""));
      }
    }
  }

  /** A complete reply, or one cut at its bound: into the session and on to the data channels. */
  private void replied(Reply reply) {
    unreadableAnswered |= reply.code().isFinal();
    emit(new ReplyReceived(at(replyStart), reply));
    channels.reply(reply, client.peer().end(), this);
    if (reply.code().value() == 234 && authSent) {
      emit(new Note(at(replyStart), NoteKind.ENCRYPTED, Phrase.of("note.detail.capture.tls")));
      role = Role.ENCRYPTED;
    }
  }

  /** The first bytes of a side are a TLS handshake record: implicit FTPS, or not FTP at all. */
  private void tls(Side side, long frame, byte[] data, int offset, int length) {
    boolean ftps =
        side.peer().end().port() == TlsHandshake.IMPLICIT_FTPS_PORT
            || TlsHandshake.offersFtpAlpn(data, offset, length);
    role = Role.NOT_FTP;
    if (ftps) {
      recognised.run();
      unreadable(frame);
      sink.problem(
          side.end() + " -> " + side.peer().end(),
          new Problem(at(frame), Phrase.of("problem.capture.implicitFtps")));
    }
  }

  private Source at(long frame) {
    return sources.at(frame);
  }

  /** A note about one of this connection's data connections, into its session. */
  void dataNote(long frame, NoteKind kind, Phrase detail) {
    emit(new Note(at(frame), kind, detail));
    if (kind == NoteKind.DATA_OPENED) {
      openDataConnections++;
    } else if (kind == NoteKind.DATA_CLOSED) {
      openDataConnections--;
      endIfOver();
    }
  }

  /** Notes a data end this connection announced; the latest {@link #ANNOUNCED} are kept. */
  void announced(Endpoint end) {
    if (announced.size() == ANNOUNCED) {
      announced.removeFirst();
    }
    announced.addLast(end);
  }

  /**
   * Ends the session once the control connection and all its data connections have closed: nothing
   * more can come for it, so it is reported and forgotten then, not at the end of the capture.
   */
  private void endIfOver() {
    if (controlClosed && openDataConnections <= 0 && !ended && session != null) {
      ended = true;
      sink.end(session);
    }
  }

  private void emit(SessionEvent event) {
    sink.event(session, event);
  }

  /** Says in one problem what was not kept of the reply cut at its bound, if one was. */
  private void cutRest(long frame, String key) {
    ReplyAssembler.Rest rest = replies.cutRest();
    if (rest != null) {
      rest(frame, rest, key);
    }
  }

  private void rest(long frame, ReplyAssembler.Rest rest, String key) {
    problem(
        frame,
        Phrase.of(key, rest.code().toString(), Long.toString(cutAt), rest.lines(), rest.bytes()));
  }

  private void problem(long frame, Phrase what) {
    unreadable(frame);
    sink.problem(session, new Problem(at(frame), what));
  }

  /** Counts the frame a problem was reported at; problems come in frame order, each frame once. */
  private void unreadable(long frame) {
    if (frame != lastProblemFrame) {
      problemFrames++;
      lastProblemFrame = frame;
    }
  }

  /** How many frames a problem of this connection was reported at. */
  long problemFrames() {
    return problemFrames;
  }
}
