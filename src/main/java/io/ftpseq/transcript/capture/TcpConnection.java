package io.ftpseq.transcript.capture;

/**
 * One TCP connection seen in a capture: its two ends, a reassembler per direction, and the listener
 * that reads its content. The initiator is the side that sent the SYN; when the handshake was not
 * captured it is simply the side seen first.
 */
final class TcpConnection {

  /** Reads a connection's reassembled content. */
  interface Listener {
    /** The next bytes one side sent. */
    void bytes(boolean fromInitiator, long frame, byte[] data, int offset, int length);

    /** Bytes one side sent were not captured; noticed at {@code frame}. */
    void gap(boolean fromInitiator, long frame);

    /** The connection ended (FIN both ways, RST, or the end of the capture). */
    void closed(long frame);

    /** Whether the content is still wanted; when not, nothing is reassembled any more. */
    boolean reading();
  }

  private final Endpoint initiator;
  private final Endpoint responder;
  private final long firstFrame;
  private final TcpReassembler fromInitiator;
  private final TcpReassembler fromResponder;
  private Listener listener;
  private boolean finFromInitiator;
  private boolean finFromResponder;
  private boolean closed;
  private long frames;

  TcpConnection(Endpoint initiator, Endpoint responder, long firstFrame) {
    this.initiator = initiator;
    this.responder = responder;
    this.firstFrame = firstFrame;
    this.fromInitiator = new TcpReassembler(delivery(true));
    this.fromResponder = new TcpReassembler(delivery(false));
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
    return fromInitiator.synSeen() || fromResponder.synSeen();
  }

  boolean closed() {
    return closed;
  }

  /** Whether a SYN from the initiator starts a new connection on the same ends (port reuse). */
  boolean isReusedBy(TcpSegment syn) {
    return fromInitiator.synSeen() && fromInitiator.initialSequence() != syn.sequence();
  }

  /** Takes a segment; {@code sender} says which end sent it. */
  void segment(long frame, Endpoint sender, TcpSegment segment, byte[] data) {
    frames++;
    boolean initiatorSent = sender.equals(initiator);
    if (listener.reading()) {
      TcpReassembler own = initiatorSent ? fromInitiator : fromResponder;
      TcpReassembler peer = initiatorSent ? fromResponder : fromInitiator;
      // what the sender acknowledges arrived before what it sends now
      if (segment.has(TcpSegment.ACK)) {
        peer.acknowledged(frame, segment.acknowledgement());
      }
      own.segment(frame, segment, data);
    }
    if (segment.has(TcpSegment.FIN)) {
      finFromInitiator |= initiatorSent;
      finFromResponder |= !initiatorSent;
    }
    boolean done =
        finFromInitiator
            && finFromResponder
            && (!listener.reading() || (fromInitiator.finished() && fromResponder.finished()));
    if (segment.has(TcpSegment.RST) || done) {
      end(frame);
    }
  }

  /** Ends the connection: held segments are given after their gaps, then the listener is told. */
  void end(long frame) {
    if (closed) {
      return;
    }
    closed = true;
    if (listener.reading()) {
      fromInitiator.finish();
      fromResponder.finish();
    }
    listener.closed(frame);
  }

  private TcpReassembler.Delivery delivery(boolean initiatorSent) {
    return new TcpReassembler.Delivery() {
      @Override
      public void bytes(long frame, byte[] data, int offset, int length) {
        if (listener.reading()) {
          listener.bytes(initiatorSent, frame, data, offset, length);
        }
      }

      @Override
      public void gap(long frame) {
        if (listener.reading()) {
          listener.gap(initiatorSent, frame);
        }
      }
    };
  }
}
