package io.ftpseq.transcript.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One direction of a TCP connection put back in order: bytes are delivered once each, in sequence
 * order, with the frame that carried them. Sequence numbers are compared modulo 2^32 (RFC 9293
 * §3.4), so a stream may wrap past 2^32. Retransmitted and overlapping bytes are dropped; segments
 * that arrive ahead of a hole are held until it fills.
 *
 * <p>A hole that never fills is bytes the capture missed. The peer's acknowledgement shows it: once
 * the receiver acknowledges bytes the capture never had, they are declared a gap at that frame and
 * delivery goes on after them. Too many held segments, and the end of the capture, close holes the
 * same way, so memory stays bounded.
 */
final class TcpReassembler {

  /** Receives what the direction carried, in order. */
  interface Delivery {
    /** The next bytes of the stream, arrived in frame {@code frame}. */
    void bytes(long frame, byte[] data, int offset, int length);

    /** Bytes before the next delivery were never captured; noticed at frame {@code frame}. */
    void gap(long frame);
  }

  static final int MAX_HELD_SEGMENTS = 512;
  static final int MAX_HELD_BYTES = 1 << 20;

  /** Acknowledgements further ahead than this are not believed: they are damage, not a gap. */
  private static final int MAX_ACK_LEAP = 1 << 30;

  @SuppressWarnings("ArrayRecordComponent") // held bytes, never compared or hashed
  private record Held(int sequence, byte[] data, long frame) {}

  private final Delivery delivery;
  private final List<Held> held = new ArrayList<>();
  private int heldBytes;
  private boolean started;
  private boolean synSeen;
  private int next;
  private int initial;
  private boolean finSeen;
  private int finSequence;

  TcpReassembler(Delivery delivery) {
    this.delivery = delivery;
  }

  /** Whether this direction's SYN was captured, so its stream is known from its first byte. */
  boolean synSeen() {
    return synSeen;
  }

  /** The initial sequence number, when the SYN was seen. */
  int initialSequence() {
    return initial;
  }

  /** Whether the sender's FIN was seen and every byte before it delivered or declared a gap. */
  boolean finished() {
    return finSeen && next == finSequence;
  }

  /** Takes a segment this direction sent. */
  void segment(long frame, TcpSegment segment, byte[] data) {
    int sequence = segment.sequence();
    if (segment.has(TcpSegment.SYN)) {
      if (!synSeen) {
        synSeen = true;
        started = true;
        initial = sequence;
        next = sequence + 1;
      }
      sequence += 1;
    } else if (!started) {
      started = true;
      next = sequence;
    }
    if (segment.has(TcpSegment.FIN)) {
      finSeen = true;
      finSequence = sequence + segment.payloadLength();
    }
    if (segment.payloadLength() > 0) {
      accept(frame, sequence, data, segment.payloadOffset(), segment.payloadLength());
    }
  }

  /** The receiver acknowledged every byte before {@code acknowledged}. */
  void acknowledged(long frame, int acknowledged) {
    if (!started) {
      // the sender's SYN and first bytes were not captured; the peer says where its stream stands
      started = true;
      next = acknowledged;
      return;
    }
    int limit = finSeen && acknowledged - finSequence > 0 ? finSequence : acknowledged;
    if (limit - next <= 0 || limit - next > MAX_ACK_LEAP) {
      return;
    }
    while (limit - next > 0) {
      Held first = earliest();
      delivery.gap(frame);
      next = first != null && first.sequence - limit < 0 ? first.sequence : limit;
      drain();
    }
  }

  /** The capture ends (or the connection was reset): held segments are delivered after gaps. */
  void finish() {
    while (!held.isEmpty()) {
      skipToHeld();
    }
  }

  private void accept(long frame, int sequence, byte[] data, int offset, int length) {
    int ahead = sequence - next;
    if (ahead > 0) {
      held.add(new Held(sequence, Arrays.copyOfRange(data, offset, offset + length), frame));
      heldBytes += length;
      if (held.size() > MAX_HELD_SEGMENTS || heldBytes > MAX_HELD_BYTES) {
        skipToHeld();
      }
      return;
    }
    long skip = -(long) ahead;
    if (skip < length) {
      delivery.bytes(frame, data, offset + (int) skip, length - (int) skip);
      next += length - (int) skip;
      drain();
    }
  }

  /** Declares the hole before the earliest held segment a gap, and goes on from it. */
  private void skipToHeld() {
    Held first = earliest();
    delivery.gap(first.frame);
    next = first.sequence;
    drain();
  }

  private Held earliest() {
    Held first = null;
    for (Held h : held) {
      if (first == null || h.sequence - first.sequence < 0) {
        first = h;
      }
    }
    return first;
  }

  /** Delivers held segments that the stream has reached, until none is left that it has. */
  private void drain() {
    boolean progressed = true;
    while (progressed && !held.isEmpty()) {
      progressed = false;
      for (int i = 0; i < held.size(); i++) {
        Held h = held.get(i);
        int ahead = h.sequence - next;
        if (ahead <= 0) {
          held.remove(i);
          heldBytes -= h.data.length;
          long skip = -(long) ahead;
          if (skip < h.data.length) {
            delivery.bytes(h.frame, h.data, (int) skip, h.data.length - (int) skip);
            next += h.data.length - (int) skip;
          }
          progressed = true;
          break;
        }
      }
    }
  }
}
