package io.ftpseq.transcript.capture;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One TCP connection seen in a capture: its two ends, a reassembler per direction, and the listener
 * that reads its content. The initiator is the side that sent the SYN; when the handshake was not
 * captured it is simply the side seen first.
 *
 * <p>The two directions are interleaved by causality, not by capture order: a segment that
 * acknowledges the peer's bytes up to N was sent after the peer sent them, so its bytes are given
 * to the listener only after those. A capture on {@code -i any}, a tap or two merged per-direction
 * captures often holds a reply before the command it answers; the reply waits for the command. When
 * the bytes it waits for never come (they were not captured), they are declared a gap once more
 * than {@link TcpReassembler#MAX_HELD_SEGMENTS} segments or {@link TcpReassembler#MAX_HELD_BYTES}
 * bytes wait, or when the connection ends.
 */
final class TcpConnection {

  /** Reads a connection's reassembled content. */
  interface Listener {
    /** The next bytes one side sent. */
    void bytes(boolean fromInitiator, long frame, byte[] data, int offset, int length);

    /**
     * Bytes one side sent were not captured; noticed at {@code frame}. {@code cut}: they were the
     * end of that frame, cut by the capture's snap length, and the bytes before are its beginning.
     */
    void gap(boolean fromInitiator, long frame, boolean cut);

    /** The connection ended (FIN both ways, RST, or the end of the capture). */
    void closed(long frame);

    /** Whether the content is still wanted; when not, nothing is reassembled any more. */
    boolean reading();
  }

  /** Bytes (or a gap when {@code data} is null) that wait for the peer's bytes they answer. */
  @SuppressWarnings("ArrayRecordComponent") // waiting bytes, never compared or hashed
  private record Waiting(
      long frame, int sequence, int acknowledgement, boolean acked, byte[] data, boolean cut) {}

  /** One direction: its reassembler and what it delivered that waits for the peer. */
  private final class Direction implements TcpReassembler.Delivery {
    final boolean fromInitiator;
    final TcpReassembler stream = new TcpReassembler(this);
    // made when first needed: most connections never wait
    ArrayDeque<Waiting> waiting;
    Direction peer;

    Direction(boolean fromInitiator) {
      this.fromInitiator = fromInitiator;
    }

    boolean waits() {
      return waiting != null && !waiting.isEmpty();
    }

    /** The sequence number of the next byte not yet given to the listener. */
    int given() {
      return waits() ? waiting.peekFirst().sequence : stream.next();
    }

    /**
     * Whether the peer's bytes before {@code acknowledgement} were given to the listener (or cannot
     * be judged: the peer's stream is unknown, or the number is too far ahead to believe).
     */
    boolean answered(boolean acked, int acknowledgement) {
      if (!acked || !peer.stream.started()) {
        return true;
      }
      int ahead = peer.stream.position(acknowledgement) - peer.given();
      return ahead <= 0 || ahead > TcpReassembler.MAX_ACK_LEAP;
    }

    @Override
    public void bytes(
        long frame,
        int sequence,
        int acknowledgement,
        boolean acked,
        byte[] data,
        int offset,
        int length) {
      if (!listener.reading()) {
        return;
      }
      if (!waits() && answered(acked, acknowledgement)) {
        listener.bytes(fromInitiator, frame, data, offset, length);
        if (peer.waits()) {
          release();
        }
        return;
      }
      byte[] copy = Arrays.copyOfRange(data, offset, offset + length);
      hold(new Waiting(frame, sequence, acknowledgement, acked, copy, false));
    }

    @Override
    public void gap(long frame, int sequence, boolean cut) {
      if (!listener.reading()) {
        return;
      }
      if (waits()) {
        hold(new Waiting(frame, sequence, 0, false, null, cut));
        return;
      }
      listener.gap(fromInitiator, frame, cut);
      if (peer.waits()) {
        release();
      }
    }

    private void hold(Waiting w) {
      if (waiting == null) {
        waiting = new ArrayDeque<>();
      }
      waiting.addLast(w);
      waitingSegments++;
      waitingBytes += w.data == null ? 0 : w.data.length;
    }

    /** Gives the first waiting bytes to the listener, whatever they wait for. */
    void give() {
      Waiting w = waiting.pollFirst();
      waitingSegments--;
      if (w.data == null) {
        listener.gap(fromInitiator, w.frame, w.cut);
      } else {
        waitingBytes -= w.data.length;
        listener.bytes(fromInitiator, w.frame, w.data, 0, w.data.length);
      }
    }

    /** Gives what waits and is now answered; whether anything was given. */
    boolean giveAnswered() {
      boolean gave = false;
      while (waits()) {
        Waiting w = waiting.peekFirst();
        if (w.data != null && !answered(w.acked, w.acknowledgement)) {
          break;
        }
        give();
        gave = true;
      }
      return gave;
    }
  }

  /** How far from the one known direction a segment may start and still be that direction's. */
  private static final long ONE_DIRECTION_WINDOW = 1L << 20;

  private final Endpoint initiator;
  private final Endpoint responder;
  private final long firstFrame;

  /** Both ends have the same address and port (a socket connected to itself). */
  private final boolean oneEndpoint;

  private final Direction fromInitiator = new Direction(true);
  private final Direction fromResponder = new Direction(false);
  private int waitingSegments;
  private long waitingBytes;
  private Listener listener;
  private boolean finFromInitiator;
  private boolean finFromResponder;
  private boolean closed;
  private long frames;
  private long cutFrames;

  TcpConnection(Endpoint initiator, Endpoint responder, long firstFrame) {
    this.initiator = initiator;
    this.responder = responder;
    this.oneEndpoint = initiator.equals(responder);
    this.firstFrame = firstFrame;
    fromInitiator.peer = fromResponder;
    fromResponder.peer = fromInitiator;
  }

  void listen(Listener reader) {
    this.listener = reader;
  }

  /** The listener that reads the connection's content. */
  Listener listener() {
    return listener;
  }

  /** How many frames of the capture carried segments of this connection. */
  long frames() {
    return frames;
  }

  /** How many of its frames the capture cut at its snap length. */
  long cutFrames() {
    return cutFrames;
  }

  Endpoint initiator() {
    return initiator;
  }

  Endpoint responder() {
    return responder;
  }

  /** The first frame of the connection in the capture. */
  long firstFrame() {
    return firstFrame;
  }

  /**
   * Whether the handshake (a SYN either way) was captured, so both streams start at their start.
   */
  boolean handshakeSeen() {
    return fromInitiator.stream.synSeen() || fromResponder.stream.synSeen();
  }

  boolean closed() {
    return closed;
  }

  /** Whether a SYN from the initiator starts a new connection on the same ends (port reuse). */
  boolean isReusedBy(TcpSegment syn) {
    return fromInitiator.stream.synSeen()
        && fromInitiator.stream.initialSequence() != syn.sequence();
  }

  /**
   * Takes a segment; {@code sender} says which end sent it, {@code lost} how many of its last
   * payload bytes the capture cut off, {@code cut} whether the snap length cut its frame at all.
   */
  void segment(
      long frame, Endpoint sender, TcpSegment segment, byte[] data, int lost, boolean cut) {
    frames++;
    if (cut) {
      cutFrames++;
    }
    boolean initiatorSent = oneEndpoint ? sentByInitiator(segment) : sender.equals(initiator);
    if (listener.reading()) {
      Direction own = initiatorSent ? fromInitiator : fromResponder;
      if (segment.has(TcpSegment.ACK)) {
        own.peer.stream.acknowledged(segment.acknowledgement());
      }
      own.stream.segment(frame, segment, data, lost);
      while (waitingSegments > TcpReassembler.MAX_HELD_SEGMENTS
          || waitingBytes > TcpReassembler.MAX_HELD_BYTES) {
        force();
      }
    }
    if (segment.has(TcpSegment.FIN)) {
      finFromInitiator |= initiatorSent;
      finFromResponder |= !initiatorSent;
    }
    boolean done =
        finFromInitiator
            && finFromResponder
            && (!listener.reading()
                || (fromInitiator.stream.finished() && fromResponder.stream.finished()));
    if (segment.has(TcpSegment.RST) || done) {
      end(frame);
    }
  }

  /**
   * Which end sent a segment when both have the same address and port, so the addresses cannot
   * tell: each direction has its own sequence numbers. A SYN alone is the initiator's and a SYN-ACK
   * the responder's; another segment is the direction's whose next byte its sequence number is
   * nearest to, and while only one direction is known, a segment within a window of it is that
   * direction's, any other the other's.
   */
  private boolean sentByInitiator(TcpSegment segment) {
    if (segment.has(TcpSegment.SYN)) {
      return !segment.has(TcpSegment.ACK);
    }
    int sequence = segment.sequence();
    TcpReassembler initiatorStream = fromInitiator.stream;
    TcpReassembler responderStream = fromResponder.stream;
    if (initiatorStream.started() && responderStream.started()) {
      return distance(sequence, initiatorStream.next())
          <= distance(sequence, responderStream.next());
    }
    if (responderStream.started()) {
      return distance(sequence, responderStream.next()) > ONE_DIRECTION_WINDOW;
    }
    return !initiatorStream.started()
        || distance(sequence, initiatorStream.next()) <= ONE_DIRECTION_WINDOW;
  }

  /** How far apart two sequence numbers are, either way round the 32-bit circle. */
  private static long distance(int one, int other) {
    return Math.abs((long) (one - other));
  }

  /**
   * Ends the connection: held and waiting segments are given after the gaps before them, then the
   * listener is told.
   */
  void end(long frame) {
    if (closed) {
      return;
    }
    closed = true;
    if (listener.reading()) {
      while (force()) {
        // each step gives something or declares a gap
      }
    }
    listener.closed(frame);
  }

  /** Gives what waits and is answered now, both ways, until nothing more is. */
  private void release() {
    boolean gave = true;
    while (gave) {
      // both ways each round: what one gives may answer what the other waits with
      boolean initiatorGave = fromInitiator.giveAnswered();
      gave = fromResponder.giveAnswered() || initiatorGave;
    }
  }

  /**
   * Moves on when something waits for bytes that may never come: the peer's missing bytes are
   * declared a gap (or, when both directions wait for each other, the earlier captured is given);
   * with nothing waiting, the earliest hole of a direction is declared a gap. False when nothing
   * waits or is held.
   */
  private boolean force() {
    Direction waiter =
        fromInitiator.waits() && fromResponder.waits()
            ? earlier(fromInitiator, fromResponder)
            : fromInitiator.waits() ? fromInitiator : fromResponder.waits() ? fromResponder : null;
    if (waiter != null) {
      Waiting first = waiter.waiting.peekFirst();
      if (first.data == null
          || waiter.peer.waits()
          || !waiter.peer.stream.skipTo(first.frame, first.acknowledgement, false)) {
        waiter.give();
      }
    } else if (fromInitiator.stream.holding()) {
      fromInitiator.stream.skipToHeld();
    } else if (fromResponder.stream.holding()) {
      fromResponder.stream.skipToHeld();
    } else {
      return false;
    }
    release();
    return true;
  }

  private static Direction earlier(Direction a, Direction b) {
    return a.waiting.peekFirst().frame <= b.waiting.peekFirst().frame ? a : b;
  }
}
